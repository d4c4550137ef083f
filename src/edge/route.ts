/**
 * HTTP requests through the edge. A request whose host an Ingress rule or a Gateway names (or
 * that `--resolve` or the URL sends to a controller's address) goes:
 *   client -> controller address -> kube-proxy -> controller pod        (first leg, connect())
 *   controller pod: TLS, the matching rule, the backend                 (decide.ts)
 *   controller pod -> backend Service -> endpoint pod                   (second leg, connect() again)
 * so every hop and every route filter (load-balancer source ranges, NetworkPolicy) applies to
 * both legs. A failed second leg is the controller's answer: 502/503/504 (ingress-nginx) or 503
 * (a Gateway). Anything else is an ordinary route (sim/proxy routeRequest).
 */
import { cacheOf, memo, memo2 } from '../sim/cache';
import { connect, openSession, routeRequest, TargetError, type Session } from '../sim/proxy/index';
import type { EdgeControllerFacts, Statement } from '../sim/proxy/facts';
import { hop } from '../sim/proxy/hops';
import { parseSource, parseTarget, type Source } from '../sim/proxy/request';
import type { ClusterState, Hop, RouteAttempt, RouteCandidate, RouteReason, RouteRequest, RouteResult } from '../sim/types';
import { decide, type Decision, type Leg } from './decide';
import { splitPathQuery, type HttpRequest } from './http-match';
import { grpcCallOfPath, grpcStatus, grpcStatusOfHttp } from './grpc';
import { controllerForHost, edgeState, unservedHost, type Controller, type EdgeState } from './state';

const MAX_COUNT = 1_000_000;

interface EdgeTarget {
  controller: Controller;
  address: string;
  by: 'ingress-rule' | 'gateway-hostname' | 'resolve' | 'address';
  /** The URL's host: where the connection goes (the Host header may name another). */
  urlHost: string;
  request: HttpRequest;
}

/** Reads `--resolve HOST:PORT:ADDR`. */
function resolveEntries(list: readonly string[] | undefined): Array<{ host: string; port: number; address: string }> {
  return (list ?? []).map((text) => {
    const m = /^([^:]+):(\d{1,5}):(.+)$/.exec(text.trim());
    if (!m) throw new TargetError(`cannot read --resolve "${text}"`, 'write HOST:PORT:ADDRESS, e.g. --resolve shop.example.com:80:198.51.100.10');
    return { host: m[1].toLowerCase(), port: Number(m[2]), address: m[3].replace(/^\[|\]$/g, '') };
  });
}

/** Reads `Name: value` headers; names are lower-cased (HTTP header names are case-insensitive). */
function headerPairs(list: readonly string[] | undefined): Array<[string, string]> {
  return (list ?? []).map((h) => {
    const colon = h.indexOf(':');
    if (colon <= 0) throw new TargetError(`cannot read the header "${h}"`, "write -H 'Name: value'");
    return [h.slice(0, colon).trim().toLowerCase(), h.slice(colon + 1).trim()];
  });
}

/** The edge controller a request goes to, or null for an ordinary route. */
function edgeTarget(cluster: ClusterState, request: RouteRequest): EdgeTarget | null {
  const given = /^(https?|grpcs?):\/\//i.exec(request.to.trim())?.[1].toLowerCase();
  if (!given) return null;
  const scheme: 'http' | 'https' = given === 'https' || given === 'grpcs' ? 'https' : 'http';
  const isGrpc = given.startsWith('grpc');
  const target = parseTarget(cluster, isGrpc ? asHttpUrl(request.to) : request.to);
  const state = edgeState(cluster);
  if (!state.nginx && state.gateways.size === 0) return null;
  let address: string | undefined;
  let by: EdgeTarget['by'] = 'address';
  let controller: Controller | undefined;
  const forced = resolveEntries(request.resolve).find((r) => r.host === target.host && r.port === target.port);
  if (forced) [address, by] = [forced.address, 'resolve'];
  else if (target.hostIsIP) address = target.host;
  else {
    const named = controllerForHost(state, target.host);
    if (!named) return null;
    [controller, by] = [named.controller, named.by];
    address = controller.address ?? controller.service.clusterIP ?? undefined;
  }
  controller ??= address === undefined ? undefined : state.byAddress.get(address);
  if (!controller || address === undefined) return null;
  const headers = headerPairs(request.headers);
  const hostHeader = headers.find(([n]) => n === 'host')?.[1];
  const host = (hostHeader ?? target.host).replace(/:\d+$/, '').toLowerCase();
  const { path, query } = splitPathQuery(target.path);
  if (isGrpc) {
    const call = grpcCallOfPath(path);
    if (!call) throw new TargetError(`a gRPC call names a service and a method, got the path "${path}"`, 'write grpc://HOST[:PORT]/SERVICE/METHOD, e.g. grpc://api.example.com/helloworld.Greeter/SayHello');
    // A gRPC client sends POST with content-type application/grpc (PROTOCOL-HTTP2.md): what an HTTPRoute would see.
    if (!headers.some(([n]) => n === 'content-type')) headers.push(['content-type', 'application/grpc']);
    return { controller, address, by, urlHost: target.host, request: { host, path, query: [], method: 'POST', headers, scheme, port: target.port, grpc: call } };
  }
  const method = (request.method ?? 'GET').toUpperCase();
  return { controller, address, by, urlHost: target.host, request: { host, path, query, method, headers, scheme, port: target.port } };
}

/** `grpc://host[:port]/...` as the HTTP/2 URL it is (`http://`, port 80 by default; `grpcs://`: `https://`, 443). */
function asHttpUrl(to: string): string {
  return to.trim().replace(/^grpcs:\/\//i, 'https://').replace(/^grpc:\/\//i, 'http://');
}

/** A request worked out once: its controller, decision, address hop, and the hops it repeats (by controller pod). */
interface Prepared {
  edge: EdgeTarget;
  decision: Decision;
  facts: EdgeControllerFacts;
  addressHop: Hop;
  first: string;
  /** Where the second leg connects, by backend leg. */
  upstream: Map<Leg, string>;
  /** Statement hops in a controller pod, by pod and statement. */
  hops: Map<string, Map<Statement, Hop>>;
  /** The endpoints the backends can reach (from the first controller pod that answered). */
  candidates: RouteCandidate[] | null;
}

const NONE = { none: true } as const;

function prepared(cluster: ClusterState, request: RouteRequest): Prepared | null {
  const extra = request.method === undefined && !request.headers?.length && !request.resolve?.length ? '' : `${request.method ?? ''}\n${(request.headers ?? []).join('\n')}\n\n${(request.resolve ?? []).join('\n')}`;
  const p = memo2(cacheOf(cluster).table<string, Map<string, Prepared | typeof NONE>>('edge-requests'), request.to, extra, () => prepare(cluster, request) ?? NONE);
  return 'none' in p ? null : p;
}

function prepare(cluster: ClusterState, request: RouteRequest): Prepared | null {
  const edge = edgeTarget(cluster, request);
  if (!edge) return null;
  const decision = decisionFor(edgeState(cluster), edge);
  const facts: EdgeControllerFacts = edge.controller.kind === 'ingress-nginx' ? { kind: 'ingress-nginx' } : { kind: 'gateway', gateway: `${edge.controller.gateway.namespace}/${edge.controller.gateway.name}` };
  const addressHop = hop('dns', { message: 'edge-address', to: `${edge.address}:${edge.request.port}`, detail: { host: edge.urlHost, address: edge.address, port: edge.request.port, by: edge.by, controller: facts } });
  return { edge, decision, facts, addressHop, first: `${edge.address}:${edge.request.port}`, upstream: new Map(), hops: new Map(), candidates: null };
}

/** A statement made in a controller pod, as a hop (made once per pod and statement). */
function podHop(p: Prepared, pod: string, s: Statement): Hop {
  let byStatement = p.hops.get(pod);
  if (!byStatement) p.hops.set(pod, (byStatement = new Map()));
  let h = byStatement.get(s);
  if (!h) byStatement.set(s, (h = hop('pod', { ...s, pod: s.pod ?? pod })));
  return h;
}

/** `cluster.route()`: through an edge controller when the request goes to one, else the ordinary route. */
export function routeEdge(cluster: ClusterState, request: RouteRequest): RouteResult {
  const p = prepared(cluster, request);
  if (!p) {
    // A gRPC call to anything but an edge controller is an HTTP/2 connection like any other.
    const plain = /^grpcs?:\/\//i.test(request.to.trim()) ? { ...request, to: asHttpUrl(request.to) } : request;
    return explainUnserved(cluster, plain, routeRequest(cluster, plain));
  }
  const edge = p.edge;
  const namespace = request.namespace ?? 'default';
  const count = request.count ?? 1;
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) throw new TargetError(`count must be a whole number from 1 to ${MAX_COUNT}, got ${count}`, 'e.g. --count 30');
  const seed = request.seed ?? cluster.seed;
  const source = parseSource(cluster, request.from, namespace);
  const session = openSession(cluster, { seed, label: `edge|${source.ip}|${request.to}` });
  const result: RouteResult = {
    request: { from: request.from, to: request.to, namespace, count, seed, protocol: 'TCP', method: edge.request.method, ...(request.headers?.length ? { headers: [...request.headers] } : {}) },
    resolved: edge.by === 'address' ? null : { name: edge.urlHost, ip: edge.address },
    candidates: [],
    results: [],
    summary: { ok: 0, refused: 0, dropped: 0, 'dns-error': 0, byPod: Object.create(null) as Record<string, number>, assumed: 0 },
  };
  for (let i = 0; i < count; i++) {
    const a = through(session, source, p);
    result.results.push(a);
    result.summary[a.outcome]++;
    if (a.pod) result.summary.byPod[a.pod] = (result.summary.byPod[a.pod] ?? 0) + 1;
    if (a.assumed) result.summary.assumed++;
  }
  result.candidates = p.candidates ? p.candidates.slice() : candidatesOf(cluster, p, result.results.find((a) => a.hops.some((h) => h.message === 'pod-accepts'))?.hops.find((h) => h.message === 'pod-accepts')?.pod);
  return result;
}

/**
 * A request for a host that an Ingress or a Gateway names, but that no controller serves (the
 * Cluster runs no ingress controller, the class is not served, the GatewayClass is not
 * accepted): its name does not resolve, and an `edge-unserved` hop after the DNS answer says why.
 */
function explainUnserved(cluster: ClusterState, request: RouteRequest, result: RouteResult): RouteResult {
  if (!result.summary['dns-error'] || !/^(https?|grpcs?):\/\//i.test(request.to.trim())) return result;
  const host = parseTarget(cluster, request.to).host;
  const u = unservedHost(edgeState(cluster), host);
  if (!u) return result;
  const h = hop('dns', { message: 'edge-unserved', to: host, rule: 'edge', detail: { host, ...u } });
  const why = whyOf(h);
  const results = result.results.map((a): RouteAttempt => {
    if (a.outcome !== 'dns-error') return a;
    const at = a.hops.findIndex((x) => x.kind === 'dns');
    const hops = at < 0 ? [...a.hops, h] : [...a.hops.slice(0, at + 1), h, ...a.hops.slice(at + 1)];
    return { ...a, hops, reason: h.text, why };
  });
  return { ...result, results };
}

/** The full set of endpoints the request's backends can reach, routed from the controller pod (once per request). */
function candidatesOf(cluster: ClusterState, p: Prepared, controllerPod: string | undefined): RouteCandidate[] {
  if (p.candidates) return p.candidates.slice();
  if (!controllerPod) return [];
  const seen = new Map<string, RouteCandidate>();
  for (const { leg } of p.decision.choices) {
    if (leg.kind !== 'backend') continue;
    const svc = leg.service;
    const ip = svc.clusterIP && svc.clusterIP !== 'None' ? svc.clusterIP : `${svc.name}.${svc.namespace}.svc.${cluster.config.clusterDomain}`;
    for (const c of routeRequest(cluster, { from: `pod/${controllerPod}`, to: `${ip}:${leg.port}` }).candidates) seen.set(`${c.pod}|${c.podIP}|${c.port}`, c);
  }
  p.candidates = [...seen.values()].sort((a, b) => (a.pod < b.pod ? -1 : a.pod > b.pod ? 1 : 0));
  return p.candidates.slice();
}

/** Decisions depend only on the controller and the request: memoised per controller and request text. */
function decisionFor(state: EdgeState, edge: EdgeTarget): Decision {
  const r = edge.request;
  const key = `${r.grpc ? 'grpc|' : ''}${r.scheme}|${r.port}|${r.method}|${r.host}|${r.path}|${r.query.map(([n, v]) => `${n}=${v}`).join('&')}|${r.headers.map(([n, v]) => `${n}:${v}`).join('\n')}`;
  return memo2(cacheOf(state.cluster).table<Controller, Map<string, Decision>>('edge-decisions'), edge.controller, key, () => decide(state, edge.controller, r));
}

function pick(session: Session, d: Decision): Leg {
  if (d.choices.length === 1) return d.choices[0].leg;
  let n = session.rng.int(0, d.total - 1);
  for (const c of d.choices) {
    if (n < c.weight) return c.leg;
    n -= c.weight;
  }
  return d.choices[d.choices.length - 1].leg;
}

const controllerPod = (cluster: ClusterState, pod: string): Source => memo(cacheOf(cluster).table<string, Source>('edge-sources'), pod, () => parseSource(cluster, `pod/${pod}`, pod.slice(0, pod.indexOf('/'))));

/** Status of a failed second leg: ingress-nginx 503 without endpoints, 502 refused, 504 dropped; a Gateway 503. */
function upstreamStatus(c: EdgeControllerFacts, a: RouteAttempt): number {
  if (c.kind === 'gateway') return 503;
  if (a.outcome === 'refused') return a.why.message === 'no-endpoints' ? 503 : 502;
  if (a.outcome === 'dropped') return 504;
  return 502;
}

/** The 200 answer's statement and hop, once per backend pod. */
function answerStatement(p: Prepared, backendPod: string): { statement: Statement; hop: Hop } {
  const key = `answer|${backendPod}`;
  let byStatement = p.hops.get(key);
  if (!byStatement) p.hops.set(key, (byStatement = new Map()));
  const first = byStatement.entries().next();
  if (!first.done) return { statement: first.value[0], hop: first.value[1] };
  const statement: Statement = { message: 'edge-answer', pod: backendPod || undefined, detail: { controller: p.facts, status: 200, path: p.edge.request.path } };
  const h = hop('pod', statement);
  byStatement.set(statement, h);
  return { statement, hop: h };
}

/** Why an attempt ended, from the hop that ends it (made once per hop, not per connection). */
const reasons = new WeakMap<Hop, RouteReason>();
function whyOf(h: Hop): RouteReason {
  let why = reasons.get(h);
  if (!why) {
    const { kind: _kind, text: _text, ...facts } = h;
    reasons.set(h, (why = facts));
  }
  return why;
}

function answered(base: RouteAttempt, hops: Hop[], status: number, route: RouteAttempt['route'], end: Hop, grpc: boolean): RouteAttempt {
  const reason = end.text;
  const why = whyOf(end);
  const a: RouteAttempt = { outcome: 'ok', reason, service: base.service, pod: base.pod, podIP: base.podIP, node: base.node, port: base.port, sourceIP: base.sourceIP, body: base.body, hops, why, assumed: base.assumed, status, route };
  if (grpc) a.grpcStatus = grpcStatusOfHttp(status);
  return a;
}

function through(session: Session, source: Source, p: Prepared): RouteAttempt {
  const { decision: d, facts, edge } = p;
  const leg1 = connect(session, source, p.first);
  const hops = [leg1.hops[0], p.addressHop];
  for (let i = 1; i < leg1.hops.length; i++) if (leg1.hops[i].message !== 'answered-by-pod') hops.push(leg1.hops[i]);
  const grpc = edge.request.grpc !== undefined;
  // A connection that never reaches the controller: a gRPC client reports UNAVAILABLE.
  if (leg1.outcome !== 'ok' || !leg1.pod) return { ...leg1, hops, status: null, route: null, ...(grpc ? { grpcStatus: grpcStatus('UNAVAILABLE') } : {}) };
  const pod = leg1.pod;
  const at = (s: Statement): Hop => podHop(p, pod, s);
  if (d.tls) hops.push(at(d.tls));
  const leg = pick(session, d);
  const none = { ...leg1, service: null, pod: null, podIP: null, node: null, port: null, sourceIP: null, body: null, assumed: false };
  hops.push(at(leg.statement));
  if (leg.kind === 'answer') return answered(none, hops, leg.status, d.route, hops[hops.length - 1], grpc);
  const svc = leg.service;
  const r = edge.request;
  let upstream = p.upstream.get(leg);
  if (upstream === undefined) {
    const ip = svc.clusterIP && svc.clusterIP !== 'None' ? svc.clusterIP : `${svc.name}.${svc.namespace}.svc.${session.cluster.config.clusterDomain}`;
    p.upstream.set(leg, (upstream = `http://${ip}:${leg.port}${r.path}${r.query.length ? `?${r.query.map(([n, v]) => `${n}=${v}`).join('&')}` : ''}`));
  }
  const leg2 = connect(session, controllerPod(session.cluster, pod), upstream);
  for (const h of leg2.hops) hops.push(h);
  if (leg2.outcome !== 'ok') {
    const status = upstreamStatus(facts, leg2);
    const end: Statement = { message: 'edge-upstream-failed', pod, service: `${svc.namespace}/${svc.name}`, rule: 'upstream', detail: { controller: facts, outcome: leg2.outcome, cause: leg2.reason, status } };
    hops.push(at(end));
    return answered({ ...none, service: `${svc.namespace}/${svc.name}` }, hops, status, d.route, hops[hops.length - 1], grpc);
  }
  const answer = answerStatement(p, leg2.pod ?? '');
  hops.push(answer.hop);
  const body = leg2.body === null ? null : `${leg2.body} (${r.grpc ? `gRPC ${r.grpc.service}/${r.grpc.method}` : `${r.method} ${r.path}`})`;
  return answered({ ...leg2, body }, hops, 200, d.route, answer.hop, grpc);
}


