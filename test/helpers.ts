import * as path from 'node:path';
import { lintSources, type LintOptions, type LintRun } from '../src/lint';
import type { Finding } from '../src/types';
import { run } from '../src/cli/run';
import type { CliIO } from '../src/cli/io';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const SHARED = path.resolve(REPO_ROOT, '..', 'shared');

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
export async function runCli(argv: string[], options: { cwd?: string; env?: Record<string, string>; stdin?: string } = {}): Promise<CliResult> {
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
