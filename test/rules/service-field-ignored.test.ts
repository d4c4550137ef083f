// GetWarningsForService (pkg/api/service/warnings.go) and SetDefaults_Service (pkg/apis/core/v1/defaults.go)
// drop or ignore these fields; nodePorts on ExternalName are never allocated (txnAllocNodePorts).
import { ruleTester, findingsOf } from '../helpers';
import { service } from './service-yaml';

const ports = '  ports:\n  - port: 80';

ruleTester('service-field-ignored', {
  valid: [
    service('web', `  sessionAffinity: ClientIP\n  sessionAffinityConfig:\n    clientIP: {timeoutSeconds: 600}\n${ports}`),
    service('ext', '  type: ExternalName\n  externalName: db.example.com'),
    service('lb', `  type: LoadBalancer\n  loadBalancerIP: 203.0.113.7\n${ports}`),
    service('web', `  externalIPs: [203.0.113.10]\n${ports}`),
    // Headless with affinity None (explicit) is fine.
    service('db', `  clusterIP: None\n  sessionAffinity: None\n${ports}`),
  ],
  invalid: [
    {
      code: service('web', `  sessionAffinityConfig:\n    clientIP:\n      timeoutSeconds: 600\n${ports}`),
      errors: [{ line: 6, column: 3, path: 'spec.sessionAffinityConfig', severity: 'warning', message: 'sessionAffinityConfig is dropped because sessionAffinity is not set (None)' }],
    },
    { code: service('web', `  sessionAffinity: None\n  sessionAffinityConfig: {clientIP: {timeoutSeconds: 60}}\n${ports}`), errors: [{ message: /because sessionAffinity is None/ }] },
    {
      code: service('web', `  externalName: db.example.com\n${ports}`),
      errors: [{ line: 6, column: 17, path: 'spec.externalName', message: 'spec.externalName is ignored when spec.type is not "ExternalName" (this Service is ClusterIP)' }],
    },
    {
      code: service('db', `  clusterIP: None\n  sessionAffinity: ClientIP\n${ports}`),
      errors: [{ line: 7, column: 20, path: 'spec.sessionAffinity', message: 'sessionAffinity: ClientIP is ignored for a headless Service' }],
    },
    { code: service('db', `  clusterIP: None\n  externalIPs: [203.0.113.10]\n${ports}`), errors: [{ path: 'spec.externalIPs', message: /spec.externalIPs is ignored for a headless Service/ }] },
    { code: service('db', `  clusterIP: None\n  loadBalancerIP: 203.0.113.7\n${ports}`), errors: [{ path: 'spec.loadBalancerIP', message: /spec.loadBalancerIP is ignored for a headless Service/ }] },
    { code: service('ext', '  type: ExternalName\n  externalName: db.example.com\n  externalIPs: [203.0.113.10]'), errors: [{ message: /spec.externalIPs is ignored when spec.type is "ExternalName"/ }] },
    {
      code: service('ext', '  type: ExternalName\n  externalName: db.example.com\n  ports:\n  - port: 80\n    nodePort: 30080'),
      errors: [{ line: 10, column: 15, path: 'spec.ports[0].nodePort', message: 'nodePort 30080 is ignored on an ExternalName Service' }],
    },
    { code: service('np', `  type: NodePort\n  loadBalancerIP: 203.0.113.7\n${ports}`), errors: [{ message: 'spec.loadBalancerIP is ignored on a NodePort Service' }] },
  ],
});

test('service-field-ignored: one finding per mistake — loadBalancerIP on ClusterIP is not also "deprecated"', () => {
  const code = service('web', `  loadBalancerIP: 203.0.113.7\n${ports}`);
  expect(findingsOf(code, 'service-field-ignored')).toHaveLength(1);
  expect(findingsOf(code, 'service-deprecated-field')).toHaveLength(0);
});
