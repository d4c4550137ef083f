// ValidateService / validateLoadBalancerClassField (validation.go): "may only be used when `type` is 'LoadBalancer'".
import { ruleTester } from '../helpers';
import { service } from './service-yaml';

const ports = '  ports:\n  - port: 80';

ruleTester('loadbalancer-field-not-allowed', {
  valid: [
    service('lb', `  type: LoadBalancer\n  loadBalancerSourceRanges: [203.0.113.0/24]\n  allocateLoadBalancerNodePorts: false\n  loadBalancerClass: example.com/lb\n${ports}`),
    service('web', ports),
  ],
  invalid: [
    {
      code: service('np', `  type: NodePort\n  loadBalancerSourceRanges: [203.0.113.0/24]\n${ports}`),
      errors: [{ line: 7, column: 3, path: 'spec.loadBalancerSourceRanges', message: 'spec.loadBalancerSourceRanges may only be used when type is LoadBalancer (this Service is NodePort)' }],
    },
    { code: service('web', `  allocateLoadBalancerNodePorts: false\n${ports}`), errors: [{ message: /spec.allocateLoadBalancerNodePorts may only be used when type is LoadBalancer \(this Service is ClusterIP\)/ }] },
    { code: service('web', `  loadBalancerClass: example.com/lb\n${ports}`), errors: [{ path: 'spec.loadBalancerClass' }] },
    {
      code: `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    service.beta.kubernetes.io/load-balancer-source-ranges: 10.0.0.0/8\nspec:\n${ports}\n`,
      errors: [{ line: 6, column: 5, message: /annotation service.beta.kubernetes.io\/load-balancer-source-ranges may only be used/ }],
    },
  ],
});
