/**
 * The zone (and node) hints the EndpointSlice controller writes on the endpoints of a Service
 * (staging/src/k8s.io/endpointslice reconciler.go reconcileByAddressType), which kube-proxy then
 * uses to keep traffic close (pkg/proxy/topology.go, ./proxy/service-port.ts):
 *
 * - `service.kubernetes.io/topology-mode: Auto` (or the deprecated
 *   `service.kubernetes.io/topology-aware-hints`, which wins when both are set: hintsEnabled) asks
 *   the topology cache (topologycache/topologycache.go AddHints) to hint each zone a share of the
 *   ready endpoints proportional to its nodes' allocatable CPU, within an overload threshold of
 *   20 %, redistributing endpoints from zones with too many to zones with too few. It gives up
 *   (no hints) with fewer than two zones, more zones than ready endpoints, a node without a zone,
 *   or an endpoint without one. Control-plane nodes do not count (hasExcludedLabels).
 *   svclab's nodes carry no CPU figures: every node counts as the same allocatable CPU, so a
 *   zone's share is its share of the nodes.
 * - otherwise `trafficDistribution: PreferClose` / `PreferSameZone` hints every ready endpoint for
 *   its own zone, and `PreferSameNode` also for its own node (trafficdist/trafficdist.go
 *   preferCloseHeuristic).
 *
 * Go iterates maps in random order where it picks zones; svclab goes through zones in name order.
 */
import type { EndpointHints } from '../model/types';
import { CONTROL_PLANE_ROLE, ZONE_LABEL } from './default-cluster';
import type { SimEndpoint, SimEndpointSlice, SimNode, SimService } from './types';

export const TOPOLOGY_MODE = 'service.kubernetes.io/topology-mode';
export const TOPOLOGY_AWARE_HINTS = 'service.kubernetes.io/topology-aware-hints';
/** topologycache.go overloadThreshold: no endpoint should take more than 20 % over its fair share. */
const OVERLOAD_THRESHOLD = 0.2;

/** utils.go hintsEnabled: the deprecated annotation first, then topology-mode; "Auto" or "auto". */
export function hintsEnabled(annotations: Record<string, string>): boolean {
  const value = TOPOLOGY_AWARE_HINTS in annotations ? annotations[TOPOLOGY_AWARE_HINTS] : annotations[TOPOLOGY_MODE];
  return value === 'Auto' || value === 'auto';
}

/** Writes the hints the controller would put on a Service's slices (mutates the fresh slices it is given). */
export function addHints(svc: SimService, slices: SimEndpointSlice[], nodes: Map<string, SimNode>): void {
  const annotations = svc.object?.metadata.annotations ?? {};
  if (hintsEnabled(annotations)) {
    topologyCacheHints(slices, cpuRatiosByZone([...nodes.values()]));
    return;
  }
  const td = svc.spec.trafficDistribution;
  if (td === undefined) return;
  const nodeHints = td === 'PreferSameNode';
  for (const slice of slices) {
    for (const ep of slice.endpoints) {
      if (!ep.conditions.ready) continue;
      const hints: EndpointHints = {};
      if (ep.zone !== undefined) hints.forZones = [{ name: ep.zone }];
      if (nodeHints && ep.nodeName) hints.forNodes = [{ name: ep.nodeName }];
      if (hints.forZones || hints.forNodes) ep.hints = hints;
    }
  }
}

/** TopologyCache.SetNodes: each zone's share of the CPU of the nodes that count, or null when the information is insufficient. */
export function cpuRatiosByZone(nodes: readonly SimNode[]): Map<string, number> | null {
  const byZone = new Map<string, number>();
  let total = 0;
  for (const n of nodes) {
    if (CONTROL_PLANE_ROLE in n.labels || 'node-role.kubernetes.io/master' in n.labels) continue;
    const zone = n.labels[ZONE_LABEL];
    if (!zone) return null;
    byZone.set(zone, (byZone.get(zone) ?? 0) + 1);
    total++;
  }
  if (total === 0 || byZone.size < 2) return null;
  const ratios = new Map<string, number>();
  for (const zone of [...byZone.keys()].sort()) ratios.set(zone, byZone.get(zone)! / total);
  return ratios;
}

interface Allocation {
  minimum: number;
  maximum: number;
  desired: number;
}

/** TopologyCache.getAllocations: null when the zones cannot be served within the overload threshold. */
function allocations(ratios: Map<string, number> | null, endpoints: number): Map<string, Allocation> | null {
  if (ratios === null || ratios.size < 2 || ratios.size > endpoints) return null;
  let remaining = endpoints;
  let minTotal = 0;
  const out = new Map<string, Allocation>();
  for (const [zone, ratio] of ratios) {
    const desired = ratio * endpoints;
    const minimum = Math.ceil(desired * (1 / (1 + OVERLOAD_THRESHOLD)));
    out.set(zone, { minimum, maximum: 0, desired: Math.max(desired, minimum) });
    minTotal += minimum;
    remaining -= minimum;
    if (remaining < 0) return null;
  }
  for (const a of out.values()) a.maximum = a.minimum + endpoints - minTotal;
  return out;
}

const clearHints = (slices: SimEndpointSlice[]) => slices.forEach((s) => s.endpoints.forEach((e) => delete e.hints));

/** TopologyCache.AddHints on freshly built slices. */
function topologyCacheHints(slices: SimEndpointSlice[], ratios: Map<string, number> | null): void {
  const ready: SimEndpoint[] = slices.flatMap((s) => s.endpoints.filter((e) => e.conditions.ready));
  const alloc = allocations(ratios, ready.length);
  if (alloc === null || ready.some((e) => !e.zone)) {
    clearHints(slices);
    return;
  }
  // Step 1: every ready endpoint serves its own zone.
  const hinted = new Map<string, number>();
  for (const e of ready) {
    e.hints = { forZones: [{ name: e.zone! }] };
    hinted.set(e.zone!, (hinted.get(e.zone!) ?? 0) + 1);
  }
  // Step 2: which zones give endpoints and which receive them (getGivingAndReceivingZones).
  const givingWanted = new Map<string, number>();
  const receivingWanted = new Map<string, number>();
  for (const [zone, a] of alloc) {
    const have = hinted.get(zone) ?? 0;
    if (have > a.desired) givingWanted.set(zone, have - a.desired);
    else if (have < a.desired) receivingWanted.set(zone, a.desired - have);
  }
  const giving = new Map<string, number>();
  const receiving = new Map<string, number>();
  for (;;) {
    const [gz, give] = most(givingWanted);
    const [rz, receive] = most(receivingWanted);
    if (gz === '' || rz === '' || (give < 1 && receive < 1) || give < 0.5 || receive < 0.5) break;
    giving.set(gz, (giving.get(gz) ?? 0) + 1);
    givingWanted.set(gz, give - 1);
    receiving.set(rz, (receiving.get(rz) ?? 0) + 1);
    receivingWanted.set(rz, receive - 1);
  }
  // Step 3: move hints from giving zones to receiving ones (redistributeHints).
  for (const e of ready) {
    if (giving.size === 0 || receiving.size === 0) break;
    const zone = e.zone!;
    const toGive = giving.get(zone);
    if (!toGive) continue;
    const to = [...receiving.keys()].sort().find((z) => receiving.get(z)! > 0);
    if (to === undefined) continue;
    e.hints = { forZones: [{ name: to }] };
    if (toGive === 1) giving.delete(zone);
    else giving.set(zone, toGive - 1);
    const left = receiving.get(to)!;
    if (left === 1) receiving.delete(to);
    else receiving.set(to, left - 1);
  }
}

/** getMost: the zone with the largest value (the first in name order on ties), or '' when none is above 0. */
function most(zones: Map<string, number>): [string, number] {
  let zone = '';
  let n = 0;
  for (const z of [...zones.keys()].sort()) {
    if (zones.get(z)! > n) {
      zone = z;
      n = zones.get(z)!;
    }
  }
  return [zone, n];
}
