/**
 * The Gateway API as a conformant implementation reads it (gateway-api apis/v1 and the
 * conformance suite, conformance/tests/*.go): which GatewayClasses it accepts, which routes
 * (HTTPRoute, GRPCRoute)
 * attach to which listeners (parentRefs with sectionName and port, allowedRoutes, hostname
 * intersection), which backendRefs resolve (ReferenceGrant across namespaces), and the
 * statuses it reports.
 */
import { labelSelectorAsSelector } from '../model/selectors';
import { arr, obj, str, strMap } from '../model/guards';
import { GATEWAY_GROUP, namespaceLabels, type BackendRefT, type EdgeModel, type GatewayT, type ListenerT, type ParentRefT, type ReferenceGrantT, type RouteT } from '../model/edge';
import type { ClusterState, SimService } from '../sim/types';
import { intersectHostnames } from './http-match';

/** Why a parentRef did not attach (RouteConditionReason of apis/v1/shared_types.go). */
export type AttachReason = 'Accepted' | 'NoMatchingParent' | 'NotAllowedByListeners' | 'NoMatchingListenerHostname' | 'HostnameConflict';

/** Why a backendRef does not resolve (RouteConditionReason). */
export type RefReason = 'ResolvedRefs' | 'BackendNotFound' | 'RefNotPermitted' | 'InvalidKind';

export interface ParentStatus {
  ref: ParentRefT;
  gateway: GatewayT | undefined;
  reason: AttachReason;
  /** The listeners the route attached to, by name. */
  listeners: ListenerT[];
  /** HostnameConflict: the route of the other kind that keeps the listener. */
  rival?: string;
}

export interface ResolvedBackend {
  ref: BackendRefT;
  reason: RefReason;
  service: SimService | undefined;
}

const HTTP_PROTOCOLS = new Set(['HTTP', 'HTTPS']);

/** GatewayClasses the implementation accepts: every class, unless the Cluster names the controllerNames it runs. */
export function classAccepted(model: EdgeModel, name: string, controllers: readonly string[] | undefined): boolean {
  const c = model.gatewayClasses.find((g) => g.name === name);
  return !!c && (controllers === undefined || controllers.includes(c.controllerName));
}

/**
 * The route kinds a listener allows: allowedRoutes.kinds, or its protocol's default: HTTPRoute
 * and GRPCRoute for HTTP and HTTPS (GRPCRoute needs HTTP/2: h2c or ALPN; grpcroute_types.go).
 */
export function allowsKind(l: ListenerT, kind: RouteT['kind']): boolean {
  if (l.kinds.length) return l.kinds.includes(kind);
  return HTTP_PROTOCOLS.has(l.protocol) || (kind === 'HTTPRoute' && l.protocol === 'TLS' && l.tlsMode === 'Terminate');
}

/** allowedRoutes.namespaces (default Same; Selector: the route namespace's labels, kubernetes.io/metadata.name included). */
function allowsNamespace(l: ListenerT, gw: GatewayT, routeNs: string, labels: Map<string, Record<string, string>>): boolean {
  if (l.from === 'All') return true;
  if (l.from === 'Same') return routeNs === gw.namespace;
  const sel = l.selector ?? {};
  const selector = labelSelectorAsSelector({
    matchLabels: strMap(sel.matchLabels),
    matchExpressions: arr(sel.matchExpressions).map((e) => ({ key: str(obj(e).key) ?? '', operator: (str(obj(e).operator) ?? 'In') as 'In', values: arr(obj(e).values).map(String) })),
  });
  return selector.matches(labels.get(routeNs) ?? { 'kubernetes.io/metadata.name': routeNs });
}

function hostnamesIntersect(l: ListenerT, route: RouteT): boolean {
  return route.hostnames.length === 0 || route.hostnames.some((h) => intersectHostnames(l.hostname, h) !== null);
}

/** Each parentRef of the route: attached (to which listeners) or why not. */
export function attachRoute(model: EdgeModel, route: RouteT, labels: Map<string, Record<string, string>>): ParentStatus[] {
  return route.parentRefs.map((ref): ParentStatus => {
    const gateway = ref.group === GATEWAY_GROUP && ref.kind === 'Gateway' ? model.gateways.find((g) => g.namespace === ref.namespace && g.name === ref.name) : undefined;
    if (!gateway) return { ref, gateway, reason: 'NoMatchingParent', listeners: [] };
    const named = gateway.listeners.filter((l) => (ref.sectionName === undefined || l.name === ref.sectionName) && (ref.port === undefined || l.port === ref.port));
    if (!named.length) return { ref, gateway, reason: 'NoMatchingParent', listeners: [] };
    const allowed = named.filter((l) => allowsKind(l, route.kind) && allowsNamespace(l, gateway, route.namespace, labels));
    if (!allowed.length) return { ref, gateway, reason: 'NotAllowedByListeners', listeners: [] };
    const hosts = allowed.filter((l) => hostnamesIntersect(l, route));
    if (!hosts.length) return { ref, gateway, reason: 'NoMatchingListenerHostname', listeners: [] };
    return { ref, gateway, reason: 'Accepted', listeners: hosts };
  });
}

/** Does a ReferenceGrant in the target namespace let a route (`kind`) of `fromNs` refer to Service `name`? (apis/v1beta1 referencegrant_types.go) */
export function referencePermitted(grants: readonly ReferenceGrantT[], fromNs: string, toNs: string, name: string, kind: RouteT['kind'] = 'HTTPRoute'): boolean {
  return grants.some((g) =>
    g.namespace === toNs &&
    g.from.some((f) => f.group === GATEWAY_GROUP && f.kind === kind && f.namespace === fromNs) &&
    g.to.some((t) => (t.group === '' || t.group === 'core') && t.kind === 'Service' && (t.name === undefined || t.name === name)));
}

/** A backendRef resolved against the cluster's Services (ResolvedRefs and its reasons). */
export function resolveBackend(cluster: ClusterState, grants: readonly ReferenceGrantT[], route: RouteT, ref: BackendRefT): ResolvedBackend {
  if (!((ref.group === '' || ref.group === 'core') && ref.kind === 'Service')) return { ref, reason: 'InvalidKind', service: undefined };
  if (ref.namespace !== route.namespace && !referencePermitted(grants, route.namespace, ref.namespace, ref.name, route.kind)) return { ref, reason: 'RefNotPermitted', service: undefined };
  const service = cluster.services.find((s) => s.namespace === ref.namespace && s.name === ref.name);
  return service ? { ref, reason: 'ResolvedRefs', service } : { ref, reason: 'BackendNotFound', service: undefined };
}

/** Everything a Gateway implementation decides once per cluster: attachments and resolved refs. */
export interface GatewayState {
  parents: Map<RouteT, ParentStatus[]>;
  backends: Map<BackendRefT, ResolvedBackend>;
  /** Routes (HTTPRoutes and GRPCRoutes, in input order) attached to each listener. */
  attached: Map<ListenerT, RouteT[]>;
}

/** HTTPRoutes and GRPCRoutes in input order (creation order: the older first). */
export function allRoutes(model: EdgeModel): RouteT[] {
  return [...model.httpRoutes, ...model.grpcRoutes].sort((a, b) => a.order - b.order);
}

/** Every route's parents and the routes attached to each listener, with HTTPRoute / GRPCRoute hostname conflicts settled. */
export function attachAll(model: EdgeModel, labels: Map<string, Record<string, string>>): Pick<GatewayState, 'parents' | 'attached'> {
  const parents = new Map<RouteT, ParentStatus[]>();
  const attached = new Map<ListenerT, RouteT[]>();
  for (const route of allRoutes(model)) {
    const ps = attachRoute(model, route, labels);
    parents.set(route, ps);
    for (const p of ps) for (const l of p.listeners) {
      const list = attached.get(l) ?? [];
      if (!list.includes(route)) list.push(route);
      attached.set(l, list);
    }
  }
  settleKindConflicts(parents, attached);
  return { parents, attached };
}

/** The hostnames a route serves on a listener (`*`: any). */
function hostsOn(l: ListenerT, r: RouteT): string[] {
  if (!r.hostnames.length) return [l.hostname ?? '*'];
  return r.hostnames.map((h) => intersectHostnames(l.hostname, h)).filter((h): h is string => h !== null);
}

const hostsMeet = (a: string[], b: string[]) => a.some((x) => b.some((y) => x === '*' || y === '*' || intersectHostnames(x, y) !== null));

/**
 * An HTTPRoute and a GRPCRoute on one listener whose hostnames intersect: the implementation
 * MUST accept exactly one, the older (input order stands for creationTimestamp), then the first
 * by `namespace/name` (grpcroute_types.go GRPCRouteSpec.Hostnames); the other is not Accepted
 * on that listener (the specification names no reason: svclab says HostnameConflict).
 */
function settleKindConflicts(parents: Map<RouteT, ParentStatus[]>, attached: Map<ListenerT, RouteT[]>): void {
  for (const [l, routes] of attached) {
    if (!routes.some((r) => r.kind === 'GRPCRoute') || !routes.some((r) => r.kind === 'HTTPRoute')) continue;
    const kept: RouteT[] = [];
    for (const r of routes) {
      const rival = kept.find((k) => k.kind !== r.kind && hostsMeet(hostsOn(l, k), hostsOn(l, r)));
      if (!rival) {
        kept.push(r);
        continue;
      }
      for (const p of parents.get(r) ?? []) {
        if (!p.listeners.includes(l)) continue;
        p.listeners = p.listeners.filter((x) => x !== l);
        if (!p.listeners.length) Object.assign(p, { reason: 'HostnameConflict', rival: `${rival.kind} ${rival.namespace}/${rival.name}` });
      }
    }
    attached.set(l, kept);
  }
}

export function gatewayState(cluster: ClusterState, model: EdgeModel): GatewayState {
  const { parents, attached } = attachAll(model, namespaceLabels(cluster.model));
  const backends = new Map<BackendRefT, ResolvedBackend>();
  for (const route of allRoutes(model)) {
    for (const rule of route.rules) for (const ref of rule.backendRefs) backends.set(ref, resolveBackend(cluster, model.referenceGrants, route, ref));
  }
  return { parents, backends, attached };
}
