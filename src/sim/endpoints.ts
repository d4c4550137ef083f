/**
 * The legacy Endpoints object as the Endpoints controller writes it
 * (pkg/controller/endpoint/endpoints_controller.go syncService + addEndpointSubset, then
 * pkg/api/v1/endpoints RepackSubsets): addresses with the same port set share a subset,
 * ready ones under `addresses`, others under `notReadyAddresses`; at most 1000 addresses
 * (truncateEndpoints, with the over-capacity annotation).
 */
import type { EndpointSubset } from '../model/types';
import { findPort } from '../model/pod';
import { isHeadlessService } from '../model/service';
import { shouldPodBeInEndpoints, shouldSetHostname } from './endpoint-slices';
import type { ClusterConfig, SimEndpoints, SimEndpointsSubset, SimPod, SimService } from './types';

type Address = SimEndpointsSubset['addresses'][number];
type Port = SimEndpointsSubset['ports'][number];

/** Compares IPs as the repacker does: by their bytes' text order. */
const byIP = (a: Address, b: Address) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : (a.targetRef?.name ?? '') < (b.targetRef?.name ?? '') ? -1 : 1);

export function endpointsForService(svc: SimService, pods: SimPod[]): SimEndpoints {
  // Per address: ready or not, and the ports it serves (RepackSubsets works on this mapping).
  const entries: Array<{ address: Address; ready: boolean; ports: Port[] }> = [];
  const publishNotReady = svc.spec.publishNotReadyAddresses;
  // With numeric targetPorts only, every pod serves the same ports: compute them once.
  const numericOnly = svc.ports.every((p) => typeof p.targetPort === 'number');
  let shared: Port[] | undefined;
  for (const pod of pods) {
    // Terminating pods are left out unless publishNotReadyAddresses (ShouldPodBeInEndpoints(pod, publishNotReady)).
    if (!shouldPodBeInEndpoints(pod, publishNotReady)) continue;
    const address: Address = { ip: pod.podIP, nodeName: pod.nodeName, targetRef: { kind: 'Pod', namespace: pod.namespace, name: pod.name } };
    if (shouldSetHostname(pod, svc)) address.hostname = pod.spec.hostname;
    const ready = publishNotReady || pod.ready;
    if (svc.ports.length === 0) {
      // A headless Service without ports still lists its pods (with no ports).
      if (isHeadlessService(svc)) entries.push({ address, ready, ports: [] });
      continue;
    }
    const ports = numericOnly ? (shared ??= portsOf(pod, svc)) : portsOf(pod, svc);
    if (ports.length) entries.push({ address, ready, ports });
  }
  const subsets = repack(entries);
  const out: SimEndpoints = { name: svc.name, namespace: svc.namespace, subsets };
  if (truncateEndpoints(subsets)) out.annotations = { [OVER_CAPACITY_ANNOTATION]: 'truncated' };
  return out;
}

/** endpoints_controller.go maxCapacity: the most addresses one Endpoints object holds. */
export const MAX_ENDPOINTS_CAPACITY = 1000;
/** v1.EndpointsOverCapacity: set to `truncated` when the controller had to leave addresses out. */
export const OVER_CAPACITY_ANNOTATION = 'endpoints.kubernetes.io/over-capacity';

/**
 * endpoints_controller.go truncateEndpoints: past 1000 addresses, ready ones are kept first; the
 * addresses kept are shared out between the subsets in proportion to their size (rounded up, so
 * the last subset may get fewer), each subset keeping its first ones. Not-ready addresses are
 * dropped altogether when the ready ones alone are too many. True when something was left out.
 */
export function truncateEndpoints(subsets: SimEndpointsSubset[]): boolean {
  let totalReady = 0;
  let totalNotReady = 0;
  for (const s of subsets) {
    totalReady += s.addresses.length;
    totalNotReady += s.notReadyAddresses.length;
  }
  if (totalReady + totalNotReady <= MAX_ENDPOINTS_CAPACITY) return false;
  const truncateReady = totalReady > MAX_ENDPOINTS_CAPACITY;
  const max = truncateReady ? MAX_ENDPOINTS_CAPACITY : MAX_ENDPOINTS_CAPACITY - totalReady;
  const numTotal = truncateReady ? totalReady : totalNotReady;
  let canBeAdded = max;
  for (const s of subsets) {
    const inSubset = truncateReady ? s.addresses.length : s.notReadyAddresses.length;
    const toBeAdded = Math.min(Math.ceil((inSubset / numTotal) * max), canBeAdded);
    if (truncateReady) {
      s.addresses = s.addresses.slice(0, toBeAdded);
      s.notReadyAddresses = [];
      canBeAdded -= s.addresses.length;
    } else {
      s.notReadyAddresses = s.notReadyAddresses.slice(0, toBeAdded);
      canBeAdded -= s.notReadyAddresses.length;
    }
  }
  return true;
}

function portsOf(pod: SimPod, svc: SimService): Port[] {
  const ports: Port[] = [];
  for (const p of svc.ports) {
    const port = findPort(pod, p);
    if (port === undefined) continue; // "Failed to find port for service": this pod is skipped for that port
    // endpointPortFromServicePort: name, the resolved port, protocol and appProtocol.
    const out: Port = p.name !== undefined ? { name: p.name, port, protocol: p.protocol } : { port, protocol: p.protocol };
    if (p.appProtocol !== undefined) out.appProtocol = p.appProtocol;
    ports.push(out);
  }
  return ports;
}

/**
 * RepackSubsets (pkg/api/v1/endpoints): each port maps to the set of addresses serving it, and
 * ports mapping to the same address set (readiness included) share one subset. Addresses are
 * sorted by IP; Kubernetes orders ports and subsets by a hash, svclab by first appearance.
 */
function repack(entries: Array<{ address: Address; ready: boolean; ports: Port[] }>): SimEndpointsSubset[] {
  if (entries.length === 0) return [];
  // Usual case: every address serves the same ports (numeric targetPorts, or pods alike): one subset.
  const first = entries[0].ports;
  const firstKey = portSetKey(first);
  if (entries.every((e) => e.ports === first || portSetKey(e.ports) === firstKey)) return [subsetOf(entries, first)];

  // Port -> the addresses serving it. An address without ports (headless, no ports) maps to a sentinel.
  const byPort = new Map<string, { port: Port | null; entries: typeof entries }>();
  for (const e of entries) {
    for (const p of e.ports.length ? e.ports : [null]) {
      const key = p === null ? '' : portKey(p);
      let slot = byPort.get(key);
      if (!slot) byPort.set(key, (slot = { port: p, entries: [] }));
      slot.entries.push(e);
    }
  }
  // Address set -> the ports mapping to it.
  const bySet = new Map<string, { ports: Port[]; entries: typeof entries }>();
  for (const { port, entries: mine } of byPort.values()) {
    const key = mine.map((e) => `${e.address.ip}/${e.address.targetRef?.name ?? ''}/${e.ready ? 1 : 0}`).sort().join(',');
    let group = bySet.get(key);
    if (!group) bySet.set(key, (group = { ports: [], entries: mine }));
    if (port) group.ports.push(port);
  }
  return [...bySet.values()].map((g) => subsetOf(g.entries, g.ports));
}

const portKey = (p: Port) => `${p.name ?? ''}/${p.port}/${p.protocol}`;
const portSetKey = (ports: Port[]) => ports.map(portKey).join(',');

function subsetOf(entries: Array<{ address: Address; ready: boolean }>, ports: Port[]): SimEndpointsSubset {
  const subset: SimEndpointsSubset = { addresses: [], notReadyAddresses: [], ports };
  for (const e of entries) (e.ready ? subset.addresses : subset.notReadyAddresses).push(e.address);
  subset.addresses.sort(byIP);
  subset.notReadyAddresses.sort(byIP);
  return subset;
}

/** Hand-written Endpoints (a Service without selector, or none at all) are kept as given. */
export function userEndpoints(name: string, namespace: string, subsets: EndpointSubset[]): SimEndpoints {
  const address = (a: EndpointSubset['addresses'][number]): Address => {
    const out: Address = { ip: a.ip };
    if (a.nodeName) out.nodeName = a.nodeName;
    if (a.hostname) out.hostname = a.hostname;
    if (a.targetRef) out.targetRef = a.targetRef;
    return out;
  };
  return {
    name,
    namespace,
    subsets: subsets.map((s) => ({
      addresses: s.addresses.map(address),
      notReadyAddresses: s.notReadyAddresses.map(address),
      ports: s.ports.map((p) => {
        const out: Port = p.name !== undefined ? { name: p.name, port: p.port, protocol: p.protocol } : { port: p.port, protocol: p.protocol };
        if (p.appProtocol !== undefined) out.appProtocol = p.appProtocol;
        return out;
      }),
    })),
  };
}

/** The API server's endpoint reconciler: `default/kubernetes` -> the control plane. */
export function kubernetesEndpoints(svc: SimService, config: ClusterConfig): SimEndpoints {
  return {
    name: svc.name,
    namespace: svc.namespace,
    subsets: [{ addresses: [{ ip: config.apiServer.ip }], notReadyAddresses: [], ports: [{ name: svc.ports[0]?.name ?? 'https', port: config.apiServer.port, protocol: 'TCP' }] }],
  };
}
