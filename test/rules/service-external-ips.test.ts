// CVE-2020-8554 (kubernetes/kubernetes#97076): externalIPs let any Service capture traffic; DenyServiceExternalIPs blocks them.
import { ruleTester } from '../helpers';
import { service } from './service-yaml';

ruleTester('service-external-ips', {
  valid: [
    service('web', '  ports:\n  - port: 80'),
    // Ignored there: service-field-ignored reports those.
    service('db', '  clusterIP: None\n  externalIPs: [203.0.113.10]\n  ports:\n  - port: 80'),
    service('ext', '  type: ExternalName\n  externalName: a.example.com\n  externalIPs: [203.0.113.10]'),
  ],
  invalid: [
    {
      code: service('web', '  externalIPs:\n  - 203.0.113.10\n  ports:\n  - port: 80'),
      errors: [{ line: 7, column: 3, path: 'spec.externalIPs', severity: 'warning', message: 'spec.externalIPs (203.0.113.10) makes every node accept traffic for these addresses' }],
    },
    { code: service('np', '  type: NodePort\n  externalIPs: [203.0.113.10, 203.0.113.11]\n  ports:\n  - port: 80'), errors: [{ message: /CVE-2020-8554/ }] },
  ],
});
