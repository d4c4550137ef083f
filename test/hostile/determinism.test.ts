/**
 * Issue 13, point 9: the same input gives the same bytes. Every command in every format runs
 * twice and the two runs must agree byte for byte (stdout, stderr, exit code): nothing measured
 * (time, memory) and nothing random without the seed reaches an output, unless asked for
 * (`svclab test --timing` adds junit's `time=`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli, REPO_ROOT } from '../helpers';
import { LINT_FORMATS } from '../../src/report/lint-formats';
import { SCENARIO_FORMATS } from '../../src/report/scenario/index';
import { removeTempDirs, tempDir } from './temp';

afterAll(removeTempDirs);

const SCENARIOS = ['scenarios/02-endpoints-follow-the-selector', 'scenarios/09-external-traffic-policy-local', 'scenarios/13-mistake-selector-typo', 'exercises/03-named-port'];
const MANIFESTS = ['scenarios/04-counter-and-redis', 'scenarios/12-headless-statefulset-dns', 'scenarios/07-loadbalancer-with-pool', 'scenarios/13-mistake-selector-typo'];
const F = MANIFESTS.flatMap((m) => ['-f', m]);

const COMMANDS: string[][] = [
  ...LINT_FORMATS.map((format) => ['lint', ...MANIFESTS, '--no-config', '--format', format]),
  ['get', 'pods,svc,endpoints,endpointslices,nodes', '-A', ...F],
  ['get', 'pods,svc', '-o', 'wide', ...F],
  ['get', 'pods,svc,endpoints,endpointslices,nodes', '-o', 'json', ...F],
  ['get', 'pods,svc,endpoints,endpointslices,nodes', '-o', 'yaml', ...F],
  ['get', 'pods', 'no-such-pod', ...F],
  ['curl', 'redis:6379', '--from', 'pod', '--count', '20', ...F],
  ['curl', 'redis:6379', '--from', 'pod', '--count', '5', '-v', ...F],
  ['curl', 'http://web.default.svc.cluster.local', '--count', '5', '-o', 'json', ...F],
  ['curl', 'no-such-service:80', ...F],
  ['dig', 'web', ...F],
  ['dig', 'web', 'SRV', '-o', 'json', ...F],
  ['dig', '-x', '10.96.0.10', ...F],
  ['dig', 'kubernetes.default', '--from', 'node/node-1', ...F],
  ...SCENARIO_FORMATS.map((format) => ['test', ...SCENARIOS, '--format', format, '--jobs', '1']),
  ['test', ...SCENARIOS, '--solutions', '--format', 'junit', '--jobs', '1'],
  ['validate', ...SCENARIOS],
  ['rules'],
  ['explain', 'service-selector-no-match'],
];

describe('every command and format gives the same bytes twice', () => {
  test.each(COMMANDS.map((argv) => [argv.filter((a) => !MANIFESTS.includes(a) && !SCENARIOS.includes(a) && a !== '-f').join(' '), argv]))('svclab %s', async (_name, argv) => {
    const first = await runCli(argv as string[], { cwd: REPO_ROOT });
    const second = await runCli(argv as string[], { cwd: REPO_ROOT });
    expect(first.stderr).not.toMatch(/internal error/);
    expect(second).toEqual(first);
    expect(first.stdout.length + first.stderr.length).toBeGreaterThan(0);
  });

  test('--output writes the same file as standard output gets', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'report.xml');
    for (const [argv, printed] of [
      [['lint', ...MANIFESTS, '--no-config', '--format', 'junit', '--output', out], ['lint', ...MANIFESTS, '--no-config', '--format', 'junit']],
      [['test', ...SCENARIOS, '--format', 'junit', '--output', out, '--jobs', '1'], ['test', ...SCENARIOS, '--format', 'junit', '--jobs', '1']],
    ]) {
      await runCli(argv, { cwd: REPO_ROOT });
      const written = fs.readFileSync(out, 'utf8');
      await runCli(argv, { cwd: REPO_ROOT });
      expect(fs.readFileSync(out, 'utf8')).toBe(written);
      expect((await runCli(printed, { cwd: REPO_ROOT })).stdout).toBe(written);
    }
  });

  test('junit has no measured time unless --timing asks for it', async () => {
    const plain = await runCli(['test', SCENARIOS[0], '--format', 'junit'], { cwd: REPO_ROOT });
    expect(plain.stdout).toMatch(/<testsuite name="endpoints-follow-the-selector" file="[^"]+" tests="\d+" failures="0">/);
    expect(plain.stdout).not.toMatch(/time=/);
    const timed = await runCli(['test', SCENARIOS[0], '--format', 'junit', '--timing'], { cwd: REPO_ROOT });
    expect(timed.stdout).toMatch(/<testsuite [^>]* time="\d+\.\d{3}">/);
  });
});
