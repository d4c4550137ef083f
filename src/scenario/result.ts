/** Structured results of a scenario run: what reporters read (never pre-rendered strings). */
import type { ExpectationKind } from './spec';

export type Status = 'passed' | 'failed' | 'error';

/** One difference between expected and actual, at a path inside the expectation. */
export interface Mismatch {
  /** Path inside the compared value, like `spec.ports[0].nodePort`; '' for the value itself. */
  path: string;
  message: string;
  expected?: unknown;
  actual?: unknown;
}

/** The cyclonus-style truth table of a failed reachability matrix. */
export interface MatrixTable {
  from: string[];
  to: string[];
  expected: string[][];
  actual: string[][];
  right: number;
  wrong: number;
}

export interface ExpectationResult {
  kind: ExpectationKind;
  status: Status;
  /** Stable, unique inside the scenario: `step/kind[index] title`. */
  name: string;
  /** The step it belongs to; null for the scenario's top-level `expect`. */
  step: string | null;
  file: string;
  line: number;
  column: number;
  message: string;
  expected: unknown;
  actual: unknown;
  hint: string | null;
  mismatches: Mismatch[];
  /** For a failed route: the chain Service -> selector -> EndpointSlice -> targetPort, in sentences. */
  explain: string[];
  table: MatrixTable | null;
  /** For sampled checks (routes, matrices): the seed that reproduces them; null for every other result. */
  seed: number | null;
}

/** A lint error in the learner's files (exercise mode shows them before the expectations that fail because of them). */
export interface LearnerError {
  file: string;
  line: number;
  column: number;
  ruleId: string;
  message: string;
  help: string;
}

/** An exercise's texts, in the language of the run, and the learner's own lint errors. */
export interface ExerciseResult {
  task: string | null;
  next: string | null;
  /** The hint ladder; the report reveals one more after each failed run. */
  hints: string[];
  debrief: string | null;
  learnerErrors: LearnerError[];
}

export interface StepResult {
  name: string;
  status: Status;
}

export interface ScenarioResult {
  name: string;
  /** scenario.yaml, as displayed (relative to cwd). */
  file: string;
  dir: string;
  status: Status;
  /** `start` = an exercise's starting state under --solutions (it must fail); `solution` = with solution/ applied. */
  variant: 'normal' | 'start' | 'solution';
  description: string | null;
  exercise: ExerciseResult | null;
  steps: StepResult[];
  expectations: ExpectationResult[];
  seed: number;
  durationMs: number;
  /** The picture (SVG) of the cluster at the end of the scenario, when the run was asked to draw it (`svclab test --format html`). */
  picture?: string | null;
}

export interface RunSummary {
  scenarios: number;
  passed: number;
  failed: number;
  errors: number;
  expectations: number;
  expectationsFailed: number;
  seed: number;
}

export interface RunResult {
  scenarios: ScenarioResult[];
  summary: RunSummary;
  /** Operands that named nothing. */
  missing: string[];
}
