import { ruleTester } from '../helpers';
import { REMOVED_APIS, removedApi } from '../../src/model/kinds';

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
      // Deprecation guide, v1.16: Deployment in extensions/v1beta1 is no longer served.
      code: deployment('extensions/v1beta1'),
      errors: [{ line: 1, column: 13, path: 'apiVersion', severity: 'warning', object: 'Deployment/default/web', message: /extensions\/v1beta1 Deployment is no longer served since Kubernetes v1\.16/ }],
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
