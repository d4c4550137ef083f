/**
 * Every endpoint the plans of a request can reach, whatever the sampling: the deterministic
 * answer to "where can this go?". Endpoints a NetworkPolicy keeps the source from are left out.
 */
import type { Protocol } from '../../model/types';
import type { ClusterState, RouteCandidate, SimPod } from '../types';
import { cacheOf, memo } from '../cache';
import type { Plan } from './plan';
import type { Source } from './request';
import type { RouteEndpoint } from './service-port';
import { policyDenial } from './network-policy';

export function candidatesOf(cluster: ClusterState, plans: Plan[], targetPort: number, source: Source, protocol: Protocol): RouteCandidate[] {
  const policies = cluster.config.networkPolicies === 'enforce' && cluster.model.networkPolicies.length > 0;
  // The common case, one load-balanced plan handled on one node: share the list between the
  // requests (of any source) that reach the same endpoints.
  if (!policies && plans.length === 1 && plans[0].kind === 'balance' && plans[0].choices.length === 1) {
    const table = cacheOf(cluster).table<RouteEndpoint[], RouteCandidate[]>('candidates');
    return memo(table, plans[0].choices[0].endpoints, () => build(plans, targetPort, null, null));
  }
  return build(plans, targetPort, policies ? (sourceIP, ip, pod, port) => policyDenial(cluster, source, sourceIP, ip, pod, port, protocol) === null : null, source);
}

/** The address an endpoint sees (connect.ts dnat): the node's after SNAT or hairpin, else the client's. */
function seenSource(source: Source, ch: { snatTo: string | null; node: { internalIP: string } | null }, ip: string): string {
  if (source.kind === 'pod' && ip === source.ip && ch.node) return ch.node.internalIP;
  return ch.snatTo ?? source.ip;
}

type Reachable = (sourceIP: string, ip: string, pod: SimPod | null, port: number) => boolean;

function build(plans: Plan[], targetPort: number, reachable: Reachable | null, source: Source | null): RouteCandidate[] {
  const out = new Map<string, RouteCandidate>();
  const add = (pod: SimPod | null, ip: string, port: number, node: string) => {
    const c: RouteCandidate = { pod: pod ? `${pod.namespace}/${pod.name}` : '', podIP: ip, port, node: pod?.nodeName ?? node };
    out.set(`${c.pod}|${ip}|${port}`, c);
  };
  for (const p of plans) {
    if (p.kind === 'deliver') {
      if (!reachable || reachable(p.sourceIP, p.ip, p.pod, p.port)) add(p.pod, p.ip, p.pod ? p.port : targetPort, '');
    } else if (p.kind === 'balance') {
      for (const ch of p.choices) {
        if (ch.failure) continue;
        for (const e of ch.endpoints) if (!reachable || reachable(seenSource(source!, ch, e.ip), e.ip, e.pod, e.port)) add(e.pod, e.ip, e.port, e.nodeName);
      }
    }
  }
  return [...out.values()].sort((a, b) => (a.pod !== b.pod ? (a.pod < b.pod ? -1 : 1) : a.podIP !== b.podIP ? (a.podIP < b.podIP ? -1 : 1) : a.port - b.port));
}
