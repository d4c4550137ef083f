/**
 * Look-up tables over a computed cluster, built once per cluster (in its ClusterCache) so that
 * routing a request is a handful of Map look-ups, not a scan of every pod.
 */
import { parseCIDR, type CIDR } from '../../util/ip';
import type { ClusterState, SimEndpointSlice, SimNode, SimPod, SimService, SimServicePort } from '../types';
import type { Protocol } from '../../model/types';
import { cacheOf } from '../cache';

export interface NodePortEntry {
  service: SimService;
  port: SimServicePort;
}

export interface RoutingIndex {
  nodesByName: Map<string, SimNode>;
  nodesByIP: Map<string, SimNode>;
  /** Pods with their own IP (not hostNetwork), by IP. */
  podsByIP: Map<string, SimPod>;
  /** hostNetwork pods, by node name (they share the node's IP). */
  hostNetworkPodsByNode: Map<string, SimPod[]>;
  /** Scheduled pods by node name (for hostPort look-ups). */
  podsByNode: Map<string, SimPod[]>;
  /** `namespace/name` -> pod. */
  podsByKey: Map<string, SimPod>;
  podsByNamespace: Map<string, SimPod[]>;
  servicesByKey: Map<string, SimService>;
  servicesByClusterIP: Map<string, SimService>;
  /** LoadBalancer ingress addresses. */
  servicesByLoadBalancerIP: Map<string, SimService[]>;
  servicesByExternalIP: Map<string, SimService[]>;
  /** Addresses of Services kube-proxy leaves to another proxy (label service.kubernetes.io/service-proxy-name). */
  unproxiedByIP: Map<string, SimService>;
  /** `PROTOCOL/nodePort` -> Service port. */
  nodePorts: Map<string, NodePortEntry>;
  slicesByService: Map<string, SimEndpointSlice[]>;
  serviceCIDR: CIDR | null;
  podCIDR: CIDR | null;
  kubeDnsIP: string | null;
}

export function routingIndex(cluster: ClusterState): RoutingIndex {
  return cacheOf(cluster).slot('routing-index', () => buildIndex(cluster));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function buildIndex(cluster: ClusterState): RoutingIndex {
  const idx: RoutingIndex = {
    nodesByName: new Map(),
    nodesByIP: new Map(),
    podsByIP: new Map(),
    hostNetworkPodsByNode: new Map(),
    podsByNode: new Map(),
    podsByKey: new Map(),
    podsByNamespace: new Map(),
    servicesByKey: new Map(),
    servicesByClusterIP: new Map(),
    servicesByLoadBalancerIP: new Map(),
    servicesByExternalIP: new Map(),
    unproxiedByIP: new Map(),
    nodePorts: new Map(),
    slicesByService: new Map(),
    serviceCIDR: parseCIDR(cluster.config.serviceCIDR),
    podCIDR: parseCIDR(cluster.config.podCIDR),
    kubeDnsIP: null,
  };
  for (const n of cluster.nodes) {
    idx.nodesByName.set(n.name, n);
    idx.nodesByIP.set(n.internalIP, n);
  }
  for (const p of cluster.pods) {
    idx.podsByKey.set(`${p.namespace}/${p.name}`, p);
    push(idx.podsByNamespace, p.namespace, p);
    if (!p.podIP) continue;
    push(idx.podsByNode, p.nodeName, p);
    if (p.spec.hostNetwork) push(idx.hostNetworkPodsByNode, p.nodeName, p);
    else idx.podsByIP.set(p.podIP, p);
  }
  for (const s of cluster.services) {
    idx.servicesByKey.set(`${s.namespace}/${s.name}`, s);
    if (s.object?.metadata.labels[SERVICE_PROXY_NAME] !== undefined) {
      // kube-proxy watches only Services without this label (its informer's noProxyName
      // selector): another proxy implements this one, and kube-proxy programs no rule for it.
      for (const ip of [...clusterIPsOf(s), ...(s.loadBalancerIngress ?? []), ...s.spec.externalIPs]) idx.unproxiedByIP.set(ip, s);
      continue;
    }
    for (const ip of clusterIPsOf(s)) idx.servicesByClusterIP.set(ip, s);
    for (const ip of s.loadBalancerIngress ?? []) push(idx.servicesByLoadBalancerIP, ip, s);
    for (const ip of s.spec.externalIPs) push(idx.servicesByExternalIP, ip, s);
    // kube-proxy skips ExternalName Services altogether (ShouldSkipService): a nodePort written on one opens nothing.
    if (s.type !== 'ExternalName') for (const p of s.ports) if (p.nodePort !== undefined) idx.nodePorts.set(`${p.protocol}/${p.nodePort}`, { service: s, port: p });
    if (s.builtIn && s.name === 'kube-dns' && s.namespace === 'kube-system' && s.clusterIP) idx.kubeDnsIP = s.clusterIP;
  }
  for (const sl of cluster.endpointSlices) push(idx.slicesByService, `${sl.namespace}/${sl.serviceName}`, sl);
  return idx;
}

export const SERVICE_PROXY_NAME = 'service.kubernetes.io/service-proxy-name';

/** A headless Service (clusterIP None): DNS answers with its endpoints, kube-proxy ignores it. */
export function isHeadless(s: SimService): boolean {
  return s.clusterIP === 'None';
}

/** The Service's virtual IPs; none for headless and ExternalName Services. */
export function clusterIPsOf(s: SimService): string[] {
  if (s.clusterIP === null || isHeadless(s) || s.type === 'ExternalName') return [];
  const ips = (s as { clusterIPs?: string[] }).clusterIPs;
  return ips && ips.length ? ips : [s.clusterIP];
}

/**
 * The pod behind an endpoint: its targetRef, else the pod with that IP, else (an endpoint at a
 * node's IP) the hostNetwork pod listening there on the endpoint's port — the one a direct
 * connection to that address reaches (hostNetworkListener).
 */
export function podForEndpoint(idx: RoutingIndex, ip: string, ref: { kind: string; namespace: string; name: string } | undefined, port: number, protocol: Protocol): SimPod | null {
  if (ref && ref.kind === 'Pod') {
    const p = idx.podsByKey.get(`${ref.namespace}/${ref.name}`);
    if (p) return p;
  }
  const pod = idx.podsByIP.get(ip);
  if (pod) return pod;
  const node = idx.nodesByIP.get(ip);
  return node ? hostNetworkListener(idx, node.name, port, protocol) : null;
}

/** The hostNetwork pod on `node` whose containers declare `port`/`protocol`: it listens on the node's own address. */
export function hostNetworkListener(idx: RoutingIndex, node: string, port: number, protocol: Protocol): SimPod | null {
  return (idx.hostNetworkPodsByNode.get(node) ?? []).find((p) => p.spec.containers.some((c) => c.ports.some((cp) => cp.containerPort === port && cp.protocol === protocol))) ?? null;
}

export function findServicePort(service: SimService, port: number, protocol: Protocol): SimServicePort | undefined {
  return service.ports.find((p) => p.port === port && p.protocol === protocol);
}
