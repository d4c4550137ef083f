import { findingsOf, ruleTester } from '../helpers';
import { podWith } from './helpers-pods';

const web = (probe: string, ports = '[ { name: http, containerPort: 8080 } ]') => `      - name: web
        image: nginx
        ports: ${ports}
        ${probe}`;

ruleTester('probe-port-unknown', {
  valid: [
    podWith(web('readinessProbe: { httpGet: { path: /healthz, port: http } }')),
    // Numeric probe ports need no declaration.
    podWith(web('livenessProbe: { tcpSocket: { port: 9999 } }')),
    podWith(web('startupProbe: { grpc: { port: 9090 } }')),
    podWith(web('livenessProbe: { exec: { command: [cat, /tmp/ok] } }')),
  ],
  invalid: [
    {
      // The kubelet resolves named probe ports against the container's own ports (findPortByName in pkg/kubelet/prober).
      code: podWith(web('readinessProbe: { httpGet: { path: /healthz, port: htpp } }')),
      errors: [{
        line: 16, column: 60, path: 'spec.template.spec.containers[0].readinessProbe.httpGet.port', object: 'Deployment/default/web',
        message: 'readinessProbe of container `web` uses port name `htpp`, which this container does not declare (it declares `http`); the kubelet resolves a named probe port only against the container\'s own ports, so the probe fails every time and the pod never becomes Ready',
      }],
    },
    {
      code: podWith(web('livenessProbe: { tcpSocket: { port: admin } }', '[ { containerPort: 8080 } ]')),
      errors: [{ line: 16, column: 45, message: '(it declares no named ports)' }],
    },
    {
      // Declared by another container of the pod: still unknown for this probe.
      code: podWith(web('startupProbe: { httpGet: { port: metrics } }') + '\n      - name: exporter\n        image: exporter\n        ports: [ { name: metrics, containerPort: 9100 } ]'),
      errors: [{ line: 16, column: 42, message: /startupProbe .* `metrics`.*container `exporter` of the same pod declares it, but that does not count for this probe/ }],
    },
    {
      // ValidatePortNumOrName: a quoted number is a port name, and port names need a letter.
      code: podWith(web('livenessProbe: { httpGet: { port: "8080" } }')),
      errors: [{ line: 16, column: 43, message: 'livenessProbe of container `web` has port `"8080"`: a quoted number is a string, so Kubernetes reads it as a port name, and port names need a letter' }],
    },
    {
      code: podWith(web('readinessProbe: { tcpSocket: { port: admin_port } }')),
      errors: [{ line: 16, column: 46, message: 'readinessProbe of container `web` uses port name `admin_port`, which is not a valid port name: it has an underscore' }],
    },
  ],
});

test('hints suggest the closest declared name', () => {
  const [f] = findingsOf(podWith(web('readinessProbe: { httpGet: { port: htpp } }')), 'probe-port-unknown');
  expect(f.hint).toContain('Did you mean `http`?');
});
