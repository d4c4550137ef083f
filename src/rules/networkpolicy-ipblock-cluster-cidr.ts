import { defineRule } from './rule';
import { parseCIDR, type CIDR } from '../util/ip';

const inside = (inner: CIDR, outer: CIDR) => inner.family === outer.family && inner.prefix >= outer.prefix && inner.base >= outer.base && inner.base + inner.size <= outer.base + outer.size;

/**
 * An ipBlock inside the pod or the service CIDR. The NetworkPolicy API (networking/v1
 * types.go IPBlock) describes ipBlocks as "particular IP CIDR ranges", meant for addresses
 * outside the cluster: pod IPs change whenever a pod is recreated (select pods with
 * podSelector / namespaceSelector), and ClusterIPs are never seen by a policy at all, because
 * plugins judge the connection after kube-proxy's DNAT, on the backend pod's address.
 * Blocks that hold the whole pod CIDR and more (0.0.0.0/0, 10.0.0.0/8) are deliberate and not
 * reported.
 */
export default defineRule({
  meta: {
    id: 'networkpolicy-ipblock-cluster-cidr',
    severity: 'warning',
    description: 'A NetworkPolicy ipBlock lies inside the pod or the service CIDR, where it cannot mean what it seems to.',
    category: 'cross-object',
    messages: {
      pods: {
        message: 'ipBlock {{cidr}} lies inside the pod CIDR {{podCIDR}}: it names pods by address, and pod IPs change whenever a pod is recreated',
        hint: 'Select the pods by their labels (podSelector, with namespaceSelector for another namespace) instead of their addresses.',
      },
      services: {
        message: 'ipBlock {{cidr}} lies inside the service CIDR {{serviceCIDR}}: NetworkPolicies are applied after kube-proxy rewrites a ClusterIP to a pod address (DNAT), so a ClusterIP never matches',
        hint: 'Select the pods behind the Service (podSelector with the Service\'s selector labels, and namespaceSelector for another namespace) instead of its ClusterIP.',
      },
    },
  },
  check(ctx) {
    const podCIDR = parseCIDR(ctx.settings.podCIDR);
    const serviceCIDRs = ctx.settings.serviceCIDRs.flatMap((c) => parseCIDR(c) ?? []);
    for (const np of ctx.model.networkPolicies) {
      for (const rule of [...np.ingress, ...np.egress]) {
        for (const peer of rule.peers) {
          const written = peer.ipBlock?.cidr;
          const cidr = written !== undefined ? parseCIDR(written) : null;
          if (!cidr || written === undefined) continue;
          const path = [...peer.path, 'ipBlock', 'cidr'];
          if (podCIDR && inside(cidr, podCIDR)) {
            ctx.report({ messageId: 'pods', manifest: np.manifest, path, data: { cidr: written, podCIDR: podCIDR.text } });
            continue;
          }
          const svc = serviceCIDRs.find((s) => inside(cidr, s));
          if (svc) ctx.report({ messageId: 'services', manifest: np.manifest, path, data: { cidr: written, serviceCIDR: svc.text } });
        }
      }
    }
  },
});
