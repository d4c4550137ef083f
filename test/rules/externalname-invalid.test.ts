// ValidateService (validation.go), case ExternalName: Required, then ValidateDNS1123Subdomain (trailing dot allowed).
import { ruleTester } from '../helpers';
import { service } from './service-yaml';

const ext = (name: string) => service('ext', `  type: ExternalName\n  externalName: ${name}`);

ruleTester('externalname-invalid', {
  valid: [
    ext('db.example.com'),
    ext('db.example.com.'),
    ext('my-database'),
    ext('my-service.other-ns.svc.cluster.local'),
    // Not ExternalName: the field is ignored (a warning of service-field-ignored).
    service('web', '  externalName: http://x\n  ports:\n  - port: 80'),
  ],
  invalid: [
    { code: service('ext', '  type: ExternalName'), errors: [{ line: 5, column: 1, path: 'spec.externalName', message: 'Service ext is of type ExternalName but spec.externalName is empty' }] },
    { code: ext('""'), errors: [{ message: /externalName is empty/ }] },
    {
      code: ext('http://db.example.com:5432/mydb'),
      errors: [{ line: 7, column: 17, path: 'spec.externalName', message: 'externalName "http://db.example.com:5432/mydb" looks like a URL' }],
    },
    { code: ext('db.example.com/path'), errors: [{ message: /looks like a URL/ }] },
    { code: ext('DB.Example.com'), errors: [{ message: /is not a valid DNS name: it has uppercase letters/ }] },
    { code: ext('db..example.com'), errors: [{ message: /is not a valid DNS name/ }] },
  ],
});
