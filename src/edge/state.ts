/**
 * What the edge works out once per simulated cluster (kept in its ClusterCache): the typed edge
 * objects, ingress-nginx's servers, the Gateway attachments, the controllers' addresses and
 * the host index that external DNS would follow (exact names in a Map, wildcards by suffix:
 * no request scans every rule).
 */
import { cacheOf } from '../sim/cache';
import type { ClusterState, SimService } from '../sim/types';
import { edgeModel, type EdgeModel, type GatewayT, type ListenerT } from '../model/edge';
import { findService, GATEWAY_NAMESPACE, gatewayProxyName, NGINX_NAME, NGINX_NAMESPACE, serviceAddress } from './controllers';
import { gatewayState, type GatewayState } from './gateway';
import { ingressIndex, type IngressIndex } from './ingress';

export type Controller =
  | { kind: 'ingress-nginx'; service: SimService; address: string | undefined }
  | { kind: 'gateway'; gateway: GatewayT; service: SimService; address: string | undefined; listenersByPort: Map<number, ListenerT[]> };

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
}

export function edgeState(cluster: ClusterState): EdgeState {
  return cacheOf(cluster).slot('edge', () => buildEdgeState(cluster));
}

function buildEdgeState(cluster: ClusterState): EdgeState {
  const model = edgeModel(cluster.model);
  const ingress = ingressIndex(model);
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
  return { cluster, model, ingress, gateway, nginx, gateways, byAddress, hosts, wildcards };
}

/** The controller external DNS points a host name at, if an Ingress rule or a Gateway names it. */
export function controllerForHost(state: EdgeState, host: string): { controller: Controller; by: 'ingress-rule' | 'gateway-hostname' } | undefined {
  const exact = state.hosts.get(host);
  if (exact) return exact;
  // `a.b.example.com`: try `.b.example.com` (one label, Ingress or Gateway), then shorter suffixes (Gateway only).
  let dot = host.indexOf('.');
  let first = true;
  while (dot >= 0) {
    const w = state.wildcards.get(host.slice(dot));
    if (w && (first || !w.oneLabel)) return w;
    first = false;
    dot = host.indexOf('.', dot + 1);
  }
  return undefined;
}
