/**
 * A repository laid out as kustomize bases and overlays (test/kustomize/fixtures/repo/k8s:
 * catalog/base, overlays staging and production, and a loose ingress/ folder applied beside
 * them), linted as a folder. It must give exactly the findings of its built output, positioned
 * in the files the user wrote: the production overlay renames the container port the Service
 * targets (a true error, at the Service's targetPort), and sets a nodePort below the range in
 * an inline patch (a true error, at the patch line inside the kustomization). The staging
 * overlay is clean; the kustomization files produce nothing; the loose Ingress resolves its
 * Service in namespace catalog, which only the base's `namespace:` gives it.
 */
import * as path from 'node:path';
import { lint } from '../../src/lint';
import type { Finding } from '../../src/types';

const REPO = path.join(__dirname, 'fixtures', 'repo');

function show(f: Finding): string {
  return `${f.severity} ${f.ruleId} ${f.file}:${f.line}:${f.column} ${f.object ? `${f.object.kind}/${f.object.namespace}/${f.object.name}` : '-'} ${f.path} [${(f.sets ?? []).join(', ')}]`;
}

describe('a repository of kustomize bases and overlays (svclab lint k8s/)', () => {
  let findings: Finding[] = [];
  let run: Awaited<ReturnType<typeof lint>>;
  beforeAll(async () => {
    run = await lint(['k8s'], { cwd: REPO });
    findings = run.findings;
  });

  test('gives exactly the findings of the built output, at the lines that produced the values', () => {
    expect(findings.map(show)).toEqual([
      'error target-port-name-unresolved k8s/catalog/base/service.yaml:11:17 Service/catalog/catalog spec.ports[0].targetPort [k8s/catalog/overlays/production]',
      'error nodeport-out-of-range k8s/catalog/overlays/production/kustomization.yaml:17:19 Service/catalog/catalog spec.ports[0].nodePort [k8s/catalog/overlays/production]',
    ]);
  });

  test('says which transformation gave the object its namespace', () => {
    for (const f of findings) {
      expect(f.related).toContainEqual({ file: 'k8s/catalog/base/kustomization.yaml', line: 1, column: 12, message: 'namespace catalog set by k8s/catalog/base/kustomization.yaml:1' });
    }
  });

  test('lints the two overlays as alternative sets, the loose Ingress with each', () => {
    expect(run.sets).toEqual([
      { name: 'k8s/catalog/overlays/production', kustomizations: ['k8s/catalog/overlays/production'], looseFiles: ['k8s/ingress/ingress.yaml'], objects: 4, incomplete: false },
      { name: 'k8s/catalog/overlays/staging', kustomizations: ['k8s/catalog/overlays/staging'], looseFiles: ['k8s/ingress/ingress.yaml'], objects: 4, incomplete: false },
    ]);
    // Each overlay's objects are linted once per set, and never collide as duplicates.
    expect(findings.filter((f) => f.ruleId === 'duplicate-object')).toEqual([]);
  });

  test('one overlay on its own is one set with only its findings', async () => {
    const staging = await lint(['k8s/catalog/overlays/staging', 'k8s/ingress'], { cwd: REPO });
    expect(staging.findings.map(show)).toEqual([]);
    expect(staging.sets?.map((s) => s.name)).toEqual(['k8s/catalog/overlays/staging']);
    const production = await lint(['k8s/catalog/overlays/production'], { cwd: REPO });
    expect(production.findings.map((f) => f.ruleId)).toEqual(['target-port-name-unresolved', 'nodeport-out-of-range']);
    expect(production.findings.every((f) => f.sets === undefined)).toBe(true);
  });

  test('the files read from the bases outside the operand are counted', async () => {
    const production = await lint(['k8s/catalog/overlays/production'], { cwd: REPO });
    expect(production.files).toEqual(expect.arrayContaining(['k8s/catalog/base/deployment.yaml', 'k8s/catalog/base/kustomization.yaml']));
    expect(production.summary.objects).toBe(3);
  });
});
