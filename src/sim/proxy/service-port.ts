/**
 * What kube-proxy knows about one Service port, built once per port (kubernetes
 * pkg/proxy/serviceport.go newBaseServiceInfo), and the endpoints it sends to
 * (pkg/proxy/endpointslicecache.go, pkg/proxy/topology.go CategorizeEndpoints with its
 * topology hints: clusterEndpointsOn).
 */
import { parseCIDR, type CIDR } from '../../util/ip';
import type { ClusterState, SimNode, SimPod, SimService, SimServicePort } from '../types';
import { cacheOf, memo, memo2 } from '../cache';
import { ZONE_LABEL } from '../default-cluster';
import type { TopologyNote } from './facts';
import { podForEndpoint, routingIndex, type RoutingIndex } from './tables';

/** One backend of one Service port, as kube-proxy sees it (pkg/proxy BaseEndpointInfo). */
export interface RouteEndpoint {
  ip: string;
  port: number;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  nodeName: string;
  /** The pod behind the address, when there is one (user-supplied endpoints may point anywhere). */
  pod: SimPod | null;
  /** hints.forZones / hints.forNodes names (EndpointSlice topology hints); empty when the endpoint has none. */
  zoneHints: readonly string[];
  nodeHints: readonly string[];
}

/** pkg/proxy BaseServicePortInfo, with the endpoints of the port. */
export interface ServicePortInfo {
  service: SimService;
  port: SimServicePort;
  /** `namespace/name` of the Service. */
  name: string;
  /** ExternalPolicyLocal / InternalPolicyLocal (pkg/api/v1/service/util.go). */
  externalPolicyLocal: boolean;
  internalPolicyLocal: boolean;
  /** sessionAffinity ClientIP: how long a client keeps its endpoint; null without affinity. */
  stickySeconds: number | null;
  /** spec.loadBalancerSourceRanges, trimmed and parsed (IPv4 ones; others cannot match). */
  loadBalancerSourceRanges: CIDR[];
  /** Every endpoint of the port, merged from the Service's EndpointSlices, sorted. */
  endpoints: RouteEndpoint[];
  /** CategorizeEndpoints' hasAnyEndpoints: a ready, or serving and terminating, endpoint somewhere. */
  hasEndpoints: boolean;
  /** CategorizeEndpoints' clusterEndpoints before topology: the ready ones, else the serving and terminating ones. */
  clusterEndpoints: RouteEndpoint[];
  /** Some ready endpoint carries a topology hint (then the Cluster endpoints depend on the node: clusterEndpointsOn). */
  hinted: boolean;
}

/** The Cluster-policy endpoints kube-proxy on one node uses, and how topology hints shaped them. */
export interface ClusterEndpoints {
  endpoints: RouteEndpoint[];
  topology: TopologyNote;
}

/** The record of a Service port, built on first use. */
export function servicePortInfo(cluster: ClusterState, service: SimService, port: SimServicePort): ServicePortInfo {
  return memo(cacheOf(cluster).table<SimServicePort, ServicePortInfo>('service-ports'), port, () => buildInfo(routingIndex(cluster), service, port));
}

function buildInfo(idx: RoutingIndex, service: SimService, port: SimServicePort): ServicePortInfo {
  const endpoints = endpointsOf(idx, service, port);
  const clusterEndpoints = usable(endpoints);
  const spec = service.spec;
  return {
    service,
    port,
    name: `${service.namespace}/${service.name}`,
    externalPolicyLocal: spec.externalTrafficPolicy === 'Local',
    internalPolicyLocal: spec.internalTrafficPolicy === 'Local',
    stickySeconds: spec.sessionAffinity === 'ClientIP' ? spec.sessionAffinityTimeoutSeconds : null,
    loadBalancerSourceRanges: (spec.loadBalancerSourceRanges ?? []).map((r) => parseCIDR(r.trim())).filter((c): c is CIDR => c !== null && c.family === 4),
    endpoints,
    hasEndpoints: clusterEndpoints.length > 0,
    clusterEndpoints,
    hinted: endpoints.some((e) => e.ready && (e.zoneHints.length > 0 || e.nodeHints.length > 0)),
  };
}

/**
 * CategorizeEndpoints' clusterEndpoints for kube-proxy on `node` (pkg/proxy/topology.go): with
 * topology hints (topologyModeFromHints), when every ready endpoint is hinted for a node and one
 * for this node, only those (PreferSameNode); else when every ready endpoint is hinted for a zone
 * and one for this node's zone (label topology.kubernetes.io/zone), only those (PreferSameZone);
 * else every ready endpoint. With no ready endpoint, the serving and terminating ones, whatever
 * the hints. The same object for every call with the same port and node.
 */
export function clusterEndpointsOn(cluster: ClusterState, info: ServicePortInfo, node: SimNode | null): ClusterEndpoints {
  if (!info.hinted) return memo(cacheOf(cluster).table<ServicePortInfo, ClusterEndpoints>('cluster-endpoints-unhinted'), info, () => ({ endpoints: info.clusterEndpoints, topology: null }));
  return memo2(cacheOf(cluster).table<ServicePortInfo, Map<string, ClusterEndpoints>>('cluster-endpoints'), info, node?.name ?? '', () => topologyEndpoints(info, node));
}

function topologyEndpoints(info: ServicePortInfo, node: SimNode | null): ClusterEndpoints {
  const nodeName = node?.name ?? '';
  const zone = node?.labels[ZONE_LABEL] ?? '';
  const ready = info.endpoints.filter((e) => e.ready);
  const allNodeHints = ready.every((e) => e.nodeHints.length > 0);
  const allZoneHints = ready.every((e) => e.zoneHints.length > 0);
  let topology: TopologyNote;
  let keep: ((e: RouteEndpoint) => boolean) | null = null;
  if (ready.length && allNodeHints && ready.some((e) => e.nodeHints.includes(nodeName))) {
    topology = { mode: 'PreferSameNode', node: nodeName };
    keep = (e) => e.nodeHints.includes(nodeName);
  } else if (ready.length && allZoneHints && zone !== '' && ready.some((e) => e.zoneHints.includes(zone))) {
    topology = { mode: 'PreferSameZone', zone };
    keep = (e) => e.zoneHints.includes(zone);
  } else if (!ready.some((e) => e.zoneHints.length > 0)) topology = null;
  else topology = { mode: 'ignored', why: !allZoneHints ? 'missing-hints' : zone === '' ? 'node-without-zone' : 'no-hint-for-zone', zone };
  if (keep === null) return { endpoints: info.clusterEndpoints, topology };
  return { endpoints: ready.filter(keep), topology };
}

/**
 * CategorizeEndpoints' localEndpoints: the ready endpoints on `node`, else its serving and
 * terminating ones (KEP-1669); the same array for every call with the same port and node.
 */
export function localEndpoints(cluster: ClusterState, info: ServicePortInfo, node: string): RouteEndpoint[] {
  return memo(cacheOf(cluster).table<string, RouteEndpoint[]>('local-endpoints'), `${info.name}|${info.port.name ?? ''}|${info.port.protocol}|${node}`, () =>
    usable(info.endpoints.filter((e) => e.nodeName === node)),
  );
}

function usable(pool: RouteEndpoint[]): RouteEndpoint[] {
  const ready = pool.filter((e) => e.ready);
  return ready.length ? ready : pool.filter((e) => e.serving && e.terminating);
}

/**
 * The endpoints of one Service port, merged from all of the Service's EndpointSlices: a slice
 * port matches by name and protocol, as kube-proxy's EndpointSliceCache does
 * (pkg/proxy/endpointslicecache.go endpointInfoByServicePort).
 */
function endpointsOf(idx: RoutingIndex, service: SimService, port: SimServicePort): RouteEndpoint[] {
  const out: RouteEndpoint[] = [];
  const seen = new Set<string>();
  for (const slice of idx.slicesByService.get(`${service.namespace}/${service.name}`) ?? []) {
    if (slice.addressType === 'FQDN') continue;
    const sp = slice.ports.find((p) => (p.name ?? '') === (port.name ?? '') && p.protocol === port.protocol);
    if (!sp) continue;
    for (const ep of slice.endpoints) {
      const ip = ep.addresses[0];
      if (!ip) continue;
      const id = `${ip}:${sp.port}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const pod = podForEndpoint(idx, ip, ep.targetRef, sp.port, sp.protocol);
      out.push({
        ip, port: sp.port, ready: ep.conditions.ready, serving: ep.conditions.serving, terminating: ep.conditions.terminating, nodeName: ep.nodeName ?? pod?.nodeName ?? '', pod,
        zoneHints: ep.hints?.forZones?.map((z) => z.name) ?? NO_HINTS,
        nodeHints: ep.hints?.forNodes?.map((n) => n.name) ?? NO_HINTS,
      });
    }
  }
  return out.sort(compareEndpoints);
}

const NO_HINTS: readonly string[] = [];

function compareEndpoints(a: RouteEndpoint, b: RouteEndpoint): number {
  const ka = a.pod ? `${a.pod.namespace}/${a.pod.name}` : '';
  const kb = b.pod ? `${b.pod.namespace}/${b.pod.name}` : '';
  if (ka !== kb) return ka < kb ? -1 : 1;
  if (a.ip !== b.ip) return a.ip < b.ip ? -1 : 1;
  return a.port - b.port;
}
