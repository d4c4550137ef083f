/**
 * V8's interrupt budget for the CLI's longer runs, and which validator code cache fits the
 * flags this thread runs under.
 *
 * The budget: V8 optimizes a function later than by default (--interrupt-budget 500000, not
 * 67584: the bytecode a function runs between its tier-up checks). A lint calls ~250 functions
 * just often enough for TurboFan to compile them, and compiling them cost more CPU than it saved
 * (bench corpus: 2.2 -> 1.6 CPU s and 1.5 -> 1.3 s wall; on one CPU, lints of the bench corpus's
 * shape: 11 % less CPU at 20 KB of input, 18 % at 50 KB, 28 % at 2 MB; none at 7 KB). Only the
 * binary sets it (src/cli/main.ts, through CliIO.longRun), never over a budget the user gave
 * Node: for the simulator's commands and `svclab test` at once; for a lint of a folder, a glob,
 * stdin or a file of LONG_RUN_CHARS or more before reading (tuned after reading, the published
 * corpus's lint took 2 % more CPU), and of small files once they add up to LONG_RUN_CHARS.
 * Loading node:v8 loads Node's stream modules, ~2 ms that a one-file lint spends on nothing else.
 *
 * The caches: V8 accepts a code cache only under the flags it was made with, so the build
 * (scripts/compile-schemas.js) writes each validator's twice, named by V8's
 * cachedDataVersionTag under Node's default flags and under CLI_V8_FLAGS, and records the
 * default tag (DEFAULT_TAG_FILE), which a main thread that has not raised the budget takes
 * without loading node:v8. A wrong guess (the user's own V8 flags) costs nothing but speed:
 * V8 rejects the cache and the validator is compiled from its source.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The flags the CLI sets for a long run (and under which the build writes the CLI's validator caches). */
export const CLI_V8_FLAGS = '--interrupt-budget=500000';

/** From this much input (characters of all files read) a lint raises the budget. */
export const LONG_RUN_CHARS = 16 * 1024;

/** Beside the validators: V8's cachedDataVersionTag (hex) of the Node that built them, under its default flags. */
export const DEFAULT_TAG_FILE = 'v8-default-tag.txt';

let raised = false;
/** A thread whose process may have raised it: V8 is asked for the tag (onWorkerThread). */
let askV8 = false;

/**
 * Called first by svclab's worker-thread entries: a worker shares the flags of its process,
 * which it cannot see in this module's state. (Not node:worker_threads' isMainThread: loading
 * that module loads Node's stream modules, which a one-file lint does without.)
 */
export function onWorkerThread(): void {
  askV8 = true;
}

/** Raises the interrupt budget of this process (once), unless the user set one for Node. */
export function raiseInterruptBudget(): void {
  if (raised || /interrupt[-_]budget/.test(`${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`)) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only for a long run, see above
  (require('node:v8') as typeof import('node:v8')).setFlagsFromString(CLI_V8_FLAGS);
  raised = true;
}

const recordedTags = new Map<string, string | null>();

/**
 * The cachedDataVersionTag (hex) to name the code cache of a validator in `dir` by: the one the
 * build recorded there, on a thread that kept Node's flags as far as it knows; else V8's own.
 */
export function codeCacheTag(dir: string): string {
  if (!raised && !askV8) {
    let tag = recordedTags.get(dir);
    if (tag === undefined) {
      try {
        tag = fs.readFileSync(path.join(dir, DEFAULT_TAG_FILE), 'latin1').trim() || null;
      } catch {
        tag = null;
      }
      recordedTags.set(dir, tag);
    }
    if (tag !== null) return tag;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see codeCacheTag's comment
  return (require('node:v8') as typeof import('node:v8')).cachedDataVersionTag().toString(16);
}
