/** One unit of work (a scenario folder in one variant), shared by the serial runner and the workers. */
import { displayPath } from '../load/files';
import { loadScenario, SCENARIO_FILE, type LoadError } from './load';
import type { ExpectationResult, ScenarioResult } from './result';
import { runScenario, type RunOptions } from './run';
import type { Task, TaskOptions } from './tasks';

export { tasksFor, type Task, type TaskOptions } from './tasks';

/** Loads and runs the task; a scenario that cannot be loaded becomes an `error` result. Null when filtered out. */
export function executeTask(task: Task, options: TaskOptions): ScenarioResult | null {
  const loaded = loadScenario(task.dir, options.cwd, { root: options.root, lang: options.lang });
  const name = loaded.ok ? loaded.scenario.name : loaded.name;
  if (options.filter && !name.includes(options.filter) && !displayPath(task.dir, options.cwd).includes(options.filter)) return null;
  if (!loaded.ok) return errorResult(task, options, name, loaded.file, loaded.errors);
  const runOptions: RunOptions = { seed: options.seed, update: options.update, variant: task.variant, maxPods: options.maxPods, pictures: options.pictures };
  let result: ScenarioResult;
  try {
    result = runScenario(loaded.scenario, runOptions);
  } catch (err) {
    // One scenario that trips svclab must not end a whole suite (or a --watch session) without a report.
    const message = `svclab failed while running this scenario: ${err instanceof Error ? err.message : String(err)} (please report it)`;
    return errorResult(task, options, name, loaded.scenario.file, [{ file: loaded.scenario.file, line: 1, column: 1, message, path: '' }]);
  }
  return task.variant === 'start' ? startingStateVerdict(result) : task.variant === 'solution' ? { ...result, name: `${result.name} [solution]` } : result;
}

function errorResult(task: Task, options: TaskOptions, name: string, file: string, errors: LoadError[]): ScenarioResult {
  return {
    name,
    file,
    dir: displayPath(task.dir, options.cwd),
    status: 'error',
    variant: task.variant,
    description: null,
    exercise: null,
    steps: [],
    expectations: errors.map((e): ExpectationResult => ({ kind: 'load', status: 'error', name: `load ${e.path || (e.file.endsWith(SCENARIO_FILE) ? SCENARIO_FILE : e.file)}`, step: null, file: e.file, line: e.line, column: e.column, message: e.message, expected: null, actual: null, hint: null, mismatches: [{ path: e.path, message: e.message }], explain: [], table: null, seed: null })),
    seed: options.seed ?? 1,
    durationMs: 0,
  };
}

/**
 * Under --solutions an exercise's starting state must fail (otherwise it is solved before the
 * learner starts): the verdict is one `exercise` expectation, passed when something failed.
 */
function startingStateVerdict(r: ScenarioResult): ScenarioResult {
  const failing = r.expectations.filter((e) => e.status !== 'passed');
  // An expectation that cannot be evaluated in the starting state (the Service is not there yet)
  // fails for the learner too; only the scenario's own mechanics (a step naming nothing) are a defect.
  const broken = failing.filter((e) => e.kind === 'step');
  const ok = failing.length > 0 && broken.length === 0;
  const first = r.expectations[0];
  const message = ok
    ? `the starting state fails ${failing.length} of ${r.expectations.length} expectations, as an exercise should`
    : failing.length === 0
      ? 'the starting state already passes every expectation: the exercise is solved before the learner starts'
      : `a step of the starting state cannot be applied: ${broken[0].message}`;
  return {
    ...r,
    name: `${r.name} [starting state]`,
    status: ok ? 'passed' : 'failed',
    expectations: [{ kind: 'exercise', status: ok ? 'passed' : 'failed', name: 'starting state fails', step: null, file: r.file, line: first?.line ?? 1, column: 1, message, expected: 'at least one failing expectation', actual: failing.map((e) => e.name), hint: ok ? null : 'An exercise must start broken: make the starting manifests fail the expectations the learner has to fix.', mismatches: ok ? [] : [{ path: '', message }], explain: [], table: null, seed: null }],
  };
}
