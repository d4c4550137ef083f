// GetWarningsForService → GetWarningsForIP (apimachinery validation/ip.go): leading zeros are accepted (decimal) with a warning.
import { ruleTester } from '../helpers';
import { service } from './service-yaml';

const ports = '  ports:\n  - port: 80';

ruleTester('service-ip-leading-zeros', {
  valid: [
    service('web', `  clusterIP: 10.96.0.50\n${ports}`),
    service('web', `  clusterIP: None\n${ports}`),
    service('web', `  externalIPs: [203.0.113.10]\n${ports}`),
    service('web', `  clusterIP: "fd00::10"\n${ports}`),
  ],
  invalid: [
    {
      code: service('web', `  clusterIP: 10.96.0.050\n${ports}`),
      errors: [{ line: 6, column: 14, path: 'spec.clusterIP', severity: 'warning', message: 'clusterIP "10.96.0.050" has leading zeros: Kubernetes reads it as 10.96.0.50 (decimal)' }],
    },
    { code: service('web', `  externalIPs: [203.0.113.010]\n${ports}`), errors: [{ path: 'spec.externalIPs[0]', message: /reads it as 203.0.113.10/ }] },
    { code: service('lb', `  type: LoadBalancer\n  loadBalancerIP: 010.1.2.3\n${ports}`), errors: [{ path: 'spec.loadBalancerIP', message: /reads it as 10.1.2.3/ }] },
    { code: service('web', `  clusterIP: 10.96.0.050\n  clusterIPs: [10.96.0.050]\n${ports}`), errors: [{ path: 'spec.clusterIPs[0]' }] },
  ],
});
