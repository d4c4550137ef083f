import { findingsOf, ruleTester } from '../helpers';
import { service, workload } from './fixtures';

// Two versions of one app; only v2 names its port `metrics`.
const v1 = workload('api-v1', 'app: api, version: v1', ['- name: http', '  containerPort: 8080']);
const v2 = workload('api-v2', 'app: api, version: v2', ['- name: http', '  containerPort: 8080', '- name: metrics', '  containerPort: 9090']);

ruleTester('target-port-name-partial', {
  valid: [
    `${v1}---\n${v2}${service('api', 'app: api', ['- name: http', '  port: 80', '  targetPort: http'])}`,
    // None declares it: that is target-port-name-unresolved's error, not a partial warning.
    `${v1}---\n${v2}${service('api', 'app: api', ['- name: admin', '  port: 81', '  targetPort: admin'])}`,
  ],
  invalid: [
    {
      // v1: lines 1-17, `---` 18, v2: 19-37, Service `---` 38 ... ports[1].targetPort at line 51.
      code: `${v1}---\n${v2}${service('api', 'app: api', ['- name: http', '  port: 80', '  targetPort: http', '- name: metrics', '  port: 9090', '  targetPort: metrics'])}`,
      errors: [{
        line: 51, column: 17, path: 'spec.ports[1].targetPort', severity: 'warning', object: 'Service/default/api',
        message: 'targetPort "metrics" (TCP) is declared by Deployment/default/api-v2 but not by Deployment/default/api-v1, which the selector also picks; their pods get no traffic on Service port 9090/TCP',
      }],
    },
  ],
});

test('the partial finding points at the container that lacks the port', () => {
  const [f] = findingsOf(`${v1}---\n${v2}${service('api', 'app: api', ['- port: 9090', '  targetPort: metrics'])}`, 'target-port-name-partial');
  expect(f.related).toEqual([{ file: 'test.yaml', line: 13, column: 9, message: 'Deployment/default/api-v1 has no TCP container port named metrics' }]);
});
