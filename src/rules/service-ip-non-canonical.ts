import { defineRule } from './rule';
import { normalizedClusterIPs, parseIPSloppy, rawSpec, rawString, serviceType } from './service-helpers';
import { arr } from '../model/guards';
import { formatIP } from '../util/ip';
import { CLUSTER_IP_NONE } from '../model/service';

/**
 * GetWarningsForService (pkg/api/service/warnings.go) → GetWarningsForIP / GetWarningsForCIDR
 * (apimachinery pkg/util/validation): values the API server accepts but warns about —
 * IPv4 parts with leading zeros (read as *decimal*; CVE-2021-29923: other tools read octal),
 * IPv6 text not in RFC 5952 canonical form ("may cause controller apply-loops"), and source
 * ranges with bits set after the prefix length ("ambiguous").
 */
export default defineRule({
  meta: {
    id: 'service-ip-non-canonical',
    severity: 'warning',
    description: 'A Service IP or CIDR is written in a non-standard form (IPv4 leading zeros, non-canonical IPv6, host bits in a range).',
    category: 'service',
    scope: 'object',
    messages: {
      leadingZeros: {
        message: '{{field}} "{{value}}" has leading zeros: Kubernetes reads it as {{canonical}} (decimal) but warns that this form will become invalid; other tools read leading zeros as octal',
        hint: 'Write it without leading zeros: {{canonical}}.',
      },
      ipv6: {
        message: '{{field}} "{{value}}" is not in canonical IPv6 form ({{canonical}}); Kubernetes warns that this may cause controller apply-loops',
        hint: 'Write {{canonical}}: lowercase, no leading zeros in a group, the longest run of zero groups as "::".',
      },
      hostBits: {
        message: '{{field}} "{{value}}" is ambiguous: it has bits set after the prefix length (did you mean {{network}} or {{single}}?)',
        hint: 'Write the block\'s network address ({{network}}), or {{single}} for that one address.',
      },
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services) {
      const spec = rawSpec(svc);
      const manifest = svc.manifest;
      const checkIP = (field: string, value: string, path: Array<string | number>) => {
        // Fast path: a dotted quad without a part that starts with 0 and goes on is canonical (or another rule's error).
        if (/^\d{1,3}(\.\d{1,3}){3}$/.test(value) && !/(^|\.)0\d/.test(value)) return;
        const p = parseIPSloppy(value);
        if (!p) return;
        if (p.leadingZeros) ctx.report({ messageId: 'leadingZeros', manifest, path, data: { field, value, canonical: p.canonical } });
        else if (p.ip.family === 6 && !value.includes('.') && formatIP(p.ip) !== value) ctx.report({ messageId: 'ipv6', manifest, path, data: { field, value, canonical: formatIP(p.ip) } });
      };
      if (serviceType(svc) !== 'ExternalName') {
        const written = arr(spec.clusterIPs).length > 0;
        normalizedClusterIPs(svc).forEach((ip, i) => {
          if (ip !== CLUSTER_IP_NONE) checkIP(written ? `clusterIPs[${i}]` : 'clusterIP', ip, written ? ['spec', 'clusterIPs', i] : ['spec', 'clusterIP']);
        });
      }
      arr(spec.externalIPs).forEach((ip, i) => {
        if (typeof ip === 'string') checkIP(`externalIPs[${i}]`, ip, ['spec', 'externalIPs', i]);
      });
      const lb = rawString(spec, 'loadBalancerIP');
      if (lb !== '') checkIP('loadBalancerIP', lb, ['spec', 'loadBalancerIP']);
      arr(spec.loadBalancerSourceRanges).forEach((raw, i) => {
        if (typeof raw !== 'string') return;
        const value = raw.trim();
        const slash = value.indexOf('/');
        const prefix = Number(value.slice(slash + 1));
        const p = slash > 0 ? parseIPSloppy(value.slice(0, slash)) : null;
        if (!p || !/^\d{1,3}$/.test(value.slice(slash + 1))) return; // not a CIDR: loadbalancer-source-ranges-invalid
        const path = ['spec', 'loadBalancerSourceRanges', i];
        const field = `loadBalancerSourceRanges[${i}]`;
        const bits = p.ip.family === 4 ? 32 : 128;
        if (prefix > bits) return;
        const hostBits = BigInt(bits - prefix);
        const network = (p.ip.value >> hostBits) << hostBits;
        if (network !== p.ip.value) {
          const addr = formatIP(p.ip);
          ctx.report({ messageId: 'hostBits', manifest, path, data: { field, value, network: `${formatIP({ family: p.ip.family, value: network })}/${prefix}`, single: `${addr}/${bits}` } });
        } else if (p.leadingZeros) {
          ctx.report({ messageId: 'leadingZeros', manifest, path, data: { field, value, canonical: `${p.canonical}/${prefix}` } });
        }
      });
    }
  },
});
