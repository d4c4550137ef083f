/**
 * The /etc/resolv.conf a source sees, as the kubelet writes it (pkg/kubelet/network/dns/dns.go
 * GetPodDNS): ClusterFirst -> the kube-dns ClusterIP, search `<ns>.svc.<domain> svc.<domain>
 * <domain>`, `options ndots:5`; a hostNetwork pod with ClusterFirst falls back to Default
 * (the node's resolver); ClusterFirstWithHostNet keeps cluster DNS; None uses dnsConfig only;
 * dnsConfig is merged in (nameservers and searches appended, options override by name).
 * Nodes and clients outside the cluster use their own resolver, which knows no cluster names.
 */
import type { DNSPolicy } from '../model/types';
import type { Source } from '../sim/proxy/request';

/** The address svclab gives the node's (and the outside world's) resolver. */
export const NODE_RESOLVER_IP = '192.168.49.1';

/** Kubelet limits (pkg/apis/core/validation: MaxDNSNameservers 3, MaxDNSSearchPaths 32). */
const MAX_NAMESERVERS = 3;
const MAX_SEARCHES = 32;

export interface ResolvConf {
  nameservers: string[];
  searches: string[];
  ndots: number;
  /** Who answers: CoreDNS (`cluster`), a resolver outside the cluster (`node`), or nobody. */
  server: 'cluster' | 'node' | 'none';
  /** The pod's dnsPolicy in effect (after the hostNetwork fallback); null for nodes and clients outside. */
  dnsPolicy: DNSPolicy | null;
  /** ClusterFirst on a hostNetwork pod, which the kubelet turns into Default. */
  hostNetworkFallback: boolean;
}

export function resolvConfFor(source: Source, clusterDomain: string, kubeDnsIP: string | null): ResolvConf {
  const domain = clusterDomain.replace(/\.$/, '');
  if (source.kind !== 'pod') {
    return { nameservers: [NODE_RESOLVER_IP], searches: [], ndots: 1, server: 'node', dnsPolicy: null, hostNetworkFallback: false };
  }
  let policy = source.dnsPolicy;
  // GetPodDNS: "ClusterFirst" on a hostNetwork pod means Default.
  if (policy === 'ClusterFirst' && source.hostNetwork) policy = 'Default';
  let nameservers: string[] = [];
  let searches: string[] = [];
  let ndots = 1;
  if (policy === 'ClusterFirst' || policy === 'ClusterFirstWithHostNet') {
    nameservers = kubeDnsIP ? [kubeDnsIP] : [];
    searches = [`${source.namespace}.svc.${domain}`, `svc.${domain}`, domain];
    ndots = 5;
  } else if (policy === 'Default') {
    nameservers = [NODE_RESOLVER_IP];
  }
  const cfg = source.dnsConfig;
  if (cfg) {
    nameservers = unique([...nameservers, ...cfg.nameservers]).slice(0, MAX_NAMESERVERS);
    searches = unique([...searches, ...cfg.searches]).slice(0, MAX_SEARCHES);
    for (const o of cfg.options) {
      if (o.name === 'ndots' && o.value !== undefined && /^\d+$/.test(o.value)) ndots = Math.min(15, Number(o.value));
    }
  }
  const first = nameservers[0];
  const server = first === undefined ? 'none' : kubeDnsIP !== null && first === kubeDnsIP ? 'cluster' : 'node';
  return { nameservers, searches, ndots, server, dnsPolicy: policy, hostNetworkFallback: policy !== source.dnsPolicy };
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
