/** The cyclonus-style truth table of a reachability matrix: expected/actual per cell, marked where they differ. */
import type { MatrixTable } from '../../scenario/result';
import { displayWidth, padDisplay } from '../../util/display-width';

const SHORT: Record<string, string> = { ok: 'ok', refused: 'refused', dropped: 'dropped', 'dns-error': 'dns-err' };

export function truthTable(t: MatrixTable): string[] {
  const header = ['', ...t.to.map((_, j) => String(j + 1))];
  const rows = t.from.map((f, i) => [f, ...t.to.map((_, j) => (t.expected[i][j] === t.actual[i][j] ? `. ${SHORT[t.actual[i][j]] ?? t.actual[i][j]}` : `X ${SHORT[t.actual[i][j]] ?? t.actual[i][j]} (want ${SHORT[t.expected[i][j]] ?? t.expected[i][j]})`))]);
  const all = [header, ...rows];
  // A loop, not Math.max(...column): a spread of a long column overflows the stack.
  const widths = header.map((_, j) => all.reduce((w, r) => Math.max(w, displayWidth(r[j])), 0));
  const line = (r: string[]) => `| ${r.map((cell, j) => padDisplay(cell, widths[j])).join(' | ')} |`;
  const sep = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [
    `truth table (rows: from, columns: to; X = wrong): ${t.wrong} wrong, ${t.right} right`,
    ...t.to.map((to, j) => `  ${j + 1}: ${to}`),
    line(header),
    sep,
    ...rows.map(line),
  ];
}
