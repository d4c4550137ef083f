import { findingsOf, ruleTester } from '../helpers';
import { podWith } from './helpers-pods';

ruleTester('container-port-duplicate', {
  valid: [
    podWith('      - name: web\n        image: nginx\n        ports:\n        - { name: http, containerPort: 80 }\n        - { name: https, containerPort: 443 }'),
    // Same number, different protocols: DNS on 53/TCP and 53/UDP.
    podWith('      - name: dns\n        image: coredns\n        ports:\n        - { name: dns, containerPort: 53, protocol: UDP }\n        - { name: dns-tcp, containerPort: 53, protocol: TCP }'),
    // Different hostPorts on the same containerPort are deliberate (pkg/api/pod/warnings.go does not warn).
    podWith('      - name: web\n        image: nginx\n        ports:\n        - { containerPort: 80, hostPort: 8080 }\n        - { containerPort: 80, hostPort: 8081 }'),
  ],
  invalid: [
    {
      // validateContainerPorts: a repeated name inside one container is "Duplicate value".
      code: podWith('      - name: web\n        image: nginx\n        ports:\n        - { name: http, containerPort: 80 }\n        - { name: http, containerPort: 8080 }'),
      errors: [{
        line: 17, column: 19, severity: 'error', path: 'spec.template.spec.containers[0].ports[1].name',
        message: 'port name `http` is declared twice in this pod (both in container `web`); the API server rejects the pod template (Duplicate value)',
      }],
    },
    {
      // Across containers (init containers too): a named targetPort reaches only the first.
      code: podWith('      - name: web\n        image: nginx\n        ports: [ { name: metrics, containerPort: 9090 } ]\n      - name: sidecar\n        image: exporter\n        ports: [ { name: metrics, containerPort: 9100 } ]'),
      errors: [{ line: 18, column: 26, severity: 'error', message: 'port name `metrics` is declared twice in this pod (in container `sidecar`, and first in container `web`); a Service targetPort or probe that uses this name reaches only one of them' }],
    },
    {
      // pkg/api/pod/warnings.go: "duplicate port definition" is a warning.
      code: podWith('      - name: web\n        image: nginx\n        ports: [ { containerPort: 8080 } ]\n      - name: proxy\n        image: envoy\n        ports: [ { containerPort: 8080, protocol: TCP } ]'),
      errors: [{
        line: 18, column: 35, severity: 'warning', path: 'spec.template.spec.containers[1].ports[0].containerPort',
        message: 'containerPort 8080/TCP is declared twice in this pod (in container `proxy`, and first in container `web`); all containers of a pod share one network namespace',
      }],
    },
    {
      // AccumulateUniqueHostPorts: the same hostPort/protocol twice is an API error.
      code: podWith('      - name: web\n        image: nginx\n        ports:\n        - { containerPort: 80, hostPort: 8080 }\n        - { containerPort: 81, hostPort: 8080 }'),
      errors: [{ line: 17, column: 42, severity: 'error', path: 'spec.template.spec.containers[0].ports[1].hostPort', message: 'hostPort 8080/TCP is declared twice in this pod (both in container `web`); the API server rejects the pod template' }],
    },
    {
      // With hostNetwork, hostPort defaults to containerPort, so a repeated containerPort is an error.
      code: podWith('      - name: web\n        image: nginx\n        ports: [ { containerPort: 9100 } ]\n      - name: agent\n        image: agent\n        ports: [ { containerPort: 9100 } ]', 'hostNetwork: true'),
      errors: [{ line: 19, column: 35, severity: 'error', path: 'spec.template.spec.containers[1].ports[0].containerPort', message: 'hostPort 9100/TCP is declared twice' }],
    },
  ],
});

test('the related location is the first declaration', () => {
  const [f] = findingsOf(podWith('      - name: web\n        image: nginx\n        ports:\n        - { name: http, containerPort: 80 }\n        - { name: http, containerPort: 8080 }'), 'container-port-duplicate');
  expect(f.related).toEqual([{ file: 'test.yaml', line: 16, column: 19, message: 'port name http first declared here' }]);
});
