// ValidateService (validation.go): IsValidCIDR on each loadBalancerSourceRanges entry (trimmed) or annotation part.
import { ruleTester } from '../helpers';
import { service } from './service-yaml';

const lb = (ranges: string) => service('lb', `  type: LoadBalancer\n  loadBalancerSourceRanges: [${ranges}]\n  ports:\n  - port: 80`);
const annotated = (value: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: lb\n  annotations:\n    service.beta.kubernetes.io/load-balancer-source-ranges: "${value}"\nspec:\n  type: LoadBalancer\n  ports:\n  - port: 80\n`;

ruleTester('loadbalancer-source-ranges-invalid', {
  valid: [lb('203.0.113.0/24'), lb('"2001:db8::/32", 10.0.0.0/8'), lb('" 10.0.0.0/8 "'), annotated('10.0.0.0/8, 192.168.0.0/16')],
  invalid: [
    { code: lb('203.0.113.7'), errors: [{ line: 7, column: 30, path: 'spec.loadBalancerSourceRanges[0]', message: 'loadBalancerSourceRanges[0] "203.0.113.7" is not a CIDR' }] },
    { code: lb('10.0.0.0/33'), errors: [{ message: /"10.0.0.0\/33" is not a CIDR/ }] },
    { code: annotated('10.0.0.0/8, office'), errors: [{ line: 6, column: 61, message: /entry "office" is not a CIDR/ }] },
  ],
});
