// GetWarningsForService → GetWarningsForIP / GetWarningsForCIDR (apimachinery validation): accepted, with a warning.
import { ruleTester } from '../helpers';
import { service } from './service-yaml';

const ports = '  ports:\n  - port: 80';
const lb = (extra: string) => service('lb', `  type: LoadBalancer\n${extra}\n${ports}`);

ruleTester('service-ip-non-canonical', {
  valid: [
    service('web', `  clusterIP: 10.96.0.50\n${ports}`),
    service('web', `  clusterIP: None\n${ports}`),
    service('web', `  externalIPs: [203.0.113.10]\n${ports}`),
    { code: service('web', `  clusterIP: "fd00::10"\n${ports}`), options: { serviceCIDRs: ['fd00::/108'] } },
    lb('  loadBalancerSourceRanges: [203.0.113.0/24, "2001:db8::/32"]'),
  ],
  invalid: [
    {
      code: service('web', `  clusterIP: 10.96.0.050\n${ports}`),
      errors: [{ line: 6, column: 14, path: 'spec.clusterIP', severity: 'warning', message: 'clusterIP "10.96.0.050" has leading zeros: Kubernetes reads it as 10.96.0.50 (decimal)' }],
    },
    { code: service('web', `  externalIPs: [203.0.113.010]\n${ports}`), errors: [{ path: 'spec.externalIPs[0]', message: /reads it as 203.0.113.10/ }] },
    { code: lb('  loadBalancerIP: 010.1.2.3'), errors: [{ path: 'spec.loadBalancerIP', message: /reads it as 10.1.2.3/ }] },
    { code: service('web', `  clusterIP: 10.96.0.050\n  clusterIPs: [10.96.0.050]\n${ports}`), errors: [{ path: 'spec.clusterIPs[0]' }] },
    { code: service('web', `  externalIPs: ["2001:DB8:0:0::1"]\n${ports}`), errors: [{ message: '"2001:DB8:0:0::1" is not in canonical IPv6 form (2001:db8::1)' }] },
    { code: lb('  loadBalancerSourceRanges: [10.0.0.1/8]'), errors: [{ path: 'spec.loadBalancerSourceRanges[0]', message: 'loadBalancerSourceRanges[0] "10.0.0.1/8" is ambiguous: it has bits set after the prefix length (did you mean 10.0.0.0/8 or 10.0.0.1/32?)' }] },
    { code: lb('  loadBalancerSourceRanges: [010.0.0.0/8]'), errors: [{ message: /reads it as 10.0.0.0\/8/ }] },
  ],
});
