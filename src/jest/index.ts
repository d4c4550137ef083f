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
import type { Finding } from '../types';
import type { DnsType, SimCluster } from '../sim/types';
import { executeTask, tasksFor } from '../scenario/execute';
import { SCENARIO_FILE } from '../scenario/load';
import { checkRoute } from '../scenario/expect-routes';
import { checkDns } from '../scenario/expect-dns';
import { findingMatches } from '../scenario/expect-lint';
import type { ExpectationResult, Mismatch } from '../scenario/result';
import type { DnsSpec, LintFindingSpec, RouteExpectSpec } from '../scenario/spec';
import { truthTable } from '../report/scenario/table';
import { detailLines } from '../report/scenario/machine';

export interface ScenarioTestsOptions {
  /** Folder paths are resolved from here (default: process.cwd()). */
  cwd?: string;
  seed?: number;
  /** Exercises: a `[starting state]` test that it fails and a `[solution]` suite. */
  solutions?: boolean;
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
  if (e.table) lines.push(...truthTable(e.table).map((l) => `  ${l}`));
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
    const result = executeTask(task, { cwd, seed: options.seed });
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

type MatcherResult = { pass: boolean; message: () => string };

function verdict(mismatches: Mismatch[], what: string): MatcherResult {
  return {
    pass: mismatches.length === 0,
    message: () => (mismatches.length ? `expected ${what}, but:\n${mismatches.map((m) => `  ${m.path ? `${m.path} ` : ''}${m.message}`).join('\n')}` : `expected not ${what}, but it does`),
  };
}

/** `expect(cluster).toRouteTo('pod', 'http://web:8080', 'Deployment/web')` or with a route expectation object. */
export function toRouteTo(cluster: SimCluster, from: string, to: string, expected: string | (RouteExpectSpec & { count?: number; namespace?: string })): MatcherResult {
  const spec: RouteExpectSpec & { count?: number; namespace?: string } = typeof expected === 'string' ? { outcome: 'ok', reaches: { workload: expected } } : expected;
  const namespace = spec.namespace ?? 'default';
  const seed = cluster.seed;
  const result = cluster.route({ from, to, namespace, count: spec.count ?? 1, seed });
  const { count: _c, namespace: _n, ...check } = spec;
  return verdict(checkRoute(cluster, seed, check, result, from, namespace), `${from} -> ${to} to route as ${JSON.stringify(check)}`);
}

/** `expect(cluster).toResolveTo('pod', 'redis', ['10.96.0.20'])` or with a DNS expectation object. */
export function toResolveTo(cluster: SimCluster, from: string, name: string, expected: string[] | (DnsSpec['expect'] & { type?: DnsType; namespace?: string })): MatcherResult {
  const spec = Array.isArray(expected) ? { rcode: 'NOERROR' as const, a: expected } : expected;
  const { type = 'A', namespace = 'default', ...check } = spec as DnsSpec['expect'] & { type?: DnsType; namespace?: string };
  const r = cluster.resolve({ name, type, from, namespace });
  return verdict(checkDns(cluster, check, r, type, namespace), `${name} (${type}) from ${from} to resolve as ${JSON.stringify(check)}`);
}

/** `expect(lintRun).toHaveFinding({ rule: 'service-selector-no-match', object: 'Service/web' })`. */
export function toHaveFinding(received: { findings: Finding[] } | Finding[], expected: string | LintFindingSpec): MatcherResult {
  const findings = Array.isArray(received) ? received : received.findings;
  const spec: LintFindingSpec = typeof expected === 'string' ? { rule: expected } : expected;
  const views = findings.map((f) => ({ rule: f.ruleId, severity: f.severity, object: f.object ? `${f.object.kind}/${f.object.namespace ? `${f.object.namespace}/` : ''}${f.object.name}` : null, file: f.file, line: f.line, path: f.path, message: f.message }));
  const pass = views.some((v) => findingMatches(spec, v, 'default'));
  return {
    pass,
    message: () => pass ? `expected no finding matching ${JSON.stringify(spec)}` : `expected a finding matching ${JSON.stringify(spec)}; found:\n${views.map((v) => `  ${v.rule} ${v.severity} ${v.object ?? ''} ${v.file}:${v.line} ${v.message}`).join('\n') || '  (no findings)'}`,
  };
}

export const svclabMatchers = { toRouteTo, toResolveTo, toHaveFinding };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      toRouteTo(from: string, to: string, expected: string | (RouteExpectSpec & { count?: number; namespace?: string })): R;
      toResolveTo(from: string, name: string, expected: string[] | (DnsSpec['expect'] & { type?: DnsType; namespace?: string })): R;
      toHaveFinding(expected: string | LintFindingSpec): R;
    }
  }
}
