import { defineRule } from './rule';
import { needsHealthCheck } from '../model/service';
import { allocatesNodePorts, rawHealthCheckNodePort, rawNodePort, rawPorts, writtenSpec } from './service-helpers';

/**
 * The port allocator (pkg/registry/core/service/portallocator, Allocate → ErrNotInRange) only
 * hands out ports of --service-node-port-range (default 30000-32767, both ends included). It runs
 * for NodePort and LoadBalancer Services before validation, so a nodePort on a ClusterIP
 * Service is `nodeport-not-allowed`, not this. A LoadBalancer with externalTrafficPolicy Local
 * reserves its healthCheckNodePort from the same range.
 */
export default defineRule({
  meta: {
    id: 'nodeport-out-of-range',
    severity: 'error',
    description: 'A nodePort (or healthCheckNodePort) lies outside the cluster\'s node port range (default 30000-32767).',
    category: 'service',
    scope: 'object',
    messages: {
      outOfRange: {
        message: '{{field}} {{nodePort}} is outside the node port range {{min}}-{{max}}: the API server refuses to allocate it',
        hint: 'Pick a port between {{min}} and {{max}} (both included), or leave {{field}} out and let Kubernetes choose a free one.',
      },
    },
  },
  check(ctx) {
    const { min, max } = ctx.settings.nodePortRange;
    for (const svc of ctx.model.services) {
      if (!allocatesNodePorts(svc)) continue;
      rawPorts(svc).forEach((p, i) => {
        const np = rawNodePort(p);
        if (np === undefined || (np >= min && np <= max)) return;
        ctx.report({ messageId: 'outOfRange', manifest: svc.manifest, path: ['spec', 'ports', i, 'nodePort'], data: { field: 'nodePort', nodePort: np, min, max } });
      });
      const hc = rawHealthCheckNodePort(svc);
      if (needsHealthCheck(writtenSpec(svc)) && hc !== undefined && (hc < min || hc > max)) {
        ctx.report({ messageId: 'outOfRange', manifest: svc.manifest, path: ['spec', 'healthCheckNodePort'], data: { field: 'healthCheckNodePort', nodePort: hc, min, max } });
      }
    }
  },
});
