import { defineRule } from './rule';
import { parseIPSloppy, rawSpec } from './service-helpers';
import { arr } from '../model/guards';
import type { ParsedIP } from '../util/ip';
import { specialIPRange } from '../model/validation';

/** Why an address is one ValidateNonSpecialIP refuses (model/validation.ts specialIPRange), in words, or undefined. */
function specialRange(ip: ParsedIP): string | undefined {
  // An IPv4-mapped IPv6 address (::ffff:127.0.0.1) is judged, and described, as its IPv4 address.
  const v4 = ip.family === 4 || ip.value >> 32n === 0xffffn;
  switch (specialIPRange(ip)) {
    case 'unspecified':
      return v4 ? 'the unspecified address (0.0.0.0)' : 'the unspecified address (::)';
    case 'loopback':
      return v4 ? 'in the loopback range (127.0.0.0/8)' : 'the loopback address (::1)';
    case 'link-local':
      return v4 ? 'in the link-local range (169.254.0.0/16)' : 'in the link-local range (fe80::/10)';
    case 'link-local-multicast':
      return v4 ? 'in the link-local multicast range (224.0.0.0/24)' : 'in the link-local multicast range (ff02::/16)';
    default:
      return undefined;
  }
}

/**
 * ValidateService (pkg/apis/core/validation/validation.go): every spec.externalIPs entry must be
 * a valid IP (IsValidIP) and not a special one (ValidateNonSpecialIP: unspecified, loopback,
 * link-local, link-local multicast), since those addresses mean "this node" to kube-proxy.
 */
export default defineRule({
  meta: {
    id: 'external-ip-invalid',
    severity: 'error',
    description: 'A spec.externalIPs entry is not an IP address, or is a special one (unspecified, loopback, link-local).',
    category: 'service',
    scope: 'object',
    messages: {
      notIP: {
        message: 'externalIPs entry "{{ip}}" is not a valid IP address',
        hint: 'List plain IP addresses (e.g. 203.0.113.10) that route to your nodes; host names are not allowed here.',
      },
      special: {
        message: 'externalIPs entry {{ip}} may not be {{why}}',
        hint: 'Use an address that routes to one of your nodes from outside, e.g. a node\'s public or private IP.',
      },
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services) {
      arr(rawSpec(svc).externalIPs).forEach((raw, i) => {
        const path = ['spec', 'externalIPs', i];
        const text = typeof raw === 'string' ? raw : String(raw);
        const parsed = parseIPSloppy(text);
        if (!parsed) {
          ctx.report({ messageId: 'notIP', manifest: svc.manifest, path, data: { ip: text } });
          return;
        }
        const why = specialRange(parsed.ip);
        if (why) ctx.report({ messageId: 'special', manifest: svc.manifest, path, data: { ip: text, why } });
      });
    }
  },
});
