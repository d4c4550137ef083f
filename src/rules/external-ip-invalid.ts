import { defineRule } from './rule';
import { parseIPSloppy, rawSpec } from './service-helpers';
import { arr } from '../model/guards';
import type { ParsedIP } from '../util/ip';

/** Why an address is one ValidateNonSpecialIP refuses, or undefined. */
function specialRange(ip: ParsedIP): string | undefined {
  const v = ip.value;
  if (ip.family === 4) {
    if (v === 0n) return 'the unspecified address (0.0.0.0)';
    if (v >> 24n === 127n) return 'in the loopback range (127.0.0.0/8)';
    if (v >> 16n === 0xa9fen) return 'in the link-local range (169.254.0.0/16)';
    if (v >> 8n === 0xe00000n) return 'in the link-local multicast range (224.0.0.0/24)';
    return undefined;
  }
  if (v === 0n) return 'the unspecified address (::)';
  if (v === 1n) return 'the loopback address (::1)';
  if (v >> 118n === 0x3fan) return 'in the link-local range (fe80::/10)';
  if (v >> 112n === 0xff02n) return 'in the link-local multicast range (ff02::/16)';
  return undefined;
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
