/**
 * What CoreDNS answers for one fully qualified name, configured as kubeadm deploys it:
 *
 *     kubernetes cluster.local in-addr.arpa ip6.arpa {
 *        pods insecure
 *        fallthrough in-addr.arpa ip6.arpa
 *        ttl 30
 *     }
 *     forward . /etc/resolv.conf
 *
 * The logic follows coredns/coredns plugin/kubernetes (parse.go parseRequest, kubernetes.go
 * Records/findServices/findPods, reverse.go serviceRecordForIP, handler.go ServeDNS) and
 * plugin/backend_lookup.go (A/AAAA/SRV/CNAME/PTR assembly). Names outside the cluster domain
 * go "upstream", which svclab answers from config.upstreamDNS (nothing reaches the network).
 */
import { isHeadlessService } from '../model/service';
import { parseIP, formatIP } from '../util/ip';
import type { DnsAnswer, DnsType } from '../sim/types';
import { endpointHostname, type DnsIndex } from './records';
import { memo2 } from '../sim/cache';

export type Rcode = 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL';

export interface ServerAnswer {
  rcode: Rcode;
  answers: DnsAnswer[];
}

/** kubeadm's Corefile sets `ttl 30` on the kubernetes plugin. */
export const CLUSTER_TTL = 30;
/** The TTL svclab reports for upstream answers (CoreDNS's `cache 30` caps them at 30 s). */
export const UPSTREAM_TTL = 30;
/** kubernetes.go: the dns-version TXT record carries the schema version, with TTL 28800. */
export const DNS_SCHEMA_VERSION = '1.1.0';

/** A backend record (CoreDNS msg.Service): an address or a name, with a port. */
interface Rec {
  host: string;
  /** 4 or 6 when host is an address, 0 when it is a name (ExternalName): saves re-parsing on every query. */
  family: 0 | 4 | 6;
  port: number;
  /** The record's own name (SRV target), without the trailing dot. */
  key: string;
}

type Lookup = { nx: true } | { nx: false; recs: Rec[] };

const NX: Lookup = { nx: true };
const NODATA: Lookup = { nx: false, recs: [] };

const ok = (answers: DnsAnswer[]): ServerAnswer => ({ rcode: 'NOERROR', answers });
const nxdomain = (): ServerAnswer => ({ rcode: 'NXDOMAIN', answers: [] });

/** `qname` is lowercase and fully qualified (trailing dot). Answers are shared: do not mutate them. */
export function coreDnsAnswer(idx: DnsIndex, qname: string, type: DnsType): ServerAnswer {
  return memo2(idx.answers, type, qname, () => computeAnswer(idx, qname, type));
}

function computeAnswer(idx: DnsIndex, qname: string, type: DnsType): ServerAnswer {
  const name = qname.slice(0, -1);
  if (isReverseName(name)) return reverseAnswer(idx, qname, name, type);
  if (name === idx.domain || name.endsWith(`.${idx.domain}`)) return kubernetesAnswer(idx, qname, name, type, 0);
  return upstreamAnswer(idx, qname, type, 0);
}

function isReverseName(name: string): boolean {
  return name.endsWith('.in-addr.arpa') || name.endsWith('.ip6.arpa') || name === 'in-addr.arpa' || name === 'ip6.arpa';
}

/** dnsutil.ExtractAddressFromReverse: `4.3.2.1.in-addr.arpa` -> 1.2.3.4 (nibbles for IPv6). */
export function addressFromReverse(name: string): string | null {
  if (name.endsWith('.in-addr.arpa')) {
    const parts = name.slice(0, -'.in-addr.arpa'.length).split('.');
    if (parts.length !== 4) return null;
    const ip = parts.reverse().join('.');
    return parseIP(ip)?.family === 4 ? ip : null;
  }
  if (name.endsWith('.ip6.arpa')) {
    const nibbles = name.slice(0, -'.ip6.arpa'.length).split('.');
    if (nibbles.length !== 32 || !nibbles.every((n) => /^[0-9a-f]$/.test(n))) return null;
    return formatIP({ family: 6, value: BigInt(`0x${nibbles.reverse().join('')}`) });
  }
  return null;
}

function reverseAnswer(idx: DnsIndex, qname: string, name: string, type: DnsType): ServerAnswer {
  if (type === 'PTR') {
    const ip = addressFromReverse(name);
    const targets = ip ? idx.reverse.get(ip) : undefined;
    if (targets?.length) return ok(targets.map((t) => ({ name: qname, type: 'PTR', ttl: CLUSTER_TTL, data: `${t}.` })));
  }
  // Nothing in the cluster: `fallthrough in-addr.arpa ip6.arpa` hands the query to `forward`,
  // and the upstream resolver svclab models knows no reverse names.
  return upstreamAnswer(idx, qname, type, 0);
}

function kubernetesAnswer(idx: DnsIndex, qname: string, name: string, type: DnsType, depth: number): ServerAnswer {
  const base = name === idx.domain ? '' : name.slice(0, -(idx.domain.length + 1));
  // kubernetes.go Services(): the only TXT record is dns-version.<zone>; ns.dns.<zone> names the DNS service.
  if (type === 'TXT') {
    if (base === 'dns-version') return ok([{ name: qname, type: 'TXT', ttl: 28800, data: `"${DNS_SCHEMA_VERSION}"` }]);
    const l = records(idx, base);
    return l.nx ? nxdomain() : ok([]);
  }
  const lookup = base === 'ns.dns' ? { nx: false as const, recs: idx.kubeDnsIPs.map((ip) => ({ host: ip, family: familyOf(ip), port: 0, key: name })) } : records(idx, base);
  if (lookup.nx) return nxdomain();
  const recs = lookup.recs;
  switch (type) {
    case 'A':
    case 'AAAA':
      return ok(addressRecords(idx, qname, recs, type, depth));
    case 'SRV':
      return ok(srvRecords(qname, recs));
    case 'CNAME': {
      // backend_lookup.go CNAME: the first record, if it is a name.
      const first = recs[0];
      return ok(first && first.family === 0 ? [{ name: qname, type: 'CNAME', ttl: CLUSTER_TTL, data: fqdn(first.host) }] : []);
    }
    case 'PTR':
      // A forward name asked for PTR: Reverse() falls back to Records(), which yields no PTR.
      return ok([]);
  }
  return ok([]);
}

/** Addresses in the cluster tables are already valid: the family is all that is needed. */
function familyOf(ip: string): 4 | 6 {
  return ip.includes(':') ? 6 : 4;
}

function fqdn(name: string): string {
  return name.endsWith('.') ? name : `${name}.`;
}

function addressRecords(idx: DnsIndex, qname: string, recs: Rec[], type: 'A' | 'AAAA', depth: number): DnsAnswer[] {
  const family = type === 'A' ? 4 : 6;
  const out: DnsAnswer[] = [];
  const seen = new Set<string>();
  for (const r of recs) {
    if (r.family !== 0) {
      if (r.family === family && !seen.has(r.host)) {
        seen.add(r.host);
        out.push({ name: qname, type, ttl: CLUSTER_TTL, data: r.host });
      }
      continue;
    }
    // An ExternalName: CNAME, then chase the target (backend_lookup.go A(): in-zone targets are
    // looked up again in the cluster, others through the upstream resolver).
    const target = fqdn(r.host.toLowerCase());
    if (target === qname || depth > 7) continue;
    const cname: DnsAnswer = { name: qname, type: 'CNAME', ttl: CLUSTER_TTL, data: target };
    const tname = target.slice(0, -1);
    if (tname === idx.domain || tname.endsWith(`.${idx.domain}`)) {
      const next = kubernetesAnswer(idx, target, tname, type, depth + 1);
      if (next.rcode === 'NOERROR' && next.answers.length) out.push(cname, ...next.answers);
    } else {
      out.push(cname, ...upstreamAnswer(idx, target, type, depth + 1).answers);
    }
  }
  return out;
}

function srvRecords(qname: string, all: Rec[]): DnsAnswer[] {
  // kubernetes.go Services(): SRV for ExternalName services is not implemented (CNAME hosts removed).
  const recs = all.filter((r) => r.family !== 0);
  const out: DnsAnswer[] = [];
  if (!recs.length) return out;
  // backend_lookup.go SRV(): every record has weight 100 and priority 0, so each gets 100/n % (at least 1).
  const weight = Math.max(1, Math.floor((100 / (100 * recs.length)) * 100));
  const seen = new Set<string>();
  for (const r of recs) {
    if (r.port === -1) continue;
    const id = `${r.key}|${r.port}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ name: qname, type: 'SRV', ttl: CLUSTER_TTL, data: `0 ${weight} ${r.port} ${r.key}.` });
  }
  return out;
}

/** parseRequest + Records (parse.go, kubernetes.go): `[_port._proto.|endpoint.]service.namespace.svc|pod`. */
function records(idx: DnsIndex, base: string): Lookup {
  if (base === '' || base === 'svc' || base === 'pod') return NODATA;
  const segs = base.split('.');
  let last = segs.length - 1;
  const podOrSvc = segs[last];
  if (podOrSvc !== 'svc' && podOrSvc !== 'pod') return NX;
  last--;
  const namespace = last >= 0 ? segs[last] : '';
  last--;
  const service = last >= 0 ? segs[last] : '';
  last--;
  let endpoint = '';
  let port = '';
  let protocol = '';
  if (last === 0) endpoint = segs[0];
  else if (last === 1) {
    protocol = segs[1].replace(/^_/, '');
    port = segs[0].replace(/^_/, '');
  } else if (last > 1) return NX;
  if (!namespace) return NODATA;
  if (!idx.namespaces.has(namespace)) return NX;
  if (podOrSvc === 'pod') return podRecords(idx, service, base);
  return serviceRecords(idx, namespace, service, endpoint, port, protocol);
}

/** findPods with `pods insecure`: any well-formed dashed address answers, pod or not. */
function podRecords(idx: DnsIndex, podname: string, base: string): Lookup {
  if (!podname) return NODATA;
  const ip = (podname.split('-').length - 1 === 3 && !podname.includes('--')) ? podname.replace(/-/g, '.') : podname.replace(/-/g, ':');
  const parsed = parseIP(ip);
  if (!parsed) return NX;
  return { nx: false, recs: [{ host: formatIP(parsed), family: parsed.family, port: 0, key: `${base}.${idx.domain}` }] };
}

function matchPortAndProtocol(aPort: string, bPort: string, aProto: string, bProto: string): boolean {
  return (aPort === '' || aPort === bPort.toLowerCase()) && (aProto === '' || aProto === bProto.toLowerCase());
}

function serviceRecords(idx: DnsIndex, namespace: string, service: string, endpoint: string, port: string, protocol: string): Lookup {
  if (!service) return NODATA;
  const key = `${service}.${namespace}`;
  const svc = idx.services.get(key);
  if (!svc) return NX;
  const zoneName = `${svc.name}.${svc.namespace}.svc.${idx.domain}`;
  if (svc.type === 'ExternalName') {
    const ext = svc.spec.externalName;
    // findServices skips an ExternalName Service when the query has an endpoint, port or
    // protocol label (`_http._tcp.name...`: it has no endpoints and no SRV); an ExternalName
    // holding an IP address is not a CNAME either: CoreDNS serves nothing for it.
    if (endpoint || port || protocol || !ext || parseIP(ext)) return NX;
    return { nx: false, recs: [{ host: ext, family: 0, port: 0, key: zoneName }] };
  }
  const recs: Rec[] = [];
  let found = false;
  if (isHeadlessService(svc) || endpoint) {
    for (const addr of idx.endpoints.get(key) ?? []) {
      const host = endpointHostname(addr.hostname, addr.ip);
      if (endpoint && endpoint !== host.toLowerCase()) continue;
      const ports = addr.ports.length ? addr.ports : [{ name: '', port: -1, protocol: '' }];
      for (const p of ports) {
        if (!matchPortAndProtocol(port, p.name, protocol, p.protocol)) continue;
        found = true;
        recs.push({ host: addr.ip, family: familyOf(addr.ip), port: p.port, key: `${host}.${zoneName}` });
      }
    }
    return found ? { nx: false, recs } : NX;
  }
  const ips = (svc as { clusterIPs?: string[] }).clusterIPs?.length ? (svc as { clusterIPs: string[] }).clusterIPs : svc.clusterIP ? [svc.clusterIP] : [];
  // object/service.go: a Service without ports gets a sentinel port -1 (A records, no SRV).
  const svcPorts = svc.ports.length ? svc.ports : [{ name: '', port: -1, protocol: '' }];
  for (const p of svcPorts) {
    if (!matchPortAndProtocol(port, p.name ?? '', protocol, p.protocol)) continue;
    found = true;
    for (const ip of ips) recs.push({ host: ip, family: familyOf(ip), port: p.port, key: zoneName });
  }
  return found ? { nx: false, recs } : NX;
}

/** The upstream resolver: config.upstreamDNS, names mapping to addresses (or to another name). */
export function upstreamAnswer(idx: DnsIndex, qname: string, type: DnsType, depth: number): ServerAnswer {
  const values = idx.upstream.get(qname.slice(0, -1));
  if (!values) return nxdomain();
  const out: DnsAnswer[] = [];
  for (const v of values) {
    const ip = parseIP(v);
    if (ip) {
      if ((type === 'A' && ip.family === 4) || (type === 'AAAA' && ip.family === 6)) out.push({ name: qname, type, ttl: UPSTREAM_TTL, data: v });
    } else if (depth < 8) {
      const target = fqdn(v.toLowerCase());
      out.push({ name: qname, type: 'CNAME', ttl: UPSTREAM_TTL, data: target });
      if (type !== 'CNAME') out.push(...upstreamAnswer(idx, target, type, depth + 1).answers);
    }
  }
  return ok(out);
}
