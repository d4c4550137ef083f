/**
 * The legacy Endpoints object as the Endpoints controller writes it
 * (pkg/controller/endpoint/endpoints_controller.go syncService + addEndpointSubset, then
 * pkg/api/v1/endpoints RepackSubsets): addresses with the same port set share a subset,
 * ready ones under `addresses`, others under `notReadyAddresses`.
 */
import type { EndpointSubset } from '../model/types';
import { findPort, shouldPodBeInEndpoints, shouldSetHostname } from './endpoint-slices';
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
      if (svc.clusterIP === 'None') entries.push({ address, ready, ports: [] });
      continue;
    }
    const ports = numericOnly ? (shared ??= portsOf(pod, svc)) : portsOf(pod, svc);
    if (ports.length) entries.push({ address, ready, ports });
  }
  return { name: svc.name, namespace: svc.namespace, subsets: repack(entries) };
}

function portsOf(pod: SimPod, svc: SimService): Port[] {
  const ports: Port[] = [];
  for (const p of svc.ports) {
    const port = findPort(pod, p);
    if (port === undefined) continue; // "Failed to find port for service": this pod is skipped for that port
    ports.push(p.name !== undefined ? { name: p.name, port, protocol: p.protocol } : { port, protocol: p.protocol });
  }
  return ports;
}

/** RepackSubsets: group addresses by identical port sets; addresses sorted by IP. */
function repack(entries: Array<{ address: Address; ready: boolean; ports: Port[] }>): SimEndpointsSubset[] {
  const groups = new Map<string, SimEndpointsSubset>();
  const keys = new Map<Port[], string>();
  for (const e of entries) {
    let key = keys.get(e.ports);
    if (key === undefined) keys.set(e.ports, (key = e.ports.map((p) => `${p.name ?? ''}/${p.port}/${p.protocol}`).join(',')));
    let subset = groups.get(key);
    if (!subset) groups.set(key, (subset = { addresses: [], notReadyAddresses: [], ports: e.ports }));
    (e.ready ? subset.addresses : subset.notReadyAddresses).push(e.address);
  }
  const out = [...groups.values()];
  for (const s of out) {
    s.addresses.sort(byIP);
    s.notReadyAddresses.sort(byIP);
  }
  return out;
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
      ports: s.ports.map((p) => (p.name !== undefined ? { name: p.name, port: p.port, protocol: p.protocol } : { port: p.port, protocol: p.protocol })),
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
