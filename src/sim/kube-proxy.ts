/**
 * Where a connection goes, as kube-proxy's rules send it. The rules modelled, and where they
 * come from (kubernetes/kubernetes):
 * - pkg/proxy/iptables/proxier.go and pkg/proxy/nftables/proxier.go syncProxyRules: a Service
 *   port with no usable endpoint anywhere is REJECTed ("has no endpoints"); a Local traffic
 *   policy with endpoints elsewhere but none on this node DROPs ("has no local endpoints");
 *   each connection picks one endpoint with equal probability (statistic / numgen random);
 *   `sessionAffinity: ClientIP` pins a client IP to an endpoint (recent module / affinity
 *   sets, per node); external traffic with `externalTrafficPolicy: Cluster` is masqueraded
 *   (SNAT to the node), with `Local` it keeps the client IP; traffic from pods and from the
 *   node itself to external addresses always uses the Cluster policy (the EXT chain's
 *   "short-circuit" rules).
 * - pkg/proxy/nftables/proxier.go setupNFTables: "Reject traffic to invalid ports of
 *   ClusterIPs" and "Drop traffic to unallocated ClusterIPs" (svclab follows nftables mode
 *   here; in iptables mode a connection to an undefined port of a ClusterIP times out).
 * - pkg/proxy/topology.go CategorizeEndpoints: ready endpoints, else serving+terminating ones
 *   (KEP-1669), chosen independently for the Cluster and the Local policy.
 */
import { Random } from '../util/random';
import { cidrContains, parseIP } from '../util/ip';
import type { Protocol } from '../model/types';
import type { ClusterState, DnsAnswer, Hop, Outcome, RouteAttempt, RouteCandidate, RouteRequest, RouteResult, SimNode, SimPod, SimService, SimServicePort } from './types';
import { parseSource, parseTarget, TargetError, inPodCIDR, type Source, type Target } from './target';
import { endpointsFor, findServicePort, routingIndex, SERVICE_PROXY_NAME, type RouteEndpoint, type RoutingIndex } from './target-index';
import { hostPortPod, httpBody, podListens } from './app-model';
import { lookupFrom } from '../dns/resolver';
import { dnsIndex } from '../dns/records';

const EXCLUDE_FROM_LB = 'node.kubernetes.io/exclude-from-external-load-balancers';
const MAX_COUNT = 1_000_000;

interface Ctx {
  cluster: ClusterState;
  idx: RoutingIndex;
  source: Source;
  target: Target;
  protocol: Protocol;
}

interface Failure {
  outcome: Exclude<Outcome, 'ok'>;
  reason: string;
  hops: Hop[];
}

/** One node where kube-proxy handles the connection, with what it can reach from there. */
interface NodeChoice {
  node: SimNode | null;
  endpoints: RouteEndpoint[];
  /** The source address the endpoint sees: the client's, or the node's after SNAT. */
  snatTo: string | null;
  failure: Failure | null;
  note: string;
}

type Plan =
  | { kind: 'fixed'; failure: Failure; service: string | null }
  | { kind: 'deliver'; ip: string; port: number; pod: SimPod | null; sourceIP: string; service: string | null; hops: Hop[] }
  | { kind: 'balance'; service: SimService; svcPort: SimServicePort; destIP: string; hops: Hop[]; choices: NodeChoice[] };

/**
 * Plans depend only on the cluster, the source and the destination, so they are cached per
 * cluster, like the rules kube-proxy programs once per node (bounded, to cap memory).
 */
const planCache = new WeakMap<Source, Map<string, Map<number, PlanEntry>>>();
const MAX_PLANS_PER_SOURCE = 20_000;

interface PlanEntry {
  plan: Plan;
  candidates: RouteCandidate[];
}

const PROTOCOL_INDEX: Record<Protocol, number> = { TCP: 0, UDP: 1, SCTP: 2 };

function cachedPlan(ctx: Ctx, ip: string, port: number, headless: SimService | null): PlanEntry {
  // Sources are cached per cluster (parseSource), so a source object stands for one cluster.
  let bySource = planCache.get(ctx.source);
  if (!bySource) planCache.set(ctx.source, (bySource = new Map()));
  const ipKey = headless ? `${ip}|${svcKey(headless)}` : ip;
  let byPort = bySource.get(ipKey);
  if (!byPort) {
    if (bySource.size >= MAX_PLANS_PER_SOURCE) bySource.clear();
    bySource.set(ipKey, (byPort = new Map()));
  }
  const portKey = port + 65536 * PROTOCOL_INDEX[ctx.protocol];
  let entry = byPort.get(portKey);
  if (!entry) {
    const plan = planRoute(ctx, ip, port, headless);
    entry = { plan, candidates: candidatesOf([plan], port) };
    byPort.set(portKey, entry);
  }
  return entry;
}

export function routeRequest(cluster: ClusterState, request: RouteRequest): RouteResult {
  const namespace = request.namespace ?? 'default';
  const count = request.count ?? 1;
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) throw new TargetError(`count must be a whole number from 1 to ${MAX_COUNT}, got ${count}`, 'e.g. --count 30');
  const seed = request.seed ?? cluster.seed;
  const protocol = request.protocol ?? 'TCP';
  const source = parseSource(cluster, request.from, namespace);
  const target = parseTarget(request.to);
  const ctx: Ctx = { cluster, idx: routingIndex(cluster), source, target, protocol };
  const sourceHop = sourceHopOf(source, target);

  const result: RouteResult = {
    request: { from: request.from, to: request.to, namespace, count, seed, protocol },
    resolved: null,
    candidates: [],
    results: [],
    summary: { ok: 0, refused: 0, dropped: 0, 'dns-error': 0, byPod: tallyObject() },
  };

  let destinations: string[];
  const baseHops: Hop[] = [sourceHop];
  let headless: SimService | null = null;
  // The ExternalName Service the name went through: results that reach no other Service name it.
  let viaExternalName: string | null = null;
  if (target.hostIsIP) destinations = [target.host];
  else {
    const dns = cachedDnsStep(ctx);
    baseHops.push(...dns.hops);
    if ('failure' in dns) {
      for (let i = 0; i < count; i++) record(result, { outcome: 'dns-error', reason: dns.failure, service: null, pod: null, podIP: null, node: null, port: null, sourceIP: null, body: null, hops: [...baseHops] });
      return result;
    }
    destinations = dns.ips;
    headless = dns.headless;
    viaExternalName = dns.externalName ? svcKey(dns.externalName) : null;
    result.resolved = { name: dns.name, ip: dns.ips[0] };
  }

  const planOf = (ip: string): Plan => cachedPlan(ctx, ip, target.port, headless).plan;
  const single = destinations.length === 1 ? cachedPlan(ctx, destinations[0], target.port, headless) : null;
  result.candidates = single ? single.candidates.slice() : candidatesOf(destinations.map(planOf), target.port);

  const rng = Random.derive(seed, `route|${source.ip}|${target.text}`);
  const affinity: Affinity = { endpoints: new Map(), nodes: new Map() }; // ClientIP affinity entries of this call (one client)
  for (let i = 0; i < count; i++) {
    // The kubeadm Corefile's `loadbalance` plugin shuffles A records: a headless name spreads over its pods.
    const dest = destinations.length === 1 ? destinations[0] : destinations[rng.int(0, destinations.length - 1)];
    const a = attempt(ctx, single ? single.plan : planOf(dest), baseHops, rng, affinity);
    if (viaExternalName && a.service === null) a.service = viaExternalName;
    record(result, a);
  }
  return result;
}

/**
 * An empty plain object that V8 keeps in dictionary mode (deleting a property that is not the
 * last one switches it), so that pod names as keys do not each grow a hidden-class transition:
 * with thousands of pods that made tallying the slowest step of a route.
 */
function tallyObject(): Record<string, number> {
  const o: Record<string, number> = { a: 0, b: 0 };
  delete o.a;
  delete o.b;
  return o;
}

const sourceHops = new WeakMap<Source, Map<string, Hop>>();

/** The first hop's sentence, shared between requests of the same source and target. */
function sourceHopOf(source: Source, target: Target): Hop {
  let byTarget = sourceHops.get(source);
  if (!byTarget) sourceHops.set(source, (byTarget = new Map()));
  let hop = byTarget.get(target.text);
  if (!hop) {
    hop = { kind: 'source', text: `${source.label} (${source.ip}${source.node ? ` on ${source.node.name}` : ''}) connects to ${target.text}` };
    if (byTarget.size > 1000) byTarget.clear();
    byTarget.set(target.text, hop);
  }
  return hop;
}

function record(result: RouteResult, a: RouteAttempt): void {
  result.results.push(a);
  const sum = result.summary;
  if (a.outcome === 'ok') sum.ok++;
  else if (a.outcome === 'refused') sum.refused++;
  else if (a.outcome === 'dropped') sum.dropped++;
  else sum['dns-error']++;
  if (a.pod) result.summary.byPod[a.pod] = (result.summary.byPod[a.pod] ?? 0) + 1;
}

const podKeys = new WeakMap<SimPod, string>();

/** `namespace/name`, built once per pod: the same string object keeps its hash for the tallies. */
function podKey(p: SimPod): string {
  let k = podKeys.get(p);
  if (k === undefined) podKeys.set(p, (k = `${p.namespace}/${p.name}`));
  return k;
}

const svcKeys = new WeakMap<SimService, string>();

function svcKey(s: SimService): string {
  let k = svcKeys.get(s);
  if (k === undefined) svcKeys.set(s, (k = `${s.namespace}/${s.name}`));
  return k;
}

// ---------------------------------------------------------------------------------------------
// DNS step

type DnsStep = { hops: Hop[]; name: string; ips: string[]; headless: SimService | null; externalName: SimService | null } | { hops: Hop[]; failure: string };

const dnsSteps = new WeakMap<Source, Map<string, DnsStep>>();
const MAX_DNS_STEPS_PER_SOURCE = 20_000;

/**
 * The DNS step depends only on the cluster (a source stands for one cluster), the source and
 * the name, so it is worked out once per pair: the resolver walk and the hop sentences are
 * the same for every request. Steps and their hops are shared: callers copy, never mutate.
 */
function cachedDnsStep(ctx: Ctx): DnsStep {
  let byHost = dnsSteps.get(ctx.source);
  if (!byHost) dnsSteps.set(ctx.source, (byHost = new Map()));
  let step = byHost.get(ctx.target.host);
  if (!step) {
    step = resolveTarget(ctx);
    if (byHost.size >= MAX_DNS_STEPS_PER_SOURCE) byHost.clear();
    byHost.set(ctx.target.host, step);
  }
  return step;
}

function resolveTarget(ctx: Ctx): DnsStep {
  const { cluster, source, target } = ctx;
  const lookup = lookupFrom(cluster, source, target.host, 'A');
  const conf = lookup.resolvConf;
  const server = lookup.server === 'cluster' ? `CoreDNS (${conf.nameservers[0]})` : lookup.server === 'node' ? `the resolver outside the cluster (${conf.nameservers[0]})` : 'no nameserver';
  const ips: string[] = [];
  let cname: DnsAnswer | undefined;
  for (const a of lookup.answers) {
    if (a.type === 'A') ips.push(a.data);
    else if (a.type === 'CNAME' && !cname) cname = a;
  }
  const tried = () => lookup.tried.map((t) => t.slice(0, -1)).join(', ');
  if (ips.length && lookup.answeredName) {
    const name = lookup.answeredName.slice(0, -1);
    const hops: Hop[] = [];
    const svc = serviceOfName(ctx, name);
    let text = `${server} answers ${name} -> ${ips.join(', ')}`;
    if (lookup.tried.length > 1) text += ` (names tried: ${tried()})`;
    if (cname) text += `; ${name} is a CNAME for ${cname.data.slice(0, -1)} (ExternalName), which leaves the cluster`;
    hops.push({ kind: 'dns', text });
    const headless = svc && svc.clusterIP === 'None' ? svc : null;
    if (headless) hops.push({ kind: 'service', text: `${svcKey(headless)} is a headless Service (clusterIP: None): DNS returns the pod IPs and no kube-proxy rule is involved` });
    const externalName = svc && svc.type === 'ExternalName' ? svc : null;
    return { hops, name, ips, headless, externalName };
  }
  const triedText = tried();
  const hops: Hop[] = [{ kind: 'dns', text: `${server} has no address for ${target.host}: ${lookup.rcode === 'NOERROR' ? 'no A record' : lookup.rcode}${triedText ? ` (names tried: ${triedText})` : ''}` }];
  return { hops, failure: dnsFailureReason(ctx, lookup.rcode, cname?.data, triedText, conf.policy) };
}

const servicesByName = new WeakMap<ClusterState, Map<string, SimService | null>>();

/** The Service a `<svc>.<ns>.svc.<domain>` name belongs to (memoised per cluster). */
function serviceOfName(ctx: Ctx, fqdn: string): SimService | null {
  let cache = servicesByName.get(ctx.cluster);
  if (!cache) servicesByName.set(ctx.cluster, (cache = new Map()));
  let svc = cache.get(fqdn);
  if (svc === undefined) {
    svc = findServiceOfName(ctx, fqdn);
    if (cache.size > 50_000) cache.clear();
    cache.set(fqdn, svc);
  }
  return svc;
}

function findServiceOfName(ctx: Ctx, fqdn: string): SimService | null {
  const idx = dnsIndex(ctx.cluster);
  const suffix = `.svc.${idx.domain}`;
  if (!fqdn.endsWith(suffix)) return null;
  const parts = fqdn.slice(0, -suffix.length).split('.');
  if (parts.length !== 2) return null;
  return idx.services.get(`${parts[0]}.${parts[1]}`) ?? null;
}

/** Whether a short or partly qualified name may name this Service from the given namespace. */
function nameCouldBe(name: string, svc: SimService, namespace: string): boolean {
  const parts = name.replace(/\.$/, '').split('.');
  return parts.length === 1 ? svc.namespace === namespace : parts[1] === svc.namespace;
}

function dnsFailureReason(ctx: Ctx, rcode: string, cname: string | undefined, tried: string, policy: string): string {
  const { source, target, cluster } = ctx;
  const name = target.host;
  if (cname) return `${name} is an ExternalName for ${cname.slice(0, -1)}, which leaves the cluster, and the upstream DNS has no address for ${cname.slice(0, -1)}`;
  const first = name.split('.')[0];
  const matching = cluster.services.filter((s) => s.name === first);
  const svcNote = matching.length ? ` (Service ${matching.map(svcKey).join(', ')} has ClusterIP ${matching.map((s) => s.clusterIP ?? 'none').join(', ')})` : '';
  if (source.kind !== 'pod') {
    return `${source.kind === 'node' ? `node ${source.node?.name}` : 'a client outside the cluster'} does not use the cluster DNS (CoreDNS), so the Service name "${name}" does not resolve there (${rcode})${svcNote}; use the ClusterIP${source.kind === 'external' ? ' from inside the cluster, or a NodePort/LoadBalancer address' : ''}, or run the request from a pod`;
  }
  if (policy.startsWith('Default') || policy === 'None') {
    // GetPodDNS (pkg/kubelet/network/dns/dns.go): ClusterFirst on a hostNetwork pod falls back to Default.
    const fix = policy.startsWith('Default (') ? '; set dnsPolicy: ClusterFirstWithHostNet to use the cluster DNS from a hostNetwork pod' : '';
    return `${source.label} uses dnsPolicy ${policy}, so it asks a resolver that knows no cluster names: "${name}" does not resolve (${rcode})${svcNote}${fix}`;
  }
  if (rcode === 'SERVFAIL') return `${source.label} has no nameserver to ask (dnsPolicy None without dnsConfig.nameservers)`;
  // CoreDNS findServices: an ExternalName whose value is not a name (HostType is not CNAME) gets no record.
  const ipExternalName = matching.find((s) => s.type === 'ExternalName' && s.spec.externalName && parseIP(s.spec.externalName) && nameCouldBe(name, s, source.namespace));
  if (ipExternalName) {
    return `"${name}" does not resolve: Service ${svcKey(ipExternalName)} is an ExternalName holding the IP address ${ipExternalName.spec.externalName}, and CoreDNS serves no record for it (externalName must be a DNS name, it becomes a CNAME). For a fixed IP, use a Service without a selector and an EndpointSlice with that address`;
  }
  const headless = matching.find((s) => s.clusterIP === 'None' && s.namespace === source.namespace);
  if (headless) return `"${name}" does not resolve: headless Service ${svcKey(headless)} has no ready endpoints, and a headless Service without ready endpoints has no DNS records (NXDOMAIN)`;
  const elsewhere = matching.filter((s) => s.namespace !== source.namespace);
  const hint = elsewhere.length && !name.includes('.') ? `; a Service of that name exists in namespace ${elsewhere.map((s) => s.namespace).join(', ')}: use ${first}.${elsewhere[0].namespace}` : '';
  return `"${name}" does not resolve (${rcode}${rcode === 'NOERROR' ? ', no A record' : ''}); names tried: ${tried}${hint}`;
}

// ---------------------------------------------------------------------------------------------
// Planning: what kube-proxy (or the network) does with a destination address

/** A plan every attempt shares; the reason becomes the last hop, of kind `last` (where it happens). */
function fixed(outcome: Failure['outcome'], reason: string, hops: Hop[] = [], service: string | null = null, last: Hop['kind'] = 'node'): Plan {
  return { kind: 'fixed', failure: { outcome, reason, hops: [...hops, { kind: last, text: reason }] }, service };
}

function portLabel(p: { port: number; protocol: Protocol; name?: string }): string {
  return `${p.port}/${p.protocol}${p.name ? ` (${p.name})` : ''}`;
}

function planRoute(ctx: Ctx, ip: string, port: number, headless: SimService | null): Plan {
  const { idx, source, protocol } = ctx;
  const svc = idx.servicesByClusterIP.get(ip);
  if (svc) return planClusterIP(ctx, svc, ip, port);

  const external = [...(idx.servicesByLoadBalancerIP.get(ip) ?? []).map((s) => ({ s, lb: true })), ...(idx.servicesByExternalIP.get(ip) ?? []).map((s) => ({ s, lb: false }))];
  if (external.length) {
    const hit = external.find(({ s }) => findServicePort(s, port, protocol));
    if (!hit) {
      const ports = external.flatMap(({ s }) => s.ports.map(portLabel)).join(', ');
      return fixed('dropped', `${ip} belongs to Service ${external.map(({ s }) => svcKey(s)).join(', ')}, which does not expose ${port}/${protocol} (it exposes ${ports}); nothing forwards that port, so the connection times out`);
    }
    return planExternalAddress(ctx, hit.s, findServicePort(hit.s, port, protocol)!, ip, hit.lb);
  }

  const node = idx.nodesByIP.get(ip);
  if (node) return planNodeIP(ctx, node, port);

  const pod = idx.podsByIP.get(ip);
  if (pod) {
    if (source.kind === 'external') return fixed('dropped', `${ip} is the IP of pod ${podKey(pod)}; pod IPs are only routable inside the cluster, so a client outside cannot reach it (expose it with a NodePort or LoadBalancer Service)`, [], null, 'external');
    const hops: Hop[] = headless ? [] : [{ kind: 'pod', text: `${ip} is the IP of pod ${podKey(pod)}: the packet goes straight to the pod, no Service involved` }];
    return { kind: 'deliver', ip, port, pod, sourceIP: source.ip, service: headless ? svcKey(headless) : null, hops };
  }

  const unproxied = idx.unproxiedByIP.get(ip);
  if (unproxied) {
    const proxy = unproxied.object?.metadata.labels[SERVICE_PROXY_NAME] ?? '';
    return fixed('dropped', `${ip} belongs to Service ${svcKey(unproxied)}, labelled ${SERVICE_PROXY_NAME}=${proxy}: kube-proxy leaves it to that other proxy (which svclab does not model) and programs no rule for it, so nothing forwards the traffic`, [], svcKey(unproxied), 'service');
  }

  const parsed = parseIP(ip);
  if (parsed && idx.serviceCIDR && cidrContains(idx.serviceCIDR, parsed)) {
    return fixed('dropped', `${ip} is in the service CIDR ${idx.serviceCIDR.text} but no Service has this ClusterIP; kube-proxy drops traffic to unallocated ClusterIPs`);
  }
  if (inPodCIDR(ctx.cluster, ip)) return fixed('dropped', `no pod has the IP ${ip} (it is in the pod CIDR ${ctx.cluster.config.podCIDR}, but unused)`);
  if (source.kind === 'external') return fixed('dropped', `${ip} is not an address of this cluster (no node, LoadBalancer or external IP has it)`, [], null, 'external');
  return leavesCluster(ctx, ip, port);
}

function leavesCluster(ctx: Ctx, ip: string, port: number): Plan {
  const known = [...dnsIndex(ctx.cluster).upstream.values()].some((ips) => ips.includes(ip));
  if (!known) return fixed('dropped', `nothing in the simulated cluster or its upstream DNS table has the address ${ip}; svclab assumes no host answers there`, [], null, 'external');
  // Pod traffic to addresses outside the cluster is masqueraded to the node's IP (the CNI's
  // / ip-masq-agent's nat rule), so the host outside sees the node, not the pod.
  const { source } = ctx;
  const sourceIP = source.kind === 'pod' && !source.hostNetwork && source.node ? source.node.internalIP : source.ip;
  return { kind: 'deliver', ip, port, pod: null, sourceIP, service: null, hops: [{ kind: 'external', text: `${ip} is outside the cluster: the connection leaves the cluster (masqueraded to the node's IP)` }] };
}

/** CategorizeEndpoints for one policy: ready endpoints, else serving-and-terminating ones. */
const usableCache = new WeakMap<RouteEndpoint[], Map<string, RouteEndpoint[]>>();

/** Memoised per endpoint list and node, so that every plan of a Service shares the same arrays. */
function usableEndpoints(all: RouteEndpoint[], localNode: string | null): RouteEndpoint[] {
  let byNode = usableCache.get(all);
  if (!byNode) usableCache.set(all, (byNode = new Map()));
  const key = localNode ?? '\u0000all';
  let list = byNode.get(key);
  if (!list) byNode.set(key, (list = computeUsable(all, localNode)));
  return list;
}

function computeUsable(all: RouteEndpoint[], localNode: string | null): RouteEndpoint[] {
  const pool = localNode === null ? all : all.filter((e) => e.nodeName === localNode);
  const ready = pool.filter((e) => e.ready);
  return ready.length ? ready : pool.filter((e) => e.serving && e.terminating);
}

function hasAnyEndpoints(all: RouteEndpoint[]): boolean {
  return all.some((e) => e.ready || (e.serving && e.terminating));
}

function noEndpointsReason(svc: SimService, port: SimServicePort, all: RouteEndpoint[]): string {
  const base = `Service ${svcKey(svc)} has no usable endpoint for port ${portLabel(port)}`;
  let why: string;
  if (all.length) why = `its ${all.length} endpoint${all.length > 1 ? 's are' : ' is'} not ready (and not terminating-but-serving)`;
  else if (svc.spec.selector === null) why = 'it has no selector and no Endpoints/EndpointSlices were given for it';
  else if (typeof port.targetPort === 'string') why = `no running, matching pod declares a container port named "${port.targetPort}" (the targetPort)`;
  else why = `its selector ${Object.entries(svc.spec.selector).map(([k, v]) => `${k}=${v}`).join(',') || '(empty)'} matches no running pod in namespace ${svc.namespace}`;
  return `${base}: ${why}; kube-proxy rejects the connection ("has no endpoints")`;
}

function planClusterIP(ctx: Ctx, svc: SimService, ip: string, port: number): Plan {
  const { source, protocol, idx } = ctx;
  if (source.kind === 'external') {
    return fixed('dropped', `${ip} is the ClusterIP of Service ${svcKey(svc)}: a virtual address that exists only inside the cluster, so a client outside cannot reach it (use a NodePort or LoadBalancer Service)`, [], svcKey(svc), 'external');
  }
  const sp = findServicePort(svc, port, protocol);
  if (!sp) {
    return fixed('refused', `Service ${svcKey(svc)} (ClusterIP ${ip}) has no port ${port}/${protocol}; it exposes ${svc.ports.map(portLabel).join(', ') || 'no ports'}. kube-proxy rejects connections to undefined ports of a ClusterIP (nftables mode; in iptables mode they time out)`, [], svcKey(svc));
  }
  const all = endpointsFor(idx, svc, sp);
  const serviceHop: Hop = { kind: 'service', text: `${ip}:${port}/${protocol} is the ClusterIP of Service ${svcKey(svc)} (port ${sp.name ?? port} -> targetPort ${sp.targetPort})` };
  const local = svc.spec.internalTrafficPolicy === 'Local';
  const node = source.node;
  const nodeName = node?.name ?? '';
  if (!hasAnyEndpoints(all)) return fixed('refused', noEndpointsReason(svc, sp, all), [serviceHop], svcKey(svc));
  const usable = usableEndpoints(all, local ? nodeName : null);
  if (!usable.length) {
    return fixed('dropped', `Service ${svcKey(svc)} has internalTrafficPolicy: Local and no ready endpoint on ${nodeName} (where the request starts); kube-proxy drops the traffic ("has no local endpoints")`, [serviceHop], svcKey(svc));
  }
  return {
    kind: 'balance',
    service: svc,
    svcPort: sp,
    destIP: ip,
    hops: [serviceHop],
    choices: [{ node, endpoints: usable, snatTo: null, failure: null, note: local ? ' (internalTrafficPolicy: Local: endpoints on this node only)' : '' }],
  };
}

/**
 * External traffic (node ports, LoadBalancer ingress, externalIPs) arriving at `node`:
 * - from a client outside (or another node), the Service's externalTrafficPolicy applies;
 * - from a pod or from the node itself, kube-proxy short-circuits to the Cluster policy.
 */
function externalChoice(ctx: Ctx, svc: SimService, all: RouteEndpoint[], node: SimNode): NodeChoice {
  const { source } = ctx;
  const local = svc.spec.externalTrafficPolicy === 'Local';
  const fromPod = source.kind === 'pod' && !source.hostNetwork;
  const fromThisNode = source.node?.name === node.name && source.kind !== 'pod';
  const fromThisNodeHostNet = source.kind === 'pod' && source.hostNetwork && source.node?.name === node.name;
  const insideShortCircuit = fromPod || fromThisNode || fromThisNodeHostNet;
  if (local && !insideShortCircuit) {
    const usable = usableEndpoints(all, node.name);
    if (!usable.length) {
      return {
        node,
        endpoints: [],
        snatTo: null,
        failure: { outcome: 'dropped', reason: `Service ${svcKey(svc)} has externalTrafficPolicy: Local and node ${node.name} runs none of its ready endpoints; kube-proxy on ${node.name} drops the traffic ("has no local endpoints")`, hops: [] },
        note: '',
      };
    }
    return { node, endpoints: usable, snatTo: null, failure: null, note: ' (externalTrafficPolicy: Local: endpoints on this node only, client IP kept)' };
  }
  const usable = usableEndpoints(all, null);
  // EXT chain: Cluster policy masquerades; Local policy lets pod traffic keep its IP and masquerades the node's own.
  const snatTo = local && fromPod ? null : node.internalIP;
  const note = local ? ' (traffic from inside the cluster uses the Cluster policy even with externalTrafficPolicy: Local)' : '';
  return { node, endpoints: usable, snatTo, failure: null, note };
}

function planNodeIP(ctx: Ctx, node: SimNode, port: number): Plan {
  const { idx, protocol, cluster } = ctx;
  const entry = idx.nodePorts.get(`${protocol}/${port}`);
  if (entry) {
    const { service: svc, port: sp } = entry;
    const all = endpointsFor(idx, svc, sp);
    const serviceHop: Hop = { kind: 'service', text: `${port}/${protocol} on node ${node.name} (${node.internalIP}) is the nodePort of Service ${svcKey(svc)} (port ${sp.port} -> targetPort ${sp.targetPort}); kube-proxy opens it on every node` };
    if (!hasAnyEndpoints(all)) return fixed('refused', noEndpointsReason(svc, sp, all), [serviceHop], svcKey(svc));
    return { kind: 'balance', service: svc, svcPort: sp, destIP: node.internalIP, hops: [serviceHop], choices: [externalChoice(ctx, svc, all, node)] };
  }
  const pods = idx.podsByNode.get(node.name) ?? [];
  const hostNet = (idx.hostNetworkPodsByNode.get(node.name) ?? []).find((p) => p.spec.containers.some((c) => c.ports.some((cp) => cp.containerPort === port && cp.protocol === protocol)));
  if (hostNet) {
    return { kind: 'deliver', ip: node.internalIP, port, pod: hostNet, sourceIP: ctx.source.ip, service: null, hops: [{ kind: 'node', text: `hostNetwork pod ${podKey(hostNet)} listens on ${node.name}'s own IP, port ${port}` }] };
  }
  const hp = hostPortPod(pods, port, protocol);
  if (hp) {
    return { kind: 'deliver', ip: hp.pod.podIP, port: hp.containerPort, pod: hp.pod, sourceIP: node.internalIP, service: null, hops: [{ kind: 'node', text: `hostPort ${port} on ${node.name} forwards to pod ${podKey(hp.pod)} port ${hp.containerPort}` }] };
  }
  if (node.internalIP === cluster.config.apiServer.ip && port === cluster.config.apiServer.port) {
    return { kind: 'deliver', ip: node.internalIP, port, pod: null, sourceIP: ctx.source.ip, service: null, hops: [] };
  }
  const range = cluster.config.nodePortRange;
  const inRange = port >= range.min && port <= range.max;
  return fixed('refused', `nothing listens on node ${node.name} (${node.internalIP}) port ${port}/${protocol}${inRange ? `: no Service has nodePort ${port}` : ` (node ports are ${range.min}-${range.max})`}`);
}

function planExternalAddress(ctx: Ctx, svc: SimService, sp: SimServicePort, ip: string, lb: boolean): Plan {
  const { idx, cluster, source } = ctx;
  const all = endpointsFor(idx, svc, sp);
  const what = lb ? 'the LoadBalancer address' : 'an externalIP';
  const serviceHop: Hop = { kind: 'service', text: `${ip}:${sp.port}/${sp.protocol} is ${what} of Service ${svcKey(svc)} (targetPort ${sp.targetPort})` };
  if (!hasAnyEndpoints(all)) return fixed('refused', noEndpointsReason(svc, sp, all), [serviceHop], svcKey(svc));
  if (source.kind !== 'external' && source.node) {
    // kube-proxy on the source's own node captures the address (KUBE-SERVICES has rules for it).
    return { kind: 'balance', service: svc, svcPort: sp, destIP: ip, hops: [serviceHop], choices: [externalChoice(ctx, svc, all, source.node)] };
  }
  let nodes = cluster.nodes;
  if (lb) {
    nodes = nodes.filter((n) => !(EXCLUDE_FROM_LB in n.labels));
    if (svc.spec.externalTrafficPolicy === 'Local') {
      // The load balancer health-checks healthCheckNodePort and only sends to nodes with a local endpoint.
      const healthy = nodes.filter((n) => usableEndpoints(all, n.name).length > 0);
      if (!healthy.length) return fixed('dropped', `Service ${svcKey(svc)} has externalTrafficPolicy: Local and no node runs a ready endpoint, so every node fails the load balancer's health check`, [serviceHop], svcKey(svc));
      nodes = healthy;
    }
  }
  if (!nodes.length) return fixed('dropped', `no node can receive traffic for ${ip}`, [serviceHop], svcKey(svc));
  return { kind: 'balance', service: svc, svcPort: sp, destIP: ip, hops: [serviceHop], choices: nodes.map((n) => externalChoice(ctx, svc, all, n)) };
}

// ---------------------------------------------------------------------------------------------
// Attempts

/**
 * ClientIP affinity state of one call (one client). `endpoints`: kube-proxy's per-node affinity
 * table (the iptables `recent` module / nftables affinity set). `nodes`: the load balancer's own
 * client-IP affinity, which cloud providers configure from the same field (e.g. the GCE cloud
 * provider's translateAffinityType sets the target pool's sessionAffinity to CLIENT_IP; MetalLB
 * in L2 mode sends an address to a single node anyway), so a client keeps entering the cluster
 * through the same node and kube-proxy's per-node table keeps it on one endpoint.
 */
interface Affinity {
  endpoints: Map<string, RouteEndpoint>;
  nodes: Map<string, number>;
}

function pickChoice(plan: Extract<Plan, { kind: 'balance' }>, clientIP: string, rng: Random, affinity: Affinity): NodeChoice {
  const n = plan.choices.length;
  if (n === 1) return plan.choices[0];
  if (plan.service.spec.sessionAffinity !== 'ClientIP') return plan.choices[rng.int(0, n - 1)];
  const key = `${svcKey(plan.service)}|${plan.destIP}|${plan.svcPort.port}|${clientIP}`;
  let i = affinity.nodes.get(key);
  if (i === undefined) affinity.nodes.set(key, (i = rng.int(0, n - 1)));
  return plan.choices[i];
}

function attempt(ctx: Ctx, plan: Plan, baseHops: Hop[], rng: Random, affinity: Affinity): RouteAttempt {
  if (plan.kind === 'fixed') {
    return { outcome: plan.failure.outcome, reason: plan.failure.reason, service: plan.service, pod: null, podIP: null, node: null, port: null, sourceIP: null, body: null, hops: [...baseHops, ...plan.failure.hops] };
  }
  if (plan.kind === 'deliver') return deliver(ctx, plan.ip, plan.port, plan.pod, plan.sourceIP, plan.service, [...baseHops, ...plan.hops]);
  const choice = pickChoice(plan, ctx.source.ip, rng, affinity);
  const hops = [...baseHops, ...plan.hops];
  const service = svcKey(plan.service);
  if (choice.failure) {
    hops.push({ kind: 'node', text: choice.failure.reason });
    return { outcome: choice.failure.outcome, reason: choice.failure.reason, service, pod: null, podIP: null, node: null, port: null, sourceIP: null, body: null, hops };
  }
  const eps = choice.endpoints;
  const clientIP = ctx.source.ip;
  const sticky = plan.service.spec.sessionAffinity === 'ClientIP';
  const affinityKey = sticky ? `${choice.node?.name ?? ''}|${service}|${plan.svcPort.port}|${clientIP}` : '';
  let ep = sticky ? affinity.endpoints.get(affinityKey) : undefined;
  if (!ep || !eps.includes(ep)) {
    ep = eps.length === 1 ? eps[0] : eps[rng.int(0, eps.length - 1)];
    if (sticky) affinity.endpoints.set(affinityKey, ep);
  }
  // Hairpin: a pod reaching itself through a Service is masqueraded (KUBE-SEP "-s <endpoint IP> -j KUBE-MARK-MASQ").
  const hairpin = ctx.source.kind === 'pod' && ep.ip === ctx.source.ip && choice.node;
  const sourceIP = hairpin ? choice.node!.internalIP : choice.snatTo ?? clientIP;
  const where = choice.node ? `kube-proxy on ${choice.node.name}` : 'kube-proxy';
  const pick = eps.length === 1 ? 'the only usable endpoint' : `one of ${eps.length} usable endpoints, picked at random`;
  const affinityText = sticky ? `; sessionAffinity: ClientIP keeps ${clientIP} on this endpoint for ${plan.service.spec.sessionAffinityTimeoutSeconds}s` : '';
  const snatText = sourceIP !== clientIP ? `; source address rewritten (SNAT) to ${sourceIP}` : '';
  hops.push({ kind: 'node', text: `${where} DNATs ${plan.destIP}:${ctx.target.port} to ${ep.ip}:${ep.port} (${pick})${choice.note}${affinityText}${snatText}` });
  return deliver(ctx, ep.ip, ep.port, ep.pod, sourceIP, service, hops, true);
}

interface PodAnswer {
  hop: Hop;
  reason: string;
  body: string | null;
}

const podAnswers = new WeakMap<SimPod, Map<string, PodAnswer>>();

/**
 * What a listening pod answers on one address, port and protocol: the same for every
 * connection, so the sentences are built once per pod (shared: never mutated).
 */
function podAnswer(pod: SimPod, key: string, ip: string, port: number, protocol: Protocol, http: boolean): PodAnswer {
  let byPort = podAnswers.get(pod);
  if (!byPort) podAnswers.set(pod, (byPort = new Map()));
  const k = `${ip}|${port}|${protocol}|${http ? 1 : 0}`;
  let a = byPort.get(k);
  if (!a) {
    const body = http ? httpBody(pod) : null;
    a = {
      hop: { kind: 'pod', text: `pod ${key} (${ip}) on ${pod.nodeName} accepts on port ${port}/${protocol}${body ? ` and answers "${body}"` : ''}` },
      reason: `answered by pod ${key} (${ip}:${port})`,
      body,
    };
    byPort.set(k, a);
  }
  return a;
}

/**
 * How the connection reached a pod that refused it. Only a ClusterIP/NodePort/LoadBalancer
 * path goes through kube-proxy's DNAT (port -> targetPort); a headless Service has no virtual
 * IP, so the client connects straight to the pod IP with the port it asked for and the
 * Service's port/targetPort play no part (kubernetes/dns docs/specification.md 2.4: headless
 * A records are the endpoint IPs; kube-proxy skips headless Services, pkg/proxy/servicechangetracker.go).
 */
function refusedHow(service: string | null, viaProxy: boolean, ip: string, port: number): string {
  if (viaProxy) return `kube-proxy delivered it to ${ip}:${port}`;
  if (service) return `headless Service ${service} has no virtual IP, so the client connected straight to ${ip}:${port} (the port it asked for; no targetPort translation)`;
  return `it was sent to ${ip}:${port}`;
}

function refusedFix(service: string | null, viaProxy: boolean): string {
  if (viaProxy) return `. The Service's targetPort must be a port the container listens on (its containerPort)`;
  if (service) return '. Through a headless Service, connect to the port the container listens on';
  return '';
}

function deliver(ctx: Ctx, ip: string, port: number, pod: SimPod | null, sourceIP: string, service: string | null, hops: Hop[], viaProxy = false): RouteAttempt {
  const { protocol, target, cluster, idx } = ctx;
  // Key order follows the JSON contract of `svclab curl --format json`.
  const done = (outcome: Outcome, reason: string, podName: string | null, node: string | null, body: string | null): RouteAttempt => ({ outcome, reason, service, pod: podName, podIP: ip, node, port, sourceIP, body, hops });
  if (pod) {
    const key = podKey(pod);
    const listening = podListens(pod, port, protocol);
    if (listening.listens) {
      const answer = podAnswer(pod, key, ip, port, protocol, target.http);
      hops.push(answer.hop);
      return done('ok', answer.reason, key, pod.nodeName, answer.body);
    }
    const reason = `connection refused by pod ${key}: ${refusedHow(service, viaProxy, ip, port)}, but the containers listen only on ${listening.declared}${refusedFix(service, viaProxy)}`;
    hops.push({ kind: 'pod', text: `pod ${key} (${ip}) on ${pod.nodeName} has nothing listening on ${port}/${protocol} and resets the connection` });
    return done('refused', reason, key, pod.nodeName, null);
  }
  const node = idx.nodesByIP.get(ip);
  if (node) {
    if (ip === cluster.config.apiServer.ip && port === cluster.config.apiServer.port) {
      hops.push({ kind: 'node', text: `kube-apiserver on ${node.name} (${ip}:${port}) accepts the connection` });
      return done('ok', `answered by the API server on ${node.name} (${ip}:${port})`, null, node.name, null);
    }
    const reason = `nothing listens on node ${node.name} (${ip}) port ${port}/${protocol}`;
    hops.push({ kind: 'node', text: reason });
    return done('refused', reason, null, node.name, null);
  }
  if (inPodCIDR(cluster, ip)) {
    const reason = `the endpoint ${ip}:${port} is in the pod CIDR but no pod has that IP`;
    hops.push({ kind: 'pod', text: reason });
    return done('dropped', reason, null, null, null);
  }
  const reason = `the connection leaves the cluster to ${ip}:${port}; svclab does not model hosts outside the cluster and counts it as answered`;
  if (!hops.some((h) => h.kind === 'external')) hops.push({ kind: 'external', text: `${ip} is outside the cluster` });
  return done('ok', reason, null, null, null);
}

// ---------------------------------------------------------------------------------------------
// Candidates: every endpoint a plan can reach, whatever the sampling.

const candidateCache = new WeakMap<RouteEndpoint[], RouteCandidate[]>();

function candidatesOf(plans: Plan[], targetPort: number): RouteCandidate[] {
  // The common case, one balancing plan handled on one node: share the list between plans.
  if (plans.length === 1 && plans[0].kind === 'balance' && plans[0].choices.length === 1) {
    const eps = plans[0].choices[0].endpoints;
    let list = candidateCache.get(eps);
    if (!list) candidateCache.set(eps, (list = buildCandidates(plans, targetPort)));
    return list;
  }
  return buildCandidates(plans, targetPort);
}

function buildCandidates(plans: Plan[], targetPort: number): RouteCandidate[] {
  const out = new Map<string, RouteCandidate>();
  const add = (pod: SimPod | null, ip: string, port: number, node: string) => {
    const c: RouteCandidate = { pod: pod ? podKey(pod) : '', podIP: ip, port, node: pod?.nodeName ?? node };
    out.set(`${c.pod}|${ip}|${port}`, c);
  };
  for (const p of plans) {
    if (p.kind === 'deliver') add(p.pod, p.ip, p.pod ? p.port : targetPort, '');
    else if (p.kind === 'balance') for (const ch of p.choices) for (const e of ch.endpoints) add(e.pod, e.ip, e.port, e.nodeName);
  }
  return [...out.values()].sort((a, b) => (a.pod !== b.pod ? (a.pod < b.pod ? -1 : 1) : a.podIP !== b.podIP ? (a.podIP < b.podIP ? -1 : 1) : a.port - b.port));
}
