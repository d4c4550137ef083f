// portallocator: one bitmap for all protocols; storage/alloc.go initNodePorts lets only the same `port` share a nodePort;
// ValidateService: duplicate (nodePort, protocol) inside one Service.
import { ruleTester, lintYaml } from '../helpers';
import { docs, service } from './service-yaml';

const two = (a: string, b: string, type = 'NodePort') => service('web', `  type: ${type}\n  ports:\n  - ${a}\n  - ${b}`);

ruleTester('nodeport-conflict', {
  valid: [
    // Same service port on two protocols may share the node port (53/TCP + 53/UDP).
    two('{name: dns, port: 53, protocol: UDP, nodePort: 30053}', '{name: dns-tcp, port: 53, protocol: TCP, nodePort: 30053}'),
    two('{name: a, port: 80, nodePort: 30080}', '{name: b, port: 81, nodePort: 30081}'),
    // Re-applying the same Service (same namespace/name) is an update, not a conflict (duplicate-object reports the copy).
    docs(service('a', '  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 30080'), service('a', '  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 30080')),
    // Different Services, different node ports.
    docs(service('a', '  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 30080'), service('b', '  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 30081', 'other')),
    // An identical repeated entry is service-port-duplicate, not a node port conflict.
    two('{name: a, port: 80, nodePort: 30080}', '{name: b, port: 80, nodePort: 30080}'),
  ],
  invalid: [
    {
      code: two('{name: a, port: 80, nodePort: 30080}', '{name: b, port: 81, nodePort: 30080}'),
      errors: [{ line: 9, column: 35, path: 'spec.ports[1].nodePort', message: 'nodePort 30080 is already used by ports[0] of the same Service' }],
    },
    // Different port and protocol: validation lets it through, the allocator does not ("provided port is already allocated").
    {
      code: two('{name: a, port: 80, protocol: TCP, nodePort: 30080}', '{name: b, port: 81, protocol: UDP, nodePort: 30080}', 'LoadBalancer'),
      errors: [{ path: 'spec.ports[1].nodePort' }],
    },
    // Across Services the protocol does not matter.
    {
      code: docs(
        service('tcp-svc', '  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 31000'),
        service('udp-svc', '  type: NodePort\n  ports:\n  - port: 53\n    protocol: UDP\n    nodePort: 31000', 'dns'),
      ),
      errors: [{ line: 21, column: 15, path: 'spec.ports[0].nodePort', object: 'Service/dns/udp-svc', message: 'nodePort 31000 is already taken by Service default/tcp-svc' }],
    },
    // The healthCheckNodePort comes from the same pool.
    {
      code: service('lb', '  type: LoadBalancer\n  externalTrafficPolicy: Local\n  healthCheckNodePort: 30080\n  ports:\n  - port: 80\n    nodePort: 30080'),
      errors: [{ path: 'spec.healthCheckNodePort', message: 'healthCheckNodePort 30080 is already used by ports[0] of the same Service' }],
    },
  ],
});

test('nodeport-conflict links the other Service\'s nodePort', () => {
  const code = docs(
    service('a', '  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 31000'),
    service('b', '  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 31000'),
  );
  const found = lintYaml(code).findings.filter((f) => f.ruleId === 'nodeport-conflict');
  expect(found).toHaveLength(1);
  expect(found[0].related).toEqual([{ file: 'test.yaml', line: 9, column: 15, message: 'Service default/a uses node port 31000 here' }]);
});
