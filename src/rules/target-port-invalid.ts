import { defineRule } from './rule';
import { rawPorts } from './service-helpers';
import { portNameProblem } from '../util/name-formats';

/**
 * validateServicePort → ValidatePortNumOrName (pkg/apis/core/validation/validation.go): a numeric
 * targetPort is 1..65535 (IsValidPortNum), a string one is an IANA service name (IsValidPortName)
 * naming a containerPort. 0 and "" are defaulted to `port` by SetDefaults_Service, so they pass.
 */
export default defineRule({
  meta: {
    id: 'target-port-invalid',
    severity: 'error',
    description: 'A Service targetPort is neither a port number 1-65535 nor a valid port name (IANA service name).',
    category: 'service',
    scope: 'object',
    messages: {
      number: {
        message: 'targetPort {{value}} is not a valid port number: it must be between 1 and 65535',
        hint: 'Set targetPort to the containerPort your pods listen on (1-65535), or leave it out to use the same number as port.',
      },
      quotedNumber: {
        message: 'targetPort "{{value}}" is a string, so Kubernetes reads it as a port *name*, and a port name must contain a letter',
        hint: 'Remove the quotes: `targetPort: {{value}}`.',
      },
      name: {
        message: 'targetPort "{{value}}" is not a valid port name: it {{reason}}',
        hint: 'A named targetPort must equal the `name` of a containerPort in the pods: 1-15 lowercase letters, digits and \'-\', with at least one letter.',
      },
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services) {
      rawPorts(svc).forEach((p, i) => {
        const v = p.targetPort;
        const path = ['spec', 'ports', i, 'targetPort'];
        if (typeof v === 'number') {
          if (v === 0) return; // defaulted to port
          if (!Number.isInteger(v) || v < 1 || v > 65535) ctx.report({ messageId: 'number', manifest: svc.manifest, path, data: { value: v } });
          return;
        }
        if (typeof v !== 'string' || v === '') return; // wrong types are the schema's finding; "" is defaulted
        const problem = portNameProblem(v);
        if (problem === undefined) return;
        if (/^\d+$/.test(v)) ctx.report({ messageId: 'quotedNumber', manifest: svc.manifest, path, data: { value: v } });
        else ctx.report({ messageId: 'name', manifest: svc.manifest, path, data: { value: v, reason: problem } });
      });
    }
  },
});
