// validateServicePort → ValidatePortNumOrName (validation.go): IsValidPortNum or IsValidPortName.
import { ruleTester } from '../helpers';
import { service } from './service-yaml';

const port = (target: string) => service('web', `  ports:\n  - port: 80\n    targetPort: ${target}`);

ruleTester('target-port-invalid', {
  valid: [
    port('8080'),
    port('http'),
    port('65535'),
    // 0 and "" are defaulted to port by SetDefaults_Service.
    port('0'),
    port('""'),
    service('web', '  ports:\n  - port: 80'),
    port('web-metrics-123'),
  ],
  invalid: [
    { code: port('70000'), errors: [{ line: 8, column: 17, path: 'spec.ports[0].targetPort', message: 'targetPort 70000 is not a valid port number: it must be between 1 and 65535' }] },
    { code: port('-1'), errors: [{ message: /targetPort -1 is not a valid port number/ }] },
    // A quoted number is a *name*, and a port name needs a letter.
    { code: port('"8080"'), errors: [{ line: 8, column: 17, message: 'targetPort "8080" is a string, so Kubernetes reads it as a port *name*' }] },
    { code: port('metrics-endpoint-port'), errors: [{ message: /is 21 characters long \(at most 15\)/ }] },
    { code: port('HTTP'), errors: [{ message: /has uppercase letters/ }] },
    { code: port('web--port'), errors: [{ message: /two hyphens in a row/ }] },
    { code: port('-web'), errors: [{ message: /starts with a hyphen/ }] },
  ],
});
