import { defineRule } from './rule';
import { rawPorts, rawString } from './service-helpers';

/**
 * validateServicePort (pkg/apis/core/validation/validation.go): when a Service has more than
 * one port, every port needs a name (`requireName = len(ports) > 1`), so that Endpoints and
 * DNS SRV records can tell them apart.
 */
export default defineRule({
  meta: {
    id: 'service-port-name-required',
    severity: 'error',
    description: 'A Service with more than one port has a port without a name; the API server rejects it.',
    category: 'service',
    scope: 'object',
    messages: {
      required: {
        message: 'port {{port}} of Service {{name}} has no name, but a Service with {{count}} ports must name every port',
        hint: 'Give each port a unique name, e.g. `name: http` — lowercase letters, digits and \'-\', at most 63 characters.',
      },
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services) {
      const ports = rawPorts(svc);
      if (ports.length < 2) continue;
      ports.forEach((p, i) => {
        if (rawString(p, 'name') !== '' || typeof p.name === 'number') return;
        ctx.report({
          messageId: 'required', manifest: svc.manifest, path: ['spec', 'ports', i, 'name'],
          data: { port: svc.spec.ports[i]?.port ?? '?', name: svc.ref.name, count: ports.length },
        });
      });
    }
  },
});
