/**
 * Jest integration: `scenarioTests(folder)` turns scenario folders into jest tests (one `test`
 * per expectation), and `toRouteTo` / `toResolveTo` / `toHaveFinding` are matchers for tests
 * written by hand against `simulate()` and `lint()`.
 *
 *   import { scenarioTests, svclabMatchers } from 'svclab/jest';
 *   expect.extend(svclabMatchers);
 *   scenarioTests('scenarios');
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { executeTask, tasksFor } from '../scenario/execute';
import { SCENARIO_FILE } from '../scenario/load';
import type { MatcherResult } from '../scenario/context';
import { EXPECTATION_DEFINITIONS, EXPECTATIONS } from '../scenario/expectations';
import { toHaveFinding } from '../scenario/expect-lint';
import { toResolveTo } from '../scenario/expect-dns';
import { toRouteTo } from '../scenario/expect-routes';
import type { ExpectationResult } from '../scenario/result';
import { truthTable } from '../report/scenario/table';
import { detailLines } from '../report/scenario/machine';

export interface ScenarioTestsOptions {
  /** Folder paths are resolved from here (default: process.cwd()). */
  cwd?: string;
  seed?: number;
  /** Exercises: a `[starting state]` test that it fails and a `[solution]` suite. */
  solutions?: boolean;
  /** A folder every scenario may read files from besides its own (resolved from cwd); default: none. */
  root?: string;
}

/** jest's globals, read at call time so this module also compiles and loads outside jest. */
interface JestGlobals {
  describe(name: string, fn: () => void): void;
  test(name: string, fn: () => void): void;
}
function jestGlobals(): JestGlobals {
  const g = globalThis as unknown as Partial<JestGlobals>;
  if (typeof g.describe !== 'function' || typeof g.test !== 'function') throw new Error('scenarioTests() must be called inside a jest test file');
  return g as JestGlobals;
}

/** Scenario folders under `root` (or `root` itself), found synchronously as jest collects tests. */
function scenarioDirs(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true });
    if (entries.some((e) => e.isFile() && e.name === SCENARIO_FILE)) out.push(dir);
    for (const e of entries) if (e.isDirectory() && !['node_modules', 'solution', '__snapshots__'].includes(e.name) && !e.name.startsWith('.')) walk(path.join(dir, e.name));
  };
  walk(root);
  return out.sort();
}

export function formatFailure(e: ExpectationResult): string {
  const [first, ...rest] = detailLines(e);
  const lines = [first, `  at ${e.file}:${e.line}:${e.column}`, ...rest.map((l) => `  ${l}`)];
  if (e.table) for (const l of truthTable(e.table)) lines.push(`  ${l}`);
  if (e.explain.length) lines.push('  why:', ...e.explain.map((l) => `    ${l}`));
  if (e.hint) lines.push(`  hint: ${e.hint}`);
  return lines.join('\n');
}

/** Declares one `describe` per scenario and one `test` per expectation. */
export function scenarioTests(folder: string, options: ScenarioTestsOptions = {}): void {
  const { describe, test } = jestGlobals();
  const cwd = options.cwd ?? process.cwd();
  const root = path.resolve(cwd, folder);
  const dirs = scenarioDirs(root);
  if (dirs.length === 0) {
    test(`scenarios in ${folder}`, () => {
      throw new Error(`no scenario folder (with a ${SCENARIO_FILE}) under ${root}`);
    });
    return;
  }
  for (const task of tasksFor(dirs, options.solutions === true)) {
    const result = executeTask(task, { cwd, seed: options.seed, root: options.root });
    if (!result) continue;
    describe(result.name, () => {
      for (const e of result.expectations) {
        test(e.name, () => {
          if (e.status !== 'passed') throw new Error(formatFailure(e));
        });
      }
    });
  }
}

/** Each kind's matchers (src/scenario/expectations.ts) as one object type. */
type Definitions = typeof EXPECTATION_DEFINITIONS;
type MatchersOfKinds = { [K in keyof Definitions]: Definitions[K] extends { matchers: infer M } ? M : never }[keyof Definitions];
/** `A | B` -> `A & B`: every kind's matchers together. */
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
export type SvclabMatchers = UnionToIntersection<MatchersOfKinds>;

/** Every matcher of every expectation kind, for `expect.extend(svclabMatchers)`. */
export const svclabMatchers = Object.assign({}, ...Object.values(EXPECTATIONS).map((kind) => kind.matchers ?? {})) as SvclabMatchers;

export { toHaveFinding, toResolveTo, toRouteTo };

/** The matchers as jest's `expect(x)` methods: the matcher's arguments after the value under test. */
type MatcherMethods<R> = { [K in keyof SvclabMatchers]: SvclabMatchers[K] extends (received: never, ...args: infer A) => MatcherResult ? (...args: A) => R : never };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the methods come from the expectation table
    interface Matchers<R> extends MatcherMethods<R> {}
  }
}
