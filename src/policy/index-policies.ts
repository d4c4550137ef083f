/**
 * The cluster's NetworkPolicies, indexed: compiled once, filed by namespace, and for each pod
 * the policies that isolate it (worked out on first use and kept), so a verdict never scans
 * every policy, nor every pod.
 */
import type { PodSpec } from '../model/types';
import { namespaceLabelTable, NAMESPACE_NAME_LABEL } from '../model/network-policy';
import { cacheOf } from '../sim/cache';
import type { ClusterState, SimPod } from '../sim/types';
import { compilePolicy, type CompiledPolicy } from './compile';

/** What a policy needs of a pod (a SimPod, or the ad-hoc debug pod of `--from pod`). */
export interface PolicyPod {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  nodeName: string;
  spec: Pick<PodSpec, 'containers' | 'initContainers' | 'hostNetwork'>;
}

export interface Isolation {
  ingress: CompiledPolicy[];
  egress: CompiledPolicy[];
}

const NONE: Isolation = { ingress: [], egress: [] };

export class PolicyIndex {
  private readonly byNamespace = new Map<string, CompiledPolicy[]>();
  private readonly isolation = new Map<PolicyPod, Isolation>();
  private readonly nsLabels: Map<string, Record<string, string>>;
  private readonly nodeIPs: Map<string, string>;

  constructor(cluster: ClusterState) {
    for (const np of cluster.model.networkPolicies) {
      const c = compilePolicy(np);
      const list = this.byNamespace.get(c.namespace);
      if (list) list.push(c);
      else this.byNamespace.set(c.namespace, [c]);
    }
    this.nsLabels = namespaceLabelTable(cluster.model, cluster.pods.map((p) => p.namespace));
    this.nodeIPs = new Map(cluster.nodes.map((n) => [n.name, n.internalIP]));
  }

  /** The policies of a namespace, in input order. */
  policiesIn(namespace: string): readonly CompiledPolicy[] {
    return this.byNamespace.get(namespace) ?? [];
  }

  /** The labels of a namespace (`kubernetes.io/metadata.name` always among them). */
  namespaceLabels(namespace: string): Record<string, string> {
    let labels = this.nsLabels.get(namespace);
    if (!labels) this.nsLabels.set(namespace, (labels = { [NAMESPACE_NAME_LABEL]: namespace }));
    return labels;
  }

  nodeIP(node: string): string | undefined {
    return this.nodeIPs.get(node);
  }

  /** The policies that select the pod, per direction its policyTypes isolate (hostNetwork pods: none). */
  isolating(pod: PolicyPod): Isolation {
    let iso = this.isolation.get(pod);
    if (iso) return iso;
    iso = NONE;
    const policies = pod.spec.hostNetwork ? [] : this.policiesIn(pod.namespace);
    for (const p of policies) {
      if (!p.selector.matches(pod.labels)) continue;
      if (iso === NONE) iso = { ingress: [], egress: [] };
      if (p.ingress) iso.ingress.push(p);
      if (p.egress) iso.egress.push(p);
    }
    this.isolation.set(pod, iso);
    return iso;
  }
}

export function policyIndex(cluster: ClusterState): PolicyIndex {
  return cacheOf(cluster).slot('policy-index', () => new PolicyIndex(cluster));
}

/** The pod as a policy end: a pod with its own address (hostNetwork pods are their node's address, so none). */
export function asPolicyPod(pod: SimPod | null): PolicyPod | null {
  return pod && !pod.spec.hostNetwork ? pod : null;
}
