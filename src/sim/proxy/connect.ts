/**
 * One connection along a plan: which node handles it (a load balancer may pick one), the
 * filters before DNAT, the endpoint kube-proxy picks (at random, or the one ClientIP affinity
 * remembers), SNAT, the filters after DNAT, then delivery.
 *
 * kubernetes/kubernetes pkg/proxy/nftables/proxier.go: each connection picks one endpoint with
 * equal probability (numgen random); `sessionAffinity: ClientIP` pins a client IP to an endpoint
 * (per-endpoint affinity sets, per node); a pod that reaches itself through its Service is
 * masqueraded (hairpin).
 */
import type { Random } from '../../util/random';
import type { Protocol } from '../../model/types';
import type { ClusterState, Hop, RouteAttempt, SimNode, SimPod } from '../types';
import { routingIndex } from './tables';
import { deliver, type Delivery } from './deliver';
import type { FilteredConnection, FilterStage, FilterVerdict, RouteFilter } from './filters';
import { hop, reasonOf } from './hops';
import type { ByHttp, NodeChoice, Plan } from './plan';
import { cacheOf, memo } from '../cache';
import type { Source, Target } from './request';
import type { RouteEndpoint, ServicePortInfo } from './service-port';

/**
 * ClientIP affinity state of one client. `endpoints`: kube-proxy's per-node affinity table (the
 * nftables affinity sets). `nodes`: the load balancer's own client-IP affinity, which cloud
 * providers configure from the same field (e.g. the GCE cloud provider's translateAffinityType
 * sets the target pool's sessionAffinity to CLIENT_IP; MetalLB in L2 mode sends an address to a
 * single node anyway), so a client keeps entering the cluster through the same node and
 * kube-proxy's per-node table keeps it on one endpoint.
 */
export interface Affinity {
  endpoints: Map<string, RouteEndpoint>;
  nodes: Map<string, number>;
}

/** What one client's connections share: the cluster, the random stream, its affinity, the filters. */
export interface Session {
  cluster: ClusterState;
  protocol: Protocol;
  rng: Random;
  affinity: Affinity;
  /** The filters of each stage, in order. */
  filters: Record<FilterStage, readonly RouteFilter[]>;
}

const podKey = (p: SimPod) => `${p.namespace}/${p.name}`;
const nodeOf = (session: Session, pod: SimPod): SimNode | null => routingIndex(session.cluster).nodesByName.get(pod.nodeName) ?? null;

function ended(service: string | null, outcome: RouteAttempt['outcome'], end: { reason: string; why: RouteAttempt['why'] }, hops: Hop[]): RouteAttempt {
  // Key order follows the JSON contract of `svclab curl --format json`.
  return { outcome, reason: end.reason, service, pod: null, podIP: null, node: null, port: null, sourceIP: null, body: null, hops, why: end.why, assumed: false };
}

function delivered(service: string | null, ip: string, port: number, sourceIP: string, d: Delivery, hops: Hop[]): RouteAttempt {
  return { outcome: d.outcome, reason: d.reason, service, pod: d.pod, podIP: ip, node: d.node, port, sourceIP, body: d.body, hops, why: d.why, assumed: d.assumed };
}

/** The first verdict of the stage's filters on this connection (the connection is built only when a stage has filters). */
function filtered(session: Session, stage: FilterStage, make: () => FilteredConnection): FilterVerdict | null {
  const filters = session.filters[stage];
  if (filters.length === 0) return null;
  const c = make();
  for (const f of filters) {
    const verdict = f.check(c, session.cluster);
    if (verdict) return verdict;
  }
  return null;
}

function connection(stage: FilterStage, source: Source, sourceIP: string, destIP: string, destPort: number, protocol: Protocol, node: SimNode | null, service: ServicePortInfo | null, loadBalancer: boolean, pod: SimPod | null): FilteredConnection {
  return { stage, source, sourceIP, destIP, destPort, protocol, node, service, loadBalancer, pod };
}

function stopped(service: string | null, v: FilterVerdict, hops: Hop[]): RouteAttempt {
  hops.push(hop(v.kind, v.why));
  return ended(service, v.outcome, reasonOf(v.why), hops);
}

/** One connection from `source` along `plan`; `baseHops` are the source and DNS hops before it. */
export function attempt(session: Session, source: Source, target: Target, plan: Plan, baseHops: Hop[]): RouteAttempt {
  const hops = [...baseHops, ...plan.hops];
  if (plan.kind === 'fixed') return ended(plan.service, plan.outcome, plan.end, hops);
  const { protocol } = session;
  if (plan.kind === 'deliver') {
    const before = filtered(session, 'before-dnat', () => connection('before-dnat', source, source.ip, plan.ip, plan.port, protocol, source.node, null, false, null));
    if (before) return stopped(plan.service, before, hops);
    const after = filtered(session, 'after-dnat', () => connection('after-dnat', source, plan.sourceIP, plan.ip, plan.port, protocol, null, null, false, plan.pod));
    if (after) return stopped(plan.service, after, hops);
    const http = target.http ? 1 : 0;
    const d = (plan.deliveries[http] ??= deliver(session.cluster, { ip: plan.ip, port: plan.port, protocol: session.protocol, pod: plan.pod, service: plan.service, via: plan.via, http: target.http, outsideSaid: plan.hops.some((h) => h.kind === 'external') }));
    hops.push(...d.hops);
    return delivered(plan.service, plan.ip, plan.port, plan.sourceIP, d, hops);
  }
  const { info } = plan;
  const choice = pickChoice(session, plan, source.ip);
  if (choice.failure) {
    hops.push(hop('node', choice.failure.why));
    return ended(info.name, choice.failure.outcome, reasonOf(choice.failure.why), hops);
  }
  const before = filtered(session, 'before-dnat', () => connection('before-dnat', source, source.ip, plan.destIP, target.port, protocol, choice.node, info, plan.loadBalancer, null));
  if (before) return stopped(info.name, before, hops);
  const ep = pickEndpoint(session, info, choice, source.ip);
  const leg = dnat(session, source, target, plan, choice, ep);
  const after = filtered(session, 'after-dnat', () => connection('after-dnat', source, leg.sourceIP, ep.ip, ep.port, protocol, ep.pod ? nodeOf(session, ep.pod) : null, info, plan.loadBalancer, ep.pod));
  hops.push(leg.hop);
  if (after) return stopped(info.name, after, hops);
  hops.push(...leg.delivery.hops);
  return delivered(info.name, ep.ip, ep.port, leg.sourceIP, leg.delivery, hops);
}

function pickChoice(session: Session, plan: Extract<Plan, { kind: 'balance' }>, clientIP: string): NodeChoice {
  const n = plan.choices.length;
  if (n === 1) return plan.choices[0];
  if (plan.info.stickySeconds === null) return plan.choices[session.rng.int(0, n - 1)];
  const key = `${plan.info.name}|${plan.destIP}|${plan.info.port.port}|${clientIP}`;
  let i = session.affinity.nodes.get(key);
  if (i === undefined) session.affinity.nodes.set(key, (i = session.rng.int(0, n - 1)));
  return plan.choices[i];
}

function pickEndpoint(session: Session, info: ServicePortInfo, choice: NodeChoice, clientIP: string): RouteEndpoint {
  const eps = choice.endpoints;
  if (info.stickySeconds === null) return eps.length === 1 ? eps[0] : eps[session.rng.int(0, eps.length - 1)];
  const key = `${choice.node?.name ?? ''}|${info.name}|${info.port.port}|${clientIP}`;
  let ep = session.affinity.endpoints.get(key);
  if (!ep || !eps.includes(ep)) {
    ep = eps.length === 1 ? eps[0] : eps[session.rng.int(0, eps.length - 1)];
    session.affinity.endpoints.set(key, ep);
  }
  return ep;
}

/**
 * The DNAT kube-proxy on the choice's node does to `ep`, and the source address the endpoint sees
 * (made for each connection: what repeats is the delivery, memoised per endpoint).
 */
function dnat(session: Session, source: Source, target: Target, plan: Extract<Plan, { kind: 'balance' }>, choice: NodeChoice, ep: RouteEndpoint): { hop: Hop; sourceIP: string; delivery: Delivery } {
  const { info } = plan;
  const clientIP = source.ip;
  // Hairpin: a pod reaching itself through a Service is masqueraded (the endpoint chain's "ip saddr <endpoint IP> jump mark-for-masquerade").
  const hairpin = source.kind === 'pod' && ep.ip === clientIP && choice.node;
  const sourceIP = hairpin ? choice.node!.internalIP : choice.snatTo ?? clientIP;
  const destination = `${plan.destIP}:${target.port}`;
  const endpoint = `${ep.ip}:${ep.port}`;
  const dnatHop = hop('node', {
    message: 'dnat',
    node: choice.node?.name,
    from: clientIP,
    to: destination,
    service: info.name,
    port: info.port.port,
    endpoint,
    pod: ep.pod ? podKey(ep.pod) : undefined,
    rule: 'dnat',
    detail: {
      destination,
      endpoints: choice.endpoints.length,
      policy: choice.policy,
      affinity: info.stickySeconds === null ? null : { clientIP, timeoutSeconds: info.stickySeconds },
      snat: sourceIP !== clientIP ? sourceIP : null,
      topology: choice.topology,
    },
  });
  const byHttp = memo(cacheOf(session.cluster).table<RouteEndpoint, ByHttp<Delivery | null>>('deliveries'), ep, (): ByHttp<Delivery | null> => [null, null]);
  const delivery = (byHttp[target.http ? 1 : 0] ??= deliver(session.cluster, { ip: ep.ip, port: ep.port, protocol: session.protocol, pod: ep.pod, service: info.name, via: 'proxy', http: target.http, outsideSaid: false }));
  return { hop: dnatHop, sourceIP, delivery };
}
