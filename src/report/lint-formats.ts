import type { LintRun } from '../lint';
import { manifestRef } from '../parse/manifest';
import { RULES } from '../rules/index';
import type { Rule } from '../rules/rule';
import { formatterFor, type Formatter } from './formatter';
import { formatGithub } from './github';
import { formatLintHtml } from './html/lint';
import { formatJson } from './json';
import { formatJunit } from './junit';
import type { LintReportInput } from './report-input';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';

export type { LintReportInput, LintedObject } from './report-input';

export const LINT_FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github', 'html'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

export interface LintReportOptions {
  /** Only stylish is ever coloured. */
  color: boolean;
  /** Finding paths are relative to it (SARIF `%SRCROOT%`). */
  cwd: string;
  /** Rules described in SARIF `tool.driver.rules` (default: every registered rule). */
  rules?: readonly Rule[];
  /** Tool version written into SARIF (default: package.json's). */
  version?: string;
  /** html: the text of an input file as findings name it, for code frames (none when undefined). */
  sourceText?: (file: string) => string | undefined;
}

/** The formats of `svclab lint --format`, in the order its help lists them. */
export const LINT_FORMATTERS: Readonly<Record<LintFormat, Formatter<LintReportInput, LintReportOptions>>> = {
  stylish: (result, options) => formatStylish(result, { color: options.color }),
  json: (result) => formatJson(result),
  sarif: (result, options) => formatSarif(result, { cwd: options.cwd, rules: options.rules ?? RULES, version: options.version }),
  junit: (result) => formatJunit(result),
  github: (result) => formatGithub(result),
  html: (result, options) => formatLintHtml(result, options.sourceText),
};

/**
 * Pure: results in, text out. Pass a `LintReportInput` (see `reportInputFromRun`) so that
 * junit can list the objects without findings as passing test cases. An unknown format
 * throws UnknownFormatError.
 */
export function formatLintReport(format: string, result: LintReportInput, options: LintReportOptions): string {
  return formatterFor(LINT_FORMATTERS, format)(result, options);
}

/** The report input of a lint run: its result plus every file and object that was linted. */
export function reportInputFromRun(run: LintRun, defaultNamespace = 'default'): LintReportInput {
  const files = new Set<string>(run.files);
  for (const m of run.manifests) files.add(m.file);
  for (const f of run.findings) files.add(f.file);
  return {
    findings: run.findings,
    summary: run.summary,
    ...(run.sets ? { sets: run.sets } : {}),
    files: [...files].sort(),
    objects: run.manifests.map((m) => ({ file: m.file, ref: manifestRef(m, defaultNamespace) })),
  };
}
