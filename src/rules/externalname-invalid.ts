import { defineRule } from './rule';
import { rawSpec, serviceType } from './service-helpers';
import { dns1123SubdomainProblem } from '../util/name-formats';

/**
 * ValidateService (pkg/apis/core/validation/validation.go), case ExternalName: externalName is
 * required and, with one trailing dot allowed (a fully qualified name), must be a DNS-1123
 * subdomain — it becomes a CNAME record, so a URL (scheme, port, path) or an uppercase name is
 * rejected.
 */
export default defineRule({
  meta: {
    id: 'externalname-invalid',
    severity: 'error',
    description: 'An ExternalName Service has no externalName, or one that is not a DNS name (e.g. a URL).',
    category: 'service',
    scope: 'object',
    messages: {
      missing: {
        message: 'Service {{name}} is of type ExternalName but spec.externalName is empty: it must name the DNS host the Service points to',
        hint: 'Set spec.externalName to a host name such as `db.example.com`.',
      },
      url: {
        message: 'externalName "{{value}}" looks like a URL, but it must be a plain DNS name: the Service becomes a CNAME record, which has no scheme, port or path',
        hint: 'Write only the host: `externalName: {{host}}`. Clients keep using their own port and path.',
      },
      invalid: {
        message: 'externalName "{{value}}" is not a valid DNS name: it {{reason}}',
        hint: 'Use a lowercase DNS name made of letters, digits, \'-\' and \'.\', e.g. `db.example.com`.',
      },
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services) {
      if (serviceType(svc) !== 'ExternalName') continue;
      const raw = rawSpec(svc).externalName;
      const value = typeof raw === 'string' ? raw : '';
      const path = ['spec', 'externalName'];
      const cname = value.endsWith('.') ? value.slice(0, -1) : value;
      if (cname === '') {
        ctx.report({ messageId: 'missing', manifest: svc.manifest, path, data: { name: svc.ref.name } });
        continue;
      }
      const problem = dns1123SubdomainProblem(cname);
      if (problem === undefined) continue;
      const url = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(cname) || /[/:]/.test(cname);
      if (url) {
        const host = cname.replace(/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//, '').replace(/[/?#].*$/, '').replace(/:\d*$/, '').toLowerCase();
        ctx.report({ messageId: 'url', manifest: svc.manifest, path, data: { value, host: host || 'db.example.com' } });
      } else {
        ctx.report({ messageId: 'invalid', manifest: svc.manifest, path, data: { value, reason: problem } });
      }
    }
  },
});
