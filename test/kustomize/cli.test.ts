/**
 * The kustomize support through the command line (in-process `run`): `svclab lint` says which
 * sets it linted and in which set a finding holds; `svclab get|curl|dig` build the same sets,
 * simulate one, and refuse alternatives with the operands that name each.
 */
import * as path from 'node:path';
import { runCli } from '../helpers';

const REPO = path.join(__dirname, 'fixtures', 'repo');

describe('svclab lint on kustomize folders', () => {
  test('stylish: the sets, and the set a finding holds in', async () => {
    const r = await runCli(['lint', 'k8s', '--no-color'], { cwd: REPO });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('linted 2 sets: k8s/catalog/overlays/production; k8s/catalog/overlays/staging (each with 1 loose file)');
    expect(r.stdout).toContain('k8s/catalog/overlays/production/kustomization.yaml\n  17:19  error  Service/catalog/catalog spec.ports[0].nodePort: nodePort 20080 is outside');
    expect(r.stdout).toContain('(in k8s/catalog/overlays/production)  nodeport-out-of-range');
    expect(r.stdout).toContain('related: k8s/catalog/base/kustomization.yaml:1:12 namespace catalog set by k8s/catalog/base/kustomization.yaml:1');
  });

  test('json: the sets, and each finding\'s sets', async () => {
    const r = await runCli(['lint', 'k8s', '-o', 'json'], { cwd: REPO });
    const out = JSON.parse(r.stdout) as { findings: Array<{ ruleId: string; sets: string[] }>; sets: Array<{ name: string; looseFiles: string[] }> };
    expect(out.sets.map((s) => s.name)).toEqual(['k8s/catalog/overlays/production', 'k8s/catalog/overlays/staging']);
    expect(out.findings.map((f) => [f.ruleId, f.sets])).toEqual([
      ['target-port-name-unresolved', ['k8s/catalog/overlays/production']],
      ['nodeport-out-of-range', ['k8s/catalog/overlays/production']],
    ]);
  });

  test('one overlay: exit 0, no sets line about alternatives', async () => {
    const r = await runCli(['lint', 'k8s/catalog/overlays/staging', 'k8s/ingress', '--no-color'], { cwd: REPO });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('linted 1 set: k8s/catalog/overlays/staging (with 1 loose file)');
  });
});

describe('svclab get|curl on kustomize folders', () => {
  test('alternative sets are refused, naming the operands of each', async () => {
    const r = await runCli(['get', 'services', '-f', 'k8s'], { cwd: REPO });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the input builds 2 alternative sets');
    expect(r.stderr).toContain('-f k8s/catalog/overlays/staging -f k8s/ingress/ingress.yaml');
  });

  test('one overlay is simulated as built: namespace, names and labels from the kustomizations', async () => {
    const r = await runCli(['get', 'services', '-A', '-f', 'k8s/catalog/overlays/staging', '-f', 'k8s/ingress'], { cwd: REPO });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/catalog\s+catalog\s+ClusterIP/);
    const curl = await runCli(['curl', 'http://catalog.catalog.svc.cluster.local', '-f', 'k8s/catalog/overlays/staging', '-f', 'k8s/ingress'], { cwd: REPO });
    expect(curl.code).toBe(0);
  });
});
