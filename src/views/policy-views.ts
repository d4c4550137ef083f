/**
 * `kubectl get networkpolicies` and `kubectl get namespaces` for the simulated cluster
 * (pkg/printers/internalversion/printers.go printNetworkPolicy: NAME, POD-SELECTOR, AGE;
 * printNamespace: NAME, STATUS, AGE). Namespaces are those a cluster always has (default,
 * kube-node-lease, kube-public, kube-system), the input's Namespace objects and every namespace
 * an object lands in, each with the API server's `kubernetes.io/metadata.name` label.
 */
import { clone, type KubeObject } from './objects';
import { namespaceLabelTable } from '../model/network-policy';
import type { LabelSelector, NetworkPolicyObject } from '../model/types';
import { fakeUid } from '../sim/naming';
import type { ClusterState } from '../sim/types';
import { AGE } from './printers';

/** The namespaces kubeadm's cluster starts with. */
const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

/** metav1.FormatLabelSelector: `<none>` for an empty selector, else `k=v,k2 in (a,b),!k3`. */
export function formatLabelSelector(s: LabelSelector): string {
  const parts = Object.keys(s.matchLabels).sort().map((k) => `${k}=${s.matchLabels[k]}`);
  for (const e of s.matchExpressions) {
    if (e.operator === 'In') parts.push(`${e.key} in (${e.values.join(',')})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${e.values.join(',')})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else parts.push(`!${e.key}`);
  }
  return parts.length ? parts.join(',') : '<none>';
}

export function networkPolicyRow(np: NetworkPolicyObject): string[] {
  return [np.metadata.name, formatLabelSelector(np.podSelector), AGE];
}

/** The policy as stored: as written, with policyTypes defaulted (SetDefaults_NetworkPolicy) and ports' protocol TCP. */
export function networkPolicyObject(np: NetworkPolicyObject, seed: number): KubeObject {
  const raw = clone(np.manifest.value) as KubeObject;
  const md = { ...(raw.metadata as KubeObject), name: np.metadata.name, namespace: np.metadata.namespace, uid: fakeUid(seed, `NetworkPolicy/${np.metadata.namespace}/${np.metadata.name}`) };
  const spec: KubeObject = { ...((raw.spec as KubeObject) ?? {}), policyTypes: np.policyTypes };
  for (const key of ['ingress', 'egress'] as const) {
    const rules = spec[key];
    if (!Array.isArray(rules)) continue;
    for (const r of rules as Array<{ ports?: unknown }>) for (const p of Array.isArray(r?.ports) ? (r.ports as Array<Record<string, unknown>>) : []) if (p && typeof p === 'object' && p.protocol === undefined) p.protocol = 'TCP';
  }
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: md, spec };
}

export interface NamespaceEntry {
  name: string;
  labels: Record<string, string>;
}

/** Every namespace of the simulated cluster, by name. */
export function namespacesOf(cluster: ClusterState): NamespaceEntry[] {
  const implied = [...SYSTEM_NAMESPACES, ...cluster.pods.map((p) => p.namespace), ...cluster.services.map((s) => s.namespace), ...cluster.model.networkPolicies.map((n) => n.metadata.namespace)];
  const table = namespaceLabelTable(cluster.model, implied);
  return [...table.entries()].map(([name, labels]) => ({ name, labels })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function namespaceRow(ns: NamespaceEntry): string[] {
  return [ns.name, 'Active', AGE];
}

export function namespaceObject(ns: NamespaceEntry, seed: number): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: ns.name, labels: ns.labels, uid: fakeUid(seed, `Namespace/${ns.name}`) },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}
