/**
 * The DNS step of a request to a name: the source's resolver walk (src/dns/resolver.ts), and
 * when it finds no address, why — from the source's point of view (a node does not use the
 * cluster DNS; a Default-policy pod asks a resolver that knows no cluster names; an ExternalName
 * holding an IP gets no record; a headless Service without ready endpoints has none either).
 */
import { parseIP } from '../../util/ip';
import type { Hop, SimService } from '../types';
import { lookupFrom } from '../../dns/resolver';
import { dnsIndex } from '../../dns/records';
import type { ResolvConf } from '../../dns/resolv-conf';
import { isHeadless } from './tables';
import type { NamedService, ResolverFacts, Statement } from './facts';
import { hop } from './hops';
import type { Target } from './request';
import type { RouteContext } from './plan';

export type DnsStep =
  | { hops: Hop[]; name: string; ips: string[]; headless: SimService | null; externalName: SimService | null }
  | { hops: Hop[]; failure: Statement };

const svcName = (s: SimService) => `${s.namespace}/${s.name}`;
const withoutDot = (name: string) => (name.endsWith('.') ? name.slice(0, -1) : name);

function resolverFacts(conf: ResolvConf): ResolverFacts {
  return conf.server === 'none' ? { server: 'none' } : { server: conf.server, nameserver: conf.nameservers[0] };
}

export function dnsStep(ctx: RouteContext, target: Target): DnsStep {
  const { cluster, source } = ctx;
  const lookup = lookupFrom(cluster, source, target.host, 'A');
  const resolver = resolverFacts(lookup.resolvConf);
  const rule = lookup.server === 'cluster' ? 'coredns' : lookup.server === 'node' ? 'upstream-dns' : undefined;
  const ips: string[] = [];
  let cname: string | null = null;
  for (const a of lookup.answers) {
    if (a.type === 'A') ips.push(a.data);
    else if (a.type === 'CNAME' && cname === null) cname = withoutDot(a.data);
  }
  const tried = lookup.tried.map(withoutDot);
  if (ips.length && lookup.answeredName) {
    const name = withoutDot(lookup.answeredName);
    const svc = serviceOfName(ctx, name);
    const hops = [hop('dns', { message: 'dns-answer', from: source.ip, to: name, service: svc ? svcName(svc) : undefined, rule, detail: { resolver, name, addresses: ips, tried, cname } })];
    const headless = svc && isHeadless(svc) ? svc : null;
    if (headless) hops.push(hop('service', { message: 'headless-service', service: svcName(headless), detail: {} }));
    const externalName = svc && svc.type === 'ExternalName' ? svc : null;
    return { hops, name, ips, headless, externalName };
  }
  const hops = [hop('dns', { message: 'dns-no-address', from: source.ip, to: target.host, rule, detail: { resolver, name: target.host, rcode: lookup.rcode, tried } })];
  const failure = whyNoAddress(ctx, target.host, lookup.rcode, cname, tried, lookup.resolvConf);
  return { hops, failure: { ...failure, reason: failure.message } as Statement };
}

/** The Service a `<svc>.<ns>.svc.<domain>` name belongs to. */
function serviceOfName(ctx: RouteContext, fqdn: string): SimService | null {
  const idx = dnsIndex(ctx.cluster);
  const suffix = `.svc.${idx.domain}`;
  if (!fqdn.endsWith(suffix)) return null;
  const parts = fqdn.slice(0, -suffix.length).split('.');
  if (parts.length !== 2) return null;
  return idx.services.get(`${parts[0]}.${parts[1]}`) ?? null;
}

/** Whether a short or partly qualified name may name this Service from the given namespace. */
function nameCouldBe(name: string, svc: SimService, namespace: string): boolean {
  const parts = withoutDot(name).split('.');
  return parts.length === 1 ? svc.namespace === namespace : parts[1] === svc.namespace;
}

function whyNoAddress(ctx: RouteContext, name: string, rcode: string, cname: string | null, tried: string[], conf: ResolvConf): Statement {
  const { source, cluster } = ctx;
  if (cname) return { message: 'dns-externalname-unresolved', to: name, detail: { name, cname } };
  const first = name.split('.')[0];
  const matching = cluster.services.filter((s) => s.name === first);
  const services: NamedService[] = matching.map((s) => ({ service: svcName(s), clusterIP: s.clusterIP ?? 'none' }));
  const facts = source.facts;
  if (source.kind !== 'pod') return { message: 'dns-outside-cluster', from: source.ip, to: name, detail: { source: facts, name, rcode, services } };
  if (conf.dnsPolicy === 'Default' || conf.dnsPolicy === 'None') {
    // GetPodDNS (pkg/kubelet/network/dns/dns.go): ClusterFirst on a hostNetwork pod falls back to Default.
    return { message: 'dns-policy-no-cluster-names', from: source.ip, to: name, detail: { source: facts, name, rcode, policy: conf.dnsPolicy, hostNetworkFallback: conf.hostNetworkFallback, services } };
  }
  if (rcode === 'SERVFAIL') return { message: 'dns-no-nameserver', from: source.ip, to: name, detail: { source: facts } };
  // CoreDNS findServices: an ExternalName whose value is not a name (HostType is not CNAME) gets no record.
  const ipExternalName = matching.find((s) => s.type === 'ExternalName' && s.spec.externalName && parseIP(s.spec.externalName) && nameCouldBe(name, s, source.namespace));
  if (ipExternalName) return { message: 'dns-externalname-ip', service: svcName(ipExternalName), to: name, detail: { name, externalName: ipExternalName.spec.externalName ?? '' } };
  const headless = matching.find((s) => isHeadless(s) && s.namespace === source.namespace);
  if (headless) return { message: 'dns-headless-no-endpoints', service: svcName(headless), to: name, detail: { name } };
  const elsewhere = matching.filter((s) => s.namespace !== source.namespace);
  return {
    message: 'dns-not-found',
    from: source.ip,
    to: name,
    detail: { name, rcode, tried, elsewhere: elsewhere.length && !name.includes('.') ? { name: first, namespaces: elsewhere.map((s) => s.namespace) } : null },
  };
}

