import { findingsOf, ruleTester } from '../helpers';
import { service, workload } from './fixtures';

// The 000 seed: hostname-deployment declares containerPort 80 (lines 1-16).
const hostname = workload('hostname-deployment', 'app: webserver', ['- containerPort: 80']);

ruleTester('target-port-no-container-port', {
  valid: [
    hostname + service('hostname-svc-clusterip', 'app: webserver', ['- name: web-port', '  port: 8080', '  targetPort: 80']),
    // targetPort omitted: it defaults to port, which the container declares.
    hostname + service('web', 'app: webserver', ['- port: 80']),
    // Declaring containerPort is optional: a container that declares none tells nothing (istio-addons jaeger,
    // hello-frontend-backend frontend in the real-world corpus).
    workload('jaeger', 'app: jaeger', []) + service('tracing', 'app: jaeger', ['- port: 80', '  targetPort: 16686']),
    // A probe on the port shows that the process listens there (argo-cd's notifications controller probes 9001).
    workload('metrics', 'app: m', ['- containerPort: 8080']).replace('        ports:', '        livenessProbe:\n          tcpSocket: {port: 9001}\n        ports:')
      + service('metrics', 'app: m', ['- port: 9001']),
    // Named targetPorts are target-port-name-unresolved's business.
    hostname + service('web', 'app: webserver', ['- port: 80', '  targetPort: http']),
  ],
  invalid: [
    {
      // The seed's mistake: targetPort 8080 where the pods declare 80. Service `---` at 17, targetPort at line 27.
      code: hostname + service('hostname-svc-clusterip', 'app: webserver', ['- name: web-port', '  port: 8080', '  targetPort: 8080']),
      errors: [{
        line: 27, column: 17, path: 'spec.ports[0].targetPort', severity: 'warning', object: 'Service/default/hostname-svc-clusterip',
        message: 'targetPort 8080 is not a containerPort of the selected pods (Deployment/default/hostname-deployment declares 80/TCP); unless the app also listens on 8080, connections to Service port 8080/TCP are refused',
      }],
    },
    {
      // No targetPort: it defaults to port 8080; the finding points at `port`.
      code: hostname + service('web', 'app: webserver', ['- port: 8080']),
      errors: [{ line: 25, column: 11, path: 'spec.ports[0].port', message: 'port 8080 (also the targetPort, since targetPort is not set) is not a containerPort' }],
    },
  ],
});

test('the hint suggests the one declared port, and the finding links its declaration', () => {
  const [f] = findingsOf(hostname + service('web', 'app: webserver', ['- port: 8080', '  targetPort: 8080']), 'target-port-no-container-port');
  expect(f.hint).toContain('(targetPort: 80)');
  expect(f.related).toEqual([{ file: 'test.yaml', line: 16, column: 11, message: 'Deployment/default/hostname-deployment declares 80/TCP' }]);
});
