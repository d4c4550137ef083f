/**
 * Ingress as the ingress-nginx controller serves it (kubernetes/ingress-nginx, the most used
 * controller): which Ingresses it serves (its IngressClass, the deprecated class annotation,
 * the default class the admission plugin fills in), the server (host) a request lands on, and
 * the path that wins there.
 *
 * - Class: spec.ingressClassName, else the kubernetes.io/ingress.class annotation (ingress-nginx
 *   internal/ingress/controller/store IsValid); an Ingress with neither got the default class at
 *   creation (DefaultIngressClass admission plugin), if one existed.
 * - Servers: an exact host first, then a `*.domain` wildcard (one label), then the catch-all
 *   server of rules without a host (nginx server_name selection).
 * - Paths: the longest path first, `Exact` before `Prefix` on a tie (the Ingress docs "Multiple
 *   matches"); ImplementationSpecific is nginx's plain location prefix (no element boundary).
 * - Conflicts: one host+path in several Ingresses: the oldest Ingress wins (ingress-nginx docs,
 *   "Ingress path matching"/"multiple Ingresses"); without clocks, the earlier one in input order.
 */
import { defaultIngressClass, type EdgeIngress, type EdgeIngressClass, type EdgeModel, type IngressHTTPPath, type IngressServiceBackend } from '../model/edge';
import { ingressHostMatches, prefixMatches } from './http-match';

/** ingress-nginx's controller value (IngressClass spec.controller) and its default class name. */
export const NGINX_CONTROLLER = 'k8s.io/ingress-nginx';
export const NGINX_CLASS = 'nginx';

export interface ServedPath {
  ingress: EdgeIngress;
  rule: number;
  index: number;
  path: IngressHTTPPath;
}

export interface IngressServer {
  /** `*` for the catch-all server. */
  host: string;
  paths: ServedPath[];
  /** The TLS entry covering this host, if any: its Ingress and secret. */
  tls: { ingress: EdgeIngress; secretName: string | undefined } | undefined;
}

export interface IngressIndex {
  /** The IngressClasses the controller serves (input ones with its controller value, or its own `nginx`). */
  classes: EdgeIngressClass[];
  /** The class each Ingress ends up with, and whether it is served. */
  classOf: Map<EdgeIngress, { name: string | undefined; served: boolean; via: 'spec' | 'annotation' | 'default' | 'none' }>;
  exact: Map<string, IngressServer>;
  /** `*.domain` servers by `.domain`. */
  wildcard: Map<string, IngressServer>;
  catchAll: IngressServer;
  /** The first served Ingress's spec.defaultBackend (ingress-nginx's default server). */
  defaultBackend: { ingress: EdgeIngress; backend: IngressServiceBackend } | undefined;
}

/**
 * The IngressClasses of the cluster: the input's, or, when the input defines none and the
 * ingress-nginx controller runs, the controller's own `nginx` (marked default) as its Helm chart
 * and static manifests create it. Without a controller (Cluster `ingressController: none`) and
 * without input classes there is none.
 */
export function effectiveClasses(model: EdgeModel, controllerOn: boolean): { classes: EdgeIngressClass[]; builtIn: boolean } {
  if (model.ingressClasses.length) return { classes: model.ingressClasses, builtIn: false };
  return controllerOn ? { classes: [builtInClass()], builtIn: true } : { classes: [], builtIn: false };
}

/**
 * Whether the ingress-nginx controller runs: unless the Cluster turns it off. Input
 * IngressClasses do not stop it: it serves those whose spec.controller is k8s.io/ingress-nginx
 * (and Ingresses with the annotation `kubernetes.io/ingress.class: nginx`), as an ingress-nginx
 * installed beside another controller does; only its own class `nginx` is then not created.
 */
export function nginxRuns(ingressController: 'nginx' | 'none'): boolean {
  return ingressController !== 'none';
}

function builtInClass(): EdgeIngressClass {
  return { object: undefined as never, name: NGINX_CLASS, controller: NGINX_CONTROLLER, isDefault: true, order: -1 };
}

/** The class an Ingress ends up with, and whether the controller serves it (never when it does not run). */
export function ingressClassOf(model: EdgeModel, ing: EdgeIngress, controllerOn: boolean): { name: string | undefined; served: boolean; via: 'spec' | 'annotation' | 'default' | 'none' } {
  const { classes } = effectiveClasses(model, controllerOn);
  const served = (name: string | undefined) => controllerOn && name !== undefined && classes.some((c) => c.name === name && c.controller === NGINX_CONTROLLER);
  if (ing.className !== undefined) return { name: ing.className, served: served(ing.className), via: 'spec' };
  // ingress-nginx accepts the annotation when it names its --ingress-class (nginx by default).
  if (ing.annotationClass !== undefined) return { name: ing.annotationClass, served: controllerOn && (ing.annotationClass === NGINX_CLASS || served(ing.annotationClass)), via: 'annotation' };
  const def = defaultIngressClass(classes);
  if (def) return { name: def.name, served: served(def.name), via: 'default' };
  return { name: undefined, served: false, via: 'none' };
}

const server = (host: string): IngressServer => ({ host, paths: [], tls: undefined });

/** Longest path first, Exact before the others on a tie, then the older Ingress, then rule order. */
function byPrecedence(a: ServedPath, b: ServedPath): number {
  const la = a.path.path.length;
  const lb = b.path.path.length;
  if (la !== lb) return lb - la;
  const ea = a.path.pathType === 'Exact' ? 0 : 1;
  const eb = b.path.pathType === 'Exact' ? 0 : 1;
  if (ea !== eb) return ea - eb;
  if (a.ingress.order !== b.ingress.order) return a.ingress.order - b.ingress.order;
  return a.rule - b.rule || a.index - b.index;
}

export function ingressIndex(model: EdgeModel, controllerOn: boolean): IngressIndex {
  const classOf = new Map<EdgeIngress, ReturnType<typeof ingressClassOf>>();
  const exact = new Map<string, IngressServer>();
  const wildcard = new Map<string, IngressServer>();
  const catchAll = server('*');
  let defaultBackend: IngressIndex['defaultBackend'];
  const serverFor = (host: string | undefined): IngressServer => {
    if (host === undefined) return catchAll;
    const table = host.startsWith('*.') ? wildcard : exact;
    const key = host.startsWith('*.') ? host.slice(1) : host;
    let s = table.get(key);
    if (!s) table.set(key, (s = server(host)));
    return s;
  };
  for (const ing of model.ingresses) {
    const cls = ingressClassOf(model, ing, controllerOn);
    classOf.set(ing, cls);
    if (!cls.served) continue;
    if (ing.defaultBackend && !defaultBackend) defaultBackend = { ingress: ing, backend: ing.defaultBackend };
    ing.rules.forEach((rule, r) => {
      const s = serverFor(rule.host);
      rule.paths.forEach((path, index) => s.paths.push({ ingress: ing, rule: r, index, path }));
    });
    for (const t of ing.tls) for (const h of t.hosts) {
      const s = serverFor(h);
      s.tls ??= { ingress: ing, secretName: t.secretName };
    }
  }
  for (const s of [catchAll, ...exact.values(), ...wildcard.values()]) s.paths.sort(byPrecedence);
  return { classes: effectiveClasses(model, controllerOn).classes, classOf, exact, wildcard, catchAll, defaultBackend };
}

/** The server a Host lands on: exact, then the one-label wildcard, then the catch-all. */
export function serverFor(idx: IngressIndex, host: string): IngressServer {
  const exact = idx.exact.get(host);
  if (exact && exact.paths.length) return exact;
  const dot = host.indexOf('.');
  if (dot > 0) {
    const w = idx.wildcard.get(host.slice(dot));
    if (w && w.paths.length && ingressHostMatches(w.host, host)) return w;
  }
  return idx.catchAll;
}

/** Does an Ingress path match the request path? */
export function ingressPathMatches(p: IngressHTTPPath, path: string): boolean {
  switch (p.pathType) {
    case 'Exact':
      return p.path === path;
    case 'Prefix':
      return prefixMatches(p.path, path);
    case 'ImplementationSpecific':
      // ingress-nginx without nginx.ingress.kubernetes.io/use-regex: an nginx location prefix (no element boundary).
      return path.startsWith(p.path);
  }
}

/** The path of the server that takes the request, or undefined. */
export function matchIngressPath(s: IngressServer, path: string): ServedPath | undefined {
  for (const p of s.paths) if (ingressPathMatches(p.path, path)) return p;
  return undefined;
}
