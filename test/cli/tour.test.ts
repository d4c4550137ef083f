/**
 * Issue 11, point 9: `svclab tour DIR` reads a scenario as a page: the description, then each
 * stage (the starting manifests, each step) with each expectation, ✓/✗, and the output it checks
 * as kubectl get / curl -v / dig / the truth table print it. Texts of several lines keep their
 * indentation.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, runCli } from '../helpers';

describe('svclab tour', () => {
  test('a walkthrough: description, then each step with the get table, the curl hops and the dig answer it checks', async () => {
    const r = await runCli(['tour', 'scenarios/02-endpoints-follow-the-selector']);
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out.startsWith('# endpoints-follow-the-selector\n\nThe seed\'s note on Endpoints, step by step')).toBe(true);
    const order = ['## The starting manifests', '## Step 1: scale to one replica', '## Step 2: mark the pods not ready (readiness probe failing)'].map((h) => out.indexOf(h));
    expect(order.every((i, k) => i >= 0 && (k === 0 || i > order[k - 1]))).toBe(true);
    expect(out).toMatch(/✓ endpoints\[0\] .*\n {4}\$ svclab get endpoints hostname-svc-clusterip\n {4}NAME {2,}ENDPOINTS {2,}AGE\n {4}hostname-svc-clusterip {2,}(10\.244\.\d+\.\d+:80,){2}10\.244\.\d+\.\d+:80 /);
    expect(out).toMatch(/ {4}\$ svclab curl hostname-svc-clusterip:8080 --from pod --count 10 -v\n/);
    expect(out).toMatch(/ {6}node {5}kube-proxy on node-\d DNATs 10\.96\.\d+\.\d+:8080 to 10\.244\.\d+\.\d+:80 \(the only usable endpoint\)/);
    expect(out).toMatch(/ {4}\$ svclab dig hostname-svc-clusterip --from pod\n {4}; <<>> svclab dig <<>>/);
    // The same page on every run.
    expect((await runCli(['tour', 'scenarios/02-endpoints-follow-the-selector'])).stdout).toBe(out);
  });

  test('a matrix shows its truth table; a failing exercise shows ✗ with the mismatch; several lines keep their indentation', async () => {
    const m = await runCli(['tour', 'scenarios/09-external-traffic-policy-local']);
    expect(m.stdout).toMatch(/truth table \(rows: from, columns: to; X = wrong\): 0 wrong, \d+ right/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-tour-'));
    fs.cpSync(path.join(REPO_ROOT, 'exercises', '01-selector-typo'), dir, { recursive: true });
    const scenario = path.join(dir, 'scenario.yaml');
    fs.writeFileSync(scenario, fs.readFileSync(scenario, 'utf8').replace('  en: |\n    Exercise 1 of 12: a Service that answers nobody.\n', '  en: |\n    Exercise 1 of 12: a Service that answers nobody.\n      (an indented line)\n'));
    const r = await runCli(['tour', '.'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Exercise 1 of 12: a Service that answers nobody.\n  (an indented line)\n');
    expect(r.stdout).toMatch(/✗ endpoints\[0\] .*\n( {4}.*\n)+ {4}\$ svclab get endpoints hostname-svc-clusterip\n/);
    const ko = await runCli(['tour', '.', '--lang', 'ko'], { cwd: dir });
    expect(ko.stdout).toContain('연습문제 1/12: 아무도 응답하지 않는 Service.');
    expect(ko.stdout).toContain('## 처음 매니페스트');
  });
});
