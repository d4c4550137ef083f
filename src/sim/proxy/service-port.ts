/**
 * What kube-proxy knows about one Service port, built once per port (kubernetes
 * pkg/proxy/serviceport.go newBaseServiceInfo), and the endpoints it sends to
 * (pkg/proxy/endpointslicecache.go, pkg/proxy/topology.go CategorizeEndpoints).
 */
import { parseCIDR, type CIDR } from '../../util/ip';
import type { ClusterState, SimPod, SimService, SimServicePort } from '../types';
import { cacheOf, memo } from '../cache';
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
  /** CategorizeEndpoints' clusterEndpoints: the ready ones, else the serving and terminating ones. */
  clusterEndpoints: RouteEndpoint[];
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
  };
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
      const pod = podForEndpoint(idx, ip, ep.targetRef);
      out.push({ ip, port: sp.port, ready: ep.conditions.ready, serving: ep.conditions.serving, terminating: ep.conditions.terminating, nodeName: ep.nodeName ?? pod?.nodeName ?? '', pod });
    }
  }
  return out.sort(compareEndpoints);
}

function compareEndpoints(a: RouteEndpoint, b: RouteEndpoint): number {
  const ka = a.pod ? `${a.pod.namespace}/${a.pod.name}` : '';
  const kb = b.pod ? `${b.pod.namespace}/${b.pod.name}` : '';
  if (ka !== kb) return ka < kb ? -1 : 1;
  if (a.ip !== b.ip) return a.ip < b.ip ? -1 : 1;
  return a.port - b.port;
}
