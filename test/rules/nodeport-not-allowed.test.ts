// ValidateService (validation.go): nodePort "may not be used when `type` is 'ClusterIP'" — headless included.
import { ruleTester, findingsOf } from '../helpers';
import { service } from './service-yaml';

const withNodePort = (extra: string) => service('web', `${extra}  ports:\n  - port: 80\n    nodePort: 30080`);

ruleTester('nodeport-not-allowed', {
  valid: [
    withNodePort('  type: NodePort\n'),
    withNodePort('  type: LoadBalancer\n'),
    // allocateLoadBalancerNodePorts: false still honours explicit nodePorts (initNodePorts in storage/alloc.go).
    withNodePort('  type: LoadBalancer\n  allocateLoadBalancerNodePorts: false\n'),
    // ExternalName keeps and ignores it: a warning of service-field-ignored, not an error.
    withNodePort('  type: ExternalName\n  externalName: db.example.com\n'),
    // nodePort: 0 means "not set".
    service('web', '  ports:\n  - port: 80\n    nodePort: 0'),
  ],
  invalid: [
    {
      code: withNodePort(''),
      errors: [{ line: 8, column: 15, path: 'spec.ports[0].nodePort', message: 'nodePort 30080 may not be used when the Service type is ClusterIP: only NodePort and LoadBalancer' }],
    },
    { code: withNodePort('  type: ClusterIP\n'), errors: [{ line: 9, column: 15 }] },
    { code: withNodePort('  clusterIP: None\n'), errors: [{ message: /ClusterIP \(this one is headless, clusterIP: None\)/ }] },
  ],
});

test('a nodePort on a ClusterIP Service is one finding, not also out of range (validation rejects it; the allocator never runs for ClusterIP)', () => {
  const code = service('web', '  ports:\n  - port: 80\n    nodePort: 40000');
  expect(findingsOf(code, 'nodeport-not-allowed')).toHaveLength(1);
  expect(findingsOf(code, 'nodeport-out-of-range')).toHaveLength(0);
  expect(findingsOf(code, 'nodeport-conflict')).toHaveLength(0);
});
