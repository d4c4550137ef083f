import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, SHARED } from '../helpers';

/**
 * Worker threads run compiled JavaScript, so this test drives the built library in dist/
 * (rebuilt when older than src/ by this project's globalSetup, test/setup/fresh-dist.ts):
 * the parallel path (per-file work on threads, cross-object rules on the main thread) must
 * give exactly the serial path's findings.
 */
const dist = path.join(REPO_ROOT, 'dist', 'lint.js');

interface DistLint {
  lintSources(sources: Array<{ path: string; absPath: null; text: string }>, options: object): { findings: unknown[]; summary: unknown };
  lintInParallel(sources: Array<{ path: string; absPath: null; text: string }>, options: object, unreadable: [], jobs: number): Promise<{ findings: unknown[]; summary: unknown }>;
}

function corpusSources(): Array<{ path: string; absPath: null; text: string }> {
  const root = path.join(SHARED, 'corpus', 'real-world');
  const out: Array<{ path: string; absPath: null; text: string }> = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(e.name)) out.push({ path: path.relative(root, p), absPath: null, text: fs.readFileSync(p, 'utf8') });
    }
  };
  if (fs.existsSync(root)) walk(root);
  return out;
}

/** Files with mistakes of every scope, split so that cross-object rules must look across files. */
const broken: Array<{ path: string; absPath: null; text: string }> = [
  { path: 'a/deploy.yaml', absPath: null, text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, labels: {app: "yes"}}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n      - name: web\n        image: nginx\n        ports: [{containerPort: 80, name: http}]\n        env: [{name: X, value: on}]\n' },
  { path: 'b/svc.yaml', absPath: null, text: 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: NodePort\n  selector: {app: webb}\n  ports: [{port: 80, targetPort: 8080, nodePort: 40000}]\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web2, annotations: {svclab.io/ignore: service-selector-no-match}}\nspec:\n  selector: {app: nope}\n  ports: [{port: 80, targetport: 80}]\n' },
  { path: 'c/dup.yaml', absPath: null, text: 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  ports: [{port: 80}]\n' },
];

test('serial and worker-thread lint give identical findings (real-world corpus and broken files)', async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const lib = require(dist) as DistLint;
  const sources = [...corpusSources(), ...broken];
  const serial = lib.lintSources(sources, {});
  const parallel = await lib.lintInParallel(sources, {}, [], 2);
  expect(parallel.summary).toEqual(serial.summary);
  expect(JSON.stringify(parallel.findings)).toBe(JSON.stringify(serial.findings));
  // The broken files exercise per-object rules, cross-file rules and an opt-out annotation.
  const ids = new Set((serial.findings as Array<{ ruleId: string }>).map((f) => f.ruleId));
  for (const id of ['nodeport-out-of-range', 'service-selector-no-match', 'unknown-field', 'duplicate-object', 'ambiguous-scalar']) expect(ids).toContain(id);
}, 120000);

test('worker threads start by default only where they pay: 3+ CPUs and 16 MB; an explicit --jobs uses them from 2 MB', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const lib = require(dist) as { useWorkers(jobs: number | undefined, cpus: number, files: Array<{ text: string }>): boolean };
  const files = (mb: number) => [{ text: 'x'.repeat(mb * 1024 * 1024) }, { text: '' }];
  expect(lib.useWorkers(undefined, 2, files(20))).toBe(false);
  expect(lib.useWorkers(undefined, 4, files(20))).toBe(true);
  expect(lib.useWorkers(undefined, 4, files(1))).toBe(false);
  expect(lib.useWorkers(2, 2, files(3))).toBe(true);
  expect(lib.useWorkers(1, 8, files(100))).toBe(false);
  expect(lib.useWorkers(2, 2, [{ text: 'x'.repeat(3 * 1024 * 1024) }])).toBe(false);
});
