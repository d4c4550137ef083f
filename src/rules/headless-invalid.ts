import { defineRule } from './rule';
import { isHeadless, rawSpec, rawString, serviceType } from './service-helpers';
import { CLUSTER_IP_NONE } from '../model/service';

/**
 * ValidateService (pkg/apis/core/validation/validation.go): clusterIPs[0] "may not be set to
 * 'None' for NodePort services" / "for LoadBalancer services" — node ports and load balancers
 * forward to the cluster IP, which a headless Service does not have.
 */
export default defineRule({
  meta: {
    id: 'headless-invalid',
    severity: 'error',
    description: 'A headless Service (clusterIP: None) is of type NodePort or LoadBalancer; the API server rejects it.',
    category: 'service',
    scope: 'object',
    messages: {
      headless: {
        message: 'clusterIP may not be "None" for a {{type}} Service: {{type}} traffic is forwarded through the cluster IP, which a headless Service does not have',
        hint: 'Remove `clusterIP: None` to keep type {{type}}, or drop `type: {{type}}` if you want a headless Service (per-pod DNS records only).',
      },
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services) {
      const type = serviceType(svc);
      if ((type !== 'NodePort' && type !== 'LoadBalancer') || !isHeadless(svc)) continue;
      const path = rawString(rawSpec(svc), 'clusterIP') === CLUSTER_IP_NONE ? ['spec', 'clusterIP'] : ['spec', 'clusterIPs', 0];
      ctx.report({ messageId: 'headless', manifest: svc.manifest, path, data: { type } });
    }
  },
});
