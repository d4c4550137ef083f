/**
 * A deterministic kube-scheduler: filters nodes as the scheduler's NodeName, NodeUnschedulable,
 * TaintToleration, NodeAffinity (nodeSelector and required node affinity), NodePorts (host ports
 * taken by pods already on the node) and NodeResourcesFit (pod count) plugins do, then
 * places the pod on the least-loaded eligible node, ties broken by node order. The real scoring
 * (spreading, balanced resources) also spreads replicas over nodes; this is its predictable form.
 */
import type { Toleration } from '../model/types';
import { arr, isObj, obj, str } from '../model/guards';
import { selectorFromSet } from '../model/selectors';
import type { SimNode, Taint } from './types';

export interface Placement {
  node: SimNode | null;
  /** Why no node fits, in the scheduler's words ("0/4 nodes are available: ..."). */
  reason?: string;
}

/** v1helper.TolerationsTolerateTaint: an empty key with Exists tolerates everything; an empty effect matches every effect. */
export function tolerates(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.operator === 'Exists') return !toleration.key || toleration.key === taint.key;
  return toleration.key === taint.key && (toleration.value ?? '') === (taint.value ?? '');
}

/** The first NoSchedule/NoExecute taint no toleration covers (PreferNoSchedule only lowers the score). */
export function untoleratedTaint(node: SimNode, tolerations: Toleration[]): Taint | undefined {
  return node.taints.find((t) => t.effect !== 'PreferNoSchedule' && !tolerations.some((tol) => tolerates(tol, t)));
}

/** The NodeAffinity plugin's nodeSelector check: labels.SelectorFromSet(pod.spec.nodeSelector) on the node's labels. */
export function matchesNodeSelector(node: SimNode, nodeSelector: Record<string, string>): boolean {
  return selectorFromSet(nodeSelector).matches(node.labels);
}

/** One node selector requirement of a required node affinity term (NodeSelectorRequirement). */
export interface NodeSelectorRequirement {
  key: string;
  operator: string;
  values: string[];
}

/** A NodeSelectorTerm: its expressions (on labels) and fields (metadata.name) must all hold. */
export interface NodeSelectorTerm {
  matchExpressions: NodeSelectorRequirement[];
  matchFields: NodeSelectorRequirement[];
}

/** What the filters look at for one pod template, with a key naming this combination. */
export interface Constraints {
  nodeSelector: Record<string, string>;
  tolerations: Toleration[];
  /** requiredDuringSchedulingIgnoredDuringExecution terms (ORed); undefined = no node affinity. */
  affinity: NodeSelectorTerm[] | undefined;
  key: string;
}

export function constraints(nodeSelector: Record<string, string>, tolerations: Toleration[], affinity: NodeSelectorTerm[] | undefined): Constraints {
  return { nodeSelector, tolerations, affinity, key: JSON.stringify([nodeSelector, tolerations, affinity ?? null]) };
}

/** Reads spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution from a raw pod spec. */
export function requiredNodeAffinity(rawSpec: unknown): NodeSelectorTerm[] | undefined {
  const terms = obj(obj(obj(obj(rawSpec).affinity).nodeAffinity).requiredDuringSchedulingIgnoredDuringExecution).nodeSelectorTerms;
  if (!Array.isArray(terms)) return undefined;
  const reqs = (v: unknown): NodeSelectorRequirement[] => arr(v).filter(isObj).map((r) => ({
    key: str(r.key) ?? '',
    operator: str(r.operator) ?? 'In',
    values: arr(r.values).map(String),
  }));
  return terms.filter(isObj).map((t) => ({ matchExpressions: reqs(t.matchExpressions), matchFields: reqs(t.matchFields) }));
}

function requirementHolds(value: string | undefined, r: NodeSelectorRequirement): boolean {
  switch (r.operator) {
    case 'In': return value !== undefined && r.values.includes(value);
    case 'NotIn': return value === undefined || !r.values.includes(value);
    case 'Exists': return value !== undefined;
    case 'DoesNotExist': return value === undefined;
    case 'Gt': return value !== undefined && r.values.length === 1 && Number(value) > Number(r.values[0]);
    case 'Lt': return value !== undefined && r.values.length === 1 && Number(value) < Number(r.values[0]);
    default: return false;
  }
}

/**
 * nodeaffinity: terms are ORed, the requirements inside a term ANDed; a term with no
 * requirement matches nothing, and an empty term list matches no node.
 */
export function matchesAffinity(node: SimNode, terms: NodeSelectorTerm[] | undefined): boolean {
  if (terms === undefined) return true;
  return terms.some((t) =>
    (t.matchExpressions.length > 0 || t.matchFields.length > 0) &&
    t.matchExpressions.every((r) => requirementHolds(node.labels[r.key], r)) &&
    t.matchFields.every((r) => requirementHolds(r.key === 'metadata.name' ? node.name : undefined, r)));
}

function fits(node: SimNode, c: Constraints): boolean {
  return matchesNodeSelector(node, c.nodeSelector) && matchesAffinity(node, c.affinity) && !untoleratedTaint(node, c.tolerations);
}

/**
 * Min-heap of node indexes by (load, index), kept as one number per entry (load * 2^20 + index)
 * so that pushes allocate nothing; entries go stale when a load changes and are refreshed lazily.
 */
const INDEX_SPACE = 1 << 20;
class LoadHeap {
  private readonly items: number[] = [];
  push(load: number, index: number): void {
    const a = this.items;
    let i = a.length;
    const v = load * INDEX_SPACE + index;
    a.push(v);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p] <= v) break;
      a[i] = a[p];
      i = p;
    }
    a[i] = v;
  }
  pop(): [number, number] | undefined {
    const a = this.items;
    if (a.length === 0) return undefined;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= a.length) break;
        const r = l + 1;
        const c = r < a.length && a[r] < a[l] ? r : l;
        if (a[c] >= last) break;
        a[i] = a[c];
        i = c;
      }
      a[i] = last;
    }
    return [Math.floor(top / INDEX_SPACE), top % INDEX_SPACE];
  }
}

/** A host port a container asks for (ContainerPort hostIP, protocol, hostPort). */
export interface HostPort {
  /** hostIP, '0.0.0.0' (DefaultBindAllHostIP) when unset. */
  ip: string;
  protocol: string;
  port: number;
}

const BIND_ALL = '0.0.0.0';
/** The NodePorts plugin's ErrReason. */
export const NODE_PORTS_REASON = "node(s) didn't have free ports for the requested pod ports";

/** nodeports.getContainerPorts: the host ports of the pod's containers (init containers are not counted). */
export function wantedHostPorts(containers: ReadonlyArray<{ ports: ReadonlyArray<{ hostPort: number | undefined; hostIP: string | undefined; protocol: string }> }>): HostPort[] {
  const out: HostPort[] = [];
  for (const c of containers) for (const p of c.ports) if (p.hostPort !== undefined && p.hostPort > 0) out.push({ ip: p.hostIP || BIND_ALL, protocol: p.protocol, port: p.hostPort });
  return out;
}

export class Scheduler {
  /** Pods bound to each node (by node index). */
  readonly load: number[];
  private readonly heaps = new Map<string, LoadHeap>();
  private readonly byName = new Map<string, number>();
  /** Host ports in use on each node: `PROTOCOL/port` -> host IPs (framework.HostPortInfo). */
  private readonly usedPorts: Array<Map<string, Set<string>> | undefined>;

  constructor(readonly nodes: SimNode[], readonly maxPods: number) {
    this.load = nodes.map(() => 0);
    this.usedPorts = nodes.map(() => undefined);
    nodes.forEach((n, i) => this.byName.set(n.name, i));
  }

  /** HostPortInfo.CheckConflict: 0.0.0.0 clashes with the port on any IP, an IP with itself and 0.0.0.0. */
  private conflicts(i: number, wanted: readonly HostPort[]): boolean {
    const used = this.usedPorts[i];
    if (!used || wanted.length === 0) return false;
    return wanted.some((w) => {
      const ips = used.get(`${w.protocol}/${w.port}`);
      if (!ips) return false;
      return w.ip === BIND_ALL ? ips.size > 0 : ips.has(BIND_ALL) || ips.has(w.ip);
    });
  }

  private takePorts(i: number, wanted: readonly HostPort[]): void {
    if (wanted.length === 0) return;
    const used = (this.usedPorts[i] ??= new Map());
    for (const w of wanted) {
      const key = `${w.protocol}/${w.port}`;
      let ips = used.get(key);
      if (!ips) used.set(key, (ips = new Set()));
      ips.add(w.ip);
    }
  }

  /**
   * Binds a pod that names its node: spec.nodeName skips the scheduler, and the kubelet admits
   * the pod or rejects it (its NodePorts and pod-count checks; svclab shows a rejected pod as
   * Pending with the kubelet's message).
   */
  bind(nodeName: string, ports: readonly HostPort[] = []): Placement {
    const i = this.byName.get(nodeName);
    if (i === undefined) return { node: null, reason: `spec.nodeName: node "${nodeName}" does not exist, so no kubelet runs the pod` };
    if (this.conflicts(i, ports)) return { node: null, reason: `node ${nodeName} rejected the pod (kubelet admission): Predicate NodePorts failed: ${NODE_PORTS_REASON}` };
    if (this.load[i] >= this.maxPods) return { node: null, reason: `node ${nodeName} already runs ${this.maxPods} pods (kubelet maxPods): OutOfpods` };
    this.load[i]++;
    this.takePorts(i, ports);
    return { node: this.nodes[i] };
  }

  /**
   * A DaemonSet pod for one node: the DaemonSet controller pins it there with node affinity and
   * the scheduler filters it like any pod, so a host port taken on that node leaves it Pending.
   */
  bindDaemon(nodeName: string, c: Constraints, ports: readonly HostPort[]): Placement {
    const i = this.byName.get(nodeName)!;
    if (this.conflicts(i, ports) || this.load[i] >= this.maxPods) return { node: null, reason: this.explain(c, ports, nodeName) };
    this.load[i]++;
    this.takePorts(i, ports);
    return { node: this.nodes[i] };
  }

  /** Nodes a pod may run on (for a DaemonSet: one pod each). */
  eligible(c: Constraints): SimNode[] {
    return this.nodes.filter((n) => fits(n, c));
  }

  schedule(c: Constraints, ports: readonly HostPort[] = []): Placement {
    if (ports.length) return this.scheduleWithPorts(c, ports);
    let heap = this.heaps.get(c.key);
    if (!heap) {
      heap = new LoadHeap();
      this.nodes.forEach((n, i) => {
        if (fits(n, c)) heap!.push(this.load[i], i);
      });
      this.heaps.set(c.key, heap);
    }
    for (;;) {
      const top = heap.pop();
      if (!top) return { node: null, reason: this.explain(c) };
      const [load, i] = top;
      if (load !== this.load[i]) {
        heap.push(this.load[i], i); // stale entry: the node took pods since
        continue;
      }
      if (load >= this.maxPods) continue; // full for good: loads only grow
      this.load[i]++;
      heap.push(this.load[i], i);
      return { node: this.nodes[i] };
    }
  }

  /** The least-loaded node (ties: node order) that passes the filters and has the host ports free: the heap's choice, by a scan. */
  private scheduleWithPorts(c: Constraints, ports: readonly HostPort[]): Placement {
    let best = -1;
    this.nodes.forEach((n, i) => {
      if (this.load[i] >= this.maxPods || !fits(n, c) || this.conflicts(i, ports)) return;
      if (best < 0 || this.load[i] < this.load[best]) best = i;
    });
    if (best < 0) return { node: null, reason: this.explain(c, ports) };
    this.load[best]++;
    this.takePorts(best, ports);
    return { node: this.nodes[best] };
  }

  /**
   * The scheduler's FailedScheduling message: reasons counted over all nodes. `onlyNode`: the
   * pod's node affinity names one node (a DaemonSet pod), every other node fails NodeAffinity.
   */
  private explain(c: Constraints, ports: readonly HostPort[] = [], onlyNode?: string): string {
    const counts = new Map<string, number>();
    const add = (r: string) => counts.set(r, (counts.get(r) ?? 0) + 1);
    this.nodes.forEach((n, i) => {
      // The first failing filter names the node's reason: TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit.
      const taint = untoleratedTaint(n, c.tolerations);
      if (taint) add(`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`);
      else if ((onlyNode !== undefined && n.name !== onlyNode) || !matchesNodeSelector(n, c.nodeSelector) || !matchesAffinity(n, c.affinity)) add("node(s) didn't match Pod's node affinity/selector");
      else if (this.conflicts(i, ports)) add(NODE_PORTS_REASON);
      else if (this.load[i] >= this.maxPods) add('Too many pods');
    });
    // FitError.Error: "<count> <reason>" strings, sorted as strings.
    const parts = [...counts.entries()].map(([r, c]) => `${c} ${r}`).sort();
    return `0/${this.nodes.length} nodes are available: ${parts.join(', ')}.`;
  }
}
