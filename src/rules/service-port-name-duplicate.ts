import { defineRule } from './rule';
import { textOf } from '../model/guards';
import { rawPorts } from './service-helpers';

/** validateServicePort (pkg/apis/core/validation/validation.go): port names are unique in a Service (field.Duplicate). */
export default defineRule({
  meta: {
    id: 'service-port-name-duplicate',
    severity: 'error',
    description: 'Two ports of one Service have the same name; the API server rejects it.',
    category: 'service',
    scope: 'object',
    messages: {
      duplicate: {
        message: 'port name "{{portName}}" is used twice in Service {{name}} (ports[{{first}}] and ports[{{index}}])',
        hint: 'Give every port of the Service its own name, e.g. "http" and "metrics".',
      },
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services) {
      const seen = new Map<string, number>();
      rawPorts(svc).forEach((p, i) => {
        if (p.name === undefined || p.name === null || p.name === '') return;
        const name = textOf(p.name);
        const first = seen.get(name);
        if (first === undefined) {
          seen.set(name, i);
          return;
        }
        ctx.report({
          messageId: 'duplicate', manifest: svc.manifest, path: ['spec', 'ports', i, 'name'],
          data: { portName: name, name: svc.ref.name, first, index: i },
          related: [{ manifest: svc.manifest, path: ['spec', 'ports', first, 'name'], message: `first use of port name "${name}"` }],
        });
      });
    }
  },
});
