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
export { TargetError } from './sim/proxy/request';
export type * from './sim/types';
export { runScenarios, runScenario, loadScenario, findScenarios } from './scenario/index';
export type { ScenarioRunOptions } from './scenario/index';
export type { RunResult, RunSummary, ScenarioResult, ExpectationResult, StepResult, Mismatch, MatrixTable, Status } from './scenario/result';
export type { ScenarioSpec, ExpectSpec, StepSpec } from './scenario/spec';
export { formatScenarioReport, SCENARIO_FORMATS } from './report/scenario/index';
