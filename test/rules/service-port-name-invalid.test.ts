// validateServicePort → ValidateDNS1123Label (validation.go): Service port names are DNS-1123 labels.
import { ruleTester } from '../helpers';
import { service } from './service-yaml';

ruleTester('service-port-name-invalid', {
  valid: [
    service('web', '  ports:\n  - name: http\n    port: 80'),
    // All digits is a valid DNS-1123 label (unlike a container port name).
    service('web', '  ports:\n  - name: "8080"\n    port: 8080'),
    // Longer than 15 characters is fine for a Service port (up to 63).
    service('web', '  ports:\n  - name: a-rather-long-port-name-for-metrics\n    port: 9090'),
  ],
  invalid: [
    {
      code: service('web', '  ports:\n  - name: Web_Port\n    port: 80'),
      errors: [{ line: 7, column: 11, path: 'spec.ports[0].name', message: 'Service port name "Web_Port" is invalid: it has uppercase letters' }],
    },
    {
      code: service('web', '  ports:\n  - name: http-\n    port: 80'),
      errors: [{ message: /ends with `-`/ }],
    },
    {
      code: service('web', `  ports:\n  - name: ${'a'.repeat(64)}\n    port: 80`),
      errors: [{ message: /64 characters long \(at most 63\)/ }],
    },
  ],
});
