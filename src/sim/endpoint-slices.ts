/**
 * EndpointSlices as kube-controller-manager's EndpointSlice controller builds them
 * (pkg/controller/endpointslice, staging/src/k8s.io/endpointslice reconciler.go / utils.go),
 * plus the slices the mirroring controller makes from hand-written Endpoints
 * (pkg/controller/endpointslicemirroring) and the API server's own slice for `kubernetes`.
 */
import type { EndpointPort, Model } from '../model/types';
import { LabelIndex } from '../model/selectors';
import { findPort } from '../model/pod';
import { Random } from '../util/random';
import { parseIP } from '../util/ip';
import { generateName } from './naming';
import { ZONE_LABEL } from './default-cluster';
import { addHints } from './topology-hints';
import type { ClusterConfig, SimEndpoint, SimEndpointSlice, SimNode, SimPod, SimService } from './types';

/** discovery/v1: at most 100 endpoints per slice (the controller's --max-endpoints-per-slice default). */
export const MAX_ENDPOINTS_PER_SLICE = 100;
export const CONTROLLER = 'endpointslice-controller.k8s.io';
export const MIRRORING_CONTROLLER = 'endpointslicemirroring-controller.k8s.io';

export type SlicePort = SimEndpointSlice['ports'][number];

/** Pods of each namespace, indexed by label: a Service's selector only looks at its own namespace. */
export class PodIndex {
  private readonly byNamespace = new Map<string, LabelIndex<SimPod>>();
  constructor(pods: SimPod[]) {
    for (const p of pods) {
      let index = this.byNamespace.get(p.namespace);
      if (!index) this.byNamespace.set(p.namespace, (index = new LabelIndex<SimPod>((x) => x.labels)));
      index.add(p);
    }
  }
  select(namespace: string, selector: Record<string, string>): SimPod[] {
    return this.byNamespace.get(namespace)?.selectMap(selector) ?? [];
  }
}

/**
 * utils.ShouldPodBeInEndpoints: a pod with an IP that is not finished; terminating pods only
 * when the caller includes them (the EndpointSlice controller always does, and marks them).
 */
export function shouldPodBeInEndpoints(pod: SimPod, includeTerminating: boolean): boolean {
  if (pod.phase !== 'Running' || pod.podIP === '') return false;
  return includeTerminating || !pod.terminating;
}

/** endpointutil.ShouldSetHostname: the pod's hostname is published when its subdomain is this Service. */
export function shouldSetHostname(pod: SimPod, svc: SimService): boolean {
  return pod.spec.hostname !== undefined && pod.spec.hostname !== '' && pod.spec.subdomain === svc.name && pod.namespace === svc.namespace;
}

/** podToEndpoint: serving = pod Ready; ready = serving and not terminating, or publishNotReadyAddresses. */
export function podToEndpoint(pod: SimPod, svc: SimService, nodes: Map<string, SimNode>): SimEndpoint {
  const serving = pod.ready;
  const terminating = pod.terminating;
  const ep: SimEndpoint = {
    addresses: [pod.podIP],
    conditions: { ready: svc.spec.publishNotReadyAddresses || (serving && !terminating), serving, terminating },
    nodeName: pod.nodeName,
    targetRef: { kind: 'Pod', namespace: pod.namespace, name: pod.name },
  };
  const zone = nodes.get(pod.nodeName)?.labels[ZONE_LABEL];
  if (zone !== undefined) ep.zone = zone;
  if (shouldSetHostname(pod, svc)) ep.hostname = pod.spec.hostname;
  return ep;
}

/** The endpoint ports of one pod for a Service (a port whose named targetPort the pod lacks is left out). */
export function endpointPorts(pod: SimPod, svc: SimService): SlicePort[] {
  const out: SlicePort[] = [];
  for (const p of svc.ports) {
    const port = findPort(pod, p);
    if (port !== undefined) out.push(p.appProtocol !== undefined ? { name: p.name ?? '', port, protocol: p.protocol, appProtocol: p.appProtocol } : { name: p.name ?? '', port, protocol: p.protocol });
  }
  return out;
}

const portsKey = (ports: SlicePort[]) => ports.map((p) => `${p.name}\u0000${p.port}\u0000${p.protocol}`).join('\u0001');

/** The controller's slices for one Service with a selector. */
export function slicesForService(svc: SimService, pods: SimPod[], nodes: Map<string, SimNode>, rng: Random, taken: Set<string>): SimEndpointSlice[] {
  // Endpoints grouped by their port set: the reconciler keeps one set of slices per distinct port mapping.
  const groups = new Map<string, { ports: SlicePort[]; endpoints: SimEndpoint[] }>();
  // With numeric targetPorts only, every pod has the same ports: compute them once.
  const shared = svc.ports.every((p) => typeof p.targetPort === 'number') && pods.length ? endpointPorts(pods[0], svc) : undefined;
  const sharedKey = shared ? portsKey(shared) : '';
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ports = shared ?? endpointPorts(pod, svc);
    const key = shared ? sharedKey : portsKey(ports);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { ports, endpoints: [] }));
    group.endpoints.push(podToEndpoint(pod, svc, nodes));
  }
  const slice = (ports: SlicePort[], endpoints: SimEndpoint[]): SimEndpointSlice => ({
    name: generateName(`${svc.name}-`, rng, taken),
    namespace: svc.namespace,
    serviceName: svc.name,
    addressType: 'IPv4',
    endpoints,
    ports,
    managedBy: CONTROLLER,
  });
  // No endpoints at all: the controller still keeps one empty placeholder slice.
  if (groups.size === 0) return [slice([], [])];
  const out: SimEndpointSlice[] = [];
  for (const { ports, endpoints } of groups.values()) {
    for (let i = 0; i < endpoints.length; i += MAX_ENDPOINTS_PER_SLICE) out.push(slice(ports, endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE)));
  }
  addHints(svc, out, nodes);
  return out;
}

const sliceAddressType = (ip: string): SimEndpointSlice['addressType'] => (parseIP(ip)?.family === 6 ? 'IPv6' : 'IPv4');

/** The mirroring controller: a selector-less Service's hand-written Endpoints become slices (ready = addresses, not ready = notReadyAddresses). */
export function mirrorEndpoints(svc: SimService, subsets: Model['endpoints'][number]['subsets'], rng: Random, taken: Set<string>): SimEndpointSlice[] {
  const out: SimEndpointSlice[] = [];
  for (const subset of subsets) {
    const ports: SlicePort[] = subset.ports.map((p: EndpointPort) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol }));
    const endpoints: SimEndpoint[] = [];
    const add = (a: (typeof subset.addresses)[number], ready: boolean) => {
      const ep: SimEndpoint = { addresses: [a.ip], conditions: { ready, serving: ready, terminating: false } };
      if (a.hostname) ep.hostname = a.hostname;
      if (a.nodeName) ep.nodeName = a.nodeName;
      if (a.targetRef) ep.targetRef = a.targetRef;
      endpoints.push(ep);
    };
    subset.addresses.forEach((a) => add(a, true));
    subset.notReadyAddresses.forEach((a) => add(a, false));
    if (endpoints.length === 0) continue;
    // One slice per address family, as the mirroring controller splits them.
    for (const family of ['IPv4', 'IPv6'] as const) {
      const mine = endpoints.filter((e) => sliceAddressType(e.addresses[0]) === family);
      for (let i = 0; i < mine.length; i += MAX_ENDPOINTS_PER_SLICE) {
        out.push({
          name: generateName(`${svc.name}-`, rng, taken),
          namespace: svc.namespace,
          serviceName: svc.name,
          addressType: family,
          endpoints: mine.slice(i, i + MAX_ENDPOINTS_PER_SLICE),
          ports,
          managedBy: MIRRORING_CONTROLLER,
        });
      }
    }
  }
  return out;
}

/** The API server's own slice for `default/kubernetes`: the control plane's address and port. */
export function kubernetesSlice(svc: SimService, config: ClusterConfig): SimEndpointSlice {
  const port = svc.ports[0];
  return {
    name: svc.name,
    namespace: svc.namespace,
    serviceName: svc.name,
    addressType: sliceAddressType(config.apiServer.ip),
    endpoints: [{ addresses: [config.apiServer.ip], conditions: { ready: true, serving: true, terminating: false } }],
    ports: [{ name: port?.name ?? 'https', port: config.apiServer.port, protocol: 'TCP' }],
    managedBy: 'endpointslice-controller.k8s.io',
  };
}
