// spec.loadBalancerIP is deprecated since 1.24 (core/v1 ServiceSpec doc); GetWarningsForService (warnings.go)
// warns for the topology-aware-hints annotation and trafficDistribution PreferClose.
import { findingsOf, ruleTester } from '../helpers';
import { service } from './service-yaml';

const ports = '  ports:\n  - port: 80';

ruleTester('service-deprecated-field', {
  valid: [
    service('lb', `  type: LoadBalancer\n${ports}`),
    service('web', `  trafficDistribution: PreferSameZone\n${ports}`),
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    service.kubernetes.io/topology-mode: Auto\nspec:\n${ports}\n`,
  ],
  invalid: [
    {
      code: service('lb', `  type: LoadBalancer\n  loadBalancerIP: 203.0.113.7\n${ports}`),
      errors: [{ line: 7, column: 19, path: 'spec.loadBalancerIP', severity: 'warning', message: 'spec.loadBalancerIP is deprecated (since Kubernetes 1.24)' }],
    },
    {
      code: `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    service.kubernetes.io/topology-aware-hints: auto\nspec:\n${ports}\n`,
      errors: [{ line: 6, column: 5, path: 'metadata.annotations["service.kubernetes.io/topology-aware-hints"]', message: 'annotation service.kubernetes.io/topology-aware-hints is deprecated, please use service.kubernetes.io/topology-mode instead' }],
    },
    { code: service('web', `  trafficDistribution: PreferClose\n${ports}`), errors: [{ message: /"PreferClose" is deprecated since Kubernetes 1.34; its new name is "PreferSameZone"/ }] },
  ],
});

test('the PreferClose hint warns that PreferSameZone needs Kubernetes 1.33 (older API servers reject it)', () => {
  const [f] = findingsOf(service('web', `  trafficDistribution: PreferClose\n${ports}`), 'service-deprecated-field');
  expect(f.hint).toMatch(/1\.33 or later/);
  expect(f.hint).toMatch(/older API server rejects PreferSameZone/);
});
