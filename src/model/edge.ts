/**
 * The edge kinds as typed, defaulted data: Ingress and IngressClass (networking.k8s.io/v1) and
 * the Gateway API (gateway.networking.k8s.io: GatewayClass, Gateway, HTTPRoute, GRPCRoute, ReferenceGrant),
 * read from the model's objects. Defaults are the API server's (Ingress: k8s.io/api
 * networking/v1 types.go) and the Gateway API CRDs' (config/crd/standard/*.yaml: `default:`).
 */
import { arr, num, obj, str, type Obj } from './guards';
import type { AnyObject, Model } from './types';
import { namespaceLabelTable } from './network-policy';

export const NETWORKING_GROUP = 'networking.k8s.io';
export const GATEWAY_GROUP = 'gateway.networking.k8s.io';
/** IngressClass annotation that makes a class the default (networking/v1 AnnotationIsDefaultIngressClass). */
export const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';
/** The deprecated class annotation, still read by ingress-nginx. */
export const CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

export type FieldPath = Array<string | number>;

export interface IngressServiceBackend {
  service?: { name: string; port: { number?: number; name?: string } };
  resource?: { kind: string; name: string; apiGroup?: string };
  /** Field path of the backend mapping. */
  path: FieldPath;
}

export type IngressPathType = 'Exact' | 'Prefix' | 'ImplementationSpecific';

export interface IngressHTTPPath {
  path: string;
  pathType: IngressPathType;
  backend: IngressServiceBackend;
  fieldPath: FieldPath;
}

export interface IngressRule {
  /** Lower-cased; undefined = every host. */
  host: string | undefined;
  paths: IngressHTTPPath[];
  fieldPath: FieldPath;
}

export interface EdgeIngress {
  object: AnyObject;
  namespace: string;
  name: string;
  /** spec.ingressClassName as written. */
  className: string | undefined;
  /** The deprecated kubernetes.io/ingress.class annotation. */
  annotationClass: string | undefined;
  defaultBackend: IngressServiceBackend | undefined;
  rules: IngressRule[];
  tls: Array<{ hosts: string[]; secretName: string | undefined; fieldPath: FieldPath }>;
  /** Position in the input (stands for creationTimestamp: earlier = older). */
  order: number;
}

export interface EdgeIngressClass {
  object: AnyObject;
  name: string;
  controller: string;
  isDefault: boolean;
  order: number;
}

export interface GatewayClassT {
  object: AnyObject;
  name: string;
  controllerName: string;
}

export interface ListenerT {
  name: string;
  hostname: string | undefined;
  port: number;
  protocol: string;
  /** allowedRoutes.namespaces.from (default Same) and its selector. */
  from: 'Same' | 'All' | 'Selector';
  selector: Obj | undefined;
  /** allowedRoutes.kinds (empty: the protocol's default, HTTPRoute for HTTP/HTTPS). */
  kinds: string[];
  tlsMode: string | undefined;
  certificateRefs: string[];
  fieldPath: FieldPath;
}

export interface GatewayT {
  object: AnyObject;
  namespace: string;
  name: string;
  className: string;
  listeners: ListenerT[];
  order: number;
}

export interface ParentRefT {
  group: string;
  kind: string;
  namespace: string;
  name: string;
  sectionName: string | undefined;
  port: number | undefined;
  fieldPath: FieldPath;
}

export interface HTTPMatchT {
  path: { type: 'Exact' | 'PathPrefix' | 'RegularExpression'; value: string };
  headers: Array<{ type: 'Exact' | 'RegularExpression'; name: string; value: string }>;
  queryParams: Array<{ type: 'Exact' | 'RegularExpression'; name: string; value: string }>;
  method: string | undefined;
}

export interface BackendRefT {
  group: string;
  kind: string;
  namespace: string;
  name: string;
  port: number | undefined;
  weight: number;
  fieldPath: FieldPath;
}

export interface HTTPRuleT {
  matches: HTTPMatchT[];
  backendRefs: BackendRefT[];
  fieldPath: FieldPath;
}

/** What HTTPRoute and GRPCRoute share (CommonRouteSpec, hostnames, backendRefs): attachment and references. */
export interface RouteT {
  object: AnyObject;
  kind: 'HTTPRoute' | 'GRPCRoute';
  namespace: string;
  name: string;
  parentRefs: ParentRefT[];
  /** Lower-cased. */
  hostnames: string[];
  rules: Array<{ backendRefs: BackendRefT[]; fieldPath: FieldPath }>;
  order: number;
}

export interface HTTPRouteT extends RouteT {
  kind: 'HTTPRoute';
  rules: HTTPRuleT[];
}

/** GRPCRouteMatch: the method (service and/or method, Exact or RegularExpression) and headers. */
export interface GRPCMatchT {
  method: { type: 'Exact' | 'RegularExpression'; service: string | undefined; method: string | undefined } | undefined;
  headers: Array<{ type: 'Exact' | 'RegularExpression'; name: string; value: string }>;
}

export interface GRPCRouteT extends RouteT {
  kind: 'GRPCRoute';
  rules: Array<{ matches: GRPCMatchT[]; backendRefs: BackendRefT[]; fieldPath: FieldPath }>;
}

export interface ReferenceGrantT {
  namespace: string;
  from: Array<{ group: string; kind: string; namespace: string }>;
  to: Array<{ group: string; kind: string; name: string | undefined }>;
}

export interface EdgeModel {
  ingresses: EdgeIngress[];
  ingressClasses: EdgeIngressClass[];
  gatewayClasses: GatewayClassT[];
  gateways: GatewayT[];
  httpRoutes: HTTPRouteT[];
  grpcRoutes: GRPCRouteT[];
  referenceGrants: ReferenceGrantT[];
}

const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '');
const lower = (s: string | undefined) => (s === undefined ? undefined : s.toLowerCase());

function ingressBackend(v: unknown, path: FieldPath): IngressServiceBackend | undefined {
  if (v === undefined) return undefined;
  const b = obj(v);
  const out: IngressServiceBackend = { path };
  if (b.service !== undefined) {
    const s = obj(b.service);
    const p = obj(s.port);
    out.service = { name: str(s.name) ?? '', port: { number: num(p.number), name: str(p.name) } };
  }
  if (b.resource !== undefined) {
    const r = obj(b.resource);
    out.resource = { kind: str(r.kind) ?? '', name: str(r.name) ?? '', apiGroup: str(r.apiGroup) };
  }
  return out;
}

function ingressOf(o: AnyObject, order: number): EdgeIngress {
  const spec = obj(o.manifest.value.spec);
  const rules = arr(spec.rules).map((r, i): IngressRule => {
    const rule = obj(r);
    const paths = arr(obj(rule.http).paths).map((p, j): IngressHTTPPath => {
      const hp = obj(p);
      const fieldPath: FieldPath = ['spec', 'rules', i, 'http', 'paths', j];
      const t = str(hp.pathType);
      const pathType: IngressPathType = t === 'Exact' || t === 'Prefix' ? t : 'ImplementationSpecific';
      return { path: str(hp.path) ?? '/', pathType, backend: ingressBackend(hp.backend, [...fieldPath, 'backend']) ?? { path: [...fieldPath, 'backend'] }, fieldPath };
    });
    return { host: lower(str(rule.host) || undefined), paths, fieldPath: ['spec', 'rules', i] };
  });
  const tls = arr(spec.tls).map((t, i) => ({ hosts: arr(obj(t).hosts).map((h) => String(h).toLowerCase()), secretName: str(obj(t).secretName), fieldPath: ['spec', 'tls', i] }));
  return {
    object: o, namespace: o.metadata.namespace, name: o.metadata.name, className: str(spec.ingressClassName), annotationClass: o.metadata.annotations[CLASS_ANNOTATION],
    defaultBackend: ingressBackend(spec.defaultBackend, ['spec', 'defaultBackend']), rules, tls, order,
  };
}

function listenerOf(v: unknown, i: number): ListenerT {
  const l = obj(v);
  const allowed = obj(l.allowedRoutes);
  const ns = obj(allowed.namespaces);
  const from = str(ns.from);
  const tls = obj(l.tls);
  return {
    name: str(l.name) ?? '', hostname: lower(str(l.hostname)), port: num(l.port) ?? 0, protocol: str(l.protocol) ?? '',
    from: from === 'All' || from === 'Selector' ? from : 'Same', selector: ns.selector === undefined ? undefined : obj(ns.selector),
    kinds: arr(allowed.kinds).map((k) => str(obj(k).kind) ?? ''), tlsMode: str(tls.mode) ?? (l.tls ? 'Terminate' : undefined),
    certificateRefs: arr(tls.certificateRefs).map((c) => str(obj(c).name) ?? ''), fieldPath: ['spec', 'listeners', i],
  };
}

type MatchValue = { type: 'Exact' | 'RegularExpression'; name: string; value: string };
const matchValues = (v: unknown): MatchValue[] =>
  arr(v).map((h) => {
    const m = obj(h);
    return { type: str(m.type) === 'RegularExpression' ? 'RegularExpression' : 'Exact', name: str(m.name) ?? '', value: str(m.value) ?? '' };
  });

function parentRefsOf(spec: Obj, ns: string): ParentRefT[] {
  return arr(spec.parentRefs).map((p, i): ParentRefT => {
    const r = obj(p);
    return { group: str(r.group) ?? GATEWAY_GROUP, kind: str(r.kind) ?? 'Gateway', namespace: str(r.namespace) ?? ns, name: str(r.name) ?? '', sectionName: str(r.sectionName), port: num(r.port), fieldPath: ['spec', 'parentRefs', i] };
  });
}

function backendRefsOf(rule: Obj, ns: string, i: number): BackendRefT[] {
  return arr(rule.backendRefs).map((b, j): BackendRefT => {
    const br = obj(b);
    return { group: str(br.group) ?? '', kind: str(br.kind) ?? 'Service', namespace: str(br.namespace) ?? ns, name: str(br.name) ?? '', port: num(br.port), weight: num(br.weight) ?? 1, fieldPath: ['spec', 'rules', i, 'backendRefs', j] };
  });
}

function httpRouteOf(o: AnyObject, order: number): HTTPRouteT {
  const spec = obj(o.manifest.value.spec);
  const ns = o.metadata.namespace;
  // The CRD defaults rules to one rule matching PathPrefix "/", and a rule's matches likewise.
  const rawRules = spec.rules === undefined ? [{}] : arr(spec.rules);
  const rules = rawRules.map((r, i): HTTPRuleT => {
    const rule = obj(r);
    const rawMatches = rule.matches === undefined ? [{}] : arr(rule.matches);
    const matches = rawMatches.map((m): HTTPMatchT => {
      const mm = obj(m);
      const p = obj(mm.path ?? { type: 'PathPrefix', value: '/' });
      const t = str(p.type);
      return {
        path: { type: t === 'Exact' || t === 'RegularExpression' ? t : 'PathPrefix', value: str(p.value) ?? '/' },
        headers: matchValues(mm.headers), queryParams: matchValues(mm.queryParams), method: str(mm.method),
      };
    });
    return { matches, backendRefs: backendRefsOf(rule, ns, i), fieldPath: ['spec', 'rules', i] };
  });
  return { object: o, kind: 'HTTPRoute', namespace: ns, name: o.metadata.name, parentRefs: parentRefsOf(spec, ns), hostnames: arr(spec.hostnames).map((h) => String(h).toLowerCase()), rules, order };
}

/** A GRPCRoute (apis/v1 grpcroute_types.go): no matches = every gRPC request; method.type defaults to Exact. */
function grpcRouteOf(o: AnyObject, order: number): GRPCRouteT {
  const spec = obj(o.manifest.value.spec);
  const ns = o.metadata.namespace;
  const rawRules = spec.rules === undefined ? [{}] : arr(spec.rules);
  const rules = rawRules.map((r, i) => {
    const rule = obj(r);
    const rawMatches = rule.matches === undefined || arr(rule.matches).length === 0 ? [{}] : arr(rule.matches);
    const matches = rawMatches.map((m): GRPCMatchT => {
      const mm = obj(m);
      const method = mm.method === undefined ? undefined : obj(mm.method);
      return {
        method: method ? { type: str(method.type) === 'RegularExpression' ? 'RegularExpression' : 'Exact', service: str(method.service) || undefined, method: str(method.method) || undefined } : undefined,
        headers: matchValues(mm.headers),
      };
    });
    return { matches, backendRefs: backendRefsOf(rule, ns, i), fieldPath: ['spec', 'rules', i] as FieldPath };
  });
  return { object: o, kind: 'GRPCRoute', namespace: ns, name: o.metadata.name, parentRefs: parentRefsOf(spec, ns), hostnames: arr(spec.hostnames).map((h) => String(h).toLowerCase()), rules, order };
}

/** The edge objects of the model, typed and defaulted, in input order. */
export function edgeModel(model: Model): EdgeModel {
  const out: EdgeModel = { ingresses: [], ingressClasses: [], gatewayClasses: [], gateways: [], httpRoutes: [], grpcRoutes: [], referenceGrants: [] };
  model.objects.forEach((o, order) => {
    const group = groupOf(o.ref.apiVersion);
    const spec = obj(o.manifest.value.spec);
    if (group === NETWORKING_GROUP && o.kind === 'Ingress') out.ingresses.push(ingressOf(o, order));
    else if (group === NETWORKING_GROUP && o.kind === 'IngressClass') {
      out.ingressClasses.push({ object: o, name: o.metadata.name, controller: str(spec.controller) ?? '', isDefault: o.metadata.annotations[DEFAULT_CLASS_ANNOTATION] === 'true', order });
    } else if (group === GATEWAY_GROUP) {
      if (o.kind === 'GatewayClass') out.gatewayClasses.push({ object: o, name: o.metadata.name, controllerName: str(spec.controllerName) ?? '' });
      else if (o.kind === 'Gateway') out.gateways.push({ object: o, namespace: o.metadata.namespace, name: o.metadata.name, className: str(spec.gatewayClassName) ?? '', listeners: arr(spec.listeners).map(listenerOf), order });
      else if (o.kind === 'HTTPRoute') out.httpRoutes.push(httpRouteOf(o, order));
      else if (o.kind === 'GRPCRoute') out.grpcRoutes.push(grpcRouteOf(o, order));
      else if (o.kind === 'ReferenceGrant') {
        out.referenceGrants.push({
          namespace: o.metadata.namespace,
          from: arr(spec.from).map((f) => ({ group: str(obj(f).group) ?? '', kind: str(obj(f).kind) ?? '', namespace: str(obj(f).namespace) ?? '' })),
          to: arr(spec.to).map((t) => ({ group: str(obj(t).group) ?? '', kind: str(obj(t).kind) ?? '', name: str(obj(t).name) })),
        });
      }
    }
  });
  return out;
}

/**
 * The IngressClass the DefaultIngressClass admission plugin writes into an Ingress created
 * without spec.ingressClassName and without the class annotation (plugin/pkg/admission/network/
 * defaultingressclass: GetDefaultClass): of several defaults, the newest; without clocks, the
 * later one in input order.
 */
export function defaultIngressClass(classes: readonly EdgeIngressClass[]): EdgeIngressClass | undefined {
  let best: EdgeIngressClass | undefined;
  for (const c of classes) if (c.isDefault && (!best || c.order >= best.order)) best = c;
  return best;
}

/**
 * Each namespace, from the input or implied by an object in it, with its labels (and
 * kubernetes.io/metadata.name): the table NetworkPolicy uses (model/network-policy.ts), so that
 * Gateway allowedRoutes selectors and policy namespace selectors see the same labels.
 */
export function namespaceLabels(model: Model): Map<string, Record<string, string>> {
  return namespaceLabelTable(model, model.objects.map((o) => o.metadata.namespace).filter((ns) => ns !== ''));
}
