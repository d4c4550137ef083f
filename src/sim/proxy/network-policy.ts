/**
 * NetworkPolicy in the route engine: a filter after DNAT (the verdict is on the backend pod and
 * the resolved target port, as the e2e suite probes through ClusterIPs with per-pod
 * expectations), the same verdict for the candidates list and for the DNS step (an
 * egress-isolated pod needs egress to the CoreDNS pods on 53/UDP).
 *
 * Source addresses: a pod's own connection carries its IP (egress is judged at the pod, before
 * any SNAT); the destination judges ingress by the address it sees: after kube-proxy's SNAT
 * (externalTrafficPolicy Cluster, hairpin) that is the forwarding node's IP, which ipBlocks may
 * match, pod and namespace selectors never do, and which the node-local allowance admits only
 * when the forwarding node is the pod's own node. With externalTrafficPolicy Local the client's
 * IP is kept.
 */
import type { Protocol } from '../../model/types';
import { denial, type PolicyDenial, type PolicyEnd } from '../../policy/evaluate';
import { asPolicyPod, type PolicyPod } from '../../policy/index-policies';
import { cacheOf, memo, memo2 } from '../cache';
import type { ClusterState, SimPod } from '../types';
import type { Statement } from './facts';
import type { FilterVerdict, RouteFilter } from './filters';
import type { Source } from './request';

/** `kubectl run debug` labels its pod run=debug. */
const DEBUG_POD_LABELS = { run: 'debug' };

/** The source as a policy sees it: its pod (the debug pod too), unless it sends from a node's address. */
export function sourcePolicyPod(cluster: ClusterState, source: Source): PolicyPod | null {
  if (source.kind !== 'pod' || source.hostNetwork) return null;
  if (source.pod) return asPolicyPod(source.pod);
  return memo(cacheOf(cluster).table<Source, PolicyPod>('policy-debug-pods'), source, () => ({
    namespace: source.namespace,
    name: 'debug',
    labels: DEBUG_POD_LABELS,
    nodeName: source.node?.name ?? '',
    spec: { containers: [], initContainers: [], hostNetwork: false },
  }));
}

const PROTOCOL_INDEX: Record<Protocol, number> = { TCP: 0, UDP: 1, SCTP: 2 };

/** The denial of a connection from `source` (seen as `sourceIP` at the destination) to `destIP:port`, memoised per cluster. */
export function policyDenial(cluster: ClusterState, source: Source, sourceIP: string, destIP: string, destPod: SimPod | null, port: number, protocol: Protocol): PolicyDenial | null {
  if (cluster.config.networkPolicies === 'ignore' || cluster.model.networkPolicies.length === 0) return null;
  const table = cacheOf(cluster).table<Source, Map<string, Map<string, Map<number, PolicyDenial | null>>>>('policy-verdicts');
  const byPort = memo(memo2(table, source, sourceIP, () => new Map<string, Map<number, PolicyDenial | null>>()), destIP, () => new Map<number, PolicyDenial | null>());
  return memo(byPort, port * 4 + PROTOCOL_INDEX[protocol], () => {
    const pod = sourcePolicyPod(cluster, source);
    const from: PolicyEnd = { ip: source.ip, pod };
    const seen: PolicyEnd = sourceIP === source.ip ? from : { ip: sourceIP, pod: null };
    return denial(cluster, from, seen, { ip: destIP, pod: asPolicyPod(destPod) }, port, protocol);
  });
}

/** The statement of a denial: the reason starts "NetworkPolicy", names the isolating policies and the direction. */
export function denialStatement(d: PolicyDenial, sourceIP: string, destIP: string, destPod: SimPod | null, port: number, protocol: Protocol, source: Source): Statement {
  const pod = `${d.pod.namespace}/${d.pod.name}`;
  const peer = d.direction === 'ingress' ? sourceIP : destIP;
  const ownAddress = sourceIP === source.ip && source.kind === 'pod' && !source.hostNetwork;
  const peerPod = d.direction === 'ingress' ? (ownAddress ? (source.facts.pod ?? null) : null) : destPod && !destPod.spec.hostNetwork ? `${destPod.namespace}/${destPod.name}` : null;
  return {
    message: 'network-policy-denied',
    from: sourceIP,
    to: `${destIP}:${port}`,
    pod,
    node: d.pod.nodeName || undefined,
    rule: 'network-policy',
    reason: 'network-policy-denied',
    detail: { direction: d.direction, policies: d.policies, peer, peerPod, port, protocol, snat: sourceIP !== source.ip },
  };
}

/** The NetworkPolicy filter: after DNAT, on the endpoint (or the address a direct connection goes to). */
export const networkPolicies: RouteFilter = {
  name: 'network-policy',
  stage: 'after-dnat',
  check(c, cluster): FilterVerdict | null {
    const d = policyDenial(cluster, c.source, c.sourceIP, c.destIP, c.pod, c.destPort, c.protocol);
    if (!d) return null;
    return { outcome: 'dropped', kind: 'pod', why: denialStatement(d, c.sourceIP, c.destIP, c.pod, c.destPort, c.protocol, c.source) };
  },
};

/** CoreDNS's pods (the built-in kube-system Deployment, label k8s-app=kube-dns) that run. */
function coreDnsPods(cluster: ClusterState): SimPod[] {
  return cacheOf(cluster).slot('coredns-pods', () => cluster.pods.filter((p) => p.namespace === 'kube-system' && p.labels['k8s-app'] === 'kube-dns' && p.podIP !== ''));
}

/**
 * Whether NetworkPolicies keep the source's lookup of `name` from CoreDNS: the query goes to the
 * kube-dns ClusterIP and is DNATed to a CoreDNS pod on 53/UDP (no SNAT), so it needs egress at
 * the source and ingress at that pod. The statement of the first denial when no CoreDNS pod
 * can be reached, else null.
 */
export function dnsBlocked(cluster: ClusterState, source: Source, name: string): Statement | null {
  if (cluster.config.networkPolicies === 'ignore' || cluster.model.networkPolicies.length === 0) return null;
  const pods = coreDnsPods(cluster);
  let first: PolicyDenial | null = null;
  for (const p of pods) {
    const d = policyDenial(cluster, source, source.ip, p.podIP, p, 53, 'UDP');
    if (!d) return null;
    first ??= d;
  }
  if (!first) return null;
  return {
    message: 'dns-blocked-by-network-policy',
    from: source.ip,
    to: name,
    pod: `${first.pod.namespace}/${first.pod.name}`,
    rule: 'network-policy',
    reason: 'dns-blocked-by-network-policy',
    detail: { direction: first.direction, policies: first.policies, name, dnsPods: pods.length },
  };
}
