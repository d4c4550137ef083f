import type { Finding, LintResult, LintSetSummary, Severity } from '../types';
import { refString } from '../types';
import { colors } from './colors';

export interface FormatOptions {
  color: boolean;
}

const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info' };

/** ESLint-style: grouped by file, `line:col  severity  message  rule-id`, then the fix hint and a summary. */
export function formatStylish(result: LintResult, options: FormatOptions): string {
  const c = colors(options.color);
  const byFile = new Map<string, Finding[]>();
  for (const f of result.findings) {
    let list = byFile.get(f.file);
    if (!list) byFile.set(f.file, (list = []));
    list.push(f);
  }
  const lines: string[] = [];
  const several = result.sets?.length ?? 0;
  for (const [file, findings] of byFile) {
    lines.push(c.underline(file));
    // A loop, not Math.max(...list): a spread of a very long list overflows the stack.
    let posWidth = 0;
    let sevWidth = 0;
    const positions: string[] = [];
    for (const f of findings) {
      const pos = `${f.line}:${f.column}`;
      positions.push(pos);
      if (pos.length > posWidth) posWidth = pos.length;
      if (f.severity.length > sevWidth) sevWidth = f.severity.length;
    }
    // One indent per file: the hint and related lines start under the message.
    const indent = ' '.repeat(posWidth + sevWidth + 6);
    const help = `${indent}${c.cyan('help:')} `;
    for (let i = 0; i < findings.length; i++) {
      const f = findings[i];
      const sevText = LABEL[f.severity].padEnd(sevWidth);
      const sev = f.severity === 'error' ? c.red(sevText) : f.severity === 'warning' ? c.yellow(sevText) : c.blue(sevText);
      const where = f.object ? `${refString(f.object)}${f.path ? ` ${f.path}` : ''}: ` : '';
      // In a run of several sets, a finding that holds in some of them only says which.
      const onlyIn = f.sets && f.sets.length < several ? ` ${c.dim(`(in ${f.sets.join(', ')})`)}` : '';
      lines.push(`  ${c.dim(positions[i].padEnd(posWidth))}  ${sev}  ${where}${f.message}${onlyIn}  ${c.dim(f.ruleId)}`);
      if (f.hint) lines.push(help + f.hint);
      for (const r of f.related) lines.push(indent + c.dim(`related: ${r.file}:${r.line}:${r.column} ${r.message}`));
    }
    lines.push('');
  }
  if (result.sets) lines.push(setsLine(result.sets));
  const s = result.summary;
  const problems = s.errors + s.warnings + s.infos;
  const counts = `${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}, ${s.infos} info${s.infos === 1 ? '' : 's'}`;
  const scope = `in ${s.files} file${s.files === 1 ? '' : 's'} (${s.objects} object${s.objects === 1 ? '' : 's'})`;
  if (problems === 0) lines.push(c.green(`✓ no problems ${scope}`));
  else {
    const mark = s.errors > 0 ? c.red(c.bold('✖')) : c.yellow(c.bold('⚠'));
    lines.push(`${mark} ${c.bold(`${problems} problem${problems === 1 ? '' : 's'}`)} (${counts}) ${scope}`);
  }
  return lines.join('\n') + '\n';
}

/** Which sets were linted: `linted 2 sets: overlays/dev, overlays/prod (each with 1 loose file)`. */
function setsLine(sets: LintSetSummary[]): string {
  const loose = sets[0]?.looseFiles.length ?? 0;
  const names = sets.map((s) => `${s.name}${s.incomplete ? ' (built in part)' : ''}`).join('; ');
  const withLoose = loose && sets.some((s) => s.kustomizations.length) ? ` (${sets.length > 1 ? 'each ' : ''}with ${loose} loose file${loose === 1 ? '' : 's'})` : '';
  return `linted ${sets.length} set${sets.length === 1 ? '' : 's'}: ${names}${withLoose}`;
}
