/**
 * The picture of a simulated cluster as data: nodes as lanes holding their pods, Services linked
 * to the pods their EndpointSlices hold (per port), headless Services with their per-pod names,
 * ExternalName targets, external clients, lint marks. Renderers (svg, mermaid, dot, html) only
 * draw this; nothing here knows about pixels or markup.
 *
 * Entry points (Ingress, Gateway) and policy sets (NetworkPolicy) have their own element kinds
 * and link kinds, so that those features add elements without changing the renderers' contract.
 */
import type { Finding } from '../../types';
import type { SimCluster, SimPod, SimService } from '../../sim/types';
import { labelSelectorAsSelector } from '../../model/selectors';

export type ElementKind = 'pod' | 'stack' | 'service' | 'external-name' | 'client' | 'entry' | 'policy';

/** How a pod stands: Running and Ready, Running but not Ready, Terminating, or Pending (no node). */
export type PodState = 'ready' | 'not-ready' | 'terminating' | 'pending';

export interface GraphElement {
  /** Stable id: `pod:ns/name`, `stack:ns/Kind/name`, `svc:ns/name`, `extname:ns/name`, `client:external`. */
  id: string;
  kind: ElementKind;
  /** The first line drawn (a name). */
  title: string;
  /** Further lines (IP, type, ports, state). */
  lines: string[];
  /** The lane (`node:NAME`) holding it; null outside every lane. */
  lane: string | null;
  namespace: string;
  /** Pods: state; stacks: the state of the most of them; others: null. */
  state: PodState | null;
  /** Labels (pods and stacks: the pod labels; shown on hover). */
  labels: Record<string, string>;
  /** Stacks: how many pods, and on how many nodes. */
  count?: number;
  nodes?: number;
  /** Lint errors and warnings about the object(s) drawn here. */
  marks: Array<{ severity: 'error' | 'warning'; ruleId: string; message: string }>;
}

export type LinkState = 'ready' | 'not-ready' | 'unresolved' | 'external-name' | 'entry' | 'policy';

export interface GraphLink {
  from: string;
  to: string;
  /** What the link says: Service port → endpoint port(s), or a name. */
  label: string;
  state: LinkState;
}

export interface GraphLane {
  id: string;
  /** Node name. */
  title: string;
  /** Internal IP, pod CIDR, role. */
  lines: string[];
  /** Pods drawn in it (stacks count their pods on this node). */
  pods: number;
}

export interface GraphModel {
  /** Cluster name and what is shown, for the picture's title. */
  title: string;
  description: string;
  lanes: GraphLane[];
  elements: GraphElement[];
  links: GraphLink[];
  /** True when the pods of each workload are drawn as stacks (large clusters). */
  stacked: boolean;
}

export interface GraphOptions {
  /** Only this namespace (default: every namespace). */
  namespace?: string;
  /** Findings to mark on the objects they concern. */
  findings?: readonly Finding[];
  /** Draw built-in Services (`default/kubernetes`, `kube-system/kube-dns`); default false. */
  builtIns?: boolean;
  /** Pods drawn one by one up to this many; above, each workload becomes one stack (default 200). */
  stackAbove?: number;
  /** Draw the external client (default: when a Service is reachable from outside). */
  external?: boolean;
}

export const DEFAULT_STACK_ABOVE = 200;

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function podState(p: SimPod): PodState {
  if (p.phase === 'Pending') return 'pending';
  if (p.terminating) return 'terminating';
  return p.ready ? 'ready' : 'not-ready';
}

export const podId = (namespace: string, name: string) => `pod:${namespace}/${name}`;
export const serviceId = (namespace: string, name: string) => `svc:${namespace}/${name}`;
export const laneId = (node: string) => `node:${node}`;
export const EXTERNAL_CLIENT = 'client:external';

function servicePortsLine(s: SimService): string {
  return s.ports
    .map((p) => `${p.port}→${p.targetPort ?? p.port}${p.nodePort !== undefined ? ` :${p.nodePort}` : ''}/${p.protocol}`)
    .join(', ');
}

function serviceLines(s: SimService): string[] {
  const lines = [s.type === 'ExternalName' ? 'ExternalName' : s.clusterIP === 'None' ? `${s.type}, headless` : `${s.type} ${s.clusterIP ?? ''}`.trim()];
  if (s.ports.length) lines.push(servicePortsLine(s));
  if (s.type === 'LoadBalancer') lines.push(`LB ${s.loadBalancerIngress === null ? '<pending>' : s.loadBalancerIngress.join(', ') || '<none>'}`);
  return lines;
}

/** The workload key of a pod: its owner as Kubernetes shows it, in its namespace. */
const workloadKey = (p: SimPod) => `${p.namespace}/${p.workload.kind}/${p.workload.ref.name}`;

export function buildGraph(cluster: SimCluster, options: GraphOptions = {}): GraphModel {
  const inScope = (ns: string) => options.namespace === undefined || ns === options.namespace;
  const pods = cluster.pods.filter((p) => inScope(p.namespace));
  const stacked = pods.length > (options.stackAbove ?? DEFAULT_STACK_ABOVE);
  const elements: GraphElement[] = [];
  const links: GraphLink[] = [];
  const podToElement = new Map<string, GraphElement>();
  const lanePods = new Map<string, number>();

  if (stacked) {
    const groups = new Map<string, SimPod[]>();
    for (const p of pods) {
      const k = workloadKey(p);
      const g = groups.get(k);
      if (g) g.push(p);
      else groups.set(k, [p]);
    }
    for (const [key, group] of groups) {
      const first = group[0];
      const nodes = new Set(group.map((p) => p.nodeName).filter((n) => n !== ''));
      const states = new Map<PodState, number>();
      for (const p of group) states.set(podState(p), (states.get(podState(p)) ?? 0) + 1);
      const most = [...states].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))[0][0];
      const summary = [...states].sort((a, b) => cmp(a[0], b[0])).map(([s, n]) => `${n} ${s}`).join(', ');
      const e: GraphElement = {
        id: group.length === 1 ? podId(first.namespace, first.name) : `stack:${key}`,
        kind: group.length === 1 ? 'pod' : 'stack',
        title: group.length === 1 ? first.name : `${first.workload.kind}/${first.workload.ref.name}`,
        lines: group.length === 1 ? [first.podIP || 'no IP', first.nodeName || 'not scheduled'] : [`×${group.length} pods on ${nodes.size} node${nodes.size === 1 ? '' : 's'}`, summary],
        lane: null,
        namespace: first.namespace,
        state: most,
        labels: first.labels,
        count: group.length,
        nodes: nodes.size,
        marks: [],
      };
      elements.push(e);
      for (const p of group) podToElement.set(`${p.namespace}/${p.name}`, e);
      for (const n of nodes) lanePods.set(n, (lanePods.get(n) ?? 0) + group.filter((p) => p.nodeName === n).length);
    }
  } else {
    for (const p of pods) {
      const e: GraphElement = {
        id: podId(p.namespace, p.name),
        kind: 'pod',
        title: p.name,
        lines: [p.podIP || 'no IP', podState(p) + (p.pendingReason ? `: ${p.pendingReason}` : '')],
        lane: p.nodeName ? laneId(p.nodeName) : null,
        namespace: p.namespace,
        state: podState(p),
        labels: p.labels,
        marks: [],
      };
      elements.push(e);
      podToElement.set(`${p.namespace}/${p.name}`, e);
      if (p.nodeName) lanePods.set(p.nodeName, (lanePods.get(p.nodeName) ?? 0) + 1);
    }
  }

  const services = cluster.services.filter((s) => inScope(s.namespace) && (options.builtIns === true || !s.builtIn));
  const slicesByService = new Map<string, SimCluster['endpointSlices']>();
  for (const sl of cluster.endpointSlices) {
    const k = `${sl.namespace}/${sl.serviceName}`;
    const list = slicesByService.get(k);
    if (list) list.push(sl);
    else slicesByService.set(k, [sl]);
  }
  let external = options.external === true;
  if (options.external === false) external = false;
  for (const s of services) {
    const id = serviceId(s.namespace, s.name);
    elements.push({ id, kind: 'service', title: s.name, lines: serviceLines(s), lane: null, namespace: s.namespace, state: null, labels: s.spec.selector ?? {}, marks: [] });
    if (options.external === undefined && (s.type === 'NodePort' || s.type === 'LoadBalancer')) external = true;
    if (s.type === 'ExternalName') {
      const target = s.spec.externalName ?? '';
      const tid = `extname:${s.namespace}/${s.name}`;
      elements.push({ id: tid, kind: 'external-name', title: target || '(no externalName)', lines: ['outside the cluster (DNS CNAME)'], lane: null, namespace: s.namespace, state: null, labels: {}, marks: [] });
      links.push({ from: id, to: tid, label: 'CNAME', state: 'external-name' });
      continue;
    }
    serviceLinks(s, slicesByService.get(`${s.namespace}/${s.name}`) ?? [], podToElement, links, id);
  }
  addEntriesAndPolicies(cluster, inScope, elements, links, podToElement);
  if (external || elements.some((e) => e.kind === 'entry')) elements.push({ id: EXTERNAL_CLIENT, kind: 'client', title: 'external client', lines: ['203.0.113.10'], lane: null, namespace: '', state: null, labels: {}, marks: [] });

  markFindings(elements, options.findings ?? [], pods, podToElement);

  const lanes: GraphLane[] = cluster.nodes
    .filter((n) => !stacked || lanePods.has(n.name) || options.namespace === undefined)
    .map((n) => ({ id: laneId(n.name), title: n.name, lines: [n.internalIP, `pods ${n.podCIDR}`], pods: lanePods.get(n.name) ?? 0 }));
  elements.sort((a, b) => cmp(a.id, b.id));
  links.sort((a, b) => cmp(a.from, b.from) || cmp(a.to, b.to) || cmp(a.label, b.label));
  const scope = options.namespace === undefined ? 'all namespaces' : `namespace ${options.namespace}`;
  return {
    title: `Cluster ${cluster.config.name}: ${scope}`,
    description: `${lanes.length} node${lanes.length === 1 ? '' : 's'}, ${pods.length} pod${pods.length === 1 ? '' : 's'}, ${services.length} Service${services.length === 1 ? '' : 's'}${stacked ? ' (the pods of each workload drawn as one stack)' : ''}`,
    lanes,
    elements,
    links,
    stacked,
  };
}

/**
 * Links of one Service, from its EndpointSlices: per pod, the ports whose endpoint it is
 * (`port→endpointPort`), drawn as ready or not ready (conditions.ready), and the Service ports
 * a selected pod is left out of because it lacks the named targetPort (endpointPorts).
 */
function serviceLinks(s: SimService, slices: SimCluster['endpointSlices'], podToElement: Map<string, GraphElement>, links: GraphLink[], id: string): void {
  const byTarget = new Map<string, { ports: string[]; ready: boolean; portNames: Set<string>; dnsName: string | null }>();
  for (const sl of slices) {
    for (const ep of sl.endpoints) {
      const ref = ep.targetRef;
      if (!ref || ref.kind !== 'Pod') continue;
      const e = podToElement.get(`${ref.namespace}/${ref.name}`);
      if (!e) continue;
      let t = byTarget.get(e.id);
      if (!t) byTarget.set(e.id, (t = { ports: [], ready: false, portNames: new Set(), dnsName: null }));
      t.ready ||= ep.conditions.ready;
      // A headless Service publishes a name per pod that sets hostname and subdomain (CoreDNS: hostname.service.namespace.svc).
      if (s.clusterIP === 'None' && ep.hostname) t.dnsName = `${ep.hostname}.${s.name}`;
      for (const sp of sl.ports) {
        t.portNames.add(sp.name);
        const svcPort = s.ports.find((p) => (p.name ?? '') === sp.name);
        const text = `${svcPort?.port ?? '?'}→${sp.port}`;
        if (!t.ports.includes(text)) t.ports.push(text);
      }
    }
  }
  for (const [target, t] of byTarget) {
    const missing = s.ports.filter((p) => !t.portNames.has(p.name ?? ''));
    const name = t.dnsName ? ` ${t.dnsName}` : '';
    if (t.ports.length || name) links.push({ from: id, to: target, label: (t.ports.join(', ') || 'no ports') + name + (t.ready ? '' : ' (not ready)'), state: t.ready ? 'ready' : 'not-ready' });
    if (missing.length) links.push({ from: id, to: target, label: `${missing.map((p) => `${p.port}→${String(p.targetPort)}`).join(', ')} unresolved`, state: 'unresolved' });
  }
}

function markFindings(elements: GraphElement[], findings: readonly Finding[], pods: SimPod[], podToElement: Map<string, GraphElement>): void {
  const byId = new Map(elements.map((e) => [e.id, e]));
  const workloadElements = new Map<string, Set<GraphElement>>();
  for (const p of pods) {
    const k = workloadKey(p);
    const e = podToElement.get(`${p.namespace}/${p.name}`);
    if (!e) continue;
    let set = workloadElements.get(k);
    if (!set) workloadElements.set(k, (set = new Set()));
    set.add(e);
  }
  for (const f of findings) {
    if (!f.object || (f.severity !== 'error' && f.severity !== 'warning')) continue;
    const { kind, namespace, name } = f.object;
    const targets: GraphElement[] = [];
    if (kind === 'Service') {
      const e = byId.get(serviceId(namespace, name));
      if (e) targets.push(e);
    } else if (kind === 'Pod') {
      const e = podToElement.get(`${namespace}/${name}`);
      if (e) targets.push(e);
    }
    for (const e of workloadElements.get(`${namespace}/${kind}/${name}`) ?? []) if (!targets.includes(e)) targets.push(e);
    for (const e of targets) e.marks.push({ severity: f.severity, ruleId: f.ruleId, message: f.message });
  }
}

/**
 * Ingresses as entry points linked to the Services of their backends, and NetworkPolicies as
 * the sets of pods they isolate (podSelector in the policy's namespace; LabelSelectorAsSelector).
 * Drawn from the model; how traffic through them is decided belongs to the route engine.
 */
function addEntriesAndPolicies(cluster: SimCluster, inScope: (ns: string) => boolean, elements: GraphElement[], links: GraphLink[], podToElement: Map<string, GraphElement>): void {
  const drawn = new Set(elements.map((e) => e.id));
  for (const ing of cluster.model.ingresses) {
    const ns = ing.ref.namespace;
    if (!inScope(ns)) continue;
    const id = `entry:${ns}/Ingress/${ing.ref.name}`;
    const entry: GraphElement = { id, kind: 'entry', title: ing.ref.name, lines: ['Ingress'], lane: null, namespace: ns, state: null, labels: {}, marks: [] };
    elements.push(entry);
    links.push({ from: EXTERNAL_CLIENT, to: id, label: 'HTTP', state: 'entry' });
    const seen = new Set<string>();
    for (const b of ing.backends) {
      const to = serviceId(ns, b.serviceName);
      const label = b.port === undefined ? b.serviceName : `${b.serviceName}:${String(b.port)}`;
      if (seen.has(label)) continue;
      seen.add(label);
      if (drawn.has(to)) links.push({ from: id, to, label, state: 'entry' });
      else entry.lines.push(`backend ${label}: no such Service`);
    }
  }
  for (const np of cluster.model.networkPolicies) {
    const ns = np.ref.namespace;
    if (!inScope(ns)) continue;
    const id = `policy:${ns}/${np.ref.name}`;
    const selector = labelSelectorAsSelector(np.podSelector);
    const targets = new Set<GraphElement>();
    for (const p of cluster.pods) if (p.namespace === ns && selector.matches(p.labels)) {
      const e = podToElement.get(`${p.namespace}/${p.name}`);
      if (e) targets.add(e);
    }
    elements.push({ id, kind: 'policy', title: np.ref.name, lines: [`NetworkPolicy: isolates ${targets.size} pod${targets.size === 1 ? '' : 's'}${targets.size && [...targets].some((e) => e.kind === 'stack') ? ' (stacks)' : ''}`], lane: null, namespace: ns, state: null, labels: np.podSelector.matchLabels ?? {}, marks: [] });
    for (const e of targets) links.push({ from: id, to: e.id, label: 'isolates', state: 'policy' });
  }
}
