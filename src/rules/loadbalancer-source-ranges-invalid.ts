import { defineRule } from './rule';
import { parseIPSloppy, rawSpec } from './service-helpers';
import { SOURCE_RANGES_ANNOTATION } from './loadbalancer-field-not-allowed';
import { arr, obj } from '../model/guards';

/** IsValidCIDR as Kubernetes applies it: an IP (leading zeros tolerated), '/', a prefix length that fits the family. */
function isCIDR(text: string): boolean {
  const slash = text.indexOf('/');
  if (slash < 0) return false;
  const ip = parseIPSloppy(text.slice(0, slash));
  const prefix = text.slice(slash + 1);
  if (!ip || !/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (ip.ip.family === 4 ? 32 : 128);
}

/**
 * ValidateService (pkg/apis/core/validation/validation.go): each loadBalancerSourceRanges entry
 * (spaces trimmed, "a historical accident") — or each comma-separated part of the
 * load-balancer-source-ranges annotation when the field is empty — must be a CIDR.
 */
export default defineRule({
  meta: {
    id: 'loadbalancer-source-ranges-invalid',
    severity: 'error',
    description: 'A loadBalancerSourceRanges entry (or the load-balancer-source-ranges annotation) is not a CIDR such as 203.0.113.0/24.',
    category: 'service',
    scope: 'object',
    messages: {
      notCIDR: {
        message: '{{field}} "{{value}}" is not a CIDR: it must be an address block such as 203.0.113.0/24',
        hint: 'Write the allowed client range in CIDR form; a single address is written with /32 (IPv4) or /128 (IPv6).',
      },
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services) {
      const ranges = arr(rawSpec(svc).loadBalancerSourceRanges);
      if (ranges.length > 0) {
        ranges.forEach((raw, i) => {
          const value = String(raw).trim();
          if (!isCIDR(value)) ctx.report({ messageId: 'notCIDR', manifest: svc.manifest, path: ['spec', 'loadBalancerSourceRanges', i], data: { field: `loadBalancerSourceRanges[${i}]`, value } });
        });
        continue;
      }
      const annotation = obj(obj(svc.manifest.value.metadata).annotations)[SOURCE_RANGES_ANNOTATION];
      if (typeof annotation !== 'string' || annotation.trim() === '') continue;
      for (const part of annotation.trim().split(',').map((p) => p.trim())) {
        if (!isCIDR(part)) {
          ctx.report({ messageId: 'notCIDR', manifest: svc.manifest, path: ['metadata', 'annotations', SOURCE_RANGES_ANNOTATION], data: { field: `annotation ${SOURCE_RANGES_ANNOTATION} entry`, value: part } });
        }
      }
    }
  },
});
