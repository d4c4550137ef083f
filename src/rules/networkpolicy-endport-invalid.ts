import { defineRule } from './rule';

/**
 * The API server's ValidateNetworkPolicyPort (pkg/apis/networking/validation/validation.go):
 * `endPort` needs a numeric `port` (field.Required "must be specified when endPort is
 * specified"; a named port: "may not be specified when `port` is non-numeric"), and must not be
 * below it ("must be greater than or equal to `port`").
 */
export default defineRule({
  meta: {
    id: 'networkpolicy-endport-invalid',
    severity: 'error',
    description: 'A NetworkPolicy port range is refused by the API server: endPort without a numeric port, or below port.',
    category: 'input',
    scope: 'object',
    messages: {
      noPort: {
        message: 'endPort {{endPort}} is set without port: the API server refuses the policy ("must be specified when endPort is specified")',
        hint: 'A range needs both ends: set port to its first port (e.g. port: 32000, endPort: 32768), or drop endPort for a single port.',
      },
      namedPort: {
        message: 'endPort {{endPort}} is set with the named port "{{port}}": the API server refuses the policy ("may not be specified when `port` is non-numeric")',
        hint: 'A range is made of numbers: write port as a number, or drop endPort to allow the one named port.',
      },
      below: {
        message: 'endPort {{endPort}} is below port {{port}}: the API server refuses the policy ("must be greater than or equal to `port`")',
        hint: 'Write the range from low to high: port is the first port, endPort the last.',
      },
    },
  },
  check(ctx) {
    for (const np of ctx.model.networkPolicies) {
      for (const rule of [...np.ingress, ...np.egress]) {
        for (const p of rule.ports) {
          if (p.endPort === undefined) continue;
          const path = [...p.path, 'endPort'];
          if (p.port === undefined) ctx.report({ messageId: 'noPort', manifest: np.manifest, path, data: { endPort: p.endPort } });
          else if (typeof p.port === 'string') ctx.report({ messageId: 'namedPort', manifest: np.manifest, path, data: { endPort: p.endPort, port: p.port } });
          else if (p.endPort < p.port) ctx.report({ messageId: 'below', manifest: np.manifest, path, data: { endPort: p.endPort, port: p.port } });
        }
      }
    }
  },
});
