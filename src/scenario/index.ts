/**
 * The library form of `svclab test`: find scenario folders, run them (serially or on worker
 * threads, with identical results), and summarise.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { findScenarios, type LoadedScenario } from './load';
import type { RunResult, ScenarioResult } from './result';
import type { RunOptions } from './run';
import { DEFAULT_SEED, tasksFor, type Task, type TaskOptions } from './tasks';
import { defaultJobs } from '../parallel/policy';

export type * from './result';
export type * from './spec';
export { loadScenario, findScenarios, SCENARIO_FILE } from './load';

// The runner (linter + simulator, most of the start-up time) is required only where a scenario
// runs in this thread: a parallel run's main thread only hands folders to the workers.
/* eslint-disable @typescript-eslint/no-require-imports */
const executor = () => require('./execute') as typeof import('./execute');

/** Runs one loaded scenario (see ./run). */
export function runScenario(s: LoadedScenario, options?: RunOptions): ScenarioResult {
  return (require('./run') as typeof import('./run')).runScenario(s, options);
}
/* eslint-enable @typescript-eslint/no-require-imports */

export interface ScenarioRunOptions {
  cwd?: string;
  seed?: number;
  update?: boolean;
  /** Only scenarios whose name or folder contains this text. */
  filter?: string;
  /** Stop after the first scenario that does not pass. */
  bail?: boolean;
  /** `{ index: 1, count: 3 }` runs the first third (1-based, as `--shard 1/3`). */
  shard?: { index: number; count: number };
  /** Threads (default: the CPU count from 3 CPUs, else 1; 1 = serial). */
  jobs?: number;
  /** Exercises: check the starting state fails and the solution passes. */
  solutions?: boolean;
  /**
   * A folder every scenario may read files from besides its own (shared manifests of a course).
   * Without it a scenario reads only files inside its own folder.
   */
  root?: string;
  /** Pods each simulated cluster holds in all, over the scenarios' own `cluster.maxPods` (default 50,000). */
  maxPods?: number;
  /** The language of authors' texts: \`{ en, ko }\` maps become this language's string (default English). */
  lang?: string;
  /** Draw each scenario's cluster at its end (for `--format html`). */
  pictures?: boolean;
  /** Called after each scenario, in completion order (for a progress line). */
  onResult?: (result: ScenarioResult, done: number, total: number) => void;
}

const WORKER_FILE = path.join(__dirname, 'worker.js');
/** Below this many tasks a worker's start-up costs more than it saves. */
const MIN_TASKS_FOR_WORKERS = 8;

export async function runScenarios(paths: string[], options: ScenarioRunOptions = {}): Promise<RunResult> {
  const cwd = options.cwd ?? process.cwd();
  const { dirs, missing } = await findScenarios(paths, cwd);
  let tasks = tasksFor(dirs, options.solutions === true);
  if (options.shard) {
    const { index, count } = options.shard;
    // Shard by folder so both variants of an exercise stay together.
    tasks = tasks.filter((t) => dirs.indexOf(t.dir) % count === index - 1);
  }
  const taskOptions: TaskOptions = { cwd, seed: options.seed, update: options.update, filter: options.filter, root: options.root, maxPods: options.maxPods, lang: options.lang, pictures: options.pictures };
  // The same rule as lint's (src/parallel/policy.ts): by default, workers only from 3 CPUs.
  const jobs = defaultJobs(options.jobs, os.availableParallelism?.() ?? os.cpus().length);
  const useWorkers = jobs > 1 && tasks.length >= MIN_TASKS_FOR_WORKERS && fs.existsSync(WORKER_FILE) && !options.update;
  const results = useWorkers ? await runOnWorkers(tasks, taskOptions, jobs, options) : runSerially(tasks, taskOptions, options);
  const scenarios = results.filter((r): r is ScenarioResult => r !== null);
  return { scenarios, summary: summarize(scenarios, options.seed ?? DEFAULT_SEED), missing };
}

export function summarize(scenarios: ScenarioResult[], seed: number): RunResult['summary'] {
  const expectations = scenarios.flatMap((s) => s.expectations);
  return {
    scenarios: scenarios.length,
    passed: scenarios.filter((s) => s.status === 'passed').length,
    failed: scenarios.filter((s) => s.status === 'failed').length,
    errors: scenarios.filter((s) => s.status === 'error').length,
    expectations: expectations.length,
    expectationsFailed: expectations.filter((e) => e.status !== 'passed').length,
    seed,
  };
}

function runSerially(tasks: Task[], taskOptions: TaskOptions, options: ScenarioRunOptions): Array<ScenarioResult | null> {
  const out: Array<ScenarioResult | null> = [];
  let done = 0;
  const { executeTask } = executor();
  for (const task of tasks) {
    const r = executeTask(task, taskOptions);
    out.push(r);
    done++;
    if (r) options.onResult?.(r, done, tasks.length);
    if (r && r.status !== 'passed' && options.bail) break;
  }
  return out;
}

/**
 * `jobs` threads in all: jobs - 1 workers and this thread, which runs tasks too instead of idling
 * (a worker costs a second copy of the linter and the simulator, loaded and warmed up). Each
 * worker keeps two tasks in hand, so it never waits while this thread is busy with a task.
 */
function runOnWorkers(tasks: Task[], taskOptions: TaskOptions, jobs: number, options: ScenarioRunOptions): Promise<Array<ScenarioResult | null>> {
  return new Promise((resolve, reject) => {
    const results = new Array<ScenarioResult | null | undefined>(tasks.length).fill(undefined);
    const workers: Worker[] = [];
    let next = 0;
    let done = 0;
    let stopped = false;
    let settled = false;
    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      if (err) reject(err);
      // Results keep the input order whatever order the threads finish in; a bail leaves later ones out.
      else {
        const ordered = results.filter((r): r is ScenarioResult | null => r !== undefined);
        const cut = options.bail ? ordered.findIndex((r) => r !== null && r.status !== 'passed') : -1;
        resolve(cut >= 0 ? ordered.slice(0, cut + 1) : ordered);
      }
    };
    const take = (): number | null => (stopped || next >= tasks.length ? null : next++);
    const record = (id: number, r: ScenarioResult | null) => {
      results[id] = r;
      done++;
      if (r) options.onResult?.(r, done, tasks.length);
      if (r && r.status !== 'passed' && options.bail) stopped = true;
      if (done === next && (stopped || next >= tasks.length)) finish();
    };
    const feed = (w: Worker) => {
      const id = take();
      if (id !== null) w.postMessage({ id, task: tasks[id], options: taskOptions });
    };
    const count = Math.min(jobs - 1, tasks.length);
    for (let i = 0; i < count; i++) {
      const w = new Worker(WORKER_FILE);
      workers.push(w);
      w.on('message', (msg: { id: number; result?: ScenarioResult | null; error?: string }) => {
        if (settled) return;
        if (msg.error !== undefined) {
          finish(new Error(msg.error));
          return;
        }
        record(msg.id, msg.result ?? null);
        feed(w);
      });
      w.on('error', (err) => finish(err));
      feed(w);
      feed(w);
    }
    // This thread: one task per turn of the event loop, so that worker messages are handled between tasks.
    const { executeTask } = executor();
    const step = () => {
      if (settled) return;
      const id = take();
      if (id === null) return; // the workers' last results finish the run
      let r: ScenarioResult | null;
      try {
        r = executeTask(tasks[id], taskOptions);
      } catch (err) {
        finish(err instanceof Error ? err : new Error(String(err)));
        return;
      }
      record(id, r);
      setImmediate(step);
    };
    setImmediate(step);
  });
}
