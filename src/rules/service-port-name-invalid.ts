import { defineRule } from './rule';
import { textOf } from '../model/guards';
import { rawPorts } from './service-helpers';
import { dns1123LabelProblem } from '../util/name-formats';

/**
 * validateServicePort → ValidateDNS1123Label (pkg/apis/core/validation/validation.go): a Service
 * port name is a DNS-1123 label (at most 63 characters; all digits is allowed, unlike container
 * port names, which are IANA service names).
 */
export default defineRule({
  meta: {
    id: 'service-port-name-invalid',
    severity: 'error',
    description: 'A Service port name is not a DNS-1123 label (lowercase alphanumerics and \'-\', at most 63 characters).',
    category: 'service',
    scope: 'object',
    messages: {
      invalid: {
        message: 'Service port name "{{portName}}" is invalid: it {{reason}}',
        hint: 'Use lowercase letters, digits and \'-\' only, starting and ending with a letter or digit, e.g. "{{suggestion}}".',
      },
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services) {
      rawPorts(svc).forEach((p, i) => {
        const raw = p.name;
        if (raw === undefined || raw === null || raw === '') return;
        const name = textOf(raw);
        const problem = dns1123LabelProblem(name);
        if (problem === undefined) return;
        const suggestion = name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63) || 'http';
        ctx.report({
          messageId: 'invalid', manifest: svc.manifest, path: ['spec', 'ports', i, 'name'],
          data: { portName: name, reason: problem, suggestion },
        });
      });
    }
  },
});
