/**
 * `routes:` expectations. Reachability sets are checked on the route's full `candidates`
 * (what kube-proxy's rules can pick), never on the sampled answers; only `spread` and `sticky`
 * look at samples, with the seed printed.
 */
import { plainText } from '../i18n/lang';
import type { FieldPath } from '../types';
import type { RouteResult, SimCluster, SimPod } from '../sim/types';
import { makeResult, CannotEvaluate, expandTarget, matcherResult, podNameMatches, splitName, type EvalContext, type MatcherResult } from './context';
import { expandPodSet } from './expect-endpoints';
import { explainRoute } from './explain';
import { describe, match } from './match';
import type { ExpectationResult, Mismatch } from './result';
import type { PodSetSpec, RouteExpectSpec, RouteSpec } from './spec';

/** `to` with its URL path replaced by `path` (an `http://` URL is made of a bare `host:port`). */
export function withPath(to: string, path: string | undefined): string {
  if (path === undefined) return to;
  const p = path.startsWith('/') ? path : `/${path}`;
  const scheme = /^(https?|grpcs?):\/\//i.exec(to);
  if (!scheme) return `http://${to}${p}`;
  const rest = to.slice(scheme[0].length);
  const cut = rest.search(/[/?#]/);
  return `${scheme[0]}${cut < 0 ? rest : rest.slice(0, cut)}${p}`;
}

export function runRoute(ctx: EvalContext, spec: Pick<RouteSpec, 'from' | 'to' | 'namespace' | 'count' | 'protocol' | 'method' | 'headers' | 'path'>): RouteResult {
  const cluster = ctx.sim();
  const namespace = spec.namespace ?? ctx.namespace;
  const headers = spec.headers ? Object.entries(spec.headers).map(([k, v]) => `${k}: ${v}`) : undefined;
  return cluster.route({ from: spec.from, to: withPath(expandTarget(spec.to, cluster, namespace), spec.path), namespace, count: spec.count ?? 1, protocol: spec.protocol, seed: ctx.seed, method: spec.method, headers });
}

function setLabel(set: PodSetSpec): string {
  return set.workload ?? set.workloads?.join(' + ') ?? set.pods?.join(', ') ?? `${set.count} pods`;
}

/** Checks the candidate set against a pod set; `all` = equal, `oneOf` = a non-empty subset. */
function checkSet(mode: 'all' | 'oneOf', set: PodSetSpec, candidates: string[], cluster: SimCluster, namespace: string, out: Mismatch[], key: string): void {
  const label = setLabel(set);
  if (set.workload || set.workloads) {
    const pods: SimPod[] = expandPodSet(cluster.pods, set, namespace);
    if (pods.length === 0) throw new CannotEvaluate(`${label} has no pods in the simulated cluster`);
    const members = pods.map((p) => `${p.namespace}/${p.name}`);
    const outside = candidates.filter((c) => !members.includes(c));
    if (outside.length) out.push({ path: key, message: `can also reach ${outside.join(', ')}, outside ${label}`, expected: members, actual: candidates });
    if (mode === 'all') {
      const wanted = pods.filter((p) => p.ready && p.phase === 'Running').map((p) => `${p.namespace}/${p.name}`);
      const missed = wanted.filter((m) => !candidates.includes(m));
      if (missed.length) out.push({ path: key, message: `cannot reach ${missed.join(', ')} of ${label}${candidates.length === 0 ? ' (no candidate endpoint at all)' : ''}`, expected: wanted, actual: candidates });
    }
  }
  if (set.pods) {
    const split = (c: string) => ({ namespace: c.split('/')[0], name: c.split('/')[1] });
    const outside = candidates.filter((c) => !set.pods!.some((p) => podNameMatches(p, split(c), namespace)));
    if (outside.length) out.push({ path: key, message: `can also reach ${outside.join(', ')}`, expected: set.pods, actual: candidates });
    if (mode === 'all') for (const p of set.pods) if (!candidates.some((c) => podNameMatches(p, split(c), namespace))) out.push({ path: key, message: `cannot reach ${p}`, expected: set.pods, actual: candidates });
  }
  if (set.count !== undefined && candidates.length !== set.count) out.push({ path: `${key}.count`, message: `${candidates.length} pod${candidates.length === 1 ? ' is' : 's are'} reachable, expected ${set.count}`, expected: set.count, actual: candidates.length });
  if (mode === 'oneOf' && candidates.length === 0) out.push({ path: key, message: `no pod can be reached, expected one of ${label}`, expected: set, actual: [] });
}

/** Every way the route differs from the expectation (empty = it holds). `seed` is only quoted in messages. */
export function checkRoute(cluster: SimCluster, seed: number, spec: RouteExpectSpec, result: RouteResult, from: string, namespace: string): Mismatch[] {
  const ctx = { seed };
  const out: Mismatch[] = [];
  // A candidate outside the cluster (an ExternalName's address) is not a pod.
  const candidates = [...new Set(result.candidates.map((c) => c.pod).filter((p) => p))].sort();
  const results = result.results;
  if (results.length === 0) throw new CannotEvaluate('the route produced no result');
  if (spec.outcome) {
    const wrong = results.filter((r) => r.outcome !== spec.outcome);
    if (wrong.length) {
      const s = result.summary;
      out.push({ path: 'outcome', message: `${wrong.length} of ${results.length} request${results.length === 1 ? '' : 's'} ended ${[...new Set(wrong.map((r) => r.outcome))].join('/')} (ok ${s.ok}, refused ${s.refused}, dropped ${s.dropped}, dns-error ${s['dns-error']}), expected ${spec.outcome}: ${wrong[0].reason}`, expected: spec.outcome, actual: wrong[0].outcome });
    }
  }
  if (spec.assumed !== undefined) {
    const wrong = results.filter((r) => r.assumed !== spec.assumed);
    if (wrong.length) {
      const one = wrong.length === 1;
      const what = spec.assumed
        ? `${one ? 'rests' : 'rest'} on what the manifests state, expected ${one ? 'it' : 'them'} to be assumed (svclab.io/listens or a declared containerPort makes an outcome certain)`
        : `${one ? 'is' : 'are'} assumed (svclab's guess of the ports the app listens on), expected ${one ? 'it' : 'them'} to be certain: declare the port, or state it with the pod template annotation svclab.io/listens`;
      out.push({ path: 'assumed', message: `${wrong.length} of ${results.length} outcome${results.length === 1 ? '' : 's'} ${what}: ${wrong[0].reason}`, expected: spec.assumed, actual: wrong[0].assumed });
    }
  }
  if (spec.reason !== undefined) {
    for (const r of results) {
      const bad = typeof spec.reason === 'string' ? !r.reason.includes(spec.reason) : match(spec.reason, r.reason).length > 0;
      if (bad) {
        out.push({ path: 'reason', message: `is ${describe(r.reason)}, expected ${typeof spec.reason === 'string' ? `it to mention ${describe(spec.reason)}` : describe(spec.reason)}`, expected: spec.reason, actual: r.reason });
        break;
      }
    }
  }
  if (spec.reaches === 'none') {
    if (candidates.length) out.push({ path: 'reaches', message: `can reach ${candidates.join(', ')}, expected no pod`, expected: 'none', actual: candidates });
  } else if (spec.reaches) checkSet('all', spec.reaches, candidates, cluster, namespace, out, 'reaches');
  if (spec.reachesAll) checkSet('all', spec.reachesAll, candidates, cluster, namespace, out, 'reachesAll');
  if (spec.reachesOneOf) checkSet('oneOf', spec.reachesOneOf, candidates, cluster, namespace, out, 'reachesOneOf');
  const answered = results.filter((r) => r.outcome === 'ok');
  if (spec.spread === 'all') {
    const hit = new Set(answered.map((r) => r.pod));
    const missed = candidates.filter((c) => !hit.has(c));
    if (candidates.length === 0) out.push({ path: 'spread', message: 'there is no candidate endpoint to spread over', expected: 'all', actual: [] });
    else if (missed.length) out.push({ path: 'spread', message: `${missed.join(', ')} never answered in ${results.length} requests (seed ${ctx.seed}; answers: ${JSON.stringify(result.summary.byPod)})`, expected: candidates, actual: result.summary.byPod });
  }
  if (spec.sticky !== undefined) {
    const pods = [...new Set(answered.map((r) => r.pod))];
    if (answered.length === 0) out.push({ path: 'sticky', message: 'no request was answered', expected: spec.sticky, actual: null });
    else if (spec.sticky && pods.length > 1) out.push({ path: 'sticky', message: `requests from one client landed on ${pods.length} pods (${pods.join(', ')}); session affinity would keep them on one (seed ${ctx.seed})`, expected: 1, actual: pods });
    else if (!spec.sticky && pods.length < 2) out.push({ path: 'sticky', message: `every request landed on ${pods[0]} (seed ${ctx.seed}); expected the load to be spread`, expected: '>= 2 pods', actual: pods });
  }
  if (spec.sourceIP !== undefined) {
    const nodeIPs = cluster.nodes.map((n) => n.internalIP);
    const own = clientIP(cluster, from, namespace);
    for (const r of answered) {
      const ip = r.sourceIP;
      let bad: string | null = null;
      if (spec.sourceIP === 'node') bad = ip && nodeIPs.includes(ip) ? null : `is ${describe(ip)}, expected a node's IP (SNAT)`;
      else if (spec.sourceIP === 'client') bad = ip && (own ? ip === own : !nodeIPs.includes(ip)) ? null : `is ${describe(ip)}, expected the client's own address${own ? ` ${own}` : ''} (not SNATed)`;
      else {
        const m = match(spec.sourceIP, ip ?? undefined);
        bad = m.length ? m[0].message : null;
      }
      if (bad) {
        out.push({ path: 'sourceIP', message: bad, expected: spec.sourceIP, actual: ip });
        break;
      }
    }
    if (answered.length === 0) out.push({ path: 'sourceIP', message: 'no request was answered, so there is no source IP to check', expected: spec.sourceIP, actual: null });
  }
  if (spec.service !== undefined) {
    const want = spec.service.includes('/') ? spec.service : `${namespace}/${spec.service}`;
    const bad = results.find((r) => r.service !== want);
    if (bad) out.push({ path: 'service', message: `is ${describe(bad.service)}, expected ${want}`, expected: want, actual: bad.service });
  }
  if (spec.port !== undefined) {
    const bad = answered.find((r) => r.port !== spec.port) ?? (answered.length ? undefined : results.find((r) => r.port !== spec.port));
    if (bad) out.push({ path: 'port', message: `is ${describe(bad.port)}, expected ${spec.port}`, expected: spec.port, actual: bad.port });
  }
  if (spec.body !== undefined) {
    for (const r of answered) {
      const b = r.body ?? '';
      const bad = typeof spec.body === 'string' ? !b.includes(spec.body) : match(spec.body, b).length > 0;
      if (bad) {
        out.push({ path: 'body', message: `is ${describe(r.body)}, expected ${describe(spec.body)}`, expected: spec.body, actual: r.body });
        break;
      }
    }
    if (answered.length === 0) out.push({ path: 'body', message: 'no request was answered', expected: spec.body, actual: null });
  }
  checkHttp(spec, results, namespace, out);
  return out;
}

/** `status` and `route`: what an ingress controller or a Gateway answered, and the rule that matched. */
function checkHttp(spec: RouteExpectSpec, results: RouteResult['results'], namespace: string, out: Mismatch[]): void {
  if (spec.status !== undefined) {
    const bad = results.find((r) => r.status !== spec.status);
    if (bad) out.push({ path: 'status', message: `is ${bad.status === undefined || bad.status === null ? 'no HTTP answer from an ingress controller or Gateway' : bad.status}, expected ${spec.status}: ${bad.reason}`, expected: spec.status, actual: bad.status ?? null });
  }
  if (spec.grpcStatus !== undefined) {
    const bad = results.find((r) => r.grpcStatus?.name !== spec.grpcStatus);
    if (bad) out.push({ path: 'grpcStatus', message: `is ${bad.grpcStatus ? bad.grpcStatus.name : 'no gRPC answer (use to: grpc://HOST/SERVICE/METHOD)'}, expected ${spec.grpcStatus}: ${bad.reason}`, expected: spec.grpcStatus, actual: bad.grpcStatus?.name ?? null });
  }
  if (spec.route !== undefined) {
    const want = spec.route;
    const bad = results.find((r) => {
      const got = r.route ?? null;
      if (want === 'none') return got !== null;
      if (!got) return true;
      return (want.kind !== undefined && want.kind !== got.kind) || (want.namespace ?? namespace) !== got.namespace || (want.name !== undefined && want.name !== got.name) ||
        (want.rule !== undefined && want.rule !== got.rule) || (want.match !== undefined && want.match !== got.match);
    });
    if (bad) out.push({ path: 'route', message: `is ${bad.route ? `${bad.route.kind} ${bad.route.namespace}/${bad.route.name} rule ${bad.route.rule} match ${bad.route.match}` : 'no rule'}, expected ${want === 'none' ? 'no rule' : JSON.stringify(want)}: ${bad.reason}`, expected: want, actual: bad.route ?? null });
  }
}

/** The source's own address, when it is known: an existing pod's IP or a node's IP. */
function clientIP(cluster: SimCluster, from: string, namespace: string): string | null {
  const parts = from.split('/');
  if (parts[0] === 'node' && parts[1]) return cluster.nodes.find((n) => n.name === parts[1])?.internalIP ?? null;
  if (parts[0] === 'pod' && parts.length > 1) {
    const [ns, name] = parts.length === 3 ? [parts[1], parts[2]] : [namespace, parts[1]];
    const pod = cluster.pods.find((p) => p.namespace === ns && p.name === name) ?? cluster.pods.find((p) => p.namespace === ns && p.name.startsWith(name));
    return pod?.podIP ?? null;
  }
  return null;
}

export function evaluateRoute(ctx: EvalContext, spec: RouteSpec, at: FieldPath): ExpectationResult {
  const e = spec.expect;
  const bits = [e.outcome, e.status !== undefined ? `HTTP ${e.status}` : '', e.grpcStatus !== undefined ? `gRPC ${e.grpcStatus}` : '', e.reaches === 'none' ? 'reaches no pod' : e.reaches ? `reaches ${setLabel(e.reaches)}` : '', e.reachesOneOf ? `reaches one of ${setLabel(e.reachesOneOf)}` : '', e.spread ? 'spread over all' : '', e.sticky ? 'sticky' : ''].filter(Boolean);
  const title = plainText(spec.name) ?? `${spec.from} -> ${spec.method && spec.method !== 'GET' ? `${spec.method} ` : ''}${withPath(spec.to, spec.path)}${spec.count && spec.count > 1 ? ` ×${spec.count}` : ''}: ${bits.join(', ')}`;
  return makeResult(ctx, 'routes', at, title, plainText(spec.hint), () => {
    const namespace = spec.namespace ?? ctx.namespace;
    const result = runRoute(ctx, spec);
    const mismatches = checkRoute(ctx.sim(), ctx.seed, e, result, spec.from, namespace);
    const first = result.results[0];
    return {
      mismatches,
      expected: e,
      actual: { outcome: first?.outcome, reason: first?.reason, candidates: result.candidates.map((c) => c.pod), summary: result.summary, sourceIP: first?.sourceIP ?? null, ...(first?.status !== undefined ? { status: first.status, route: first.route ?? null } : {}), ...(first?.grpcStatus ? { grpcStatus: first.grpcStatus.name } : {}) },
      explain: mismatches.length ? [...explainRoute(ctx.sim(), result), ...(first ? first.hops.map((h) => `hop: ${h.text}`) : [])] : [],
      seed: ctx.seed,
    };
  });
}

/** The jest matcher `expect(cluster).toRouteTo('pod', 'http://web:8080', 'Deployment/web')`, or with a route expectation object. */
export function toRouteTo(cluster: SimCluster, from: string, to: string, expected: string | (RouteExpectSpec & { count?: number; namespace?: string })): MatcherResult {
  const spec: RouteExpectSpec & { count?: number; namespace?: string } = typeof expected === 'string' ? { outcome: 'ok', reaches: { workload: expected } } : expected;
  const namespace = spec.namespace ?? 'default';
  const seed = cluster.seed;
  const result = cluster.route({ from, to, namespace, count: spec.count ?? 1, seed });
  const { count: _c, namespace: _n, ...check } = spec;
  return matcherResult(checkRoute(cluster, seed, check, result, from, namespace), `${from} -> ${to} to route as ${JSON.stringify(check)}`);
}

export { splitName };
