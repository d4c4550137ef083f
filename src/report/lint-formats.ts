import type { LintResult } from '../types';
import { formatJson } from './json';
import { formatStylish } from './stylish';

export const LINT_FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

export interface LintReportOptions {
  color: boolean;
  /** For relative URIs (SARIF). */
  cwd: string;
}

/** Pure: results in, text out. Only stylish may be coloured. */
export function formatLintReport(format: string, result: LintResult, options: LintReportOptions): string {
  switch (format as LintFormat) {
    case 'json':
      return formatJson(result);
    case 'stylish':
    default:
      return formatStylish(result, { color: options.color });
  }
}
