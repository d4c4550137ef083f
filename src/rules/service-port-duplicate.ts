import { defineRule } from './rule';

/**
 * ValidateService (pkg/apis/core/validation/validation.go), "Check for duplicate Ports,
 * considering (protocol,port) pairs": the same port number may appear once per protocol, so
 * 53/TCP next to 53/UDP is fine, 80/TCP twice is not.
 */
export default defineRule({
  meta: {
    id: 'service-port-duplicate',
    severity: 'error',
    description: 'A Service lists the same port and protocol twice; the API server rejects it.',
    category: 'service',
    scope: 'object',
    messages: {
      duplicate: {
        message: 'port {{port}}/{{protocol}} appears twice in Service {{name}} (ports[{{first}}] and ports[{{index}}])',
        hint: 'Remove the repeated entry, or give it another port number. The same number may be used once per protocol (e.g. 53/TCP and 53/UDP).',
      },
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services) {
      const seen = new Map<string, number>();
      svc.spec.ports.forEach((p, i) => {
        // A missing port (0) is the schema's finding; do not pile duplicates on top of it.
        if (!p.port) return;
        const key = `${p.port}/${p.protocol}`;
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, i);
          return;
        }
        ctx.report({
          messageId: 'duplicate', manifest: svc.manifest, path: ['spec', 'ports', i, 'port'],
          data: { port: p.port, protocol: p.protocol, name: svc.ref.name, first, index: i },
          related: [{ manifest: svc.manifest, path: ['spec', 'ports', first, 'port'], message: `first use of ${key}` }],
        });
      });
    }
  },
});
