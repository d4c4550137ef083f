/**
 * The record tables CoreDNS's kubernetes plugin serves, built once per cluster (lazily, in a
 * WeakMap): Services by `name.namespace`, the ready endpoint addresses of each Service (as
 * CoreDNS converts EndpointSlices: ready — or unset — endpoints only, plugin/kubernetes/object/
 * endpoint.go), the namespaces that exist, and the reverse (PTR) table.
 */
import type { ClusterState, DnsType, SimService } from '../sim/types';
import type { Protocol } from '../model/types';
import { clusterIPsOf } from '../sim/proxy/tables';
import { cacheOf } from '../sim/cache';
import type { ServerAnswer } from './coredns';

export interface DnsEndpointAddress {
  ip: string;
  /** endpoint.hostname (set for StatefulSet pods whose subdomain names the Service). */
  hostname: string | undefined;
  /** The slice's ports; an empty list stands for "no ports" (CoreDNS's port -1 sentinel). */
  ports: Array<{ name: string; port: number; protocol: Protocol }>;
}

export interface DnsIndex {
  /** Lowercase cluster domain without the trailing dot, e.g. `cluster.local`. */
  domain: string;
  namespaces: Set<string>;
  /** `name.namespace` (lowercase) -> Service. */
  services: Map<string, SimService>;
  /** `name.namespace` -> ready endpoint addresses. */
  endpoints: Map<string, DnsEndpointAddress[]>;
  /** IP -> PTR targets (without the trailing dot). */
  reverse: Map<string, string[]>;
  kubeDnsIPs: string[];
  /** config.upstreamDNS with lowercase, dot-less keys. */
  upstream: Map<string, string[]>;
  /**
   * Answers already computed, by type and FQDN: CoreDNS's answer is a pure function of the
   * cluster and the question, so each is worked out once (filled by coredns.ts, see memo2()).
   */
  answers: Map<DnsType, Map<string, ServerAnswer>>;
}

export function dnsIndex(cluster: ClusterState): DnsIndex {
  return cacheOf(cluster).slot('dns-index', () => buildDnsIndex(cluster));
}

/** Namespaces every cluster has, whether or not the input mentions them. */
const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

function buildDnsIndex(cluster: ClusterState): DnsIndex {
  const domain = cluster.config.clusterDomain.toLowerCase().replace(/\.$/, '');
  const idx: DnsIndex = {
    domain,
    namespaces: new Set(SYSTEM_NAMESPACES),
    services: new Map(),
    endpoints: new Map(),
    reverse: new Map(),
    kubeDnsIPs: [],
    upstream: new Map(),
    answers: new Map(),
  };
  for (const ns of cluster.model.namespaces) idx.namespaces.add(ns.metadata.name);
  for (const p of cluster.pods) idx.namespaces.add(p.namespace);
  const clusterIPReverse = new Map<string, string>();
  for (const s of cluster.services) {
    idx.namespaces.add(s.namespace);
    idx.services.set(`${s.name}.${s.namespace}`.toLowerCase(), s);
    for (const ip of clusterIPsOf(s)) clusterIPReverse.set(ip, `${s.name}.${s.namespace}.svc.${domain}`);
    if (s.namespace === 'kube-system' && s.name === 'kube-dns') idx.kubeDnsIPs = clusterIPsOf(s);
  }
  const endpointReverse = new Map<string, string[]>();
  for (const slice of cluster.endpointSlices) {
    if (slice.addressType === 'FQDN') continue;
    const key = `${slice.serviceName}.${slice.namespace}`.toLowerCase();
    let list = idx.endpoints.get(key);
    if (!list) idx.endpoints.set(key, (list = []));
    const ports = slice.ports.map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol }));
    for (const ep of slice.endpoints) {
      // CoreDNS keeps an endpoint when conditions.ready is true or unset (object/endpoint.go).
      if (!ep.conditions.ready) continue;
      for (const ip of ep.addresses) {
        list.push({ ip, hostname: ep.hostname, ports });
        const ptr = `${endpointHostname(ep.hostname, ip)}.${slice.serviceName}.${slice.namespace}.svc.${domain}`;
        const names = endpointReverse.get(ip);
        if (!names) endpointReverse.set(ip, [ptr]);
        else if (!names.includes(ptr)) names.push(ptr);
      }
    }
  }
  // serviceRecordForIP (plugin/kubernetes/reverse.go): a ClusterIP wins; otherwise every
  // endpoint that has the address answers.
  for (const [ip, names] of endpointReverse) idx.reverse.set(ip, names);
  for (const [ip, name] of clusterIPReverse) idx.reverse.set(ip, [name]);
  for (const [name, ips] of Object.entries(cluster.config.upstreamDNS ?? {})) idx.upstream.set(name.toLowerCase().replace(/\.$/, ''), ips);
  return idx;
}

/** endpointHostname (plugin/kubernetes/kubernetes.go): the hostname, else the IP with dashes. */
export function endpointHostname(hostname: string | undefined, ip: string): string {
  if (hostname) return hostname;
  return ip.includes('.') ? ip.replace(/\./g, '-') : ip.replace(/:/g, '-');
}
