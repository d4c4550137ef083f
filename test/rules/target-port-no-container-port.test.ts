import { findingsOf, ruleTester } from '../helpers';
import { simulate } from '../../src/index';
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
    // Several pod templates selected (listensOn per pod, as the endpoints see them): the first declares
    // another port, a later one declares 9090, so the Service port reaches a pod that listens.
    hostname + '---\n' + workload('metrics-sidecar', 'app: webserver', ['- containerPort: 9090'])
      + service('metrics', 'app: webserver', ['- port: 9090']),
    // Named targetPorts are target-port-name-unresolved's business.
    hostname + service('web', 'app: webserver', ['- port: 80', '  targetPort: http']),
    // The number declared with another protocol: target-port-protocol-mismatch reports it, not this rule.
    workload('dns', 'app: dns', ['- containerPort: 53', '  protocol: UDP']) + service('dns', 'app: dns', ['- port: 53']),
    // svclab.io/listens states a port the manifests do not declare (a metrics port): the user said so.
    withListens(hostname, '80,9090') + service('metrics', 'app: webserver', ['- port: 9090']),
    // An annotation svclab cannot read is ignored (listens-annotation-invalid reports it): the declared 80 counts.
    withListens(hostname, 'http') + service('web', 'app: webserver', ['- port: 80']),
  ],
  invalid: [
    {
      // The seed's mistake: targetPort 8080 where the pods declare 80. Service `---` at 17, targetPort at line 27.
      code: hostname + service('hostname-svc-clusterip', 'app: webserver', ['- name: web-port', '  port: 8080', '  targetPort: 8080']),
      errors: [{
        line: 27, column: 17, path: 'spec.ports[0].targetPort', severity: 'warning', object: 'Service/default/hostname-svc-clusterip',
        // containerPort is informational: the wording says what svclab knows, not that the port is closed.
        message: 'targetPort 8080 is not declared (the container may not listen there): no container of the selected pods declares containerPort 8080 (Deployment/default/hostname-deployment declares 80/TCP); if the app does not listen on 8080, connections to Service port 8080/TCP are refused',
      }],
    },
    {
      // No targetPort: it defaults to port 8080; the finding points at `port`.
      code: hostname + service('web', 'app: webserver', ['- port: 8080']),
      errors: [{ line: 25, column: 11, path: 'spec.ports[0].port', message: 'port 8080 (also the targetPort, since targetPort is not set) is not declared (the container may not listen there)' }],
    },
    {
      // Every selected template states its ports: the answer is certain, and the message says so.
      code: withListens(hostname, '80, 9090') + service('web', 'app: webserver', ['- port: 8080', '  targetPort: 7000']),
      errors: [{
        path: 'spec.ports[0].targetPort', severity: 'warning',
        message: 'targetPort 7000 is not a port the selected pods listen on: their svclab.io/listens annotation says 80/TCP, 9090/TCP; connections to Service port 8080/TCP are refused',
      }],
    },
  ],
});

/** The pod template of `yaml` with the annotation svclab.io/listens: value. */
function withListens(yaml: string, value: string): string {
  return yaml.replace('      labels: {app: webserver}\n', `      labels: {app: webserver}\n      annotations: {svclab.io/listens: "${value}"}\n`);
}

test('the hint offers the annotation that states the truth, with the declared ports and the targetPort', () => {
  const [f] = findingsOf(hostname + service('web', 'app: webserver', ['- port: 8080', '  targetPort: 8080']), 'target-port-no-container-port');
  expect(f.hint).toBe('Set targetPort to the port the container listens on (targetPort: 80). If the app really listens on 8080, declare it (`containerPort: 8080`), or state its ports with the pod template annotation svclab.io/listens: "80,8080".');
});

test('lint and the simulator take the same decision (model/listens.ts listensOn): assumed closed, or stated', () => {
  const mistake = hostname + service('web', 'app: webserver', ['- port: 8080', '  targetPort: 8080']);
  expect(simulate(mistake).route({ from: 'pod', to: 'web:8080' }).results[0]).toMatchObject({ outcome: 'refused', assumed: true });
  const stated = withListens(hostname, '80,8080') + service('web', 'app: webserver', ['- port: 8080', '  targetPort: 8080']);
  expect(findingsOf(stated, 'target-port-no-container-port')).toEqual([]);
  expect(simulate(stated).route({ from: 'pod', to: 'web:8080' }).results[0]).toMatchObject({ outcome: 'ok', assumed: false });
});

test('the hint suggests the one declared port, and the finding links its declaration', () => {
  const [f] = findingsOf(hostname + service('web', 'app: webserver', ['- port: 8080', '  targetPort: 8080']), 'target-port-no-container-port');
  expect(f.hint).toContain('(targetPort: 80)');
  expect(f.related).toEqual([{ file: 'test.yaml', line: 16, column: 11, message: 'Deployment/default/hostname-deployment declares 80/TCP' }]);
});
