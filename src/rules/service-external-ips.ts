import { defineRule } from './rule';
import { isHeadlessClusterIP, rawSpec, serviceType } from './service-helpers';
import { arr } from '../model/guards';

/**
 * spec.externalIPs lets whoever can create a Service capture traffic to any address
 * (CVE-2020-8554, kubernetes/kubernetes#97076); Kubernetes ships the DenyServiceExternalIPs
 * admission plugin to forbid it, and many clusters enable it or a policy to the same effect.
 * Ignored fields (headless, ExternalName) are `service-field-ignored`, not this.
 */
export default defineRule({
  meta: {
    id: 'service-external-ips',
    severity: 'warning',
    description: 'A Service uses spec.externalIPs, which CVE-2020-8554 makes a security risk and many clusters reject.',
    category: 'service',
    scope: 'object',
    messages: {
      externalIPs: {
        message: 'spec.externalIPs ({{ips}}) makes every node accept traffic for these addresses; because any Service can claim any address this way (CVE-2020-8554), many clusters reject it (DenyServiceExternalIPs admission)',
        hint: 'Prefer `type: LoadBalancer` or NodePort. If you do need externalIPs, make sure your cluster allows them and only trusted users can set them.',
      },
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services) {
      const ips = arr(rawSpec(svc).externalIPs);
      if (ips.length === 0 || isHeadlessClusterIP(svc) || serviceType(svc) === 'ExternalName') continue;
      ctx.report({ messageId: 'externalIPs', manifest: svc.manifest, path: ['spec', 'externalIPs'], data: { ips: ips.map(String).join(', ') } });
    }
  },
});
