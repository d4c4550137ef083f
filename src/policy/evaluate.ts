/**
 * The NetworkPolicy verdict on one connection, as a conformant network plugin gives it
 * (networking.k8s.io/v1 types.go; the e2e suite test/e2e/network/netpol is the oracle):
 * - a pod is isolated for a direction when a policy of its namespace selects it with that
 *   direction in its (defaulted) policyTypes; policies are additive (any rule of any of them
 *   allows);
 * - a connection needs egress allowed at the source pod and ingress allowed at the destination
 *   pod; replies are implicitly allowed (only new connections are asked about);
 * - traffic from (and to) the node a pod runs on is always allowed, and so is a pod's
 *   connection to its own address;
 * - hostNetwork pods are never selected (they are their node's address); pod and namespace
 *   selectors match only pods' own addresses;
 * - ports: by number, an `endPort` range, or a name resolved on the destination pod (a
 *   container port with that name and protocol); the protocol must match (TCP by default).
 */
import type { ClusterState } from '../sim/types';
import type { NetworkPolicyPort, Protocol } from '../model/types';
import { ipBlockHolds, type CompiledPeer, type CompiledPolicy, type CompiledRule } from './compile';
import { policyIndex, type PolicyPod } from './index-policies';

/** Where a verdict reads namespace labels from (the cluster's PolicyIndex, or a linter's table). */
export interface NamespaceLabels {
  namespaceLabels(namespace: string): Record<string, string>;
}

/** One end of a connection as a policy sees it: an address, and the pod when it is that pod's own address. */
export interface PolicyEnd {
  ip: string;
  pod: PolicyPod | null;
}

export type Direction = 'ingress' | 'egress';

/** A denied connection: the pod isolated in `direction`, and the policies that isolate it. */
export interface PolicyDenial {
  direction: Direction;
  pod: PolicyPod;
  policies: string[];
}

function peerMatches(idx: NamespaceLabels, peer: CompiledPeer, policyNamespace: string, end: PolicyEnd): boolean {
  if (peer.broken) return false;
  if (peer.ipBlock) return ipBlockHolds(peer.ipBlock, end.ip);
  const pod = end.pod;
  if (!pod || (!peer.pods && !peer.namespaces)) return false;
  if (peer.namespaces) {
    if (!peer.namespaces.matches(idx.namespaceLabels(pod.namespace))) return false;
  } else if (pod.namespace !== policyNamespace) return false;
  return !peer.pods || peer.pods.matches(pod.labels);
}

/** Whether a NetworkPolicyPort admits `port/protocol` on the destination (named ports resolved on `dest`). */
export function portMatches(p: NetworkPolicyPort, dest: PolicyPod | null, port: number, protocol: Protocol): boolean {
  if (p.protocol !== protocol) return false;
  if (p.port === undefined) return true;
  if (typeof p.port === 'number') return p.endPort !== undefined ? port >= p.port && port <= p.endPort : port === p.port;
  if (!dest) return false;
  const name = p.port;
  const has = (cs: PolicyPod['spec']['containers']) => cs.some((c) => c.ports.some((cp) => cp.name === name && cp.protocol === protocol && cp.containerPort === port));
  return has(dest.spec.containers) || has(dest.spec.initContainers);
}

function ruleAllows(idx: NamespaceLabels, rule: CompiledRule, policyNamespace: string, peer: PolicyEnd, dest: PolicyPod | null, port: number, protocol: Protocol): boolean {
  if (rule.ports.length > 0 && !rule.ports.some((p) => portMatches(p, dest, port, protocol))) return false;
  return rule.peers.length === 0 || rule.peers.some((p) => peerMatches(idx, p, policyNamespace, peer));
}

/** Whether any rule of `policies` (all isolating in `direction`) admits `peer` on port/protocol of `dest`. */
export function allows(idx: NamespaceLabels, policies: CompiledPolicy[], direction: Direction, peer: PolicyEnd, dest: PolicyPod | null, port: number, protocol: Protocol): boolean {
  for (const pol of policies) {
    const rules = direction === 'ingress' ? pol.ingress! : pol.egress!;
    for (const r of rules) if (ruleAllows(idx, r, pol.namespace, peer, dest, port, protocol)) return true;
  }
  return false;
}

/**
 * The denial of a new connection from `from` to `to` on `port/protocol`, or null when it is
 * allowed. `seenFrom` is the source as the destination sees it (after SNAT); egress is judged
 * at the source, before SNAT. Null as well when the cluster ignores NetworkPolicies.
 */
export function denial(cluster: ClusterState, from: PolicyEnd, seenFrom: PolicyEnd, to: PolicyEnd, port: number, protocol: Protocol): PolicyDenial | null {
  if (cluster.config.networkPolicies === 'ignore' || cluster.model.networkPolicies.length === 0) return null;
  // A pod connecting to its own address never leaves its network namespace: no plugin sees it
  // (the e2e suite ignores loopback for that reason, network_policy.go ignoreLoopback).
  if (from.pod && to.pod === from.pod) return null;
  const idx = policyIndex(cluster);
  const src = from.pod;
  if (src) {
    const egress = idx.isolating(src).egress;
    if (egress.length > 0 && to.ip !== idx.nodeIP(src.nodeName) && !allows(idx, egress, 'egress', to, to.pod, port, protocol)) {
      return { direction: 'egress', pod: src, policies: egress.map((p) => p.key) };
    }
  }
  const dst = to.pod;
  if (dst) {
    const ingress = idx.isolating(dst).ingress;
    if (ingress.length > 0 && seenFrom.ip !== idx.nodeIP(dst.nodeName) && !allows(idx, ingress, 'ingress', seenFrom, dst, port, protocol)) {
      return { direction: 'ingress', pod: dst, policies: ingress.map((p) => p.key) };
    }
  }
  return null;
}
