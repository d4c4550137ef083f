// validateServicePort (validation.go): requireName = len(ports) > 1.
import { ruleTester } from '../helpers';
import { service } from './service-yaml';

ruleTester('service-port-name-required', {
  valid: [
    service('one', '  ports:\n  - port: 80'),
    service('two', '  ports:\n  - name: http\n    port: 80\n  - name: https\n    port: 443'),
  ],
  invalid: [
    {
      code: service('two', '  ports:\n  - name: http\n    port: 80\n  - port: 443\n    targetPort: 8443'),
      errors: [{ line: 9, column: 5, path: 'spec.ports[1].name', message: 'port 443 of Service two has no name, but a Service with 2 ports must name every port' }],
    },
    {
      code: service('three', '  ports:\n  - port: 80\n  - port: 81\n  - name: c\n    port: 82'),
      errors: [{ line: 7, column: 5, path: 'spec.ports[0].name' }, { line: 8, column: 5, path: 'spec.ports[1].name' }],
    },
  ],
});
