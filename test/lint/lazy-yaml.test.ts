/**
 * `yaml` (about 70 modules) is loaded only when a document needs it: a lint of plain manifests,
 * the common case, starts without it (issue 14). Run in a child process so that this test's own
 * module cache does not count.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers';

function yamlLoadedBy(text: string): boolean {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-lazy-'));
  fs.writeFileSync(path.join(dir, 'm.yaml'), text);
  const probe = `
    const { lintSources } = require(${JSON.stringify(path.join(REPO_ROOT, 'dist', 'lint.js'))});
    const fs = require('node:fs');
    lintSources([{ path: 'm.yaml', absPath: null, text: fs.readFileSync(${JSON.stringify(path.join(dir, 'm.yaml'))}, 'utf8') }]);
    process.stdout.write(String(Object.keys(require.cache).some((k) => k.includes('${path.sep}node_modules${path.sep}yaml${path.sep}'))));
  `;
  const r = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout === 'true';
}

test('plain manifests are linted without loading yaml', () => {
  expect(yamlLoadedBy('apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {ports: [{port: 80}], selector: {app: a}}\n')).toBe(false);
});

test('a document the fast path declines (a tag) loads yaml for that document', () => {
  expect(yamlLoadedBy('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {x: !!str 80}\n')).toBe(true);
});
