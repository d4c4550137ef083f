/**
 * The edge kinds for people: kubectl's columns (pkg/printers/internalversion printIngress,
 * printIngressClass; the Gateway API CRDs' additionalPrinterColumns) and the objects with the
 * statuses their controllers write (Ingress status.loadBalancer; GatewayClass, Gateway and
 * HTTPRoute conditions with the reasons of apis/v1 shared_types.go and gateway_types.go).
 */
import { fakeUid } from '../sim/naming';
import type { ClusterState } from '../sim/types';
import { DEFAULT_CLASS_ANNOTATION, type EdgeIngress, type EdgeIngressClass, type GatewayClassT, type GatewayT, type ListenerT, type RouteT } from '../model/edge';
import { classAccepted } from './gateway';
import { gatewayControllers } from './controllers';
import { edgeState } from './state';

export type KubeObject = Record<string, unknown>;
const AGE = '<unknown>';
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export interface EdgeListed {
  namespace: string;
  name: string;
  row: string[];
  object: () => KubeObject;
}

export const EDGE_HEADERS = {
  ingresses: { normal: ['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE'], wide: [] as string[] },
  ingressclasses: { normal: ['NAME', 'CONTROLLER', 'PARAMETERS', 'AGE'], wide: [] as string[] },
  gatewayclasses: { normal: ['NAME', 'CONTROLLER', 'ACCEPTED', 'AGE'], wide: ['DESCRIPTION'] },
  gateways: { normal: ['NAME', 'CLASS', 'ADDRESS', 'PROGRAMMED', 'AGE'], wide: [] as string[] },
  httproutes: { normal: ['NAME', 'HOSTNAMES', 'AGE'], wide: [] as string[] },
  grpcroutes: { normal: ['NAME', 'HOSTNAMES', 'AGE'], wide: [] as string[] },
};
export type EdgeResource = keyof typeof EDGE_HEADERS;

/** printIngress's formatHosts: up to 4 hosts, then "+ N more...", `*` for none. */
function hostsColumn(hosts: string[]): string {
  if (!hosts.length) return '*';
  return hosts.length > 4 ? `${hosts.slice(0, 4).join(',')} + ${hosts.length - 4} more...` : hosts.join(',');
}

function withMeta(o: { object: { manifest: { value: Record<string, unknown> } } }, namespace: string | undefined, name: string, kind: string, seed: number): KubeObject {
  const raw = clone(o.object.manifest.value);
  const md = (raw.metadata ?? {}) as KubeObject;
  delete md.creationTimestamp;
  delete md.resourceVersion;
  raw.metadata = { ...md, name, ...(namespace !== undefined ? { namespace } : {}), uid: fakeUid(seed, `${kind}/${namespace ?? ''}/${name}`) };
  return raw;
}

const condition = (type: string, ok: boolean, reason: string, message: string) => ({ type, status: ok ? 'True' : 'False', reason, message });

export function listEdge(cluster: ClusterState, resource: EdgeResource, wide: boolean): EdgeListed[] {
  const state = edgeState(cluster);
  const seed = cluster.seed;
  switch (resource) {
    case 'ingresses':
      return state.model.ingresses.map((ing: EdgeIngress) => {
        const cls = state.ingress.classOf.get(ing);
        const address = cls?.served && state.nginx?.address ? state.nginx.address : '';
        const hosts = [...new Set(ing.rules.map((r) => r.host).filter((h): h is string => !!h))];
        const row = [ing.name, ing.className ?? '<none>', hostsColumn(hosts), address, ing.tls.length ? '80, 443' : '80', AGE];
        return {
          namespace: ing.namespace, name: ing.name, row,
          object: () => ({ ...withMeta(ing, ing.namespace, ing.name, 'Ingress', seed), status: { loadBalancer: address ? { ingress: [{ ip: address }] } : {} } }),
        };
      });
    case 'ingressclasses':
      // The controller's own class exists when the controller runs and the input has no IngressClass.
      return state.ingress.classes.filter((c: EdgeIngressClass) => c.object || state.nginx).map((c) => ({
        namespace: '', name: c.name, row: [c.name, c.controller, '<none>', AGE],
        object: () => (c.object ? withMeta(c, undefined, c.name, 'IngressClass', seed) : {
          apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass',
          metadata: { name: c.name, annotations: { [DEFAULT_CLASS_ANNOTATION]: 'true' }, uid: fakeUid(seed, `IngressClass//${c.name}`) },
          spec: { controller: c.controller },
        }),
      }));
    case 'gatewayclasses':
      return state.model.gatewayClasses.map((c: GatewayClassT) => {
        const runs = gatewayControllers(cluster.config);
        const ok = classAccepted(state.model, c.name, runs);
        // A class no controller runs keeps the CRD's default status: Accepted Unknown, Pending, "Waiting for controller".
        const row = [c.name, c.controllerName, ok ? 'True' : 'Unknown', AGE, ...(wide ? [''] : [])];
        const cond = ok
          ? condition('Accepted', true, 'Accepted', runs ? `controller ${c.controllerName} runs in this cluster` : 'svclab accepts every GatewayClass')
          : { type: 'Accepted', status: 'Unknown', reason: 'Pending', message: `Waiting for controller: no gateway controller of this cluster runs ${c.controllerName} (Cluster spec.gatewayControllers: ${(runs ?? []).join(', ') || 'none'})` };
        return { namespace: '', name: c.name, row, object: () => ({ ...withMeta(c, undefined, c.name, 'GatewayClass', seed), status: { conditions: [cond] } }) };
      });
    case 'gateways':
      return state.model.gateways.map((gw: GatewayT) => gatewayListed(cluster, gw));
    case 'httproutes':
    case 'grpcroutes':
      return (resource === 'httproutes' ? state.model.httpRoutes : state.model.grpcRoutes).map((r: RouteT) => ({ namespace: r.namespace, name: r.name, row: [r.name, hostsColumn(r.hostnames), AGE], object: () => httpRouteObject(cluster, r) }));
  }
}

/** Is a Gateway handled by the cluster's gateway implementation (its GatewayClass exists and is accepted)? */
function gatewayHandled(cluster: ClusterState, gw: GatewayT): boolean {
  return classAccepted(edgeState(cluster).model, gw.className, gatewayControllers(cluster.config));
}

function gatewayListed(cluster: ClusterState, gw: GatewayT): EdgeListed {
  const state = edgeState(cluster);
  const proxy = state.gateways.get(gw);
  const address = proxy?.address ?? '';
  const handled = gatewayHandled(cluster, gw);
  const accepted = !!proxy;
  const programmed = accepted && address !== '';
  if (!handled) {
    // No controller reconciles it: the CRD's default status (Accepted and Programmed Unknown, Pending).
    const cls = state.model.gatewayClasses.find((c) => c.name === gw.className);
    const why = cls ? `GatewayClass ${gw.className} (controllerName ${cls.controllerName}) is not run by any gateway controller of this cluster` : `GatewayClass ${gw.className} does not exist`;
    const pending = (type: string) => ({ type, status: 'Unknown', reason: 'Pending', message: `Waiting for controller: ${why}` });
    return {
      namespace: gw.namespace, name: gw.name, row: [gw.name, gw.className, '', 'Unknown', AGE],
      object: () => ({ ...withMeta(gw, gw.namespace, gw.name, 'Gateway', cluster.seed), status: { conditions: [pending('Accepted'), pending('Programmed')] } }),
    };
  }
  return {
    namespace: gw.namespace, name: gw.name, row: [gw.name, gw.className, address, programmed ? 'True' : 'False', AGE],
    object: () => ({
      ...withMeta(gw, gw.namespace, gw.name, 'Gateway', cluster.seed),
      status: {
        addresses: address ? [{ type: 'IPAddress', value: address }] : [],
        conditions: [
          condition('Accepted', accepted, accepted ? 'Accepted' : 'ListenersNotValid', accepted ? 'Gateway accepted' : 'no listener has a valid port'),
          condition('Programmed', programmed, programmed ? 'Programmed' : 'Invalid', programmed ? `proxy ${proxy!.service.namespace}/${proxy!.service.name}` : 'no proxy'),
        ],
        listeners: gw.listeners.map((l) => ({
          name: l.name,
          attachedRoutes: state.gateway.attached.get(l)?.length ?? 0,
          supportedKinds: supportedKinds(l),
          conditions: [condition('Accepted', true, 'Accepted', 'listener accepted'), condition('Programmed', programmed, programmed ? 'Programmed' : 'Invalid', '')],
        })),
      },
    }),
  };
}

const REF_MESSAGES: Record<string, string> = {
  ResolvedRefs: 'all backendRefs resolved',
  BackendNotFound: 'a backendRef names a Service that does not exist',
  RefNotPermitted: 'a backendRef to another namespace has no ReferenceGrant that permits it',
  InvalidKind: 'a backendRef is not a Service',
};
const ATTACH_MESSAGES: Record<string, string> = {
  Accepted: 'attached',
  NoMatchingParent: 'no Gateway listener matches the parentRef (name, sectionName, port)',
  NotAllowedByListeners: "the listeners' allowedRoutes do not admit this route (namespace or kind)",
  NoMatchingListenerHostname: "no listener hostname intersects the route's hostnames",
  HostnameConflict: 'an older route of the other kind (HTTPRoute / GRPCRoute) with intersecting hostnames holds the listener',
};

/** The route kinds a listener takes: allowedRoutes.kinds, else HTTPRoute and GRPCRoute on HTTP and HTTPS, HTTPRoute on a terminating TLS listener. */
function supportedKinds(l: ListenerT): Array<{ group: string; kind: string }> {
  const kinds = l.kinds.length ? l.kinds : l.protocol === 'HTTP' || l.protocol === 'HTTPS' ? ['HTTPRoute', 'GRPCRoute'] : ['HTTPRoute'];
  return kinds.map((kind) => ({ group: 'gateway.networking.k8s.io', kind }));
}

/** The route's (HTTPRoute or GRPCRoute) status.parents as the gateway implementation writes them. */
export function httpRouteObject(cluster: ClusterState, r: RouteT): KubeObject {
  const state = edgeState(cluster);
  const refs = r.rules.flatMap((rule) => rule.backendRefs.map((b) => state.gateway.backends.get(b)!));
  const bad = refs.find((x) => x.reason !== 'ResolvedRefs');
  const refReason = bad?.reason ?? 'ResolvedRefs';
  return {
    ...withMeta(r, r.namespace, r.name, r.kind, cluster.seed),
    status: {
      // A parent Gateway no controller of the cluster handles gets no status entry (nobody writes one).
      parents: (state.gateway.parents.get(r) ?? []).filter((p) => !p.gateway || gatewayHandled(cluster, p.gateway)).map((p) => ({
        parentRef: { group: p.ref.group, kind: p.ref.kind, namespace: p.ref.namespace, name: p.ref.name, ...(p.ref.sectionName ? { sectionName: p.ref.sectionName } : {}), ...(p.ref.port ? { port: p.ref.port } : {}) },
        controllerName: 'svclab.io/gateway',
        conditions: [
          condition('Accepted', p.reason === 'Accepted', p.reason, p.rival ? `${ATTACH_MESSAGES[p.reason]}: ${p.rival}` : ATTACH_MESSAGES[p.reason]),
          condition('ResolvedRefs', refReason === 'ResolvedRefs', refReason, bad ? `${REF_MESSAGES[refReason]}: ${bad.ref.namespace}/${bad.ref.name}` : REF_MESSAGES.ResolvedRefs),
        ],
      })),
    },
  };
}
