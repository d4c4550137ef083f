import { defineRule } from './rule';
import { parseCIDR } from '../util/ip';
import { strictSubset } from '../model/network-policy';

/**
 * The API server's ValidateIPBlock (pkg/apis/networking/validation/validation.go): `cidr` must
 * be a CIDR, and every `except` entry a CIDR that is a strict subset of it ("must be a strict
 * subset of `cidr`").
 */
export default defineRule({
  meta: {
    id: 'networkpolicy-except-outside-cidr',
    severity: 'error',
    description: 'A NetworkPolicy ipBlock is refused by the API server: an except entry outside its cidr (or not a CIDR).',
    category: 'input',
    scope: 'object',
    messages: {
      outside: {
        message: 'except {{except}} is not a strict subset of cidr {{cidr}}: the API server refuses the policy ("must be a strict subset of `cidr`")',
        hint: 'except removes addresses from cidr, so each entry must lie inside it with a longer prefix (e.g. cidr: 10.0.0.0/8, except: [10.1.0.0/16]). To block another range, leave it out of cidr instead.',
      },
      notCidr: {
        message: '{{field}} "{{value}}" is not a CIDR: the API server refuses the policy',
        hint: 'Write an address block as ADDRESS/PREFIX, e.g. 192.168.0.0/16 (a single address: 192.168.1.7/32).',
      },
    },
  },
  check(ctx) {
    for (const np of ctx.model.networkPolicies) {
      for (const rule of [...np.ingress, ...np.egress]) {
        for (const peer of rule.peers) {
          const block = peer.ipBlock;
          // A missing cidr is the schema's finding (a required field).
          if (!block || block.cidr === undefined) continue;
          const written = block.cidr;
          const cidr = parseCIDR(written);
          if (!cidr) {
            ctx.report({ messageId: 'notCidr', manifest: np.manifest, path: [...peer.path, 'ipBlock', 'cidr'], data: { field: 'cidr', value: written } });
            continue;
          }
          block.except.forEach((e, i) => {
            const path = [...peer.path, 'ipBlock', 'except', i];
            const inner = parseCIDR(e);
            if (!inner) ctx.report({ messageId: 'notCidr', manifest: np.manifest, path, data: { field: 'except', value: e } });
            else if (!strictSubset(inner, cidr)) ctx.report({ messageId: 'outside', manifest: np.manifest, path, data: { except: e, cidr: written } });
          });
        }
      }
    }
  },
});
