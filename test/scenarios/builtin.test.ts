import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, runCli } from '../helpers';

// README's main command: the built-in scenarios pass on a fresh clone.
describe('built-in scenarios and exercises', () => {
  test('svclab test scenarios passes, with at least 15 scenarios and 100 expectations', async () => {
    const r = await runCli(['test', 'scenarios', '--format', 'json']);
    const json = JSON.parse(r.stdout);
    const failed = json.scenarios.flatMap((s: { name: string; expectations: Array<{ status: string; message: string; line: number }> }) => s.expectations.filter((e) => e.status !== 'passed').map((e) => `${s.name}:${e.line} ${e.message}`));
    expect(failed).toEqual([]);
    expect(r.code).toBe(0);
    expect(json.summary.scenarios).toBeGreaterThanOrEqual(15);
    expect(json.summary.expectations).toBeGreaterThanOrEqual(100);
  });

  test('the built-in scenarios hold for any --seed: reachability is checked on candidate sets, snapshot scenarios pin their seed', async () => {
    for (const seed of ['7', '12345']) {
      const r = await runCli(['test', 'scenarios', '--seed', seed, '--format', 'json']);
      const json = JSON.parse(r.stdout);
      const failed = json.scenarios.flatMap((s: { name: string; expectations: Array<{ status: string; message: string; line: number }> }) => s.expectations.filter((e) => e.status !== 'passed').map((e) => `${s.name}:${e.line} ${e.message}`));
      expect(failed).toEqual([]);
      expect(json.summary.seed).toBe(Number(seed));
    }
  });

  test('svclab test exercises --solutions: every solution passes and every starting state fails', async () => {
    const r = await runCli(['test', 'exercises', '--solutions', '--format', 'json']);
    const json = JSON.parse(r.stdout);
    expect(json.scenarios.filter((s: { status: string }) => s.status !== 'passed').map((s: { name: string }) => s.name)).toEqual([]);
    expect(r.code).toBe(0);
    const exercises = fs.readdirSync(path.join(REPO_ROOT, 'exercises')).filter((d) => fs.existsSync(path.join(REPO_ROOT, 'exercises', d, 'scenario.yaml')));
    expect(exercises.length).toBeGreaterThanOrEqual(12);
    // Solutions out of a learner's sight: .solution/ (hidden from ls and from folder walks).
    for (const d of exercises) expect(fs.existsSync(path.join(REPO_ROOT, 'exercises', d, '.solution'))).toBe(true);
    expect(json.summary.scenarios).toBe(exercises.length * 2);
  });

  test('a learner running an exercise sees the task, the first hint of the ladder and what to do next, first', async () => {
    const r = await runCli(['test', 'exercises/02-target-port', '--no-color']);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[1]).toMatch(/^ {4}task: Requests to hostname-svc-clusterip:8080 reach a pod and are refused/);
    expect(lines[2]).toMatch(/^ {4}hint 1\/3: The Service has endpoints this time/);
    expect(lines[3]).toBe('    (2 more hints: the next failed run shows one more, or add --hint 2)');
    expect(lines[4]).toMatch(/^ {4}\(why each request fails is shown from the second failed run on/);
    expect(lines[5]).toBe('    next: fix the manifests in exercises/02-target-port, then run svclab test exercises/02-target-port again (add --watch to re-run on every save); once it passes, go on with exercises/03-named-port');
    // The later hints and the why-chain stay hidden on the first failed run.
    expect(r.stdout).not.toContain('hint 2/3');
    expect(r.stdout).not.toMatch(/^\s+why:$/m);
  });

  test('the hint ladder: one more hint per failed run (remembered in SVCLAB_STATE_DIR), the why-chain from the second; --hint and --explain ask now', async () => {
    const state = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-state-'));
    const env = { SVCLAB_STATE_DIR: state };
    const first = await runCli(['test', 'exercises/02-target-port', '--no-color'], { env });
    expect(first.stdout).toContain('hint 1/3');
    expect(first.stdout).not.toContain('hint 2/3');
    const second = await runCli(['test', 'exercises/02-target-port', '--no-color'], { env });
    expect(second.stdout).toContain('hint 2/3');
    expect(second.stdout).not.toContain('hint 3/3');
    expect(second.stdout).toMatch(/^\s+why:$/m);
    const third = await runCli(['test', 'exercises/02-target-port', '--no-color'], { env });
    expect(third.stdout).toContain('hint 3/3');
    expect(third.stdout).not.toContain('more hint');
    const asked = await runCli(['test', 'exercises/02-target-port', '--no-color', '--hint', '3', '--explain']);
    expect(asked.stdout).toContain('hint 3/3');
    expect(asked.stdout).toMatch(/^\s+why:$/m);
    fs.rmSync(state, { recursive: true, force: true });
  });

  test('exercise mode prints the learner\'s own lint errors first, with position and help (a misspelt enum is refused, never defaulted)', async () => {
    const r = await runCli(['test', 'exercises/12-misspelt-dns-policy', '--no-color']);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[2]).toBe('    your manifests have 1 error (svclab lint): fix it first; the failures below follow from it');
    expect(lines[3]).toMatch(/^ {6}exercises\/12-misspelt-dns-policy\/agent\.yaml:7:14 {2}.*"ClusterFirstWithHostnet".* {2}schema$/);
    expect(lines[4]).toBe('        help: Use `ClusterFirstWithHostNet` (values are case-sensitive).');
    expect(r.stdout).toContain('there is no Pod default/agent in the simulated cluster');
  });

  test('Korean: --lang ko, SVCLAB_LANG and LANG choose the exercise texts and svclab\'s words; English is the fallback', async () => {
    const byFlag = await runCli(['test', 'exercises/01-selector-typo', '--no-color', '--lang', 'ko']);
    expect(byFlag.stdout.split('\n')[1]).toMatch(/^ {4}과제: 파드 세 개가 실행 중인데도/);
    expect(byFlag.stdout).toContain('힌트 1/3: Service는 어느 파드로');
    const byEnv = await runCli(['test', 'exercises/01-selector-typo', '--no-color'], { env: { LANG: 'ko_KR.UTF-8' } });
    expect(byEnv.stdout).toBe(byFlag.stdout);
    const svclabLang = await runCli(['test', 'exercises/01-selector-typo', '--no-color'], { env: { LANG: 'ko_KR.UTF-8', SVCLAB_LANG: 'en' } });
    expect(svclabLang.stdout.split('\n')[1]).toMatch(/^ {4}task: Requests to hostname-svc-clusterip:8080 are refused/);
    const other = await runCli(['test', 'exercises/01-selector-typo', '--no-color', '--lang', 'fr']);
    expect(other.stdout).toBe(svclabLang.stdout);
  });

  test('a learner who solved an exercise reads the debrief and is sent to the next one', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-ex-'));
    fs.cpSync(path.join(REPO_ROOT, 'exercises', '01-selector-typo'), path.join(root, 'exercises', '01-selector-typo'), { recursive: true });
    const dir = path.join(root, 'exercises', '01-selector-typo');
    fs.copyFileSync(path.join(dir, '.solution', 'hostname-svc-clusterip.yaml'), path.join(dir, 'hostname-svc-clusterip.yaml'));
    const r = await runCli(['test', 'exercises/01-selector-typo', '--no-color'], { cwd: root });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[1]).toBe('    solved! next exercise: svclab test exercises/02-target-port');
    expect(lines[2]).toBe('    what you just saw: A Service finds its pods by label selector, nothing else. One letter off, and it has no endpoints:');
    // The debrief's later lines keep their place under the first.
    expect(lines[3]).toBe('                       the ClusterIP exists and resolves, but kube-proxy rejects every connection ("has no endpoints").');
  });

  test('an exercise cannot be solved the wrong way: relabelling the pods instead of fixing the Service fails the pin', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-ex-'));
    const dir = path.join(root, 'ex');
    fs.cpSync(path.join(REPO_ROOT, 'exercises', '01-selector-typo'), dir, { recursive: true });
    const deploy = path.join(dir, 'deploy-hostname.yaml');
    fs.writeFileSync(deploy, fs.readFileSync(deploy, 'utf8').replace(/app: webserver/g, 'app: web-server'));
    const r = await runCli(['test', 'ex', '--no-color', '--format', 'json'], { cwd: root });
    const json = JSON.parse(r.stdout);
    const failed = json.scenarios[0].expectations.filter((e: { status: string }) => e.status !== 'passed').map((e: { kind: string }) => e.kind);
    expect(failed).toEqual(['objects']);
  });

  test('every scenario file starts with the yaml-language-server modeline', () => {
    for (const top of ['scenarios', 'exercises']) {
      for (const d of fs.readdirSync(path.join(REPO_ROOT, top))) {
        const f = path.join(REPO_ROOT, top, d, 'scenario.yaml');
        if (fs.existsSync(f)) expect(fs.readFileSync(f, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../../schemas/scenario.schema.json');
      }
    }
  });
});
