/**
 * What an edge proxy does with one HTTP request: the rule that matches and where it sends it
 * (a backend Service port, weighted for the Gateway API), or the status it answers itself.
 * A pure function of the cluster and the request; route.ts memoises it per request.
 */
import { cacheOf, memo2 } from '../sim/cache';
import type { Statement } from '../sim/proxy/facts';
import type { SimService } from '../sim/types';
import type { GRPCRouteT, HTTPMatchT, HTTPRouteT, IngressServiceBackend, ListenerT, RouteT } from '../model/edge';
import { grpcCandidates, grpcMatches, type GrpcCandidate } from './grpc';
import { findService } from './controllers';
import { fullRegex, gatewayHostMatches, headerValue, prefixMatches, type HttpRequest } from './http-match';
import { matchIngressPath, serverFor } from './ingress';
import type { Controller, EdgeState } from './state';

/** The Ingress or HTTPRoute rule that matched (a public JSON shape: `route` of `svclab curl`). */
export interface EdgeRouteRef {
  kind: 'Ingress' | 'HTTPRoute' | 'GRPCRoute';
  namespace: string;
  name: string;
  /** Index of the rule (null: an Ingress's defaultBackend). */
  rule: number | null;
  /** Index of the path (Ingress) or match (HTTPRoute) within the rule. */
  match: number | null;
}

export type Leg =
  | { kind: 'backend'; service: SimService; port: number; statement: Statement }
  | { kind: 'answer'; status: number; statement: Statement };

export interface Decision {
  route: EdgeRouteRef | null;
  /** A TLS statement before the match (https), if any. */
  tls: Statement | null;
  /** Weighted choices (one for Ingress); total 0 never happens (an empty rule answers 500). */
  choices: Array<{ weight: number; leg: Leg }>;
  total: number;
}

const svcKey = (s: { namespace: string; name: string }) => `${s.namespace}/${s.name}`;
const requestLabel = (r: HttpRequest) => (r.grpc ? `gRPC ${r.grpc.service}/${r.grpc.method} (${r.scheme === 'https' ? 'grpcs' : 'grpc'}://${r.host})` : `${r.method} ${r.scheme}://${r.host}${r.path}`);
const single = (route: EdgeRouteRef | null, leg: Leg, tls: Statement | null = null): Decision => ({ route, tls, choices: [{ weight: 1, leg }], total: 1 });

export function decide(state: EdgeState, c: Controller, req: HttpRequest): Decision {
  return c.kind === 'ingress-nginx' ? decideIngress(state, req) : decideGateway(state, c, req);
}

/** An Ingress backend as a leg: the Service port (by number or name), or 503 when it does not resolve. */
function ingressLeg(state: EdgeState, req: HttpRequest, ns: string, ingress: string, b: IngressServiceBackend, matched: (svc: string, port: string | number) => Statement): Leg {
  const svcName = b.service?.name ?? b.resource?.name ?? '';
  const portLabel = b.service?.port.number ?? b.service?.port.name ?? '';
  const missing = (cause: 'no-service' | 'no-port' | 'resource'): Leg => ({
    kind: 'answer', status: 503,
    statement: { message: 'ingress-backend-missing', service: `${ns}/${svcName}`, rule: 'ingress', detail: { request: requestLabel(req), ingress, backend: `${ns}/${svcName}`, servicePort: portLabel, cause, status: 503 } },
  });
  if (!b.service) return missing('resource');
  const service = findService(state.cluster, ns, b.service.name);
  if (!service) return missing('no-service');
  const sp = service.ports.find((p) => (b.service!.port.number !== undefined ? p.port === b.service!.port.number : p.name === b.service!.port.name));
  if (!sp) return missing('no-port');
  return { kind: 'backend', service, port: sp.port, statement: matched(svcKey(service), portLabel) };
}

function decideIngress(state: EdgeState, req: HttpRequest): Decision {
  const idx = state.ingress;
  const s = serverFor(idx, req.host);
  let tls: Statement | null = null;
  if (req.scheme === 'https') {
    tls = { message: 'edge-tls', rule: 'tls', detail: { host: req.host, secret: s.tls ? `${s.tls.ingress.namespace}/${s.tls.secretName ?? ''}` : null, covered: !!s.tls, controller: { kind: 'ingress-nginx' } } };
  } else if (s.tls && req.port === 80) {
    const location = `https://${req.host}${req.path}`;
    return single(null, { kind: 'answer', status: 308, statement: { message: 'ingress-redirect', rule: 'ssl-redirect', detail: { request: requestLabel(req), host: req.host, location, status: 308 } } });
  }
  const hit = matchIngressPath(s, req.path);
  if (hit) {
    const ing = hit.ingress;
    const route: EdgeRouteRef = { kind: 'Ingress', namespace: ing.namespace, name: ing.name, rule: hit.rule, match: hit.index };
    const className = idx.classOf.get(ing)?.name ?? '';
    const leg = ingressLeg(state, req, ing.namespace, `${ing.namespace}/${ing.name}`, hit.path.backend, (backend, servicePort) => ({
      message: 'ingress-match', service: backend, rule: 'ingress',
      detail: { request: requestLabel(req), host: req.host, server: s.host, path: hit.path.path, pathType: hit.path.pathType, ingress: `${ing.namespace}/${ing.name}`, rule: hit.rule, backend, servicePort, className },
    }));
    return single(route, leg, tls);
  }
  if (idx.defaultBackend) {
    const { ingress: ing, backend } = idx.defaultBackend;
    const route: EdgeRouteRef = { kind: 'Ingress', namespace: ing.namespace, name: ing.name, rule: null, match: null };
    const leg = ingressLeg(state, req, ing.namespace, `${ing.namespace}/${ing.name}`, backend, (b, servicePort) => ({
      message: 'ingress-default-backend', service: b, rule: 'ingress', detail: { request: requestLabel(req), ingress: `${ing.namespace}/${ing.name}`, backend: b, servicePort },
    }));
    return single(route, leg, tls);
  }
  return single(null, { kind: 'answer', status: 404, statement: { message: 'ingress-no-match', rule: 'ingress', detail: { request: requestLabel(req), host: req.host, server: s.host, status: 404 } } }, tls);
}

/** The listener a request lands on: its port and protocol, then exact hostname > wildcard (longest) > none. */
function pickListener(c: Extract<Controller, { kind: 'gateway' }>, req: HttpRequest): ListenerT | undefined {
  const want = req.scheme === 'https' ? 'HTTPS' : 'HTTP';
  const listeners = (c.listenersByPort.get(req.port) ?? []).filter((l) => l.protocol === want);
  let best: ListenerT | undefined;
  let bestScore = -1;
  for (const l of listeners) {
    const score = l.hostname === undefined ? 0 : l.hostname === req.host ? 1e6 : gatewayHostMatches(l.hostname, req.host) ? l.hostname.length : -1;
    if (score > bestScore) [best, bestScore] = [l, score];
  }
  return best;
}

interface Candidate {
  route: HTTPRouteT;
  rule: number;
  index: number;
  match: HTTPMatchT;
  key: number[];
}

/** The precedence of the specification (httproute_types.go HTTPRouteRule, HTTPRouteSpec.Hostnames), as a key compared in order. */
function candidates(state: EdgeState, l: ListenerT, host: string): Candidate[] {
  const out: Candidate[] = [];
  // Merging MUST not be done between GRPCRoutes and HTTPRoutes (grpcroute_types.go): HTTPRoutes only here.
  for (const route of (state.gateway.attached.get(l) ?? []).filter((r): r is HTTPRouteT => r.kind === 'HTTPRoute')) {
    let nonWild = l.hostname && !l.hostname.startsWith('*.') ? l.hostname.length : 0;
    let chars = l.hostname?.length ?? 0;
    if (route.hostnames.length) {
      const hits = route.hostnames.filter((h) => gatewayHostMatches(h, host));
      if (!hits.length) continue;
      nonWild = Math.max(...hits.map((h) => (h.startsWith('*.') ? 0 : h.length)));
      chars = Math.max(...hits.map((h) => h.length));
    }
    route.rules.forEach((rule, r) => rule.matches.forEach((match, i) => {
      const p = match.path;
      const pathRank = p.type === 'Exact' ? 2 : p.type === 'PathPrefix' ? 1 : 0;
      out.push({ route, rule: r, index: i, match, key: [nonWild, chars, pathRank, p.value.length, match.method ? 1 : 0, match.headers.length, match.queryParams.length, -route.order] });
    }));
  }
  return out.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return b.key[i] - a.key[i];
    const an = `${a.route.namespace}/${a.route.name}`;
    const bn = `${b.route.namespace}/${b.route.name}`;
    return an < bn ? -1 : an > bn ? 1 : a.rule - b.rule || a.index - b.index;
  });
}

function valueMatches(type: 'Exact' | 'RegularExpression', want: string, got: string | undefined): boolean {
  if (got === undefined) return false;
  return type === 'Exact' ? want === got : fullRegex(want)?.test(got) === true;
}

/** HTTPRouteMatch: every condition holds (headers by case-insensitive name, query params by exact name). */
export function httpMatches(m: HTTPMatchT, req: HttpRequest): boolean {
  const p = m.path;
  if (p.type === 'Exact' ? p.value !== req.path : p.type === 'PathPrefix' ? !prefixMatches(p.value, req.path) : fullRegex(p.value)?.test(req.path) !== true) return false;
  if (m.method && m.method !== req.method) return false;
  if (!m.headers.every((h) => valueMatches(h.type, h.value, headerValue(req, h.name)))) return false;
  return m.queryParams.every((q) => valueMatches(q.type, q.value, req.query.find(([n]) => n === q.name)?.[1]));
}

function decideGateway(state: EdgeState, c: Extract<Controller, { kind: 'gateway' }>, req: HttpRequest): Decision {
  const gw = `${c.gateway.namespace}/${c.gateway.name}`;
  const controller = { kind: 'gateway' as const, gateway: gw };
  const l = pickListener(c, req);
  if (!l) return single(null, { kind: 'answer', status: 404, statement: { message: 'gateway-no-listener', rule: 'listener', detail: { gateway: gw, host: req.host, port: req.port, status: 404 } } });
  const tls: Statement | null = req.scheme === 'https' ? { message: 'edge-tls', rule: 'tls', detail: { host: req.host, secret: l.certificateRefs.length ? `${c.gateway.namespace}/${l.certificateRefs[0]}` : null, covered: l.certificateRefs.length > 0, controller } } : null;
  const attached = state.gateway.attached.get(l) ?? [];
  // A gRPC call goes by the GRPCRoutes for its host; without any, by the HTTPRoutes (a gRPC call is an HTTP/2 POST).
  const grpc = req.grpc ? memo2(cacheOf(state.cluster).table<ListenerT, Map<string, GrpcCandidate[]>>('edge-grpc-candidates'), l, req.host, () => grpcCandidates(attached.filter((r): r is GRPCRouteT => r.kind === 'GRPCRoute'), l, req.host)) : [];
  if (req.grpc && grpc.length) {
    const call = req.grpc;
    const hit = grpc.find((cand) => grpcMatches(cand.match, call, req));
    if (!hit) return noMatch(req, gw, l, attached.filter((r) => r.kind === 'GRPCRoute').length, 'GRPCRoute', tls);
    return choose(state, req, gw, l, hit.route, hit.rule, hit.index, tls);
  }
  const list = memo2(cacheOf(state.cluster).table<ListenerT, Map<string, Candidate[]>>('edge-candidates'), l, req.host, () => candidates(state, l, req.host));
  const hit = list.find((cand) => httpMatches(cand.match, req));
  if (!hit) return noMatch(req, gw, l, attached.filter((r) => r.kind === 'HTTPRoute').length, 'HTTPRoute', tls);
  return choose(state, req, gw, l, hit.route, hit.rule, hit.index, tls);
}

function noMatch(req: HttpRequest, gw: string, l: ListenerT, routes: number, kind: RouteT['kind'], tls: Statement | null): Decision {
  return single(null, { kind: 'answer', status: 404, statement: { message: 'gateway-no-match', rule: kind.toLowerCase(), detail: { request: requestLabel(req), gateway: gw, listener: l.name, routes, kind, status: 404 } } }, tls);
}

/**
 * The backends of the rule that matched, by weight. No backendRefs, or every weight 0: the
 * Gateway API asks for a 500 (HTTPRoute) or UNAVAILABLE (GRPCRoute, answered as 503); an
 * invalid backendRef likewise for its share of the requests.
 */
function choose(state: EdgeState, req: HttpRequest, gw: string, l: ListenerT, r: RouteT, ruleIndex: number, matchIndex: number, tls: Statement | null): Decision {
  const route: EdgeRouteRef = { kind: r.kind, namespace: r.namespace, name: r.name, rule: ruleIndex, match: matchIndex };
  const routeName = `${r.namespace}/${r.name}`;
  const refs = r.rules[ruleIndex].backendRefs;
  const total = refs.reduce((s, x) => s + Math.max(0, x.weight), 0);
  const status = r.kind === 'GRPCRoute' ? 503 : 500;
  const invalid = (backend: string, reason: string): Leg => ({ kind: 'answer', status, statement: { message: 'gateway-backend-invalid', rule: r.kind.toLowerCase(), detail: { route: routeName, kind: r.kind, rule: ruleIndex, backend, reason, status } } });
  if (total === 0) return { route, tls, choices: [{ weight: 1, leg: invalid('(none)', refs.length ? 'every weight is 0' : 'no backendRefs') }], total: 1 };
  const choices = refs.filter((x) => x.weight > 0).map((ref) => {
    const resolved = state.gateway.backends.get(ref)!;
    const backend = `${ref.namespace}/${ref.name}`;
    if (!resolved.service) return { weight: ref.weight, leg: invalid(backend, resolved.reason) };
    const leg: Leg = {
      kind: 'backend', service: resolved.service, port: ref.port ?? 0,
      statement: { message: 'gateway-match', service: backend, rule: r.kind.toLowerCase(), detail: { request: requestLabel(req), gateway: gw, listener: l.name, route: routeName, kind: r.kind, rule: ruleIndex, match: matchIndex, backend, servicePort: ref.port ?? null, weight: ref.weight, total } },
    };
    return { weight: ref.weight, leg };
  });
  return { route, tls, choices, total };
}
