/**
 * What a lint loads only when an input needs it (issue 14): `yaml` (about 70 modules) for a
 * document both fast readers decline, js-yaml for a document the block reader declines, the
 * kustomize modules for a kustomization. A lint of plain manifests, the common case, starts
 * without any of them. Run in a child process so that this test's own module cache does not count.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers';

const MODULES = {
  yaml: `${path.sep}node_modules${path.sep}yaml${path.sep}`,
  jsYaml: `${path.sep}node_modules${path.sep}js-yaml${path.sep}`,
  kustomize: `${path.sep}dist${path.sep}kustomize${path.sep}sets.js`,
};

/** Which of MODULES a lint of `files` (name -> text) loads. */
function loadedBy(files: Record<string, string>): Record<keyof typeof MODULES, boolean> {
  const sources = Object.entries(files).map(([p, text]) => ({ path: p, absPath: null, text }));
  const probe = `
    const { lintSources } = require(${JSON.stringify(path.join(REPO_ROOT, 'dist', 'lint.js'))});
    lintSources(${JSON.stringify(sources)});
    const keys = Object.keys(require.cache);
    const modules = ${JSON.stringify(MODULES)};
    process.stdout.write(JSON.stringify(Object.fromEntries(Object.entries(modules).map(([name, part]) => [name, keys.some((k) => k.includes(part))]))));
  `;
  const r = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Record<keyof typeof MODULES, boolean>;
}

/** Block style, no finding (a finding on a flow collection is located with js-yaml's help). */
const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels: {app: a}\ndata:\n  k: v\n';

test('plain manifests are linted without loading yaml, js-yaml or kustomize', () => {
  expect(loadedBy({ 'm.yaml': CONFIG_MAP })).toEqual({ yaml: false, jsYaml: false, kustomize: false });
});

test('a document the block reader declines (a flow mapping over two lines) loads js-yaml, not yaml', () => {
  expect(loadedBy({ 'm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a,\n  namespace: b}\n' })).toEqual({ yaml: false, jsYaml: true, kustomize: false });
});

test('a document both fast readers decline (a tag) loads yaml for that document', () => {
  expect(loadedBy({ 'm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {x: !!str 80}\n' }).yaml).toBe(true);
});

test('a kustomization loads the kustomize modules', () => {
  expect(loadedBy({ 'kustomization.yaml': 'resources: [m.yaml]\n', 'm.yaml': CONFIG_MAP }).kustomize).toBe(true);
});
