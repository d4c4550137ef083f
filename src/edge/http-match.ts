/**
 * HTTP matching shared by Ingress and the Gateway API: hosts, paths, headers, query strings.
 *
 * - Ingress (kubernetes.io/docs/concepts/services-networking/ingress "Examples" table, and
 *   networking/v1 types.go PathType): `Exact` is a case-sensitive string match; `Prefix` matches
 *   element by element split on `/`, a trailing `/` ignored (`/foo/bar` matches `/foo/bar/baz`,
 *   not `/foo/barbaz`); a host `*.foo.com` matches exactly one label.
 * - Gateway API (apis/v1 httproute_types.go PathMatchType, shared_types.go Hostname): `PathPrefix`
 *   as Ingress's `Prefix`; a wildcard hostname matches one or more labels.
 */

/** A request as the edge sees it. */
export interface HttpRequest {
  /** Lower-cased host, without port (the Host header, else the URL's host). */
  host: string;
  /** The path without the query string. */
  path: string;
  /** Query parameters in order (name as sent, value decoded). */
  query: Array<[string, string]>;
  method: string;
  /** Header names lower-cased, in order. */
  headers: Array<[string, string]>;
  scheme: 'http' | 'https';
  port: number;
  /** A gRPC call (`svclab curl grpc://HOST/SERVICE/METHOD`): the path is `/SERVICE/METHOD`, the method POST. */
  grpc?: { service: string; method: string };
}

/** Splits `/a/b?x=1` into the path and its query parameters. */
export function splitPathQuery(full: string): { path: string; query: Array<[string, string]> } {
  const hash = full.indexOf('#');
  const noHash = hash >= 0 ? full.slice(0, hash) : full;
  const q = noHash.indexOf('?');
  const path = q >= 0 ? noHash.slice(0, q) : noHash;
  const query: Array<[string, string]> = [];
  if (q >= 0) {
    for (const part of noHash.slice(q + 1).split('&')) {
      if (!part) continue;
      const eq = part.indexOf('=');
      const name = eq >= 0 ? part.slice(0, eq) : part;
      const value = eq >= 0 ? part.slice(eq + 1) : '';
      query.push([safeDecode(name), safeDecode(value)]);
    }
  }
  return { path: path || '/', query };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** Ingress `Prefix` and Gateway `PathPrefix`: element-wise, trailing `/` of either side ignored. */
export function prefixMatches(prefix: string, path: string): boolean {
  const p = prefix.length > 1 && prefix.endsWith('/') ? prefix.replace(/\/+$/, '') : prefix;
  if (p === '/' || p === '') return true;
  if (!path.startsWith(p)) return false;
  return path.length === p.length || path[p.length] === '/';
}

/** A JavaScript regular expression matching the whole value (RE2-like for the common syntax), or null when it does not compile. */
export function fullRegex(source: string): RegExp | null {
  try {
    return new RegExp(`^(?:${source})$`);
  } catch {
    return null;
  }
}

/** Ingress host rule: exact, or `*.suffix` matching exactly one more label (ingress docs "Hostname wildcards"). */
export function ingressHostMatches(ruleHost: string, host: string): boolean {
  if (!ruleHost.startsWith('*.')) return ruleHost === host;
  const suffix = ruleHost.slice(1);
  if (!host.endsWith(suffix)) return false;
  const label = host.slice(0, host.length - suffix.length);
  return label.length > 0 && !label.includes('.');
}

/** Gateway API hostname: exact, or `*.suffix` matching one or more labels (not the suffix itself). */
export function gatewayHostMatches(pattern: string, host: string): boolean {
  if (!pattern.startsWith('*.')) return pattern === host;
  const suffix = pattern.slice(1);
  return host.endsWith(suffix) && host.length > suffix.length;
}

/**
 * The intersection of a listener hostname and a route hostname (httproute_types.go
 * HTTPRouteSpec.Hostnames): the more specific of the two when one matches the other, else
 * null. No listener hostname matches everything.
 */
export function intersectHostnames(listener: string | undefined, route: string): string | null {
  if (listener === undefined || listener === route) return route;
  const lw = listener.startsWith('*.');
  const rw = route.startsWith('*.');
  if (lw && !rw) return gatewayHostMatches(listener, route) ? route : null;
  if (!lw && rw) return gatewayHostMatches(route, listener) ? listener : null;
  if (lw && rw) {
    if (route.endsWith(listener.slice(1))) return route;
    if (listener.endsWith(route.slice(1))) return listener;
  }
  return null;
}

/** Does a route hostname (possibly a wildcard) match the request's host? */
export function routeHostnameMatches(routeHost: string, host: string): boolean {
  return gatewayHostMatches(routeHost, host);
}

/** The value of a header (names compared case-insensitively), or undefined. */
export function headerValue(req: HttpRequest, name: string): string | undefined {
  const n = name.toLowerCase();
  for (const [k, v] of req.headers) if (k === n) return v;
  return undefined;
}
