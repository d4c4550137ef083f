import { ruleTester } from '../helpers';
import { service, workload } from './fixtures';

// A DNS server that listens on 53/UDP only (lines 1-17).
const dns = workload('dns', 'app: dns', ['- containerPort: 53', '  protocol: UDP']);

ruleTester('target-port-protocol-mismatch', {
  valid: [
    dns + service('dns', 'app: dns', ['- port: 53', '  protocol: UDP']),
    // 53/TCP and 53/UDP both declared: each Service port finds its own.
    workload('dns', 'app: dns', ['- {containerPort: 53, protocol: UDP}', '- {containerPort: 53, protocol: TCP}'])
      + service('dns', 'app: dns', ['- {name: dns, port: 53, protocol: UDP}', '- {name: dns-tcp, port: 53, protocol: TCP}']),
    // Port not declared at all: target-port-no-container-port's business.
    dns + service('dns', 'app: dns', ['- port: 54']),
    // Selected copies of an app (FindPort looks at each pod): one of them declares 53/TCP.
    dns + '---\n' + workload('dns-b', 'app: dns', ['- containerPort: 53', '  protocol: UDP'])
      + '---\n' + workload('dns-c', 'app: dns', ['- containerPort: 53', '  protocol: TCP'])
      + service('dns', 'app: dns', ['- port: 53']),
  ],
  invalid: [
    {
      // Every selected copy declares 53 as UDP only: one finding, naming the declarations.
      code: dns + '---\n' + workload('dns-b', 'app: dns', ['- containerPort: 53', '  protocol: UDP']) + service('dns', 'app: dns', ['- port: 53']),
      errors: [{ line: 44, column: 11, path: 'spec.ports[0].port', message: 'but the selected pods declare 53 only as UDP (53/UDP)' }],
    },
    {
      // protocol written: the finding is on it (line 28).
      code: dns + service('dns', 'app: dns', ['- port: 53', '  targetPort: 53', '  protocol: TCP']),
      errors: [{
        line: 28, column: 15, path: 'spec.ports[0].protocol', severity: 'warning', object: 'Service/default/dns',
        message: 'Service port 53/TCP sends TCP to targetPort 53, but the selected pods declare 53 only as UDP (53/UDP)',
      }],
    },
    {
      // protocol defaulted to TCP and targetPort omitted: the finding is on `port` (line 26).
      code: dns + service('dns', 'app: dns', ['- port: 53']),
      errors: [{ line: 26, column: 11, path: 'spec.ports[0].port', message: 'sends TCP to targetPort 53' }],
    },
  ],
});
