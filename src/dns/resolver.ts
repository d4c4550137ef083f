/**
 * A stub resolver in a pod, node or outside client: expands the name through resolv.conf's
 * search list as glibc's res_nsearch does, and asks the first nameserver (CoreDNS for
 * ClusterFirst pods, the upstream resolver otherwise).
 *
 * Search order (glibc resolv/res_query.c __res_context_search): a name with a trailing dot is
 * sent as-is only; a name with at least `ndots` dots is sent as-is first; then each search
 * domain is appended in turn; a name with fewer dots is finally tried as-is. An answer with
 * records stops the search. NXDOMAIN *and* NOERROR-without-records (NODATA) move on to the
 * next candidate in glibc; if every candidate fails and one of them was NODATA, the result
 * is NODATA (NOERROR, no answers), else NXDOMAIN. (musl instead stops at the first NODATA.)
 */
import type { ClusterState, DnsQuery, DnsResult, DnsType } from '../sim/types';
import { parseSource, TargetError, type Source } from '../sim/proxy/request';
import { routingIndex } from '../sim/proxy/tables';
import { cacheOf, memo } from '../sim/cache';
import { parseIP, reverseName } from '../util/ip';
import { dnsIndex } from './records';
import { coreDnsAnswer, upstreamAnswer, type ServerAnswer } from './coredns';
import { resolvConfFor, type ResolvConf } from './resolv-conf';

export const DNS_TYPES: readonly DnsType[] = ['A', 'AAAA', 'SRV', 'CNAME', 'PTR', 'TXT'];

export interface Lookup extends Omit<DnsResult, 'query'> {
  resolvConf: ResolvConf;
  /** The FQDN that produced the answer (null when none did). */
  answeredName: string | null;
}

export function resolveName(cluster: ClusterState, query: DnsQuery): DnsResult {
  const namespace = query.namespace ?? 'default';
  const type = query.type ?? 'A';
  if (!DNS_TYPES.includes(type)) throw new TargetError(`unknown record type "${String(type)}"`, `use one of ${DNS_TYPES.join(', ')}`);
  const name = query.name.trim();
  if (!name) throw new TargetError('the name to look up is empty', 'e.g. svclab dig my-service');
  const source = parseSource(cluster, query.from, namespace);
  const result = lookupFrom(cluster, source, name, type);
  return { query: { name: query.name, type, from: query.from, namespace }, tried: result.tried, rcode: result.rcode, answers: result.answers, server: result.server };
}

/** Turns an IP into its reverse name (`dig -x`); null when it is not an address. */
export function reverseLookupName(ip: string): string | null {
  const parsed = parseIP(ip);
  return parsed ? reverseName(parsed) : null;
}

/** The resolv.conf of a source, with its search domains lowercased and without trailing dots (once per source). */
function confOf(cluster: ClusterState, source: Source): ResolvConf {
  return memo(cacheOf(cluster).table<string, ResolvConf>('resolv-conf'), source.key, () => {
    const conf = resolvConfFor(source, cluster.config.clusterDomain, routingIndex(cluster).kubeDnsIP);
    conf.searches = conf.searches.map((d) => d.toLowerCase().replace(/\.$/, ''));
    return conf;
  });
}

function countDots(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 46) n++;
  return n;
}

export function lookupFrom(cluster: ClusterState, source: Source, name: string, type: DnsType): Lookup {
  const conf = confOf(cluster, source);
  const lower = name.toLowerCase();
  if (conf.server === 'none') return { tried: [], rcode: 'SERVFAIL', answers: [], server: 'none', resolvConf: conf, answeredName: null };
  const idx = dnsIndex(cluster);
  const ask = (fqdn: string): ServerAnswer => (conf.server === 'cluster' ? coreDnsAnswer(idx, fqdn, type) : upstreamAnswer(idx, fqdn, type, 0));
  const tried: string[] = [];
  let sawNoData = false;
  let sawServfail = false;
  const attempt = (fqdn: string): ServerAnswer | null => {
    tried.push(fqdn);
    const a = ask(fqdn);
    if (a.rcode === 'NOERROR' && a.answers.length) return a;
    if (a.rcode === 'NOERROR') sawNoData = true;
    if (a.rcode === 'SERVFAIL') sawServfail = true;
    return null;
  };
  // Server answers are memoised and shared: hand out a copy of the list.
  const done = (a: ServerAnswer, fqdn: string): Lookup => ({ tried, rcode: a.rcode, answers: a.answers.slice(), server: conf.server, resolvConf: conf, answeredName: fqdn });

  if (lower.endsWith('.')) {
    const a = attempt(lower);
    if (a) return done(a, lower);
  } else {
    const dots = countDots(lower);
    let triedAsIs = false;
    if (dots >= conf.ndots) {
      triedAsIs = true;
      const a = attempt(`${lower}.`);
      if (a) return done(a, `${lower}.`);
    }
    for (const domain of conf.searches) {
      const fqdn = `${lower}.${domain}.`;
      const a = attempt(fqdn);
      if (a) return done(a, fqdn);
    }
    if (!triedAsIs) {
      const a = attempt(`${lower}.`);
      if (a) return done(a, `${lower}.`);
    }
  }
  const rcode = sawNoData ? 'NOERROR' : sawServfail ? 'SERVFAIL' : 'NXDOMAIN';
  return { tried, rcode, answers: [], server: conf.server, resolvConf: conf, answeredName: null };
}
