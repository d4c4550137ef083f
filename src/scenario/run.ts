/**
 * Runs one loaded scenario: lint and simulate the starting manifests, check the top-level
 * expectations, then apply each step's changes and check its expectations.
 */
import { displayPath } from '../load/files';
import { plainText } from '../i18n/lang';
import type { Finding } from '../types';
import { dict } from '../model/guards';
import type { FieldPath } from '../types';
import { analyzeOptions, scenarioSeed, solutionSources, stageContext } from './analysis';
import { evaluateExpectations } from './expectations';
import type { LoadedScenario } from './load';
import { expandFileList, outsideMessage, readScenarioSources, type ReadProblem } from './paths';
import type { ExpectationResult, LearnerError, ScenarioResult, StepResult } from './result';
import type { ExpectSpec, StepSpec } from './spec';
import { parseRef, Workspace } from './workspace';
import type { EvalContext } from './context';
import { picture, renderPicture } from '../views/graph/index';

export interface RunOptions {
  /** Seed when the scenario sets none (default 1). */
  seed?: number;
  /** Rewrite `get` snapshots instead of failing on a difference. */
  update?: boolean;
  /** `solution`: the files of `solution/` replace the starting files of the same name. */
  variant?: 'normal' | 'start' | 'solution';
  /** Pods the simulated cluster holds in all, over the scenario's `cluster.maxPods`. */
  maxPods?: number;
  /** Draw the cluster at the end of the scenario (ScenarioResult.picture). */
  pictures?: boolean;
}

export { DEFAULT_SEED } from './tasks';

export function runScenario(s: LoadedScenario, options: RunOptions = {}): ScenarioResult {
  const started = Date.now();
  const variant = options.variant ?? 'normal';
  const seed = scenarioSeed(s, options.seed);
  const analysis = analyzeOptions(s, seed, options.maxPods);
  const workspace = new Workspace(variant === 'solution' ? solutionSources(s) : s.manifests, analysis.namespace);
  const readiness: Record<string, boolean> = dict();
  const expectations: ExpectationResult[] = [];
  const steps: StepResult[] = [];

  let start: EvalContext | null = null;
  let last: EvalContext | null = null;
  const stage = (step: string | null, base: FieldPath, expect: ExpectSpec | undefined) => {
    const ctx = stageContext(s, { step, base, update: options.update === true }, analysis, () => workspace.sources(), readiness);
    start ??= ctx;
    last = ctx;
    return expect ? evaluateExpectations(ctx, expect) : [];
  };

  expectations.push(...stage(null, ['expect'], s.spec.expect));
  // An exercise shows the learner's own mistakes first (a tab, a misindented key, a misspelt enum value).
  const learnerErrors: LearnerError[] = s.spec.exercise && start ? learnerErrorsOf((start as ReturnType<typeof stageContext>).lint().findings) : [];
  let broken = false;
  (s.spec.steps ?? []).forEach((step, i) => {
    if (broken) {
      steps.push({ name: step.name, status: 'error' });
      return;
    }
    const problems = applyStep(s, workspace, step, i, readiness);
    const results = problems.length ? problems : stage(step.name, ['steps', i, 'expect'], step.expect);
    if (problems.length) broken = true;
    expectations.push(...results);
    steps.push({ name: step.name, status: results.some((r) => r.status === 'error') ? 'error' : results.some((r) => r.status === 'failed') ? 'failed' : 'passed' });
  });

  if (expectations.length === 0) {
    const r = s.doc.documentRange();
    expectations.push({ kind: 'load', status: 'failed', name: 'scenario has expectations', step: null, file: s.file, line: r.line, column: r.column, message: 'the scenario checks nothing: add `expect:` or steps with `expect:`', expected: 'at least one expectation', actual: 0, hint: null, mismatches: [], explain: [], table: null, seed: null });
  }
  const failed = expectations.some((e) => e.status !== 'passed');
  return {
    name: s.name,
    file: s.file,
    dir: displayPath(s.dir, s.cwd),
    status: failed ? 'failed' : 'passed',
    variant,
    description: plainText(s.spec.description) ?? null,
    exercise: s.spec.exercise
      ? { task: plainText(s.spec.exercise.task) ?? null, next: s.spec.exercise.next ?? null, hints: (s.spec.exercise.hints ?? []).map((h) => plainText(h) as string), debrief: plainText(s.spec.exercise.debrief) ?? null, learnerErrors }
      : null,
    steps,
    expectations,
    seed,
    durationMs: Date.now() - started,
    ...(options.pictures ? { picture: drawScenario(last, analysis.namespace) } : {}),
  };
}

/** The lint errors of the learner's files, in file order, with position and help. */
function learnerErrorsOf(findings: Finding[]): LearnerError[] {
  return findings.filter((f) => f.severity === 'error').map((f) => ({ file: f.file, line: f.line, column: f.column, ruleId: f.ruleId, message: f.message, help: f.hint }));
}

/** The picture of the last point's cluster; null when it cannot be simulated (the expectations say why). */
function drawScenario(ctx: EvalContext | null, namespace: string): string | null {
  if (!ctx) return null;
  try {
    const cluster = ctx.sim();
    return renderPicture('svg', picture(cluster, { namespace, findings: ctx.lint().findings }));
  } catch {
    return null;
  }
}

/** Applies a step's changes; returns `step` errors (a ref that names nothing) instead of throwing. */
export function applyStep(s: LoadedScenario, ws: Workspace, step: StepSpec, index: number, readiness: Record<string, boolean>): ExpectationResult[] {
  const errors: ExpectationResult[] = [];
  const fail = (p: FieldPath, message: string) => {
    const r = s.doc.locate(['steps', index, ...p]);
    errors.push({ kind: 'step', status: 'error', name: `${step.name} › ${p.join('.')}`, step: step.name, file: s.file, line: r.line, column: r.column, message, expected: null, actual: null, hint: plainText(step.hint) ?? null, mismatches: [{ path: '', message }], explain: [], table: null, seed: null });
  };
  const roots = { dir: s.dir, root: s.root };
  step.apply?.forEach((entry, i) => {
    // Checked when the scenario was loaded; checked again here, as the files may have changed since.
    const { files, unmatched, outside } = expandFileList(roots, [entry]);
    if (outside.length) return fail(['apply', i], outsideMessage(`apply: "${entry}"`, outside[0].file, roots, s.cwd));
    if (unmatched.length) return fail(['apply', i], `apply: "${entry}" matches no file`);
    const problems: ReadProblem[] = [];
    const sources = readScenarioSources(files, s.cwd, problems);
    if (problems.length) return fail(['apply', i], problems.map((p) => p.message).join('; '));
    ws.apply(sources);
  });
  step.delete?.forEach((text, i) => {
    const ref = parseRef(text);
    if (!ref) fail(['delete', i], `"${text}" is not Kind/name or Kind/namespace/name`);
    else if (!ws.remove(ref)) fail(['delete', i], `cannot delete ${text}: no such object in the manifests`);
  });
  step.scale?.forEach((sc, i) => {
    const ref = parseRef(sc.ref);
    const done = ref ? ws.set(ref, ['spec', 'replicas'], sc.replicas) : 'missing';
    if (done === 'missing') fail(['scale', i], `cannot scale ${sc.ref}: no such workload in the manifests`);
    else if (done !== 'set') fail(['scale', i], `cannot scale ${sc.ref}: ${done}`);
  });
  step.relabel?.forEach((rl, i) => {
    const ref = parseRef(rl.ref);
    if (!ref || !ws.has(ref)) {
      fail(['relabel', i], `cannot relabel ${rl.ref}: no such object in the manifests`);
      return;
    }
    const changes: Array<[string[], Record<string, string>]> = [];
    if (rl.selector) changes.push([ref.kind === 'Service' ? ['spec', 'selector'] : ['spec', 'selector', 'matchLabels'], rl.selector]);
    if (rl.labels) changes.push([ref.kind === 'Pod' ? ['metadata', 'labels'] : ['spec', 'template', 'metadata', 'labels'], rl.labels]);
    for (const [at, value] of changes) {
      const done = ws.set(ref, at, value);
      if (done !== 'set') return fail(['relabel', i], `cannot relabel ${rl.ref}: ${done === 'missing' ? 'no such object in the manifests' : done}`);
    }
  });
  step.setReady?.forEach((r) => {
    const ref = parseRef(r.ref);
    const key = ref ? `${ref.namespace ? `${ref.namespace}/` : ''}${ref.kind}/${ref.name}` : r.ref;
    readiness[ref && !ref.namespace ? `${ref.kind}/${ref.name}` : key] = r.ready;
  });
  return errors;
}
