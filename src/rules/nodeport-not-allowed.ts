import { defineRule } from './rule';
import { isHeadless, rawNodePort, rawPorts, serviceType } from './service-helpers';

/**
 * ValidateService (pkg/apis/core/validation/validation.go): "may not be used when `type` is
 * 'ClusterIP'" — this covers headless Services too, which are of type ClusterIP. NodePort and
 * LoadBalancer accept nodePorts (a LoadBalancer with allocateLoadBalancerNodePorts: false still
 * honours explicit ones, see initNodePorts in storage/alloc.go). ExternalName is not rejected:
 * the nodePort is kept and ignored, which `service-field-ignored` reports as a warning.
 */
export default defineRule({
  meta: {
    id: 'nodeport-not-allowed',
    severity: 'error',
    description: 'A port of a ClusterIP (or headless) Service sets nodePort; the API server rejects it.',
    category: 'service',
    scope: 'object',
    messages: {
      clusterIP: {
        message: 'nodePort {{nodePort}} may not be used when the Service type is ClusterIP{{headless}}: only NodePort and LoadBalancer Services open ports on the nodes',
        hint: 'Set `type: NodePort` (or LoadBalancer) if the Service must be reachable on every node, or remove nodePort.',
      },
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services) {
      if (serviceType(svc) !== 'ClusterIP') continue;
      const headless = isHeadless(svc) ? ' (this one is headless, clusterIP: None)' : '';
      rawPorts(svc).forEach((p, i) => {
        const np = rawNodePort(p);
        if (np === undefined) return;
        ctx.report({ messageId: 'clusterIP', manifest: svc.manifest, path: ['spec', 'ports', i, 'nodePort'], data: { nodePort: np, headless } });
      });
    }
  },
});
