/** Every endpoint the plans of a request can reach, whatever the sampling: the deterministic answer to "where can this go?". */
import type { ClusterState, RouteCandidate, SimPod } from '../types';
import { cacheOf, memo } from '../cache';
import type { Plan } from './plan';
import type { RouteEndpoint } from './service-port';

export function candidatesOf(cluster: ClusterState, plans: Plan[], targetPort: number): RouteCandidate[] {
  // The common case, one load-balanced plan handled on one node: share the list between the
  // requests (of any source) that reach the same endpoints.
  if (plans.length === 1 && plans[0].kind === 'balance' && plans[0].choices.length === 1) {
    const table = cacheOf(cluster).table<RouteEndpoint[], RouteCandidate[]>('candidates');
    return memo(table, plans[0].choices[0].endpoints, () => build(plans, targetPort));
  }
  return build(plans, targetPort);
}

function build(plans: Plan[], targetPort: number): RouteCandidate[] {
  const out = new Map<string, RouteCandidate>();
  const add = (pod: SimPod | null, ip: string, port: number, node: string) => {
    const c: RouteCandidate = { pod: pod ? `${pod.namespace}/${pod.name}` : '', podIP: ip, port, node: pod?.nodeName ?? node };
    out.set(`${c.pod}|${ip}|${port}`, c);
  };
  for (const p of plans) {
    if (p.kind === 'deliver') add(p.pod, p.ip, p.pod ? p.port : targetPort, '');
    else if (p.kind === 'balance') for (const ch of p.choices) for (const e of ch.endpoints) add(e.pod, e.ip, e.port, e.nodeName);
  }
  return [...out.values()].sort((a, b) => (a.pod !== b.pod ? (a.pod < b.pod ? -1 : 1) : a.podIP !== b.podIP ? (a.podIP < b.podIP ? -1 : 1) : a.port - b.port));
}
