/**
 * Units of work of a run (a scenario folder in one variant). Kept apart from the runner so that
 * the main thread of a parallel run never loads the linter and the simulator: only the workers do.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { solutionDirOf } from './load';

/** Seed of every random choice when neither the scenario nor --seed sets one. */
export const DEFAULT_SEED = 1;

export interface Task {
  dir: string;
  variant: 'normal' | 'start' | 'solution';
}

export interface TaskOptions {
  cwd: string;
  seed?: number;
  update?: boolean;
  filter?: string;
  /** A folder every scenario may read files from besides its own (`svclab test --root`). */
  root?: string;
  /** Pods each simulated cluster holds in all (`svclab test --max-pods`). */
  maxPods?: number;
  /** The language of authors' texts (`--lang`, SVCLAB_LANG, LANG). */
  lang?: string;
  /** Draw each scenario's cluster at its end (ScenarioResult.picture), for the html report. */
  pictures?: boolean;
}

export function tasksFor(dirs: string[], solutions: boolean): Task[] {
  return dirs.flatMap((dir): Task[] => (solutions && solutionDirOf(dir) !== null ? [{ dir, variant: 'start' }, { dir, variant: 'solution' }] : [{ dir, variant: 'normal' }]));
}
