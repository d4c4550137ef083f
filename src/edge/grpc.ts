/**
 * gRPC at the edge: a call is an HTTP/2 POST of `/SERVICE/METHOD` with `content-type:
 * application/grpc` (grpc/doc/PROTOCOL-HTTP2.md), which `svclab curl grpc://HOST[:PORT]/SERVICE/METHOD`
 * sends (grpcs:// for TLS); GRPCRoute matching and precedence (gateway-api apis/v1
 * grpcroute_types.go GRPCRouteRule.Matches, GRPCMethodMatch, GRPCHeaderMatch); and the status
 * a gRPC client reports (grpc/doc/http-grpc-status-mapping.md; the Gateway API's UNIMPLEMENTED
 * when no rule matches and UNAVAILABLE for an invalid backend).
 */
import type { GRPCMatchT, GRPCRouteT, ListenerT } from '../model/edge';
import { fullRegex, gatewayHostMatches, headerValue, type HttpRequest } from './http-match';

/** A gRPC method as the request names it (`package.Service`, `Method`). */
export interface GrpcCall {
  service: string;
  method: string;
}

/** The status a gRPC client reports (codes of google.golang.org/grpc/codes). */
export interface GrpcStatus {
  code: number;
  name: string;
}

const CODES: Record<string, number> = { OK: 0, UNKNOWN: 2, PERMISSION_DENIED: 7, UNIMPLEMENTED: 12, INTERNAL: 13, UNAVAILABLE: 14, UNAUTHENTICATED: 16 };
export const grpcStatus = (name: keyof typeof CODES & string): GrpcStatus => ({ name, code: CODES[name] });

/** The gRPC status of an HTTP answer (http-grpc-status-mapping.md); 200 is OK (the backend's answer). */
export function grpcStatusOfHttp(status: number): GrpcStatus {
  if (status === 200) return grpcStatus('OK');
  if (status === 400) return grpcStatus('INTERNAL');
  if (status === 401) return grpcStatus('UNAUTHENTICATED');
  if (status === 403) return grpcStatus('PERMISSION_DENIED');
  if (status === 404) return grpcStatus('UNIMPLEMENTED');
  if (status === 429 || status === 502 || status === 503 || status === 504) return grpcStatus('UNAVAILABLE');
  return grpcStatus('UNKNOWN');
}

/** `/package.Service/Method` (the path of a gRPC call), or null when the path is not of that shape. */
export function grpcCallOfPath(path: string): GrpcCall | null {
  const m = /^\/([^/]+)\/([^/]+)$/.exec(path);
  return m ? { service: m[1], method: m[2] } : null;
}

function valueMatches(type: 'Exact' | 'RegularExpression', want: string, got: string | undefined): boolean {
  if (got === undefined) return false;
  return type === 'Exact' ? want === got : fullRegex(want)?.test(got) === true;
}

/** GRPCRouteMatch: the method (service and method, each matched when given; case-sensitive) and every header (names case-insensitive). */
export function grpcMatches(m: GRPCMatchT, call: GrpcCall, req: HttpRequest): boolean {
  if (m.method) {
    const { type, service, method } = m.method;
    if (service !== undefined && !valueMatches(type, service, call.service)) return false;
    if (method !== undefined && !valueMatches(type, method, call.method)) return false;
  }
  return m.headers.every((h) => valueMatches(h.type, h.value, headerValue(req, h.name)));
}

export interface GrpcCandidate {
  route: GRPCRouteT;
  rule: number;
  index: number;
  match: GRPCMatchT;
  key: number[];
}

/**
 * The GRPCRoute rules a listener offers for a host, in the specification's precedence
 * (GRPCRouteRule.Matches): characters of the matching non-wildcard hostname, of the matching
 * hostname, of the service, of the method, the number of header matches; then the older route,
 * then `namespace/name`, then rule order.
 */
export function grpcCandidates(routes: readonly GRPCRouteT[], l: ListenerT, host: string): GrpcCandidate[] {
  const out: GrpcCandidate[] = [];
  for (const route of routes) {
    let nonWild = l.hostname && !l.hostname.startsWith('*.') ? l.hostname.length : 0;
    let chars = l.hostname?.length ?? 0;
    if (route.hostnames.length) {
      const hits = route.hostnames.filter((h) => gatewayHostMatches(h, host) && (l.hostname === undefined || gatewayHostMatches(l.hostname, host)));
      if (!hits.length) continue;
      nonWild = Math.max(...hits.map((h) => (h.startsWith('*.') ? 0 : h.length)));
      chars = Math.max(...hits.map((h) => h.length));
    } else if (l.hostname !== undefined && !gatewayHostMatches(l.hostname, host)) continue;
    route.rules.forEach((rule, r) => rule.matches.forEach((match, i) => {
      out.push({ route, rule: r, index: i, match, key: [nonWild, chars, match.method?.service?.length ?? 0, match.method?.method?.length ?? 0, match.headers.length, -route.order] });
    }));
  }
  return out.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return b.key[i] - a.key[i];
    const an = `${a.route.namespace}/${a.route.name}`;
    const bn = `${b.route.namespace}/${b.route.name}`;
    return an < bn ? -1 : an > bn ? 1 : a.rule - b.rule || a.index - b.index;
  });
}
