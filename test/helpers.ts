import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintSources, type LintOptions, type LintRun } from '../src/lint';
import type { Finding } from '../src/types';
import { run } from '../src/cli/run';
import type { CliIO } from '../src/cli/io';

export const REPO_ROOT = path.resolve(__dirname, '..');
/**
 * The folder beside the repository that holds the real-world corpus and the seed tutorials
 * (CI clones main with ../shared beside it). SVCLAB_SHARED names it when it lives elsewhere,
 * e.g. from a git worktree.
 */
export const SHARED = process.env.SVCLAB_SHARED ? path.resolve(process.env.SVCLAB_SHARED) : path.resolve(REPO_ROOT, '..', 'shared');

/** A path inside the shared folder: `sharedPath('corpus', 'real-world')`. */
export function sharedPath(...parts: string[]): string {
  return path.join(SHARED, ...parts);
}

/** Whether the environment says this is CI: `CI` set to anything but '', 'false' or '0'. */
export function isCI(env: NodeJS.ProcessEnv): boolean {
  const value = env.CI;
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}

export type SharedDecision = { action: 'run' } | { action: 'skip' | 'fail'; reason: string };

/**
 * What a suite that reads the shared folder does: run when every required path exists; when
 * one is missing, fail under CI (a CI without the folder must not pass unseen) and skip
 * elsewhere, saying why either way.
 */
export function sharedDecision(required: readonly string[], env: NodeJS.ProcessEnv, exists: (p: string) => boolean = fs.existsSync): SharedDecision {
  const missing = required.filter((p) => !exists(p));
  if (missing.length === 0) return { action: 'run' };
  const where = `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing`;
  if (isCI(env)) {
    return {
      action: 'fail',
      reason:
        `${where}. The corpus and seed tests read the shared folder beside the repository, and CI clones main with ` +
        '../shared beside it, so under CI a missing folder is a failure, not a skip. Clone it there, or set SVCLAB_SHARED to where it is.',
    };
  }
  return { action: 'skip', reason: `skipped: ${where} (set SVCLAB_SHARED to run it; under CI this fails)` };
}

/**
 * `describe` for a suite that reads the shared folder: `required` are paths inside it
 * (`'corpus/real-world'`). The suite's body runs only when they exist; otherwise it becomes
 * one failing test (CI) or one skipped test (elsewhere) that gives the reason.
 */
export function describeWithShared(name: string, required: string | readonly string[], fn: () => void): void {
  const decision = sharedDecision((typeof required === 'string' ? [required] : required).map((p) => sharedPath(p)), process.env);
  if (decision.action === 'run') describe(name, fn);
  else if (decision.action === 'fail') {
    test(name, () => {
      throw new Error(decision.reason);
    });
  } else {
    process.stderr.write(`svclab: ${name}: ${decision.reason}\n`);
    test.skip(`${name}: ${decision.reason}`, () => undefined);
  }
}

/** Lints YAML text given inline (several files: pass an object of name -> text). */
export function lintYaml(files: string | Record<string, string>, options: LintOptions = {}): LintRun {
  const map = typeof files === 'string' ? { 'test.yaml': files } : files;
  return lintSources(Object.entries(map).map(([p, text]) => ({ path: p, absPath: null, text })), options);
}

export function findingsOf(files: string | Record<string, string>, ruleId: string, options: LintOptions = {}): Finding[] {
  return lintYaml(files, options).findings.filter((f) => f.ruleId === ruleId);
}

export interface InvalidCase {
  code: string | Record<string, string>;
  options?: LintOptions;
  /** Expected findings of this rule, in order; each field given must match. */
  errors: Array<Partial<Pick<Finding, 'line' | 'column' | 'severity' | 'path' | 'file'>> & { message?: string | RegExp; object?: string }>;
}

export interface ValidCase {
  code: string | Record<string, string>;
  options?: LintOptions;
}

/**
 * ESLint's RuleTester, for svclab: every valid case yields no finding of the rule, every
 * invalid case yields exactly the listed ones (message by regexp or substring).
 */
export function ruleTester(ruleId: string, cases: { valid: Array<string | ValidCase>; invalid: InvalidCase[] }): void {
  describe(ruleId, () => {
    cases.valid.forEach((c, i) => {
      const vc = typeof c === 'string' ? { code: c } : c;
      test(`valid #${i + 1} has no ${ruleId} finding`, () => {
        expect(findingsOf(vc.code, ruleId, vc.options).map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([]);
      });
    });
    cases.invalid.forEach((c, i) => {
      test(`invalid #${i + 1} is reported`, () => {
        const found = findingsOf(c.code, ruleId, c.options);
        expect(found.map((f) => `${f.line}:${f.column} ${f.message}`)).toHaveLength(c.errors.length);
        c.errors.forEach((e, j) => {
          const f = found[j];
          if (e.line !== undefined) expect(f.line).toBe(e.line);
          if (e.column !== undefined) expect(f.column).toBe(e.column);
          if (e.severity !== undefined) expect(f.severity).toBe(e.severity);
          if (e.path !== undefined) expect(f.path).toBe(e.path);
          if (e.file !== undefined) expect(f.file).toBe(e.file);
          if (e.object !== undefined) expect(f.object ? `${f.object.kind}/${f.object.namespace}/${f.object.name}` : '').toBe(e.object);
          if (typeof e.message === 'string') expect(f.message).toContain(e.message);
          else if (e.message) expect(f.message).toMatch(e.message);
          expect(f.hint.length).toBeGreaterThan(0);
        });
      });
    });
  });
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with fake io. */
export async function runCli(argv: string[], options: { cwd?: string; env?: Record<string, string>; stdin?: string | Buffer } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (s: string) => void (stdout += s), isTTY: false },
    stderr: { write: (s: string) => void (stderr += s), isTTY: false },
    cwd: options.cwd ?? REPO_ROOT,
    env: options.env ?? {},
    readStdin: () => {
      if (options.stdin === undefined) throw new Error('test read stdin without providing it');
      return options.stdin;
    },
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

/** Short YAML builders for rule tests. */
export const deployment = (name: string, labels: Record<string, string>, ports = '        - containerPort: 80', ns?: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}${ns ? `\n  namespace: ${ns}` : ''}
spec:
  replicas: 2
  selector:
    matchLabels:
${Object.entries(labels).map(([k, v]) => `      ${k}: ${v}`).join('\n')}
  template:
    metadata:
      labels:
${Object.entries(labels).map(([k, v]) => `        ${k}: ${v}`).join('\n')}
    spec:
      containers:
      - name: app
        image: example/app:1.0
        ports:
${ports}
`;
