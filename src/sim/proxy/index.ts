/**
 * The route engine: where a connection goes, as kube-proxy's rules (and the cluster DNS) send
 * it, shaped like kube-proxy's pkg/proxy:
 * - ./request      who sends (pod, node, debug pod, client outside) and to what (IP:port, name, URL);
 * - ./dns-step     the source's resolver, when the target is a name;
 * - ./plan         what happens to a destination address: a table of handlers by destination class;
 * - ./service-port one record per Service port (pkg/proxy/serviceport.go) and its endpoints
 *                  (endpointslicecache.go, topology.go CategorizeEndpoints);
 * - ./connect      one connection: node, filters before DNAT, endpoint (random or ClientIP
 *                  affinity), SNAT, filters after DNAT;
 * - ./deliver      what the destination does (svclab's app model, ./app-model);
 * - ./filters      the filter seam (kube-proxy's loadBalancerSourceRanges firewall is the first);
 * - ./facts, ./sentences, ./hops  decisions as data, and their sentences, made in one place.
 * Everything that repeats between connections is memoised in the cluster's ClusterCache.
 */
import { Random } from '../../util/random';
import { dict } from '../../model/guards';
import type { Protocol } from '../../model/types';
import type { ClusterState, Hop, RouteAttempt, RouteCandidate, RouteReason, RouteRequest, RouteResult, SimService } from '../types';
import { cacheOf, memo, memo2 } from '../cache';
import { candidatesOf } from './candidates';
import { attempt, type Session } from './connect';
import { dnsStep } from './dns-step';
import { DEFAULT_FILTERS, type RouteFilter } from './filters';
import { hop, reasonOf } from './hops';
import { dnsBlocked } from './network-policy';
import { planRoute, type Plan, type RouteContext } from './plan';
import { parseSource, parseTarget, TargetError, type Source, type Target } from './request';
import { routingIndex } from './tables';

export { TargetError } from './request';
export type { Session } from './connect';
export type { RouteFilter, FilteredConnection, FilterVerdict, FilterStage } from './filters';

const MAX_COUNT = 1_000_000;
const DEFAULT_BY_STAGE = byStage(DEFAULT_FILTERS);

/** A request from one source to one target, worked out once: its hops before any plan, and its plans. */
interface PreparedRoute {
  baseHops: Hop[];
  /** The name did not resolve: every connection is a dns-error. */
  dnsFailure: { reason: string; why: RouteReason } | null;
  resolved: { name: string; ip: string } | null;
  /** One plan per address the name resolved to (a headless Service's pods), or the one address. */
  plans: Plan[];
  /** The ExternalName Service the name went through: connections that reach no other Service name it. */
  viaExternalName: string | null;
  candidates: RouteCandidate[];
}

/** Opens a session: one client's connections, sharing a random stream and ClientIP affinity. */
export function openSession(cluster: ClusterState, options: { seed: number; label: string; protocol?: Protocol; filters?: readonly RouteFilter[] }): Session {
  return {
    cluster,
    protocol: options.protocol ?? 'TCP',
    rng: Random.derive(options.seed, options.label),
    affinity: { endpoints: new Map(), nodes: new Map() },
    filters: options.filters ? byStage(options.filters) : DEFAULT_BY_STAGE,
  };
}

function byStage(filters: readonly RouteFilter[]): Session['filters'] {
  return { 'before-dnat': filters.filter((f) => f.stage === 'before-dnat'), 'after-dnat': filters.filter((f) => f.stage === 'after-dnat') };
}

/**
 * One connection from `source` to `to`, in a session. Re-entrant: a proxy hop (an ingress
 * controller, a gateway) routes again from its own pod by calling this with that pod as the source.
 */
export function connect(session: Session, source: Source, to: string): RouteAttempt {
  const target = parseTarget(session.cluster, to);
  return connectPrepared(session, source, prepare(session, source, target), target);
}

function connectPrepared(session: Session, source: Source, route: PreparedRoute, target: Target): RouteAttempt {
  if (route.dnsFailure) {
    const { reason, why } = route.dnsFailure;
    return { outcome: 'dns-error', reason, service: null, pod: null, podIP: null, node: null, port: null, sourceIP: null, body: null, hops: [...route.baseHops], why, assumed: false };
  }
  // The kubeadm Corefile's `loadbalance` plugin shuffles A records: a headless name spreads over its pods.
  const plan = route.plans.length === 1 ? route.plans[0] : route.plans[session.rng.int(0, route.plans.length - 1)];
  const a = attempt(session, source, target, plan, route.baseHops);
  if (route.viaExternalName && a.service === null) a.service = route.viaExternalName;
  return a;
}

export function routeRequest(cluster: ClusterState, request: RouteRequest, filters?: readonly RouteFilter[]): RouteResult {
  const namespace = request.namespace ?? 'default';
  const count = request.count ?? 1;
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) throw new TargetError(`count must be a whole number from 1 to ${MAX_COUNT}, got ${count}`, 'e.g. --count 30');
  const seed = request.seed ?? cluster.seed;
  const protocol = request.protocol ?? 'TCP';
  const source = parseSource(cluster, request.from, namespace);
  const target = parseTarget(cluster, request.to);
  const session = openSession(cluster, { seed, label: `route|${source.ip}|${target.text}`, protocol, filters });
  const route = prepare(session, source, target);
  const result: RouteResult = {
    request: { from: request.from, to: request.to, namespace, count, seed, protocol },
    resolved: route.resolved,
    candidates: route.candidates.slice(),
    results: [],
    summary: { ok: 0, refused: 0, dropped: 0, 'dns-error': 0, byPod: tallyObject(), assumed: 0 },
  };
  for (let i = 0; i < count; i++) record(result, connectPrepared(session, source, route, target));
  return result;
}

function prepare(session: Session, source: Source, target: Target): PreparedRoute {
  const { cluster, protocol } = session;
  // By source, then target (both memoised objects), then protocol.
  const table = cacheOf(cluster).table<Source, Map<Target, Partial<Record<Protocol, PreparedRoute>>>>('routes');
  const byProtocol = memo2(table, source, target, (): Partial<Record<Protocol, PreparedRoute>> => ({}));
  return (byProtocol[protocol] ??= prepareRoute(cluster, protocol, source, target));
}

function prepareRoute(cluster: ClusterState, protocol: Protocol, source: Source, target: Target): PreparedRoute {
  const ctx: RouteContext = { cluster, idx: routingIndex(cluster), source, protocol };
  const baseHops = [hop('source', { message: 'source', from: source.ip, node: source.node?.name, to: target.text, detail: { source: source.facts, target: target.text } })];
  if (target.hostIsIP) {
    const plans = [planOf(ctx, target.host, target.port, null)];
    return { baseHops, dnsFailure: null, resolved: null, plans, viaExternalName: null, candidates: candidatesOf(cluster, plans, target.port, source, protocol) };
  }
  const dns = dnsStep(ctx, target);
  baseHops.push(...dns.hops);
  if ('failure' in dns) return { baseHops, dnsFailure: reasonOf(dns.failure), resolved: null, plans: [], viaExternalName: null, candidates: [] };
  // The query itself is a connection to a CoreDNS pod: a NetworkPolicy may keep it from there.
  const blocked = dns.hops[0]?.rule === 'coredns' ? dnsBlocked(cluster, source, target.host) : null;
  if (blocked) return { baseHops: [baseHops[0], hop('dns', blocked)], dnsFailure: reasonOf(blocked), resolved: null, plans: [], viaExternalName: null, candidates: [] };
  const plans = dns.ips.map((ip) => planOf(ctx, ip, target.port, dns.headless));
  const viaExternalName = dns.externalName ? `${dns.externalName.namespace}/${dns.externalName.name}` : null;
  return { baseHops, dnsFailure: null, resolved: { name: dns.name, ip: dns.ips[0] }, plans, viaExternalName, candidates: candidatesOf(cluster, plans, target.port, source, protocol) };
}

/** Plans depend only on the cluster, the source and the destination: one per source, address, port and protocol. */
function planOf(ctx: RouteContext, ip: string, port: number, headless: SimService | null): Plan {
  const table = cacheOf(ctx.cluster).table<string, Plan>('plans');
  const key = `${ctx.source.key}|${ctx.protocol}|${ip}|${port}${headless ? `|${headless.namespace}/${headless.name}` : ''}`;
  return memo(table, key, () => planRoute(ctx, ip, port, headless));
}

/**
 * The tally by pod name: without a prototype, so that a pod named `constructor` or `toString`
 * counts from 0 like any other (and V8 keeps such an object in dictionary mode, so that pod
 * names as keys do not each grow a hidden-class transition: with thousands of pods that made
 * tallying the slowest step of a route).
 */
function tallyObject(): Record<string, number> {
  return dict<number>();
}

function record(result: RouteResult, a: RouteAttempt): void {
  result.results.push(a);
  const sum = result.summary;
  if (a.outcome === 'ok') sum.ok++;
  else if (a.outcome === 'refused') sum.refused++;
  else if (a.outcome === 'dropped') sum.dropped++;
  else sum['dns-error']++;
  if (a.pod) sum.byPod[a.pod] = (sum.byPod[a.pod] ?? 0) + 1;
  if (a.assumed) sum.assumed++;
}
