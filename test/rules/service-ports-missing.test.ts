// ValidateService (pkg/apis/core/validation/validation.go): spec.ports is Required unless headless or ExternalName.
import { ruleTester } from '../helpers';
import { service } from './service-yaml';

ruleTester('service-ports-missing', {
  valid: [
    service('web', '  ports:\n  - port: 80'),
    // Headless: only DNS records, no proxying, so no port is needed.
    service('db', '  clusterIP: None\n  selector: {app: db}'),
    // ExternalName: a CNAME, no ports needed.
    service('ext', '  type: ExternalName\n  externalName: db.example.com'),
  ],
  invalid: [
    {
      code: service('web', '  selector:\n    app: web'),
      errors: [{ line: 5, column: 1, path: 'spec.ports', severity: 'error', object: 'Service/default/web', message: 'Service web (type ClusterIP) has no ports' }],
    },
    {
      code: service('np', '  type: NodePort\n  ports: []'),
      errors: [{ line: 7, column: 10, path: 'spec.ports', message: /type NodePort\) has no ports/ }],
    },
    // clusterIP None with type LoadBalancer is still "headless" to this check (headless-invalid reports it).
    {
      code: service('lb', '  type: LoadBalancer'),
      errors: [{ path: 'spec.ports', message: /type LoadBalancer/ }],
    },
  ],
});
