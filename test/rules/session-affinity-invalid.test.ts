// validateClientIPAffinityConfig (validation.go): 0 < timeoutSeconds <= MaxClientIPServiceAffinitySeconds (86400).
import { ruleTester } from '../helpers';
import { service } from './service-yaml';

const affinity = (timeout: string, kind = 'ClientIP') => service('web', `  sessionAffinity: ${kind}\n  sessionAffinityConfig:\n    clientIP:\n      timeoutSeconds: ${timeout}\n  ports:\n  - port: 80`);

ruleTester('session-affinity-invalid', {
  valid: [
    affinity('1'),
    affinity('86400'),
    affinity('10800'),
    // Left out: defaulted to 10800.
    service('web', '  sessionAffinity: ClientIP\n  ports:\n  - port: 80'),
    // With affinity None the whole config is dropped (service-field-ignored warns).
    affinity('0', 'None'),
  ],
  invalid: [
    {
      code: affinity('86401'),
      errors: [{ line: 9, column: 23, path: 'spec.sessionAffinityConfig.clientIP.timeoutSeconds', message: 'sessionAffinityConfig.clientIP.timeoutSeconds is 86401, but it must be between 1 and 86400 seconds' }],
    },
    { code: affinity('0'), errors: [{ message: /is 0, but/ }] },
    { code: affinity('-5'), errors: [{ message: /is -5, but/ }] },
  ],
});
