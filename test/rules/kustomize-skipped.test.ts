/*
 * kustomize-skipped is reported by the build of a kustomization folder (src/kustomize/), which
 * the one-file ruleTester cannot feed: each case lints an in-memory folder.
 */
import { lintSources } from '../../src/lint';
import { RULES_BY_ID } from '../../src/rules/index';

function lintFolder(files: Record<string, string>) {
  return lintSources(Object.entries(files).map(([p, text]) => ({ path: p, absPath: null, text })));
}

const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n';
const INGRESS = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  defaultBackend:\n    service:\n      name: redis\n      port:\n        number: 6379\n';

describe('kustomize-skipped', () => {
  test('is a registered, documented info rule', () => {
    expect(RULES_BY_ID.get('kustomize-skipped')?.meta.severity).toBe('info');
  });

  describe('valid', () => {
    test('valid #1: every field built, every file of the folder used', () => {
      const run = lintFolder({ 'app/kustomization.yaml': 'namePrefix: a-\nresources: [svc.yaml]\n', 'app/svc.yaml': SERVICE });
      expect(run.findings.filter((f) => f.ruleId === 'kustomize-skipped')).toEqual([]);
    });
  });

  describe('invalid', () => {
    test('invalid #1: helmCharts is named, with the kustomize build hint, and the errors it may cause become warnings', () => {
      const run = lintFolder({
        'app/kustomization.yaml': 'resources:\n- ingress.yaml\nhelmCharts:\n- name: redis\n  repo: https://charts.example.com\n',
        'app/ingress.yaml': INGRESS,
      });
      const [f] = run.findings.filter((x) => x.ruleId === 'kustomize-skipped');
      expect(f).toMatchObject({ file: 'app/kustomization.yaml', line: 3, column: 1, severity: 'info', messageId: 'unsupported' });
      expect(f.message).toBe('`helmCharts` is not built by svclab: the objects of app are linted without it, so their errors are reported as warnings');
      expect(f.hint).toContain('kustomize build app | svclab lint -');
      // The Service the chart would make is missing: the Ingress finding is a warning, not an error.
      expect(run.findings.filter((x) => x.ruleId === 'ingress-backend-unresolved').map((x) => x.severity)).toEqual(['warning']);
      expect(run.summary.errors).toBe(0);
      expect(run.sets?.[0].incomplete).toBe(true);
    });

    test('invalid #2: a remote resource is reported, never fetched', () => {
      const [f] = lintFolder({ 'app/kustomization.yaml': 'resources:\n- svc.yaml\n- https://github.com/example/app//deploy?ref=v1.2.0\n', 'app/svc.yaml': SERVICE }).findings.filter((x) => x.ruleId === 'kustomize-skipped');
      expect(f).toMatchObject({ line: 3, messageId: 'remote' });
    });

    test('invalid #3: sortOptions does not change what is checked', () => {
      const [f] = lintFolder({ 'app/kustomization.yaml': 'resources: [svc.yaml]\nsortOptions:\n  order: fifo\n', 'app/svc.yaml': SERVICE }).findings.filter((x) => x.ruleId === 'kustomize-skipped');
      expect(f.message).toBe('`sortOptions` is not built by svclab; it does not change what svclab checks (it only orders the output)');
    });

    test('invalid #4: a file of the folder the kustomization does not use is not linted', () => {
      const run = lintFolder({ 'app/kustomization.yaml': 'resources: [svc.yaml]\n', 'app/svc.yaml': SERVICE, 'app/old.yaml': 'kind: Broken\n' });
      const onOld = run.findings.filter((f) => f.file === 'app/old.yaml');
      expect(onOld.map((f) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual(['kustomize-skipped app/old.yaml:1']);
      expect(onOld[0].message).toBe('app/old.yaml is in the folder of app/kustomization.yaml but the kustomization does not use it: `kustomize build` leaves it out, and so does svclab');
    });
  });
});
