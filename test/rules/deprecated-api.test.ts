import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli, ruleTester } from '../helpers';
import { isRemovedBy, REMOVED_APIS, removedApi } from '../../src/model/kinds';
import { analyze } from '../../src/pipeline';

const deployment = (apiVersion: string) => `apiVersion: ${apiVersion}
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [ { name: web, image: nginx } ] }
`;

ruleTester('deprecated-api', {
  valid: [
    deployment('apps/v1'),
    `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: { name: web }\nspec: { defaultBackend: { service: { name: web, port: { number: 80 } } } }\n`,
    // policy/v1beta1 is removed for PodDisruptionBudget, but a custom resource of another group is not ours to judge.
    `apiVersion: example.com/v1beta1\nkind: PodDisruptionBudget\nmetadata: { name: x }\n`,
    `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: { name: web }\n`,
  ],
  invalid: [
    {
      // Deprecation guide, v1.16: Deployment in extensions/v1beta1 is no longer served. The default cluster runs
      // v1.33, which serves none of the catalogue's removed apiVersions: the object cannot be created, an error.
      code: deployment('extensions/v1beta1'),
      errors: [{
        line: 1, column: 13, path: 'apiVersion', severity: 'error', object: 'Deployment/default/web',
        message: 'extensions/v1beta1 Deployment is no longer served since Kubernetes v1.16 (this cluster runs v1.33.1), so the object cannot be created (the API server answers: no matches for kind "Deployment" in version "extensions/v1beta1")',
      }],
    },
    {
      // A cluster still on v1.21 serves networking.k8s.io/v1beta1 Ingress (removed in v1.22): a warning about the upgrade.
      code: `apiVersion: networking.k8s.io/v1beta1\nkind: Ingress\nmetadata: { name: web }\nspec: { backend: { serviceName: web, servicePort: 80 } }\n`,
      options: { kubernetesVersion: 'v1.21.14' },
      errors: [{ severity: 'warning', message: "networking.k8s.io/v1beta1 Ingress is still served by this cluster's Kubernetes v1.21.14, but no longer from v1.22 on" }],
    },
    {
      // The release that removes it no longer serves it (v1.22.0 itself).
      code: `apiVersion: networking.k8s.io/v1beta1\nkind: Ingress\nmetadata: { name: web }\nspec: { backend: { serviceName: web, servicePort: 80 } }\n`,
      options: { kubernetesVersion: 'v1.22.0' },
      errors: [{ severity: 'error', message: 'so the object cannot be created' }],
    },
    {
      code: `apiVersion: networking.k8s.io/v1beta1\nkind: Ingress\nmetadata: { name: web, namespace: shop }\nspec: { backend: { serviceName: web, servicePort: 80 } }\n`,
      errors: [{ line: 1, column: 13, object: 'Ingress/shop/web', message: 'no longer served since Kubernetes v1.22' }],
    },
    {
      code: `apiVersion: batch/v1beta1\nkind: CronJob\nmetadata: { name: nightly }\n---\napiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata: { name: restricted }\n`,
      errors: [
        { line: 1, message: 'batch/v1beta1 CronJob is no longer served since Kubernetes v1.25' },
        { line: 5, column: 13, object: 'PodSecurityPolicy//restricted', message: 'the kind has no replacement' },
      ],
    },
    {
      // kind: List items are linted one by one; the finding points into the item.
      code: `apiVersion: v1\nkind: List\nitems:\n- apiVersion: autoscaling/v2beta2\n  kind: HorizontalPodAutoscaler\n  metadata: { name: web }\n`,
      errors: [{ line: 4, column: 15, path: 'apiVersion', message: 'autoscaling/v2beta2 HorizontalPodAutoscaler is no longer served since Kubernetes v1.26' }],
    },
  ],
});

describe('REMOVED_APIS', () => {
  test('names a replacement and a release for every entry, once each', () => {
    const keys = REMOVED_APIS.map((r) => `${r.apiVersion} ${r.kind}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of REMOVED_APIS) {
      expect(r.removedIn).toMatch(/^v1\.\d+$/);
      if (r.replacement !== null) expect(r.replacement).not.toBe(r.apiVersion);
    }
  });

  test('covers the removals of the deprecation guide and leaves served versions alone', () => {
    expect(removedApi('apps/v1beta2', 'StatefulSet')?.replacement).toBe('apps/v1');
    expect(removedApi('discovery.k8s.io/v1beta1', 'EndpointSlice')?.removedIn).toBe('v1.25');
    expect(removedApi('rbac.authorization.k8s.io/v1beta1', 'ClusterRole')?.removedIn).toBe('v1.22');
    expect(removedApi('storage.k8s.io/v1beta1', 'CSIStorageCapacity')?.removedIn).toBe('v1.27');
    expect(removedApi('apps/v1', 'Deployment')).toBeUndefined();
    expect(removedApi('storage.k8s.io/v1', 'StorageClass')).toBeUndefined();
  });
});

describe('the cluster\'s release decides (isRemovedBy)', () => {
  const ingress = removedApi('networking.k8s.io/v1beta1', 'Ingress')!;
  test.each([
    ['v1.21.14', false], ['1.21', false], ['v1.22.0', true], ['v1.22.0-rc.1', true], ['v1.33.1', true], ['v2.0.0', true],
    // A version svclab cannot read counts as current: the API is gone.
    ['latest', true],
  ])('Kubernetes %s stopped serving networking.k8s.io/v1beta1 Ingress: %s', (version, removed) => {
    expect(isRemovedBy(ingress, version)).toBe(removed);
  });
});

describe('the simulator refuses the same objects, in the API server\'s words', () => {
  const text = `${deployment('extensions/v1beta1')}---\napiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec: { selector: { app: web }, ports: [ { port: 80 } ] }\n`;

  test('no pods and a "no matches for kind" refusal, not a validation message', () => {
    const a = analyze([{ path: 'web.yaml', absPath: null, text }]);
    expect(a.cluster.pods.filter((p) => p.namespace === 'default')).toEqual([]);
    expect(a.rejected).toEqual([{
      kind: 'Deployment', namespace: 'default', name: 'web',
      reason: 'no matches for kind "Deployment" in version "extensions/v1beta1" (Kubernetes v1.33.1 does not serve it; it was removed in v1.16)',
    }]);
  });

  test('a Cluster object on an older release: lint warns and the simulator creates the object', () => {
    const cluster = `apiVersion: svclab.io/v1alpha1\nkind: Cluster\nmetadata: { name: old }\nspec: { kubernetesVersion: v1.15.12 }\n---\n`;
    const a = analyze([{ path: 'web.yaml', absPath: null, text: cluster + text }]);
    expect(a.lint.findings.filter((f) => f.ruleId === 'deprecated-api').map((f) => f.severity)).toEqual(['warning']);
    expect(a.rejected.map((r) => r.reason).join('\n')).not.toMatch(/no matches for kind/);
  });

  test('CLI: svclab get says why the Deployment is missing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-removed-'));
    fs.writeFileSync(path.join(dir, 'web.yaml'), text);
    const r = await runCli(['get', 'pods', '-f', dir]);
    expect(r.stderr).toContain('the API server would refuse Deployment default/web: no matches for kind "Deployment" in version "extensions/v1beta1"');
  });
});
