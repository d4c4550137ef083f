import { findingsOf, ruleTester } from '../helpers';
import { portNameProblem } from '../../src/util/name-formats';
import { podWith } from './helpers-pods';

ruleTester('container-port-name-invalid', {
  valid: [
    podWith('      - name: web\n        image: nginx\n        ports:\n        - { name: http, containerPort: 80 }\n        - { name: http-metrics-01, containerPort: 9090 }\n        - { containerPort: 8080 }'),
    // An empty name is "no name" to Kubernetes.
    podWith('      - name: web\n        image: nginx\n        ports: [ { name: "", containerPort: 80 } ]'),
  ],
  invalid: [
    {
      // validation.IsValidPortName: at most 15 characters.
      code: podWith('      - name: web\n        image: nginx\n        ports:\n        - name: prometheus-metrics\n          containerPort: 9090'),
      errors: [{
        line: 16, column: 17, path: 'spec.template.spec.containers[0].ports[0].name', object: 'Deployment/default/web',
        message: 'port name `prometheus-metrics` of container `web` is not a valid IANA service name: it is 18 characters long (at most 15); the API server rejects the pod template',
      }],
    },
    {
      code: podWith('      - name: web\n        image: nginx\n        ports:\n        - { name: HTTP, containerPort: 80 }\n        - { name: "8080", containerPort: 8080 }\n        - { name: grpc_api, containerPort: 9000 }\n        - { name: web--ui, containerPort: 3000 }\n        - { name: -admin, containerPort: 3001 }'),
      errors: [
        { line: 16, column: 19, message: 'it has uppercase letters (port names must be lowercase)' },
        { line: 17, column: 19, message: 'it has no letter' },
        { line: 18, column: 19, message: 'it has an underscore' },
        { line: 19, column: 19, message: 'it has two hyphens in a row' },
        { line: 20, column: 19, message: 'it starts with a hyphen' },
      ],
    },
    {
      // Init containers are validated the same way; ports entries that are not mappings keep later indexes right.
      code: podWith('      - { name: web, image: nginx }', 'initContainers:\n      - name: setup\n        image: busybox\n        ports: [ 80, { name: Setup, containerPort: 81 } ]'),
      errors: [{ line: 15, column: 30, path: 'spec.template.spec.initContainers[0].ports[1].name', message: 'of init container `setup`' }],
    },
  ],
});

test('suggests a valid name in the hint', () => {
  const [f] = findingsOf(podWith('      - name: web\n        image: nginx\n        ports: [ { name: Prometheus_Metrics, containerPort: 9090 } ]'), 'container-port-name-invalid');
  expect(f.hint).toContain('e.g. `prometheus-metr`');
  expect(portNameProblem('prometheus-metr')).toBeUndefined();
});
