/** What the playground shows of a folder (src/serve/state.ts): files, findings, picture, and an exercise's checks and hints. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { computeState } from '../../src/serve/state';
import { REPO_ROOT, runCli } from '../helpers';

function copy(from: string): string {
  const to = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-state-'));
  fs.cpSync(from, to, { recursive: true });
  return to;
}

test('a folder of manifests: its files, no findings, the picture of its namespace, the sources of the request bar', async () => {
  const { state } = await computeState(path.join(REPO_ROOT, 'examples', 'seed-000'), 1);
  expect(state.files).toEqual(['cluster.yaml', 'deploy-hostname.yaml', 'hostname-svc-clusterip.yaml']);
  expect(state.findings).toEqual([]);
  expect(state.svg.match(/data-kind="pod"/g)).toHaveLength(3);
  expect(state.sources.slice(0, 3)).toEqual(['pod', 'external', 'node/master']);
  expect(state.problem).toBeNull();
});

test('an exercise: the task, failing checks, the hint ladder, and the checks pass once the learner fixes the file', async () => {
  const dir = copy(path.join(REPO_ROOT, 'exercises', '01-selector-typo'));
  const before = await computeState(dir, 1);
  expect(before.state.scenario?.task).toContain('hostname-svc-clusterip');
  expect(before.state.scenario?.checks.some((c) => c.status === 'failed')).toBe(true);
  expect(before.state.scenario?.hints.length).toBeGreaterThan(1);
  expect(before.state.findings.map((f) => f.ruleId)).toContain('service-selector-no-match');
  for (const f of fs.readdirSync(path.join(dir, '.solution'))) fs.copyFileSync(path.join(dir, '.solution', f), path.join(dir, f));
  const after = await computeState(dir, 2);
  expect(after.state.scenario?.checks.every((c) => c.status === 'passed')).toBe(true);
});

test('broken YAML is a finding on the page, never a crash', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-state-'));
  fs.writeFileSync(path.join(dir, 'bad.yaml'), 'kind: Service\nmetadata: [\n');
  const { state } = await computeState(dir, 1);
  expect(state.findings.map((f) => f.ruleId)).toContain('yaml-syntax');
});

test('svclab serve: usage errors before anything listens', async () => {
  expect((await runCli(['serve', 'no-such-folder'])).stderr).toContain('no-such-folder is not a folder');
  expect((await runCli(['serve', 'examples/seed-000', '--port', '70000'])).stderr).toContain('--port must be a whole number from 0 to 65535');
  expect((await runCli(['serve', 'a', 'b'])).code).toBe(2);
  expect((await runCli(['serve', '--help'])).stdout).toContain('Usage: svclab serve [DIR]');
});
