import { defineRule } from './rule';
import { nodePortClaims, sameObject, svcName, type NodePortClaim } from './service-helpers';

/**
 * Node ports are one cluster-wide pool with one bitmap, whatever the protocol
 * (pkg/registry/core/service/portallocator): across Services, the same nodePort is taken.
 * Inside one Service, initNodePorts (storage/alloc.go) lets ports with the same `port` number
 * share a nodePort (53/TCP and 53/UDP on 30053), but a nodePort repeated on a different port
 * number fails allocation ("provided port is already allocated"), as does ValidateService's
 * duplicate (nodePort, protocol) check. A repeated identical port entry is
 * `service-port-duplicate`, not this.
 */
export default defineRule({
  meta: {
    id: 'nodeport-conflict',
    severity: 'error',
    description: 'Two ports claim the same nodePort, in one Service or across Services (node ports are one pool for all protocols).',
    category: 'service',
    messages: {
      inService: {
        message: '{{what}} {{nodePort}} is already used by ports[{{first}}] of the same Service; only ports with the same port number (e.g. 53/TCP and 53/UDP) may share a nodePort',
        hint: 'Give this port its own nodePort, or leave nodePort out and let Kubernetes choose one.',
      },
      healthCheck: {
        message: 'healthCheckNodePort {{nodePort}} is already used by ports[{{first}}] of the same Service',
        hint: 'Choose another healthCheckNodePort, or leave it out and let Kubernetes allocate one.',
      },
      acrossServices: {
        message: '{{what}} {{nodePort}} is already taken by Service {{other}}: a node port belongs to one Service, whatever the protocol',
        hint: 'Pick a free port in the node port range for one of the two Services, or leave nodePort out and let Kubernetes choose.',
      },
    },
  },
  check(ctx) {
    const owners = new Map<number, NodePortClaim>();
    for (const svc of ctx.model.services) {
      const claims = nodePortClaims(svc, ctx.settings.nodePortRange);
      const local = new Map<number, NodePortClaim>();
      for (const claim of claims) {
        const what = claim.port === undefined ? 'healthCheckNodePort' : 'nodePort';
        const earlier = local.get(claim.nodePort);
        if (earlier) {
          // Same port number: either shared on purpose (other protocol) or a duplicate entry.
          if (earlier.port !== undefined && earlier.port === claim.port) continue;
          const first = earlier.path[2] as number;
          ctx.report({
            messageId: claim.port === undefined ? 'healthCheck' : 'inService', manifest: svc.manifest, path: claim.path,
            data: { what, nodePort: claim.nodePort, first },
            related: [{ manifest: svc.manifest, path: earlier.path, message: `nodePort ${claim.nodePort} is first used here` }],
          });
          continue;
        }
        local.set(claim.nodePort, claim);
        const owner = owners.get(claim.nodePort);
        if (owner && !sameObject(owner.svc, svc)) {
          ctx.report({
            messageId: 'acrossServices', manifest: svc.manifest, path: claim.path,
            data: { what, nodePort: claim.nodePort, other: svcName(owner.svc) },
            related: [{ manifest: owner.svc.manifest, path: owner.path, message: `Service ${svcName(owner.svc)} uses node port ${claim.nodePort} here` }],
          });
          continue;
        }
        if (!owner) owners.set(claim.nodePort, claim);
      }
    }
  },
});
