// ValidateService (validation.go): "Check for duplicate Ports, considering (protocol,port) pairs".
import { ruleTester } from '../helpers';
import { service } from './service-yaml';

ruleTester('service-port-duplicate', {
  valid: [
    // 53/TCP and 53/UDP: same number, different protocol — the classic DNS Service.
    service('dns', '  ports:\n  - name: dns\n    port: 53\n    protocol: UDP\n  - name: dns-tcp\n    port: 53\n    protocol: TCP'),
    service('web', '  ports:\n  - name: a\n    port: 80\n  - name: b\n    port: 81'),
  ],
  invalid: [
    {
      code: service('web', '  ports:\n  - name: a\n    port: 80\n  - name: b\n    port: 80\n    targetPort: 8080'),
      errors: [{ line: 10, column: 11, path: 'spec.ports[1].port', message: 'port 80/TCP appears twice in Service web (ports[0] and ports[1])' }],
    },
    // protocol defaults to TCP, so an explicit TCP equals an omitted one.
    {
      code: service('web', '  ports:\n  - name: a\n    port: 80\n  - name: b\n    port: 80\n    protocol: TCP'),
      errors: [{ path: 'spec.ports[1].port', message: /80\/TCP/ }],
    },
  ],
});
