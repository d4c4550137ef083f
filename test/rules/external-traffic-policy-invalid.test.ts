// validateServiceExternalTrafficPolicy (validation.go) with ExternallyAccessible / NeedsHealthCheck (pkg/api/service/util.go).
import { ruleTester } from '../helpers';
import { service } from './service-yaml';

const etp = (type: string, extra = '') => service('web', `  type: ${type}\n  externalTrafficPolicy: Local\n${extra}  ports:\n  - port: 80`);

ruleTester('external-traffic-policy-invalid', {
  valid: [
    etp('NodePort'),
    etp('LoadBalancer'),
    // ClusterIP with externalIPs is externally accessible.
    etp('ClusterIP', '  externalIPs: [203.0.113.10]\n'),
    etp('LoadBalancer', '  healthCheckNodePort: 32000\n'),
    service('web', '  ports:\n  - port: 80'),
  ],
  invalid: [
    {
      code: etp('ClusterIP'),
      errors: [{ line: 7, column: 26, path: 'spec.externalTrafficPolicy', message: 'externalTrafficPolicy may only be set on an externally accessible Service (NodePort, LoadBalancer, or ClusterIP with externalIPs); this one is a ClusterIP Service without externalIPs' }],
    },
    { code: service('web', '  externalTrafficPolicy: Cluster\n  ports:\n  - port: 80'), errors: [{ message: /without externalIPs/ }] },
    { code: service('ext', '  type: ExternalName\n  externalName: a.example.com\n  externalTrafficPolicy: Local'), errors: [{ message: /this one is of type ExternalName/ }] },
    {
      code: service('np', '  type: NodePort\n  externalTrafficPolicy: Local\n  healthCheckNodePort: 32000\n  ports:\n  - port: 80'),
      errors: [{ line: 8, column: 24, path: 'spec.healthCheckNodePort', message: 'healthCheckNodePort may only be set when type is LoadBalancer and externalTrafficPolicy is Local (this Service: type NodePort, externalTrafficPolicy Local)' }],
    },
    { code: service('lb', '  type: LoadBalancer\n  healthCheckNodePort: 32000\n  ports:\n  - port: 80'), errors: [{ message: /externalTrafficPolicy Cluster \(the default\)/ }] },
  ],
});
