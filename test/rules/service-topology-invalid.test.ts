// ValidateService: validateServiceTrafficDistribution, and the topology annotations that must match.
import { ruleTester } from '../helpers';
import { service } from './service-yaml';

const ports = '  ports: [ { port: 80 } ]';
const annotated = (mode: string, hints: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    service.kubernetes.io/topology-mode: ${mode}\n    service.kubernetes.io/topology-aware-hints: ${hints}\nspec:\n${ports}\n`;

ruleTester('service-topology-invalid', {
  valid: [
    service('web', `  trafficDistribution: PreferClose\n${ports}`),
    service('web', `  trafficDistribution: PreferSameZone\n${ports}`),
    service('web', `  trafficDistribution: PreferSameNode\n${ports}`),
    annotated('Auto', 'Auto'),
  ],
  invalid: [
    { code: service('web', `  trafficDistribution: PreferLocal\n${ports}`), errors: [{ line: 6, column: 24, path: 'spec.trafficDistribution', message: 'trafficDistribution `PreferLocal` is not supported' }] },
    { code: service('web', `  trafficDistribution: preferclose\n${ports}`), errors: [{ message: /`preferclose` is not supported/ }] },
    { code: annotated('Auto', 'Disabled'), errors: [{ line: 6, path: 'metadata.annotations["service.kubernetes.io/topology-mode"]', message: 'is `Auto` but service.kubernetes.io/topology-aware-hints is `Disabled`' }] },
  ],
});
