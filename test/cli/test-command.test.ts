import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../helpers';
import { testCommand, pairFormats, type WatchDeps } from '../../src/cli/test-command';
import type { CliIO } from '../../src/cli/io';
import { scenario, tempTree, WEB_DEPLOYMENT, webService } from '../scenarios/fixtures';

const passing = () => ({ 'ok/scenario.yaml': scenario('expect:\n  lint: { errors: 0 }\n  endpoints: [ { service: web, ready: { count: 3 } } ]\n', 'ok'), 'ok/d.yaml': WEB_DEPLOYMENT, 'ok/s.yaml': webService() });
const failing = () => ({ 'bad/scenario.yaml': scenario('expect:\n  endpoints:\n    - service: web\n      ready: { count: 3 }\n      hint: Fix the selector.\n', 'bad'), 'bad/d.yaml': WEB_DEPLOYMENT, 'bad/s.yaml': webService('wbe') });

describe('svclab test', () => {
  test('exit 0 when every expectation holds; stylish tree and summary', async () => {
    const root = tempTree(passing());
    const r = await runCli(['test'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✓ ok ok\/scenario.yaml/);
    expect(r.stdout).toMatch(/✓ 1 scenario passed — 2\/2 expectations hold \(seed 1\)/);
  });

  test('exit 1 on a failed expectation, with file:line, the mismatch and the hint', async () => {
    const root = tempTree({ ...passing(), ...failing() });
    const r = await runCli(['test', '--no-color'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ endpoints[0] Service web has ready ×3 bad/scenario.yaml:7:7');
    expect(r.stdout).toContain('ready.count is 0, expected 3');
    expect(r.stdout).toContain('hint: Fix the selector.');
  });

  test('exit 1 when no scenario is found (an empty folder or a path naming nothing)', async () => {
    const root = tempTree({ 'x.txt': '' });
    expect((await runCli(['test'], { cwd: root })).code).toBe(1);
    const r = await runCli(['test', 'nope'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no scenario found at nope');
  });

  test('--output never writes over a file of a scenario, nor a .yaml/.json report into a scenario folder', async () => {
    const root = tempTree(passing());
    const before = fs.readFileSync(path.join(root, 'ok/d.yaml'), 'utf8');
    for (const target of ['ok/d.yaml', 'ok/scenario.yaml', 'ok/report.json']) {
      const r = await runCli(['test', '--format', 'json', '--output', target], { cwd: root });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`--output ${target.replace('.', '\\.')} (is a file of the scenario in ok|would put a \\.json file in the scenario folder ok)`));
    }
    expect(fs.readFileSync(path.join(root, 'ok/d.yaml'), 'utf8')).toBe(before);
    expect(fs.existsSync(path.join(root, 'ok/report.json'))).toBe(false);
    // Beside the scenario folders, or a .xml in one, is fine.
    expect((await runCli(['test', '--format', 'junit', '--output', 'ok/junit.xml'], { cwd: root })).code).toBe(0);
    expect((await runCli(['test', '--format', 'json', '--output', 'report.json'], { cwd: root })).code).toBe(0);
  });

  test('a --filter that matches no scenario exits 1 and says it was the filter', async () => {
    const root = tempTree(passing());
    const r = await runCli(['test', '--filter', 'zzz'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('svclab test: no scenario\'s name or folder contains "zzz" (--filter)\n');
  });

  test('exit 2 when a scenario cannot be loaded, reported with scenario.yaml:LINE:COL and the key', async () => {
    const root = tempTree({ ...passing(), 'typo/scenario.yaml': scenario('expect:\n  endpionts: []\n') });
    const r = await runCli(['test', '--format', 'json'], { cwd: root });
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout);
    const typo = json.scenarios.find((s: { file: string }) => s.file === 'typo/scenario.yaml');
    expect(typo.status).toBe('error');
    expect(typo.expectations[0]).toMatchObject({ kind: 'load', status: 'error', line: 6 });
    expect(typo.expectations[0].message).toContain('unknown key "endpionts" in expect (did you mean "endpoints"?)');
  });

  test('the json report is the documented contract', async () => {
    const root = tempTree({ ...passing(), ...failing() });
    const r = await runCli(['test', '--format', 'json', '--seed', '7'], { cwd: root });
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['scenarios', 'summary']);
    expect(json.summary).toEqual({ scenarios: 2, passed: 1, failed: 1, expectations: 3, seed: 7 });
    expect(Object.keys(json.scenarios[0])).toEqual(['name', 'file', 'status', 'steps', 'expectations']);
    expect(Object.keys(json.scenarios[0].expectations[0])).toEqual(['kind', 'status', 'file', 'line', 'message', 'expected', 'actual', 'hint']);
    expect(json.scenarios[0].expectations[0]).toMatchObject({ kind: 'endpoints', status: 'failed', hint: 'Fix the selector.' });
  });

  test('--format may repeat, each --output going with the --format before it', async () => {
    const root = tempTree({ ...passing(), ...failing() });
    const r = await runCli(['test', '--format', 'json', '--output', 'out/r.json', '--format', 'junit', '--output', 'out/r.xml', '--format', 'stylish'], { cwd: root });
    expect(r.code).toBe(1);
    expect(JSON.parse(fs.readFileSync(path.join(root, 'out/r.json'), 'utf8')).summary.scenarios).toBe(2);
    const xml = fs.readFileSync(path.join(root, 'out/r.xml'), 'utf8');
    expect(xml).toMatch(/<testcase name="expect › endpoints\[0\] Service web has ready ×3" classname="bad" file="bad\/scenario.yaml" line="7">/);
    expect(r.stdout).toMatch(/✗ bad/);
    expect(pairFormats(['--output', 'a.json', '--format', 'json'])).toEqual([{ format: 'json', output: 'a.json' }]);
    expect(() => pairFormats(['--format', 'json', '--format', 'tap'])).toThrow(/only one --format can go to standard output/);
    expect((await runCli(['test', '--format', 'xml'], { cwd: root })).code).toBe(2);
  });

  test('github annotations at the expectation line, escaped like @actions/core; tap 14', async () => {
    const root = tempTree(failing());
    const gh = await runCli(['test', '--format', 'github'], { cwd: root });
    expect(gh.stdout).toMatch(/^::error file=bad\/scenario.yaml,line=7,col=7,title=bad%3A endpoints::ready.count is 0, expected 3%0A/m);
    expect(gh.stdout).toMatch(/^0 passed, 1 failed$/m);
    const tap = await runCli(['test', '--format', 'tap'], { cwd: root });
    expect(tap.stdout).toMatch(/^TAP version 14\n1\.\.1\nnot ok 1 - bad: expect › endpoints\[0\]/);
  });

  test('--update is refused when CI is set; --shard and --jobs are checked', async () => {
    const root = tempTree(passing());
    const r = await runCli(['test', '--update'], { cwd: root, env: { CI: 'true' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--update is refused when CI is set/);
    expect((await runCli(['test', '--shard', '3/2'], { cwd: root })).code).toBe(2);
    expect((await runCli(['test', '--jobs', '0'], { cwd: root })).code).toBe(2);
    expect((await runCli(['test', '--shard', '1/1', '--jobs', '1'], { cwd: root })).code).toBe(0);
  });

  test('a progress line is written only to a terminal', async () => {
    const root = tempTree(passing());
    let err = '';
    const io: CliIO = { stdout: { write: () => undefined, isTTY: false }, stderr: { write: (s) => void (err += s), isTTY: true }, cwd: root, env: {}, readStdin: () => '' };
    await testCommand([], io);
    expect(err).toContain('[1/1] ✓ ok');
  });

  test('--watch re-runs the scenarios whose files changed (driven by a fake watcher)', async () => {
    const root = tempTree({ ...passing(), ...failing() });
    let out = '';
    const io: CliIO = { stdout: { write: (s) => void (out += s) }, stderr: { write: () => undefined }, cwd: root, env: {}, readStdin: () => '' };
    const listeners = new Map<string, (file: string) => void>();
    let stop!: () => void;
    const deps: WatchDeps = { watch: (dir, onChange) => (listeners.set(dir, onChange), { close: () => listeners.delete(dir) }), until: new Promise<void>((r) => (stop = r)), debounceMs: 5 };
    const done = testCommand(['--watch'], io, deps);
    await new Promise((r) => setTimeout(r, 50));
    expect([...listeners.keys()].map((d) => path.basename(d)).sort()).toEqual(['bad', 'ok']);
    fs.writeFileSync(path.join(root, 'bad/s.yaml'), webService());
    listeners.get(path.join(root, 'bad'))!(path.join(root, 'bad/s.yaml'));
    await new Promise((r) => setTimeout(r, 300));
    stop();
    expect(await done).toBe(0);
    expect(out).toContain('re-ran 1 scenario after a change');
    expect(listeners.size).toBe(0);
  });

  test('--watch keeps watching after a re-run fails (here: the report cannot be written), and the next change re-runs', async () => {
    const root = tempTree({ ...passing(), ...failing() });
    let err = '';
    const io: CliIO = { stdout: { write: () => undefined }, stderr: { write: (s) => void (err += s) }, cwd: root, env: {}, readStdin: () => '' };
    const listeners = new Map<string, (file: string) => void>();
    let stop!: () => void;
    const deps: WatchDeps = { watch: (dir, onChange) => (listeners.set(dir, onChange), { close: () => listeners.delete(dir) }), until: new Promise<void>((r) => (stop = r)), debounceMs: 5 };
    const done = testCommand(['--watch', '--format', 'json', '--output', 'rep/r.json'], io, deps);
    await new Promise((r) => setTimeout(r, 50));
    fs.rmSync(path.join(root, 'rep'), { recursive: true });
    fs.writeFileSync(path.join(root, 'rep'), 'a file where the report folder was');
    listeners.get(path.join(root, 'bad'))!(path.join(root, 'bad/s.yaml'));
    await new Promise((r) => setTimeout(r, 300));
    expect(err).toMatch(/svclab test: the re-run failed: .*; still watching/);
    fs.rmSync(path.join(root, 'rep'));
    fs.writeFileSync(path.join(root, 'bad/s.yaml'), webService());
    listeners.get(path.join(root, 'bad'))!(path.join(root, 'bad/s.yaml'));
    await new Promise((r) => setTimeout(r, 300));
    stop();
    expect(await done).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(root, 'rep/r.json'), 'utf8')).summary).toMatchObject({ scenarios: 1, passed: 1 });
  });
});
