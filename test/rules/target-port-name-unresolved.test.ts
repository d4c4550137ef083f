import { ruleTester } from '../helpers';
import { service, workload } from './fixtures';

// Deployment web: lines 1-14, `ports:` line 15, port entries from line 16 (2 lines each). Service follows.
const web = workload('web', 'app: web', ['- name: http', '  containerPort: 80', '- name: dns', '  containerPort: 53', '  protocol: UDP']);

ruleTester('target-port-name-unresolved', {
  valid: [
    web + service('web', 'app: web', ['- port: 80', '  targetPort: http']),
    web + service('dns', 'app: web', ['- port: 53', '  protocol: UDP', '  targetPort: dns']),
    // Numeric targetPorts are not looked up by name.
    web + service('web', 'app: web', ['- port: 80', '  targetPort: 8080']),
    // Not a valid port name at all (underscore, uppercase, too long): target-port-invalid reports it, once.
    web + service('web', 'app: web', ['- port: 80', '  targetPort: http_x']),
    web + service('web', 'app: web', ['- port: 80', '  targetPort: HTTP']),
    web + service('web', 'app: web', ['- port: 80', '  targetPort: http-frontend-port']),
    // No pod selected: service-selector-no-match reports that, not this rule.
    web + service('web', 'app: other', ['- port: 80', '  targetPort: nope']),
    // A sidecar (init container with restartPolicy: Always) declares the port: FindPort looks there too.
    `${web.replace('    spec:\n', '    spec:\n      initContainers:\n      - name: proxy\n        image: envoy\n        restartPolicy: Always\n        ports:\n        - {name: admin, containerPort: 9901}\n')}${service('web', 'app: web', ['- port: 9901', '  targetPort: admin'])}`,
  ],
  invalid: [
    {
      // Lines: Deployment 1-20, `---` 21, Service spec.ports[0].targetPort at line 30.
      code: web + service('web', 'app: web', ['- port: 80', '  targetPort: htpp']),
      errors: [{
        line: 30, column: 17, path: 'spec.ports[0].targetPort', severity: 'error', object: 'Service/default/web',
        message: 'targetPort "htpp" is not the name of any container port in the selected pods (they declare http (80/TCP), dns (53/UDP)), so Service port 80/TCP gets no endpoints; did you mean "http"?',
      }],
    },
    {
      // The name exists, but only for UDP: names are matched with the protocol (FindPort), so no endpoints.
      code: web + service('dns', 'app: web', ['- port: 53', '  targetPort: dns']),
      errors: [{ line: 30, column: 17, severity: 'error', message: 'targetPort "dns" names a container port declared as UDP (dns (53/UDP)), but this Service port is TCP' }],
    },
    {
      code: workload('silent', 'app: silent', []) + service('silent', 'app: silent', ['- port: 80', '  targetPort: http']),
      errors: [{ line: 24, path: 'spec.ports[0].targetPort', message: 'selected pods (Deployment/default/silent declares no ports)' }],
    },
  ],
});
