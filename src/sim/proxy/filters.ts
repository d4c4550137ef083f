/**
 * Filters: what decides a connection besides kube-proxy's forwarding, as an ordered list the
 * route engine applies at two points of every connection:
 * - `before-dnat`: at the node that handles the connection, to the address as the client sent it
 *   (kube-proxy's own firewall for loadBalancerSourceRanges is one);
 * - `after-dnat`: at the destination, once the endpoint is known (a NetworkPolicy is enforced
 *   here, against the backend pod and the source address it sees).
 * A filter returns null when it lets the connection through, or a verdict that ends it; the
 * first filter with a verdict wins.
 */
import { cidrContains, parseIP } from '../../util/ip';
import type { Protocol } from '../../model/types';
import type { ClusterState, HopKind, SimNode, SimPod } from '../types';
import type { Statement } from './facts';
import type { Source } from './request';
import type { ServicePortInfo } from './service-port';
import { networkPolicies } from './network-policy';

export type FilterStage = 'before-dnat' | 'after-dnat';

/** A connection as a filter sees it at its stage. */
export interface FilteredConnection {
  stage: FilterStage;
  source: Source;
  /** The source address the packet carries at this stage (after SNAT, for `after-dnat`). */
  sourceIP: string;
  /** The address and port the packet goes to at this stage (the endpoint, after DNAT). */
  destIP: string;
  destPort: number;
  protocol: Protocol;
  /** The node whose kube-proxy handles it (`before-dnat`), or where the destination runs. */
  node: SimNode | null;
  /** The Service port the connection goes through, if any. */
  service: ServicePortInfo | null;
  /** The address the client sent to was a load balancer address of `service`. */
  loadBalancer: boolean;
  /** The destination pod (`after-dnat`), if any. */
  pod: SimPod | null;
}

export interface FilterVerdict {
  outcome: 'dropped' | 'refused';
  /** Where it happens (the hop's kind). */
  kind: HopKind;
  why: Statement;
}

export interface RouteFilter {
  /** Names the filter in hops (`rule`). */
  name: string;
  stage: FilterStage;
  check(connection: FilteredConnection, cluster: ClusterState): FilterVerdict | null;
}

/**
 * kube-proxy's firewall for `spec.loadBalancerSourceRanges` (pkg/proxy/nftables/proxier.go
 * syncProxyRules, the per-Service firewall chain reached through the `firewall-ips` map from
 * `filter-prerouting` and `filter-output`, before DNAT): a connection to a load balancer address
 * from a source outside the ranges is dropped. Node ports are not subject to it (the proxier's
 * own comment: "nodeports are not subect to loadBalancerSourceRanges"). When a range holds the
 * node's own IP, the load balancer addresses are allowed as sources too (hairpin traffic).
 */
export const loadBalancerSourceRanges: RouteFilter = {
  name: 'load-balancer-source-ranges',
  stage: 'before-dnat',
  check(c) {
    const ranges = c.service?.loadBalancerSourceRanges;
    if (!c.loadBalancer || !ranges || ranges.length === 0) return null;
    const from = parseIP(c.sourceIP);
    if (from && ranges.some((r) => cidrContains(r, from))) return null;
    const nodeIP = c.node ? parseIP(c.node.internalIP) : null;
    const lbAddresses = c.service?.service.loadBalancerIngress ?? [];
    if (nodeIP && ranges.some((r) => cidrContains(r, nodeIP)) && lbAddresses.includes(c.sourceIP)) return null;
    return {
      outcome: 'dropped',
      kind: 'node',
      why: {
        message: 'load-balancer-source-ranges',
        node: c.node?.name,
        from: c.sourceIP,
        to: `${c.destIP}:${c.destPort}`,
        service: c.service?.name,
        port: c.service?.port.port,
        rule: 'load-balancer-source-ranges',
        reason: 'load-balancer-source-ranges',
        detail: { ip: c.destIP, ranges: ranges.map((r) => r.text) },
      },
    };
  },
};

/** The filters every simulated cluster applies, in order (NetworkPolicy: ./network-policy). */
export const DEFAULT_FILTERS: readonly RouteFilter[] = [loadBalancerSourceRanges, networkPolicies];
