/**
 * The hint ladder's memory: how many times in a row each exercise failed, so that each failed
 * run of `svclab test` reveals one more hint (and, from the second, why requests fail). Kept in
 * the user's state folder (SVCLAB_STATE_DIR, else $XDG_STATE_HOME/svclab, else
 * ~/.local/state/svclab), never in the exercise folder, which --watch watches. Without a home
 * (CI, tests) nothing is remembered: the first hint is shown, or those --hint asks for.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RunResult } from '../scenario/result';
import type { ExerciseView } from '../report/scenario/stylish';
import type { Lang } from '../i18n/lang';

const FILE = 'exercise-runs.json';

export function stateDir(env: Record<string, string | undefined>): string | null {
  if (env.SVCLAB_STATE_DIR) return env.SVCLAB_STATE_DIR;
  if (env.XDG_STATE_HOME) return path.join(env.XDG_STATE_HOME, 'svclab');
  if (env.HOME) return path.join(env.HOME, '.local', 'state', 'svclab');
  return null;
}

function read(dir: string | null): Record<string, number> {
  if (!dir) return {};
  try {
    const value = JSON.parse(fs.readFileSync(path.join(dir, FILE), 'utf8')) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    const out: Record<string, number> = Object.create(null) as Record<string, number>;
    for (const [k, v] of Object.entries(value)) if (typeof v === 'number' && Number.isInteger(v) && v > 0) out[k] = v;
    return out;
  } catch {
    return {};
  }
}

function write(dir: string | null, state: Record<string, number>): void {
  if (!dir) return;
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, FILE), `${JSON.stringify(state, Object.keys(state).sort(), 2)}\n`);
  } catch {
    // A state folder that cannot be written only costs the ladder its memory.
  }
}

/**
 * Records this run (a failed exercise counts one more failure, a solved one starts over) and
 * returns what the report shows for each exercise.
 */
export function recordExerciseRun(run: RunResult, options: { cwd: string; env: Record<string, string | undefined>; lang: Lang; hint?: number; explain: boolean }): ExerciseView {
  const dir = stateDir(options.env);
  const state = read(dir);
  const failures: Record<string, number> = Object.create(null) as Record<string, number>;
  let changed = false;
  for (const s of run.scenarios) {
    if (!s.exercise || s.variant !== 'normal') continue;
    const key = path.resolve(options.cwd, s.dir);
    const before = state[key] ?? 0;
    const now = s.status === 'passed' ? 0 : before + 1;
    failures[s.dir] = now;
    if (now !== before) {
      changed = true;
      if (now === 0) delete state[key];
      else state[key] = now;
    }
  }
  if (changed) write(dir, state);
  const level = (d: string) => options.hint ?? Math.max(1, failures[d] ?? 1);
  return { lang: options.lang, hintLevel: level, showWhy: (d) => options.explain || (failures[d] ?? 1) >= 2 };
}
