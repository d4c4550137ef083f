/**
 * EndpointSlices as kube-controller-manager's EndpointSlice controller builds them
 * (pkg/controller/endpointslice, staging/src/k8s.io/endpointslice reconciler.go / utils.go),
 * plus the slices the mirroring controller makes from hand-written Endpoints
 * (pkg/controller/endpointslicemirroring) and the API server's own slice for `kubernetes`.
 */
import type { EndpointPort, EndpointsObject } from '../model/types';
import { LabelIndex } from '../model/selectors';
import { findPort } from '../model/pod';
import { Random } from '../util/random';
import { formatIP, parseIP } from '../util/ip';
import { parseIPSloppy } from '../model/validation';
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

/** discovery/v1 LabelSkipMirror: Endpoints the mirroring controller leaves alone. */
export const SKIP_MIRROR_LABEL = 'endpointslice.kubernetes.io/skip-mirror';
/** resourcelock.LeaderElectionRecordAnnotationKey: leader-election Endpoints are not mirrored either. */
const LEADER_ELECTION_ANNOTATION = 'control-plane.alpha.kubernetes.io/leader';
/** The mirroring controller's --mirroring-max-endpoints-per-subset default. */
export const MAX_MIRRORED_PER_SUBSET = 1000;

/** endpointslicemirroring_controller.go shouldMirror: not labelled skip-mirror "true", not a leader-election record. */
export function shouldMirror(endpoints: EndpointsObject): boolean {
  return endpoints.metadata.labels[SKIP_MIRROR_LABEL] !== 'true' && !(LEADER_ELECTION_ANNOTATION in endpoints.metadata.annotations);
}

/**
 * The mirroring controller (pkg/controller/endpointslicemirroring reconciler.go reconcile): the
 * hand-written Endpoints of a Service without selector become slices, one per port set and
 * address family (subsets with the same ports share it), each holding at most 1000 endpoints;
 * each subset mirrors at most 1000 addresses (ready ones first) and addresses that are not IPs are
 * skipped (addressToEndpoint). Ready = listed under `addresses`. The caller checks shouldMirror.
 */
export function mirrorEndpoints(svc: SimService, endpoints: EndpointsObject, rng: Random, taken: Set<string>): SimEndpointSlice[] {
  const desired = new Map<string, { family: SimEndpointSlice['addressType']; ports: SlicePort[]; endpoints: Map<string, SimEndpoint> }>();
  for (const subset of endpoints.subsets) {
    const ports: SlicePort[] = subset.ports.map((p: EndpointPort) => (p.appProtocol !== undefined ? { name: p.name ?? '', port: p.port, protocol: p.protocol, appProtocol: p.appProtocol } : { name: p.name ?? '', port: p.port, protocol: p.protocol }));
    let added = 0;
    const add = (a: (typeof subset.addresses)[number], ready: boolean) => {
      if (added >= MAX_MIRRORED_PER_SUBSET) return;
      const ip = parseIPSloppy(a.ip);
      if (!ip) return;
      added++;
      const family = ip.family === 6 ? 'IPv6' : 'IPv4';
      const key = `${family}|${portsKey(ports)}`;
      let group = desired.get(key);
      if (!group) desired.set(key, (group = { family, ports, endpoints: new Map() }));
      const ep: SimEndpoint = { addresses: [formatIP(ip)], conditions: { ready, serving: ready, terminating: false } };
      if (a.hostname) ep.hostname = a.hostname;
      if (a.nodeName) ep.nodeName = a.nodeName;
      if (a.targetRef) ep.targetRef = a.targetRef;
      // EndpointSet: one endpoint per address, hostname and target (a later one replaces an earlier one).
      group.endpoints.set(`${ep.addresses[0]}|${a.hostname ?? ''}|${a.targetRef?.namespace ?? ''}/${a.targetRef?.name ?? ''}`, ep);
    };
    subset.addresses.forEach((a) => add(a, true));
    subset.notReadyAddresses.forEach((a) => add(a, false));
  }
  const out: SimEndpointSlice[] = [];
  for (const group of desired.values()) {
    out.push({
      name: generateName(`${svc.name}-`, rng, taken),
      namespace: svc.namespace,
      serviceName: svc.name,
      addressType: group.family,
      endpoints: [...group.endpoints.values()].slice(0, MAX_MIRRORED_PER_SUBSET),
      ports: group.ports,
      managedBy: MIRRORING_CONTROLLER,
    });
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
