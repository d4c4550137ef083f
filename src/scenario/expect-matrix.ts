/**
 * `matrix:` expectations: every source against every target, compared cell by cell; a failure
 * carries the actual-vs-expected truth table with right/wrong counts, as cyclonus prints it.
 */
import { plainText } from '../i18n/lang';
import type { FieldPath } from '../types';
import type { Outcome, SimCluster } from '../sim/types';
import { makeResult, CannotEvaluate, expandTarget, type EvalContext } from './context';
import type { ExpectationResult, MatrixTable } from './result';
import type { MatrixSpec } from './spec';
import { matrixTooLarge } from './limits';

/** A row or column: what it is after expansion, and the entry of the spec it came from (`node/*`, `${node:*}:30080`). */
interface Axis {
  value: string;
  written: string;
}

function expandSources(from: string[], cluster: SimCluster): Axis[] {
  return from.flatMap((f) => (f === 'node/*' ? cluster.nodes.map((n) => ({ value: `node/${n.name}`, written: f })) : [{ value: f, written: f }]));
}

function expandTargets(to: string[], cluster: SimCluster): Axis[] {
  return to.flatMap((t) => (t.includes('${node:*}') ? cluster.nodes.map((n) => ({ value: t.replace('${node:*}', `\${node:${n.name}}`), written: t })) : [{ value: t, written: t }]));
}

/** An `except` cell names a row as written (`node/*` = every node row) or as expanded; a column likewise, or by its address. */
const rowMatches = (want: string, row: Axis) => want === row.value || want === row.written;
const columnMatches = (want: string, col: Axis, address: string) => want === col.value || want === col.written || want === address;

export function evaluateMatrix(ctx: EvalContext, spec: MatrixSpec, at: FieldPath): ExpectationResult {
  const title = plainText(spec.name) ?? `matrix ${spec.from.join(',')} × ${spec.to.join(',')}`;
  return makeResult(ctx, 'matrix', at, title, plainText(spec.hint), () => {
    const cluster = ctx.sim();
    const namespace = spec.namespace ?? ctx.namespace;
    const rows = expandSources(spec.from, cluster);
    const cols = expandTargets(spec.to, cluster);
    const tooLarge = matrixTooLarge(rows.length, cols.length);
    if (tooLarge) throw new CannotEvaluate(`${tooLarge} (node/* and \${node:*} count every node)`);
    const from = rows.map((r) => r.value);
    const to = cols.map((c) => c.value);
    const addresses = to.map((t) => expandTarget(t, cluster, namespace));
    const used = new Set<number>();
    const expected: Outcome[][] = rows.map((row, i) =>
      cols.map((col, j) => {
        if (spec.table) {
          const cell = spec.table[i]?.[j];
          if (!cell) throw new CannotEvaluate(`table has no cell for ${row.value} -> ${col.value} (row ${i + 1}, column ${j + 1})`);
          return cell;
        }
        // Every exception naming the cell counts as used; a later one wins (`node/*` first, then one node).
        const hits = (spec.except ?? []).flatMap((x, k) => (rowMatches(x.from, row) && columnMatches(x.to, col, addresses[j]) ? [k] : []));
        for (const k of hits) used.add(k);
        if (hits.length) return spec.except![hits[hits.length - 1]].outcome;
        if (!spec.expect) throw new CannotEvaluate('a matrix needs `expect` or `table`');
        return spec.expect;
      }),
    );
    // An exception that names no cell (a typo in from/to) would silently leave the default in place.
    (spec.except ?? []).forEach((x, k) => {
      if (!used.has(k)) throw new CannotEvaluate(`except[${k}] (${x.from} -> ${x.to}) names no cell of the matrix; rows: ${[...new Set(rows.map((r) => r.written))].join(', ')}; columns: ${[...new Set(cols.map((c) => c.written))].join(', ')}`);
    });
    const shownTo = to.map((t, j) => (addresses[j] === t ? t : `${t} (${addresses[j]})`));
    // Each cell's first attempt: its outcome, and its reason (a NetworkPolicy verdict names the policy).
    const attempts = from.map((f) => addresses.map((address) => cluster.route({ from: f, to: address, namespace, count: 1, seed: ctx.seed }).results[0]));
    const actual: Outcome[][] = attempts.map((row) => row.map((a) => a?.outcome ?? 'dropped'));
    let right = 0;
    let wrong = 0;
    const wrongCells: string[] = [];
    from.forEach((f, i) => to.forEach((_t, j) => {
      if (expected[i][j] === actual[i][j]) right++;
      else {
        wrong++;
        const reason = attempts[i][j]?.reason;
        wrongCells.push(`${f} -> ${shownTo[j]}: ${actual[i][j]}, expected ${expected[i][j]}${reason && actual[i][j] !== 'ok' ? ` (${reason})` : ''}`);
      }
    }));
    const table: MatrixTable = { from, to: shownTo, expected, actual, right, wrong };
    return {
      mismatches: wrongCells.map((c) => ({ path: '', message: c })),
      expected,
      actual,
      table,
      message: wrong ? `${wrong} of ${right + wrong} cells differ` : `${title} (${right} cells)`,
      seed: ctx.seed,
    };
  });
}
