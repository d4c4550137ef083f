/** The public library API. */
export { lint, lintSources } from './lint';
export type { LintOptions, LintFilesOptions, LintRun } from './lint';
export type { Finding, LintResult, LintSummary, ObjectRef, RelatedLocation, Severity, SeveritySetting } from './types';
export { RULES } from './rules/index';
export type { Rule, RuleMeta } from './rules/rule';
export { formatLintReport, LINT_FORMATS, reportInputFromRun } from './report/lint-formats';
export type { LintReportInput } from './report/report-input';
export { run } from './cli/run';
export type { CliIO } from './cli/io';
export { simulate, simulateModel, SimulateInputError, ClusterConfigError, defaultClusterConfig } from './sim/index';
export type { SimulateInput } from './sim/index';
export type * from './sim/types';
