/**
 * What kube-proxy (or the network) does with a destination address, decided once per source,
 * address, port and protocol: the rules kube-proxy programs are the same for every connection,
 * only the random endpoint choice differs. The address is classified first (ClusterIP, load
 * balancer or external IP, node, pod, ...); a table of handlers, one per class, plans it.
 *
 * kubernetes/kubernetes pkg/proxy/nftables/proxier.go syncProxyRules and setupNFTables:
 * - a Service port with no usable endpoint anywhere is REJECTed ("has no endpoints"); a Local
 *   traffic policy with endpoints elsewhere but none on this node DROPs ("has no local endpoints");
 * - "Reject traffic to invalid ports of ClusterIPs" and "Drop traffic to unallocated ClusterIPs"
 *   (svclab follows nftables mode; in iptables mode an undefined port of a ClusterIP times out);
 * - external traffic (node ports, load balancer and external IPs) goes through the Service's EXT
 *   chain: with externalTrafficPolicy Cluster it is masqueraded to the node; with Local only this
 *   node's endpoints are used and the client IP is kept, except that traffic from a pod or from
 *   the node itself "short-circuits" to the Cluster endpoints.
 */
import { cidrContains, parseIP } from '../../util/ip';
import type { Protocol } from '../../model/types';
import type { ClusterState, Hop, HopKind, RouteReason, SimNode, SimPod, SimService } from '../types';
import { dnsIndex } from '../../dns/records';
import type { DeliveredVia, NoEndpointsCause, PolicyNote, PortFacts, Statement, TopologyNote } from './facts';
import { hop, reasonOf } from './hops';
import { shouldMirror, SKIP_MIRROR_LABEL } from '../endpoint-slices';
import type { Delivery } from './deliver';
import { hostPortPod } from './app-model';
import { inPodCIDR, type Source } from './request';
import { findServicePort, hostNetworkListener, SERVICE_PROXY_NAME, type RoutingIndex } from './tables';
import { clusterEndpointsOn, localEndpoints, servicePortInfo, type RouteEndpoint, type ServicePortInfo } from './service-port';

const EXCLUDE_FROM_LB = 'node.kubernetes.io/exclude-from-external-load-balancers';

export interface RouteContext {
  cluster: ClusterState;
  idx: RoutingIndex;
  source: Source;
  protocol: Protocol;
}

export interface Failure {
  outcome: 'refused' | 'dropped';
  why: Statement;
}

/** A delivery worked out on first use: index 0 for plain connections, 1 for HTTP requests (whose answer has a body). */
export type ByHttp<T> = [T, T];

/** One node where kube-proxy handles the connection, with what it can reach from there. */
export interface NodeChoice {
  node: SimNode | null;
  endpoints: RouteEndpoint[];
  /** The source address the endpoint sees: the client's (null), or the node's after SNAT. */
  snatTo: string | null;
  /** The node drops the connection (a Local policy without a local endpoint). */
  failure: Failure | null;
  policy: PolicyNote;
  /** How topology hints narrowed `endpoints` on this node. */
  topology: TopologyNote;
}

export type Plan =
  /** Every connection ends the same way; `hops` ends with the statement of `end`. */
  | { kind: 'fixed'; outcome: Failure['outcome']; end: { reason: string; why: RouteReason }; hops: Hop[]; service: string | null }
  /** No load balancing: the packet goes to one address. */
  | { kind: 'deliver'; ip: string; port: number; pod: SimPod | null; sourceIP: string; service: string | null; via: DeliveredVia; hops: Hop[]; deliveries: ByHttp<Delivery | null> }
  /** kube-proxy DNATs to one endpoint of a Service port, on one of `choices` (the nodes that may handle it). */
  | { kind: 'balance'; info: ServicePortInfo; destIP: string; loadBalancer: boolean; hops: Hop[]; choices: NodeChoice[] };

/** The ways an address can be reached, as the handlers below know them. */
type Destination =
  | { class: 'cluster-ip'; service: SimService }
  | { class: 'external-address'; services: Array<{ service: SimService; loadBalancer: boolean }> }
  | { class: 'node'; node: SimNode }
  | { class: 'pod'; pod: SimPod }
  | { class: 'unproxied'; service: SimService }
  | { class: 'unallocated-cluster-ip' }
  | { class: 'unused-pod-ip' }
  | { class: 'elsewhere' };

type Handler<C extends Destination['class']> = (ctx: RouteContext, dest: Extract<Destination, { class: C }>, ip: string, port: number, headless: SimService | null) => Plan;

const svcName = (s: SimService) => `${s.namespace}/${s.name}`;
const podName = (p: SimPod) => `${p.namespace}/${p.name}`;
const portFacts = (p: { port: number; protocol: Protocol; name?: string }): PortFacts => (p.name ? { port: p.port, protocol: p.protocol, name: p.name } : { port: p.port, protocol: p.protocol });

/** A plan every attempt shares; the reason becomes the last hop, of kind `last` (where it happens). */
function fixed(outcome: Failure['outcome'], why: Statement, hops: Hop[] = [], last: HopKind = 'node'): Plan {
  const ending = { ...why, reason: why.message } as Statement;
  return { kind: 'fixed', outcome, end: reasonOf(ending), hops: [...hops, hop(last, ending)], service: ending.service ?? null };
}

type DeliverPlan = Extract<Plan, { kind: 'deliver' }>;

/** A plan without load balancing: the packet goes to `ip:port`. */
function direct(p: Omit<DeliverPlan, 'kind' | 'deliveries'>): Plan {
  return { kind: 'deliver', ...p, deliveries: [null, null] };
}

/** A node handling the connection, with its endpoints (or the failure that ends it there). */
function choice(node: SimNode | null, endpoints: RouteEndpoint[], snatTo: string | null, failure: Failure | null, policy: PolicyNote, topology: TopologyNote = null): NodeChoice {
  return { node, endpoints, snatTo, failure, policy, topology };
}

export function classify(ctx: RouteContext, ip: string): Destination {
  const { idx, cluster } = ctx;
  const service = idx.servicesByClusterIP.get(ip);
  if (service) return { class: 'cluster-ip', service };
  const external = [...(idx.servicesByLoadBalancerIP.get(ip) ?? []).map((s) => ({ service: s, loadBalancer: true })), ...(idx.servicesByExternalIP.get(ip) ?? []).map((s) => ({ service: s, loadBalancer: false }))];
  if (external.length) return { class: 'external-address', services: external };
  const node = idx.nodesByIP.get(ip);
  if (node) return { class: 'node', node };
  const pod = idx.podsByIP.get(ip);
  if (pod) return { class: 'pod', pod };
  const unproxied = idx.unproxiedByIP.get(ip);
  if (unproxied) return { class: 'unproxied', service: unproxied };
  const parsed = parseIP(ip);
  if (parsed && idx.serviceCIDR && cidrContains(idx.serviceCIDR, parsed)) return { class: 'unallocated-cluster-ip' };
  if (inPodCIDR(cluster, ip)) return { class: 'unused-pod-ip' };
  return { class: 'elsewhere' };
}

const HANDLERS: { [C in Destination['class']]: Handler<C> } = {
  'cluster-ip': (ctx, { service }, ip, port) => planClusterIP(ctx, service, ip, port),
  'external-address': (ctx, { services }, ip, port) => {
    const hit = services.find(({ service }) => findServicePort(service, port, ctx.protocol));
    if (!hit) {
      const why: Statement = { message: 'external-port-not-exposed', to: `${ip}:${port}`, detail: { ip, port, protocol: ctx.protocol, services: services.map(({ service }) => svcName(service)), exposed: services.flatMap(({ service }) => service.ports.map(portFacts)) } };
      return fixed('dropped', why);
    }
    return planExternalAddress(ctx, servicePortInfo(ctx.cluster, hit.service, findServicePort(hit.service, port, ctx.protocol)!), ip, hit.loadBalancer);
  },
  node: (ctx, { node }, _ip, port) => planNodeIP(ctx, node, port),
  pod: (ctx, { pod }, ip, port, headless) => {
    if (ctx.source.kind === 'external') return fixed('dropped', { message: 'pod-ip-from-outside', pod: podName(pod), to: `${ip}:${port}`, detail: { ip } }, [], 'external');
    const hops = headless ? [] : [hop('pod', { message: 'pod-ip', pod: podName(pod), to: `${ip}:${port}`, detail: { ip } })];
    return direct({ ip, port, pod, sourceIP: ctx.source.ip, service: headless ? svcName(headless) : null, via: headless ? 'headless' : 'direct', hops });
  },
  unproxied: (_ctx, { service }, ip, port) =>
    fixed('dropped', { message: 'unproxied-service', service: svcName(service), to: `${ip}:${port}`, detail: { ip, label: SERVICE_PROXY_NAME, proxy: service.object?.metadata.labels[SERVICE_PROXY_NAME] ?? '' } }, [], 'service'),
  'unallocated-cluster-ip': (ctx, _d, ip, port) => fixed('dropped', { message: 'unallocated-cluster-ip', to: `${ip}:${port}`, rule: 'drop', detail: { ip, serviceCIDR: ctx.idx.serviceCIDR?.text ?? '' } }),
  'unused-pod-ip': (ctx, _d, ip, port) => fixed('dropped', { message: 'unused-pod-ip', to: `${ip}:${port}`, detail: { ip, podCIDR: ctx.cluster.config.podCIDR } }),
  elsewhere: (ctx, _d, ip, port) => {
    if (ctx.source.kind === 'external') return fixed('dropped', { message: 'not-cluster-address', to: `${ip}:${port}`, detail: { ip } }, [], 'external');
    return leavesCluster(ctx, ip, port);
  },
};

/** What happens to connections from the context's source to `ip:port`. */
export function planRoute(ctx: RouteContext, ip: string, port: number, headless: SimService | null): Plan {
  const dest = classify(ctx, ip);
  return (HANDLERS[dest.class] as Handler<Destination['class']>)(ctx, dest, ip, port, headless);
}

function leavesCluster(ctx: RouteContext, ip: string, port: number): Plan {
  const known = [...dnsIndex(ctx.cluster).upstream.values()].some((ips) => ips.includes(ip));
  if (!known) return fixed('dropped', { message: 'unknown-host', to: `${ip}:${port}`, detail: { ip } }, [], 'external');
  // Pod traffic to addresses outside the cluster is masqueraded to the node's IP (the CNI's
  // / ip-masq-agent's nat rule), so the host outside sees the node, not the pod.
  const { source } = ctx;
  const sourceIP = source.kind === 'pod' && !source.hostNetwork && source.node ? source.node.internalIP : source.ip;
  return direct({ ip, port, pod: null, sourceIP, service: null, via: 'direct', hops: [hop('external', { message: 'leaves-cluster', from: sourceIP, to: `${ip}:${port}`, detail: { ip } })] });
}

function noEndpoints(cluster: ClusterState, info: ServicePortInfo): Statement {
  const { service: svc, port: sp, endpoints } = info;
  let why: NoEndpointsCause;
  if (endpoints.length) why = { cause: 'not-ready', count: endpoints.length };
  else if (svc.spec.selector === null && skipsMirroring(cluster, svc)) why = { cause: 'skip-mirror', label: SKIP_MIRROR_LABEL };
  else if (svc.spec.selector === null) why = { cause: 'no-selector' };
  else if (typeof sp.targetPort === 'string') why = { cause: 'named-port', targetPort: sp.targetPort };
  else why = { cause: 'no-match', selector: svc.spec.selector, namespace: svc.namespace };
  return { message: 'no-endpoints', service: info.name, port: sp.port, rule: 'reject', detail: { servicePort: portFacts({ port: sp.port, protocol: sp.protocol, name: sp.name }), why } };
}

/** The Service's hand-written Endpoints exist but the mirroring controller leaves them alone (shouldMirror). */
function skipsMirroring(cluster: ClusterState, svc: SimService): boolean {
  return cluster.model.endpoints.some((e) => e.metadata.namespace === svc.namespace && e.metadata.name === svc.name && !shouldMirror(e));
}

function planClusterIP(ctx: RouteContext, svc: SimService, ip: string, port: number): Plan {
  const { source, protocol } = ctx;
  const to = `${ip}:${port}`;
  if (source.kind === 'external') return fixed('dropped', { message: 'cluster-ip-from-outside', service: svcName(svc), to, detail: { ip } }, [], 'external');
  const sp = findServicePort(svc, port, protocol);
  if (!sp) return fixed('refused', { message: 'port-not-exposed', service: svcName(svc), to, rule: 'reject', detail: { ip, port, protocol, exposed: svc.ports.map(portFacts) } });
  const info = servicePortInfo(ctx.cluster, svc, sp);
  const serviceHop = hop('service', { message: 'cluster-ip', service: info.name, port, to, detail: { ip, port, protocol, servicePort: sp.name ?? port, targetPort: sp.targetPort } });
  if (!info.hasEndpoints) return fixed('refused', noEndpoints(ctx.cluster, info), [serviceHop]);
  const node = source.node;
  if (!info.internalPolicyLocal) {
    const cluster = clusterEndpointsOn(ctx.cluster, info, node);
    return { kind: 'balance', info, destIP: ip, loadBalancer: false, hops: [serviceHop], choices: [choice(node, cluster.endpoints, null, null, null, cluster.topology)] };
  }
  const local = localEndpoints(ctx.cluster, info, node?.name ?? '');
  if (!local.length) return fixed('dropped', { message: 'no-local-endpoints-internal', service: info.name, port, node: node?.name ?? '', rule: 'drop', detail: {} }, [serviceHop]);
  return { kind: 'balance', info, destIP: ip, loadBalancer: false, hops: [serviceHop], choices: [choice(node, local, null, null, 'internal-local')] };
}

/**
 * External traffic (node ports, LoadBalancer ingress, externalIPs) arriving at `node`:
 * - from a client outside (or another node), the Service's externalTrafficPolicy applies;
 * - from a pod or from the node itself, kube-proxy short-circuits to the Cluster policy.
 */
function externalChoice(ctx: RouteContext, info: ServicePortInfo, node: SimNode): NodeChoice {
  const { source } = ctx;
  const fromPod = source.kind === 'pod' && !source.hostNetwork;
  const fromThisNode = source.node?.name === node.name && (source.kind !== 'pod' || source.hostNetwork);
  if (info.externalPolicyLocal && !fromPod && !fromThisNode) {
    const local = localEndpoints(ctx.cluster, info, node.name);
    if (!local.length) {
      const why: Statement = { message: 'no-local-endpoints-external', service: info.name, port: info.port.port, node: node.name, rule: 'drop', reason: 'no-local-endpoints-external', detail: {} };
      return choice(node, [], null, { outcome: 'dropped', why }, null);
    }
    return choice(node, local, null, null, 'external-local');
  }
  // EXT chain: Cluster policy masquerades; Local policy lets pod traffic keep its IP and masquerades the node's own.
  const snatTo = info.externalPolicyLocal && fromPod ? null : node.internalIP;
  const cluster = clusterEndpointsOn(ctx.cluster, info, node);
  return choice(node, cluster.endpoints, snatTo, null, info.externalPolicyLocal ? 'external-short-circuit' : null, cluster.topology);
}

function planNodeIP(ctx: RouteContext, node: SimNode, port: number): Plan {
  const { idx, protocol, cluster } = ctx;
  const to = `${node.internalIP}:${port}`;
  const entry = idx.nodePorts.get(`${protocol}/${port}`);
  if (entry) {
    const info = servicePortInfo(cluster, entry.service, entry.port);
    const serviceHop = hop('service', { message: 'node-port', node: node.name, service: info.name, port: entry.port.port, to, detail: { nodeIP: node.internalIP, port, protocol, servicePort: entry.port.port, targetPort: entry.port.targetPort } });
    if (!info.hasEndpoints) return fixed('refused', noEndpoints(ctx.cluster, info), [serviceHop]);
    return { kind: 'balance', info, destIP: node.internalIP, loadBalancer: false, hops: [serviceHop], choices: [externalChoice(ctx, info, node)] };
  }
  const hostNet = hostNetworkListener(idx, node.name, port, protocol);
  if (hostNet) {
    return direct({ ip: node.internalIP, port, pod: hostNet, sourceIP: ctx.source.ip, service: null, via: 'direct', hops: [hop('node', { message: 'host-network-pod', node: node.name, pod: podName(hostNet), to, detail: { port } })] });
  }
  const hp = hostPortPod(idx.podsByNode.get(node.name) ?? [], port, protocol);
  if (hp) {
    const endpoint = `${hp.pod.podIP}:${hp.containerPort}`;
    return direct({ ip: hp.pod.podIP, port: hp.containerPort, pod: hp.pod, sourceIP: node.internalIP, service: null, via: 'direct', hops: [hop('node', { message: 'host-port', node: node.name, pod: podName(hp.pod), to, endpoint, rule: 'hostport', detail: { port, containerPort: hp.containerPort } })] });
  }
  if (node.internalIP === cluster.config.apiServer.ip && port === cluster.config.apiServer.port) {
    return direct({ ip: node.internalIP, port, pod: null, sourceIP: ctx.source.ip, service: null, via: 'direct', hops: [] });
  }
  return fixed('refused', { message: 'node-port-closed', node: node.name, to, detail: { nodeIP: node.internalIP, port, protocol, range: cluster.config.nodePortRange } });
}

function planExternalAddress(ctx: RouteContext, info: ServicePortInfo, ip: string, loadBalancer: boolean): Plan {
  const { cluster, source } = ctx;
  const sp = info.port;
  const serviceHop = hop('service', { message: 'external-address', service: info.name, port: sp.port, to: `${ip}:${sp.port}`, detail: { ip, port: sp.port, protocol: sp.protocol, loadBalancer, targetPort: sp.targetPort } });
  if (!info.hasEndpoints) return fixed('refused', noEndpoints(ctx.cluster, info), [serviceHop]);
  const balance = (choices: NodeChoice[]): Plan => ({ kind: 'balance', info, destIP: ip, loadBalancer, hops: [serviceHop], choices });
  // kube-proxy on the source's own node captures the address (its service map has rules for it).
  if (source.kind !== 'external' && source.node) return balance([externalChoice(ctx, info, source.node)]);
  let nodes = cluster.nodes;
  if (loadBalancer) {
    nodes = nodes.filter((n) => !(EXCLUDE_FROM_LB in n.labels));
    if (info.externalPolicyLocal) {
      // The load balancer health-checks healthCheckNodePort and only sends to nodes with a local endpoint.
      const healthy = nodes.filter((n) => localEndpoints(cluster, info, n.name).length > 0);
      if (!healthy.length) return fixed('dropped', { message: 'no-healthy-node', service: info.name, port: sp.port, rule: 'health-check', detail: {} }, [serviceHop]);
      nodes = healthy;
    }
  }
  if (!nodes.length) return fixed('dropped', { message: 'no-node-for-address', service: info.name, to: `${ip}:${sp.port}`, detail: { ip } }, [serviceHop]);
  return balance(nodes.map((n) => externalChoice(ctx, info, n)));
}
