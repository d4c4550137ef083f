/*
 * kustomize-build is reported by the build of a kustomization folder (src/kustomize/), which
 * the one-file ruleTester cannot feed: each case lints an in-memory folder (several files).
 * Each invalid case is something `kustomize build` (kustomize v5, api/internal/target/
 * kusttarget.go and the builtin plugins named per case) refuses.
 */
import { lintSources } from '../../src/lint';
import { RULES_BY_ID } from '../../src/rules/index';

function lintFolder(files: Record<string, string>) {
  return lintSources(Object.entries(files).map(([p, text]) => ({ path: p, absPath: null, text })));
}

function found(files: Record<string, string>) {
  return lintFolder(files).findings.filter((f) => f.ruleId === 'kustomize-build');
}

const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n';
const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n        image: nginx\n        ports:\n        - containerPort: 80\n';

describe('kustomize-build', () => {
  test('is a registered, documented error rule', () => {
    expect(RULES_BY_ID.get('kustomize-build')?.meta.severity).toBe('error');
  });

  describe('valid', () => {
    test('valid #1: resources, a patch and a generator that all resolve', () => {
      expect(found({
        'app/kustomization.yaml': 'resources:\n- svc.yaml\n- deploy.yaml\npatches:\n- path: replicas.yaml\nconfigMapGenerator:\n- name: cfg\n  literals: [A=1]\n',
        'app/svc.yaml': SERVICE,
        'app/deploy.yaml': DEPLOYMENT,
        'app/replicas.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n',
      })).toEqual([]);
    });

    test('valid #2: a kustomization without apiVersion and kind, and one with them', () => {
      expect(found({ 'a/kustomization.yaml': 'resources: [s.yaml]\n', 'a/s.yaml': SERVICE })).toEqual([]);
      expect(found({ 'b/kustomization.yml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [s.yaml]\n', 'b/s.yaml': SERVICE })).toEqual([]);
    });
  });

  describe('invalid', () => {
    test('invalid #1: a resource file that does not exist (accumulateResources)', () => {
      const [f] = found({ 'app/kustomization.yaml': 'resources:\n- svc.yaml\n- missing.yaml\n', 'app/svc.yaml': SERVICE });
      expect(f).toMatchObject({ file: 'app/kustomization.yaml', line: 3, column: 3, severity: 'error', path: 'resources[1]' });
      expect(f.message).toBe('resources entry missing.yaml does not exist (app/missing.yaml); `kustomize build` fails on it');
      expect(f.hint).toMatch(/relative to its folder/);
    });

    test('invalid #2: an unknown field (Kustomization.Unmarshal with DisallowUnknownFields), with a did-you-mean', () => {
      const [f] = found({ 'app/kustomization.yaml': 'namespace: shop\nresorces:\n- svc.yaml\n', 'app/svc.yaml': SERVICE });
      expect(f).toMatchObject({ line: 2, column: 1, message: 'unknown field `resorces` in the kustomization (did you mean `resources`?): kustomize rejects the file (json: unknown field)' });
    });

    test('invalid #3: a strategic merge patch that names no object of the build (PatchTransformer)', () => {
      const [f] = found({
        'app/kustomization.yaml': 'resources: [svc.yaml]\npatches:\n- path: p.yaml\n',
        'app/svc.yaml': SERVICE,
        'app/p.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: webb\nspec:\n  type: NodePort\n',
      });
      expect(f.message).toMatch(/no object of the build is Service\.v1\/webb/);
      expect(f).toMatchObject({ file: 'app/kustomization.yaml', line: 3 });
    });

    test('invalid #4: a JSON patch without target, and one whose operation cannot be applied', () => {
      const files = {
        'app/kustomization.yaml': 'resources: [svc.yaml]\npatches:\n- patch: |-\n    - op: replace\n      path: /spec/type\n      value: NodePort\n- target:\n    kind: Service\n  patch: |-\n    - op: replace\n      path: /spec/type\n      value: NodePort\n',
        'app/svc.yaml': SERVICE,
      };
      expect(found(files).map((f) => f.messageId)).toEqual(['patchNeedsTarget', 'patchFailed']);
      expect(found(files)[1].message).toMatch(/replace \/spec\/type: the path does not exist/);
    });

    test('invalid #5: the same object twice in one build (resWrangler.Append)', () => {
      const [f] = found({ 'app/kustomization.yaml': 'resources: [a.yaml, b.yaml]\n', 'app/a.yaml': SERVICE, 'app/b.yaml': SERVICE });
      expect(f.message).toMatch(/^Service\.v1\/web is added twice to the build of app/);
    });

    test('invalid #6: a Component under resources, a folder without kustomization, a cycle', () => {
      const ids = found({
        'app/kustomization.yaml': 'resources:\n- ../comp\n- ../plain\n- ../loop\n',
        'comp/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n',
        'plain/svc.yaml': SERVICE,
        'loop/kustomization.yaml': 'resources: [../loop2]\n',
        'loop2/kustomization.yaml': 'resources: [../loop]\n',
      }).map((f) => `${f.file}:${f.line} ${f.messageId}`);
      expect(ids).toEqual(expect.arrayContaining(['app/kustomization.yaml:2 componentNotResource', 'app/kustomization.yaml:3 noKustomization', 'loop2/kustomization.yaml:1 cycle']));
    });

    test('invalid #7: a generator with a missing file, and a merge with nothing to merge into', () => {
      const msgs = found({ 'app/kustomization.yaml': 'configMapGenerator:\n- name: a\n  files: [nope.properties]\n- name: b\n  behavior: merge\n  literals: [X=1]\n' }).map((f) => f.message);
      expect(msgs).toEqual(['configMapGenerator a: files file nope.properties does not exist', 'configMapGenerator b has behavior `merge` but the build has no ConfigMap b to merge; `kustomize build` fails']);
    });
  });
});
