/**
 * Issue 11, points 2, 3 and 6: the tutorial's commands as a learner types them. The expected
 * behaviours are kubectl's and curl's: kubectl get's singleItemImplied (pkg/cmd/get/get.go), its
 * `-l` (labels.Parse), describeService's Endpoints line (pkg/describe/describe.go formatEndpoints),
 * and curl reading a bare host as http://.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT, runCli } from '../helpers';

const EXERCISE = path.join(REPO_ROOT, 'exercises', '01-selector-typo');
let dir: string;

beforeAll(() => {
  // A copy of a scenario folder with a solution/, a steps/ folder and a snapshot, as a course ships them.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-learner-'));
  fs.cpSync(path.join(REPO_ROOT, 'scenarios', '02-endpoints-follow-the-selector'), path.join(dir, 'course', 'walk'), { recursive: true });
  fs.cpSync(EXERCISE, path.join(dir, 'course', 'ex'), { recursive: true });
  const ex = path.join(dir, 'course', 'ex');
  if (!fs.existsSync(path.join(ex, 'solution'))) fs.cpSync(path.join(ex, '.solution'), path.join(ex, 'solution'), { recursive: true });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli(args, { cwd: dir });

describe('point 2: a scenario folder contributes its manifests only', () => {
  test('get -f on an exercise folder shows the broken starting state (its solution/ is not loaded)', async () => {
    const r = await cli('get', 'endpoints', 'hostname-svc-clusterip', '-f', 'course/ex');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^hostname-svc-clusterip\s+<none>/m);
  });

  test('curl -f on an exercise folder is refused as the broken exercise is (never answered by the solution)', async () => {
    const r = await cli('curl', 'hostname-svc-clusterip:8080', '--seed', '1', '-f', 'course/ex');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('refused');
    expect(r.stdout).not.toContain('Hello');
  });

  test('lint -f on a course reports no duplicate objects from solution/ or steps/', async () => {
    const ex = (JSON.parse((await cli('lint', 'course/ex', '--format', 'json')).stdout) as { findings: Array<{ ruleId: string; file: string }> }).findings;
    expect(ex.some((f) => f.ruleId === 'service-selector-no-match')).toBe(true);
    const walk = (JSON.parse((await cli('lint', 'course/walk', '--format', 'json')).stdout) as { findings: Array<{ ruleId: string; file: string }> }).findings;
    const text = JSON.stringify([...ex, ...walk]);
    expect(text).not.toContain('duplicate-object');
    expect(text).not.toContain('solution/');
    expect(text).not.toContain('steps/');
    expect(text).not.toContain('scenario.yaml');
  });
});

describe('point 3: --scenario DIR [--step NAME|N]', () => {
  test('get uses the scenario\'s cluster: a pool gives the LoadBalancer its address instead of <pending>', async () => {
    const r = await runCli(['get', 'svc', 'hostname-svc-lb', '--scenario', 'scenarios/07-loadbalancer-with-pool'], { cwd: REPO_ROOT });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/hostname-svc-lb\s+LoadBalancer\s+\S+\s+203\.0\.113\.1[01]\s/);
    const plain = await runCli(['get', 'svc', 'hostname-svc-lb', '-f', 'scenarios/07-loadbalancer-with-pool'], { cwd: REPO_ROOT });
    expect(plain.stdout).toMatch(/<pending>/);
  });

  test('--step applies the steps up to it, by name or number (scale to one replica)', async () => {
    const byNumber = await cli('get', 'endpoints', 'hostname-svc-clusterip', '--scenario', 'course/walk', '--step', '1');
    const byName = await cli('get', 'endpoints', 'hostname-svc-clusterip', '--scenario', 'course/walk', '--step', 'scale to one replica');
    expect(byNumber.stdout).toBe(byName.stdout);
    const row = byNumber.stdout.split('\n')[1];
    expect(row.split(/\s+/)[1].split(',')).toHaveLength(1);
    const start = await cli('get', 'endpoints', 'hostname-svc-clusterip', '--scenario', 'course/walk');
    expect(start.stdout.split('\n')[1].split(/\s+/)[1].split(',')).toHaveLength(3);
  });

  test('an unknown step names the steps there are; --step without --scenario and --scenario with -f are usage errors', async () => {
    const r = await cli('get', 'svc', '--scenario', 'course/walk', '--step', '99');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('1 "scale to one replica"');
    expect((await cli('get', 'svc', '--step', '1', '-f', 'course/walk')).code).toBe(2);
    expect((await cli('get', 'svc', '--scenario', 'course/walk', '-f', 'course/walk')).code).toBe(2);
  });

  test('curl and dig take --scenario too', async () => {
    const c = await cli('curl', 'hostname-svc-clusterip:8080', '--scenario', 'course/walk', '--step', 'mark the pods not ready (readiness probe failing)', '--seed', '1');
    expect(c.stdout).toContain('refused');
    const d = await cli('dig', 'hostname-svc-clusterip', '--scenario', 'course/walk');
    expect(d.code).toBe(0);
  });
});

describe('point 6: the tutorial\'s commands as written', () => {
  const fix = ['-f', 'course/ex/solution', '-f', 'course/ex/deploy-hostname.yaml'];

  test('curl IP:PORT speaks HTTP (the body is printed) unless --tcp', async () => {
    const svc = await cli('get', 'svc', 'hostname-svc-clusterip', '-o', 'json', ...fix);
    const ip = (JSON.parse(svc.stdout) as { spec: { clusterIP: string } }).spec.clusterIP;
    const http = await cli('curl', `${ip}:8080`, '--seed', '1', ...fix);
    expect(http.code).toBe(0);
    expect(http.stdout).toMatch(/^Hello, hostname-deployment-/m);
    const tcp = await cli('curl', `${ip}:8080`, '--tcp', '--seed', '1', ...fix);
    expect(tcp.stdout).not.toMatch(/^Hello/m);
    expect(tcp.stdout).toMatch(/^ok: /m);
  });

  test('-s / --silent prints the answer alone, as curl -s does', async () => {
    for (const flag of ['-s', '--silent']) {
      const r = await cli('curl', flag, 'hostname-svc-clusterip:8080', '--seed', '3', ...fix);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Hello, hostname-deployment-\S+\n$/);
    }
  });

  test('--from pod/debug is the debug pod the output names', async () => {
    const r = await cli('curl', 'hostname-svc-clusterip:8080', '--from', 'pod/debug', '--seed', '1', ...fix);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('debug pod default/debug');
  });

  test('without --seed, a single curl picks with a new seed each run, prints it, and --route-seed replays it', async () => {
    const runs = await Promise.all(Array.from({ length: 12 }, () => cli('curl', 'hostname-svc-clusterip:8080', ...fix)));
    const seeds = runs.map((r) => /route seed (\d+)/.exec(r.stdout)?.[1]);
    expect(seeds.every((s) => s !== undefined)).toBe(true);
    expect(new Set(seeds).size).toBeGreaterThan(1);
    const bodies = new Set(runs.map((r) => /^Hello, (\S+)$/m.exec(r.stdout)?.[1]));
    expect(bodies.size).toBeGreaterThan(1);
    const first = runs[0];
    const replay = await cli('curl', 'hostname-svc-clusterip:8080', '--route-seed', seeds[0]!, ...fix);
    expect(/^Hello, \S+$/m.exec(replay.stdout)?.[0]).toBe(/^Hello, \S+$/m.exec(first.stdout)?.[0]);
    // With --seed the output is the same bytes every run.
    const a = await cli('curl', 'hostname-svc-clusterip:8080', '--seed', '5', ...fix);
    const b = await cli('curl', 'hostname-svc-clusterip:8080', '--seed', '5', ...fix);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).not.toContain('route seed');
  });

  test('describe svc has kubectl\'s layout with the Endpoints line; describe pod and endpoints work', async () => {
    const r = await cli('describe', 'svc', 'hostname-svc-clusterip', ...fix);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Name:\s+hostname-svc-clusterip$/m);
    expect(r.stdout).toMatch(/^Selector:\s+app=webserver$/m);
    expect(r.stdout).toMatch(/^Endpoints:\s+(10\.244\.\d+\.\d+:80,){2}10\.244\.\d+\.\d+:80$/m);
    const pods = await cli('get', 'pods', '-o', 'json', ...fix);
    const pod = (JSON.parse(pods.stdout) as { items: Array<{ metadata: { name: string } }> }).items[0].metadata.name;
    const p = await cli('describe', `pod/${pod}`, ...fix);
    expect(p.stdout).toMatch(/^Controlled By:\s+ReplicaSet\/hostname-deployment-/m);
    const e = await cli('describe', 'endpoints', 'hostname-svc-clusterip', ...fix);
    expect(e.stdout).toMatch(/^ {2}Addresses:\s+10\.244/m);
    const missing = await cli('describe', 'svc', 'nope', ...fix);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('services "nope" not found');
  });

  test('get -l filters by labels; get svc NAME -o yaml is the object, not a List', async () => {
    const l = await cli('get', 'pods', '-l', 'app=webserver', ...fix);
    expect(l.stdout.trim().split('\n')).toHaveLength(4);
    const none = await cli('get', 'pods', '-l', 'app!=webserver', ...fix);
    expect(none.stdout).toBe('');
    expect((await cli('get', 'pods', '-l', 'app in (', ...fix)).code).toBe(2);
    const y = parse((await cli('get', 'svc', 'hostname-svc-clusterip', '-o', 'yaml', ...fix)).stdout) as { kind: string };
    expect(y.kind).toBe('Service');
    const list = parse((await cli('get', 'svc', '-o', 'yaml', ...fix)).stdout) as { kind: string };
    expect(list.kind).toBe('List');
  });
});
