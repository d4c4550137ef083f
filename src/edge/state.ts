/**
 * What the edge works out once per simulated cluster (kept in its ClusterCache): the typed edge
 * objects, ingress-nginx's servers, the Gateway attachments, the controllers' addresses and
 * the host index that external DNS would follow (exact names in a Map, wildcards by suffix:
 * no request scans every rule).
 */
import { cacheOf } from '../sim/cache';
import type { ClusterState, SimService } from '../sim/types';
import { edgeModel, type EdgeModel, type GatewayT, type ListenerT } from '../model/edge';
import { findService, gatewayControllers, ingressControllerRuns, GATEWAY_NAMESPACE, gatewayProxyName, NGINX_NAME, NGINX_NAMESPACE, serviceAddress } from './controllers';
import { gatewayState, type GatewayState } from './gateway';
import { ingressIndex, type IngressIndex } from './ingress';

export type Controller =
  | { kind: 'ingress-nginx'; service: SimService; address: string | undefined }
  | { kind: 'gateway'; gateway: GatewayT; service: SimService; address: string | undefined; listenersByPort: Map<number, ListenerT[]> };

/** Why a host that an Ingress or a Gateway names has no controller address (the `edge-unserved` statement's facts). */
export interface Unserved {
  /** `Ingress ns/name`, `HTTPRoute ns/name` or `Gateway ns/name`: the object naming the host. */
  object: string;
  gateway: string | null;
  cause: 'controller-off' | 'class-unserved' | 'class-not-accepted' | 'class-missing';
  className: string | null;
  controllerName: string | null;
  /** The controllerNames the Cluster runs (`gatewayControllers`), when it names them. */
  runs: string[] | null;
}

export interface EdgeState {
  cluster: ClusterState;
  model: EdgeModel;
  ingress: IngressIndex;
  gateway: GatewayState;
  nginx: Extract<Controller, { kind: 'ingress-nginx' }> | undefined;
  gateways: Map<GatewayT, Extract<Controller, { kind: 'gateway' }>>;
  /** Controllers by every address they answer on (load balancer / external IP, ClusterIP). */
  byAddress: Map<string, Controller>;
  /** Exact host names -> controller (Ingress hosts first, then Gateway hostnames in input order). */
  hosts: Map<string, { controller: Controller; by: 'ingress-rule' | 'gateway-hostname' }>;
  /** Wildcard names by suffix (`.example.com`): one label for Ingress, any for Gateway. */
  wildcards: Map<string, { controller: Controller; by: 'ingress-rule' | 'gateway-hostname'; oneLabel: boolean }>;
  /** Host names an Ingress or Gateway names but no controller serves (why), exact and by wildcard suffix. */
  unserved: Map<string, Unserved>;
  unservedWildcards: Map<string, Unserved & { oneLabel: boolean }>;
}

export function edgeState(cluster: ClusterState): EdgeState {
  return cacheOf(cluster).slot('edge', () => buildEdgeState(cluster));
}

function buildEdgeState(cluster: ClusterState): EdgeState {
  const model = edgeModel(cluster.model);
  const ingress = ingressIndex(model, ingressControllerRuns(cluster.config));
  const gateway = gatewayState(cluster, model);
  const byAddress = new Map<string, Controller>();
  const hosts: EdgeState['hosts'] = new Map();
  const wildcards: EdgeState['wildcards'] = new Map();
  const addAddresses = (c: Controller) => {
    if (c.address) byAddress.set(c.address, c);
    if (c.service.clusterIP && c.service.clusterIP !== 'None') byAddress.set(c.service.clusterIP, c);
  };
  const addHost = (host: string, controller: Controller, by: 'ingress-rule' | 'gateway-hostname') => {
    if (host.startsWith('*.')) {
      if (!wildcards.has(host.slice(1))) wildcards.set(host.slice(1), { controller, by, oneLabel: by === 'ingress-rule' });
    } else if (!hosts.has(host)) hosts.set(host, { controller, by });
  };

  const nginxService = findService(cluster, NGINX_NAMESPACE, NGINX_NAME);
  const nginx = nginxService ? { kind: 'ingress-nginx' as const, service: nginxService, address: serviceAddress(nginxService) } : undefined;
  if (nginx) {
    addAddresses(nginx);
    for (const s of [...ingress.exact.values(), ...ingress.wildcard.values()]) addHost(s.host, nginx, 'ingress-rule');
  }
  const gateways: EdgeState['gateways'] = new Map();
  for (const gw of model.gateways) {
    const service = findService(cluster, GATEWAY_NAMESPACE, gatewayProxyName(gw));
    if (!service) continue;
    const listenersByPort = new Map<number, ListenerT[]>();
    for (const l of gw.listeners) listenersByPort.set(l.port, [...(listenersByPort.get(l.port) ?? []), l]);
    const c = { kind: 'gateway' as const, gateway: gw, service, address: serviceAddress(service), listenersByPort };
    gateways.set(gw, c);
    addAddresses(c);
    for (const l of gw.listeners) {
      if (l.hostname) addHost(l.hostname, c, 'gateway-hostname');
      for (const route of gateway.attached.get(l) ?? []) for (const h of route.hostnames) addHost(h, c, 'gateway-hostname');
    }
  }
  const { unserved, unservedWildcards } = unservedHosts(cluster, model, ingress, gateway, gateways);
  return { cluster, model, ingress, gateway, nginx, gateways, byAddress, hosts, wildcards, unserved, unservedWildcards };
}

/** The hosts of Ingresses no controller serves and of Gateways without a proxy (class not accepted or missing), with why. */
function unservedHosts(cluster: ClusterState, model: EdgeModel, ingress: IngressIndex, gateway: GatewayState, gateways: EdgeState['gateways']): Pick<EdgeState, 'unserved' | 'unservedWildcards'> {
  const unserved: EdgeState['unserved'] = new Map();
  const unservedWildcards: EdgeState['unservedWildcards'] = new Map();
  const add = (host: string, u: Unserved, oneLabel: boolean) => {
    if (host.startsWith('*.')) {
      if (!unservedWildcards.has(host.slice(1))) unservedWildcards.set(host.slice(1), { ...u, oneLabel });
    } else if (!unserved.has(host)) unserved.set(host, u);
  };
  const off = !ingressControllerRuns(cluster.config);
  for (const ing of model.ingresses) {
    const cls = ingress.classOf.get(ing);
    if (!cls || cls.served) continue;
    const u: Unserved = { object: `Ingress ${ing.namespace}/${ing.name}`, gateway: null, cause: off ? 'controller-off' : 'class-unserved', className: cls.name ?? null, controllerName: null, runs: null };
    for (const r of ing.rules) if (r.host) add(r.host, u, true);
  }
  const runs = gatewayControllers(cluster.config);
  for (const gw of model.gateways) {
    if (gateways.has(gw)) continue;
    const cls = model.gatewayClasses.find((c) => c.name === gw.className);
    const base = {
      gateway: `${gw.namespace}/${gw.name}`, cause: cls ? ('class-not-accepted' as const) : ('class-missing' as const),
      className: gw.className, controllerName: cls?.controllerName ?? null, runs: runs ? [...runs] : null,
    };
    for (const l of gw.listeners) {
      if (l.hostname) add(l.hostname, { ...base, object: `Gateway ${gw.namespace}/${gw.name}` }, false);
      for (const route of gateway.attached.get(l) ?? []) for (const h of route.hostnames) add(h, { ...base, object: `${route.kind} ${route.namespace}/${route.name}` }, false);
    }
  }
  return { unserved, unservedWildcards };
}

/** The entry of a host in a table of exact names and one of wildcard suffixes (`.example.com`; `oneLabel`: Ingress's one-label wildcards). */
function lookupHost<T extends { oneLabel: boolean }, E>(exactTable: Map<string, E>, wildcardTable: Map<string, T>, host: string): E | T | undefined {
  const exact = exactTable.get(host);
  if (exact) return exact;
  // `a.b.example.com`: try `.b.example.com` (one label, Ingress or Gateway), then shorter suffixes (Gateway only).
  let dot = host.indexOf('.');
  let first = true;
  while (dot >= 0) {
    const w = wildcardTable.get(host.slice(dot));
    if (w && (first || !w.oneLabel)) return w;
    first = false;
    dot = host.indexOf('.', dot + 1);
  }
  return undefined;
}

/** Why no controller answers for a host that an Ingress or a Gateway names, if one does. */
export function unservedHost(state: EdgeState, host: string): Unserved | undefined {
  if (!state.unserved.size && !state.unservedWildcards.size) return undefined;
  return lookupHost(state.unserved, state.unservedWildcards, host);
}

/** The controller external DNS points a host name at, if an Ingress rule or a Gateway names it. */
export function controllerForHost(state: EdgeState, host: string): { controller: Controller; by: 'ingress-rule' | 'gateway-hostname' } | undefined {
  return lookupHost(state.hosts, state.wildcards, host);
}
