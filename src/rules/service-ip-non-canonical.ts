import { defineRule } from './rule';
import { normalizedClusterIPs, parseIPSloppy, rawSpec, rawString, serviceType } from './service-helpers';
import { arr } from '../model/guards';

/**
 * GetWarningsForService (pkg/api/service/warnings.go) → GetWarningsForIP
 * (apimachinery/pkg/util/validation/ip.go): an IPv4 address with leading zeros ("010.096.0.1")
 * is still accepted — and read as *decimal* — but Kubernetes warns that it is non-standard and
 * may become invalid; other tools read such parts as octal.
 */
export default defineRule({
  meta: {
    id: 'service-ip-leading-zeros',
    severity: 'warning',
    description: 'A Service IP address (clusterIP, externalIPs, loadBalancerIP) is written with leading zeros.',
    category: 'service',
    messages: {
      leadingZeros: {
        message: '{{field}} "{{ip}}" has leading zeros: Kubernetes reads it as {{canonical}} (decimal) but warns that this form is non-standard and may become invalid; other tools read leading zeros as octal',
        hint: 'Write the address without leading zeros: {{canonical}}.',
      },
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services) {
      const spec = rawSpec(svc);
      const check = (field: string, text: string, path: Array<string | number>) => {
        const p = parseIPSloppy(text);
        if (p?.leadingZeros) ctx.report({ messageId: 'leadingZeros', manifest: svc.manifest, path, data: { field, ip: text, canonical: p.canonical } });
      };
      if (serviceType(svc) !== 'ExternalName') {
        const written = arr(spec.clusterIPs).length > 0;
        normalizedClusterIPs(svc).forEach((ip, i) => {
          if (ip !== 'None') check(written ? `clusterIPs[${i}]` : 'clusterIP', ip, written ? ['spec', 'clusterIPs', i] : ['spec', 'clusterIP']);
        });
      }
      arr(spec.externalIPs).forEach((ip, i) => {
        if (typeof ip === 'string') check(`externalIPs[${i}]`, ip, ['spec', 'externalIPs', i]);
      });
      const lb = rawString(spec, 'loadBalancerIP');
      if (lb !== '') check('loadBalancerIP', lb, ['spec', 'loadBalancerIP']);
    }
  },
});
