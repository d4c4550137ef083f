// ValidateService (validation.go): externalIPs entries pass IsValidIP and ValidateNonSpecialIP.
import { ruleTester } from '../helpers';
import { service } from './service-yaml';

const ext = (ips: string) => service('web', `  externalIPs: [${ips}]\n  ports:\n  - port: 80`);

ruleTester('external-ip-invalid', {
  valid: [ext('203.0.113.10'), ext('10.0.0.5, "2001:db8::5"'), ext('192.168.1.10')],
  invalid: [
    { code: ext('example.com'), errors: [{ line: 6, column: 17, path: 'spec.externalIPs[0]', message: 'externalIPs entry "example.com" is not a valid IP address' }] },
    { code: ext('127.0.0.1'), errors: [{ message: 'externalIPs entry 127.0.0.1 may not be in the loopback range (127.0.0.0/8)' }] },
    { code: ext('0.0.0.0'), errors: [{ message: /may not be the unspecified address/ }] },
    { code: ext('169.254.169.254'), errors: [{ message: /link-local range \(169.254.0.0\/16\)/ }] },
    { code: ext('224.0.0.5'), errors: [{ message: /link-local multicast/ }] },
    { code: ext('"::1"'), errors: [{ message: /loopback address \(::1\)/ }] },
    { code: ext('"fe80::1"'), errors: [{ message: /link-local range \(fe80::\/10\)/ }] },
    { code: ext('203.0.113.10, 127.0.0.2'), errors: [{ path: 'spec.externalIPs[1]' }] },
  ],
});
