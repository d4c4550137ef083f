// ValidateService (validation.go): clusterIPs[0] "may not be set to 'None' for NodePort/LoadBalancer services".
import { ruleTester } from '../helpers';
import { service } from './service-yaml';

ruleTester('headless-invalid', {
  valid: [
    service('db', '  clusterIP: None\n  ports:\n  - port: 5432'),
    service('db', '  type: ClusterIP\n  clusterIP: None\n  ports:\n  - port: 5432'),
    service('np', '  type: NodePort\n  ports:\n  - port: 80'),
  ],
  invalid: [
    {
      code: service('np', '  type: NodePort\n  clusterIP: None\n  ports:\n  - port: 80'),
      errors: [{ line: 7, column: 14, path: 'spec.clusterIP', message: 'clusterIP may not be "None" for a NodePort Service' }],
    },
    { code: service('lb', '  type: LoadBalancer\n  clusterIP: None\n  ports:\n  - port: 80'), errors: [{ message: /for a LoadBalancer Service/ }] },
    { code: service('lb', '  type: LoadBalancer\n  clusterIP: None\n  clusterIPs: [None]\n  ports:\n  - port: 80'), errors: [{ path: 'spec.clusterIP' }] },
  ],
});
