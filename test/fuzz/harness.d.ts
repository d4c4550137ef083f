/** Types of test/fuzz/harness.js (plain CommonJS, shared with scripts/fuzz.js). */
import type fc from 'fast-check';
import type { analyze } from '../../src/pipeline';
import type { lintSources } from '../../src/lint';
import type { formatLintReport, reportInputFromRun, LINT_FORMATS } from '../../src/report/lint-formats';
import type { renderGet } from '../../src/views/kubectl-get';
import type { formatCurlText } from '../../src/cli/curl-command';
import type { jsonText } from '../../src/report/formatter';
import type { fastParse } from '../../src/parse/fast-yaml';
import type { executeTask } from '../../src/scenario/execute';
import type { summarize } from '../../src/scenario/index';
import type { formatScenarioReport, SCENARIO_FORMATS } from '../../src/report/scenario/index';

export interface Library {
  analyze: typeof analyze;
  lintSources: typeof lintSources;
  formatLintReport: typeof formatLintReport;
  reportInputFromRun: typeof reportInputFromRun;
  LINT_FORMATS: typeof LINT_FORMATS;
  renderGet: typeof renderGet;
  formatCurl: typeof formatCurlText;
  jsonText: typeof jsonText;
  fastParse: typeof fastParse;
  executeTask: typeof executeTask;
  summarize: typeof summarize;
  formatScenarioReport: typeof formatScenarioReport;
  SCENARIO_FORMATS: typeof SCENARIO_FORMATS;
  /** The errors the library documents (an unusable Cluster object, unparseable simulate() input, a route target that names nothing, the pod limit). */
  expectedErrors: Array<new (...args: never[]) => Error>;
}

export interface Corpus {
  manifests: string[];
  scenarios: Array<{ name: string; files: Array<{ rel: string; text: string }> }>;
}

export type Op =
  | { kind: 'value' | 'key' | 'insert' | 'delete' | 'dupLine' | 'swapLines' | 'indent'; a: number; b: number }
  | { kind: 'chars'; a: number; chars: number[] }
  | { kind: 'truncate'; a: number };

export type ManifestsCase = { type: 'manifests'; base: number; also: number | null; ops: Op[] };
export type ScenarioCase = { type: 'scenario'; base: number; target: number; ops: Op[] };
export type Case = ManifestsCase | ScenarioCase;
export type Depth = 'full' | 'lint';

export function libraryAt(dir: string): Library;
export function loadCorpus(root: string): Corpus;
export function arbitraries(fcModule: typeof fc, corpus: Corpus): { manifests: fc.Arbitrary<ManifestsCase>; scenario: fc.Arbitrary<ScenarioCase>; any: fc.Arbitrary<Case> };
export function manifestText(corpus: Corpus, c: ManifestsCase): string;
export function scenarioFiles(corpus: Corpus, c: ScenarioCase): Array<{ rel: string; text: string }>;
export function applyOp(text: string, op: Op): string;
export function checkCase(lib: Library, corpus: Corpus, c: Case, depth?: Depth): string[];
export function checkManifests(lib: Library, text: string, depth?: Depth): string[];
export function checkScenario(lib: Library, files: Array<{ rel: string; text: string }>): string[];
export function problemKind(problem: string): string;
export function linesOf(text: string): string[];
export const VALUE_TOKENS: string[];
export const KEY_TOKENS: string[];
export const INSERT_TOKENS: string[];
