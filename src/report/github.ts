import type { Finding, Severity } from '../types';
import type { LintReportInput } from './report-input';

/**
 * GitHub Actions workflow commands (`::error file=…::message`), which the runner turns into
 * annotations on the pull request. Escaping follows @actions/core `escapeData` /
 * `escapeProperty` (packages/core/src/command.ts in actions/toolkit): `%` first, so that
 * the escapes themselves survive; properties also escape `:` and `,`, their separators.
 */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

function annotation(f: Finding): string {
  const props: Array<[string, string | number]> = [
    ['file', f.file],
    ['line', f.line],
    ['col', f.column],
    ['endLine', f.endLine],
    ['endColumn', f.endColumn],
    ['title', f.ruleId],
  ];
  const where = f.object ? `${f.object.kind}/${f.object.name}${f.path ? ` ${f.path}` : ''}: ` : '';
  // A newline in the message becomes a line break in the annotation: the hint goes below it.
  const text = `${where}${f.message}${f.hint ? `\nhelp: ${f.hint}` : ''}`;
  const propText = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
  return `::${COMMAND[f.severity]} ${propText}::${escapeData(text)}`;
}

/** One workflow command per finding; nothing else, so every line is an annotation. */
export function formatGithub(result: LintReportInput): string {
  return result.findings.map((f) => annotation(f) + '\n').join('');
}
