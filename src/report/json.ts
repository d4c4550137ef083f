import type { LintResult } from '../types';

/** The JSON output is a public contract: `{ findings: [...], summary: {...} }`. */
export function formatJson(result: LintResult): string {
  return JSON.stringify({ findings: result.findings, summary: result.summary }, null, 2) + '\n';
}
