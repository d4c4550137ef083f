/**
 * The simulated cluster as Kubernetes API objects (what `kubectl get -o json|yaml` prints):
 * the written manifest, with the fields the API server, the controllers and the kubelet fill in.
 * No timestamps or resource versions: the output must be the same on every run.
 */
import { dict, isObj, obj, valueAt } from '../model/guards';
import { preferredApiVersion } from '../model/kinds';
import { externallyAccessible, isHeadlessService } from '../model/service';
import type { ServicePort } from '../model/types';
import { CONTROLLER, MIRRORING_CONTROLLER } from '../sim/endpoint-slices';
import { fakeUid } from '../sim/naming';
import type { ClusterState, SimEndpoints, SimEndpointSlice, SimNode, SimPod, SimService } from '../sim/types';

export type KubeObject = Record<string, unknown>;

export const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

/** metadata as written, with the namespace the object lands in and no status-like fields. */
function metadataOf(raw: unknown, name: string, namespace: string | undefined, uid: string): KubeObject {
  const md = clone(obj(obj(raw).metadata));
  delete md.creationTimestamp;
  delete md.resourceVersion;
  return { ...md, name, ...(namespace !== undefined ? { namespace } : {}), uid };
}

function servicePortObject(p: ServicePort & { nodePort: number | undefined }): KubeObject {
  const out: KubeObject = {};
  if (p.name !== undefined) out.name = p.name;
  if (p.appProtocol !== undefined) out.appProtocol = p.appProtocol;
  out.protocol = p.protocol;
  out.port = p.port;
  out.targetPort = p.targetPort;
  if (p.nodePort !== undefined) out.nodePort = p.nodePort;
  return out;
}

export function serviceObject(svc: SimService, seed: number): KubeObject {
  const raw = obj(svc.object?.manifest.value);
  const spec = clone(obj(raw.spec));
  const s = svc.spec;
  spec.type = s.type;
  spec.sessionAffinity = s.sessionAffinity;
  if (s.sessionAffinity === 'ClientIP') spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: s.sessionAffinityTimeoutSeconds } };
  else delete spec.sessionAffinityConfig;
  if (svc.ports.length) spec.ports = svc.ports.map(servicePortObject);
  if (s.type !== 'ExternalName') {
    spec.clusterIP = svc.clusterIP;
    spec.clusterIPs = svc.clusterIPs;
    // As initIPFamilyFields set them on create (model/service.ts): PreferDualStack stays as written.
    spec.ipFamilies = s.ipFamilies.length ? s.ipFamilies : ['IPv4'];
    spec.ipFamilyPolicy = s.ipFamilyPolicy ?? 'SingleStack';
    spec.internalTrafficPolicy = s.internalTrafficPolicy;
  }
  // SetDefaults_Service: externallyAccessible Services (NodePort, LoadBalancer, ClusterIP with externalIPs) get Cluster.
  if (externallyAccessible(s)) spec.externalTrafficPolicy = s.externalTrafficPolicy ?? 'Cluster';
  if (s.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts = s.allocateLoadBalancerNodePorts !== false;
  if (svc.healthCheckNodePort !== undefined) spec.healthCheckNodePort = svc.healthCheckNodePort;
  const ingress = svc.type === 'LoadBalancer' && svc.loadBalancerIngress ? svc.loadBalancerIngress.map((ip) => ({ ip, ipMode: 'VIP' })) : undefined;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: metadataOf(raw, svc.name, svc.namespace, fakeUid(seed, `Service/${svc.namespace}/${svc.name}`)),
    spec,
    status: { loadBalancer: ingress ? { ingress } : {} },
  };
}

export function podObject(pod: SimPod, seed: number): KubeObject {
  const w = pod.workload;
  const rawTemplate = obj(valueAt(w.manifest.value, w.templatePath));
  const metadata = metadataOf(rawTemplate, pod.name, pod.namespace, pod.uid);
  if (Object.keys(pod.labels).length) metadata.labels = pod.labels;
  if (pod.ownerKind) {
    metadata.generateName = pod.ownerKind === 'StatefulSet' ? undefined : `${pod.ownerName}-`;
    metadata.ownerReferences = [{
      apiVersion: preferredApiVersion(pod.ownerKind), kind: pod.ownerKind, name: pod.ownerName,
      uid: fakeUid(seed, `${pod.ownerKind}/${pod.namespace}/${pod.ownerName}`), controller: true, blockOwnerDeletion: true,
    }];
  }
  const spec = clone(obj(rawTemplate.spec));
  if (pod.terminating) {
    // kubectl shows Terminating for any deletionTimestamp; svclab has no clock, so the time is a fixed one.
    metadata.deletionTimestamp = DELETION_TIMESTAMP;
    metadata.deletionGracePeriodSeconds = typeof spec.terminationGracePeriodSeconds === 'number' ? spec.terminationGracePeriodSeconds : 30;
  }
  defaultPodSpec(spec, pod, w.kind);
  if (pod.spec.hostname !== undefined) spec.hostname = pod.spec.hostname;
  if (pod.spec.subdomain !== undefined) spec.subdomain = pod.spec.subdomain;
  if (pod.nodeName) spec.nodeName = pod.nodeName;

  const running = pod.phase === 'Running';
  const cond = (type: string, ok: boolean, extra: KubeObject = {}) => ({ type, status: ok ? 'True' : 'False', ...extra });
  const conditions = running
    ? [cond('PodReadyToStartContainers', true), cond('Initialized', true), cond('Ready', pod.ready), cond('ContainersReady', pod.ready), cond('PodScheduled', true)]
    : [cond('PodScheduled', false, { reason: 'Unschedulable', message: pod.pendingReason ?? '' })];
  const status: KubeObject = { phase: pod.phase, conditions, qosClass: 'BestEffort' };
  if (running) {
    status.hostIP = pod.hostIP;
    status.hostIPs = [{ ip: pod.hostIP }];
    status.podIP = pod.podIP;
    status.podIPs = [{ ip: pod.podIP }];
    status.containerStatuses = pod.spec.containers.map((c) => ({ name: c.name, image: c.image, ready: pod.ready, restartCount: 0, started: true, state: { running: {} } }));
  }
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec, status };
}

/** The deletion time of a terminating pod: fixed, as svclab has no clock (output must not change between runs). */
export const DELETION_TIMESTAMP = '1970-01-01T00:00:00Z';

/**
 * What the API server adds to a pod spec: SetDefaults_PodSpec, SetDefaults_Container and
 * SetDefaults_ContainerPort (pkg/apis/core/v1/defaults.go), the ServiceAccount admission plugin
 * (serviceAccountName `default`) and DefaultTolerationSeconds (300 s for not-ready/unreachable).
 */
function defaultPodSpec(spec: KubeObject, pod: SimPod, kind: string): void {
  spec.dnsPolicy = pod.spec.dnsPolicy;
  spec.restartPolicy ??= kind === 'Job' ? 'Never' : 'Always';
  spec.schedulerName ??= 'default-scheduler';
  spec.enableServiceLinks ??= true;
  spec.terminationGracePeriodSeconds ??= 30;
  spec.securityContext ??= {};
  spec.serviceAccountName ??= typeof spec.serviceAccount === 'string' ? spec.serviceAccount : 'default';
  spec.serviceAccount ??= spec.serviceAccountName;
  spec.priority ??= 0;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
  const tolerations = Array.isArray(spec.tolerations) ? (spec.tolerations as unknown[]) : [];
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    const has = tolerations.some((t) => isObj(t) && (t.key === key || (t.key === undefined && t.operator === 'Exists')) && (t.effect === undefined || t.effect === 'NoExecute'));
    if (!has) tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
  }
  spec.tolerations = tolerations;
  for (const list of [spec.containers, spec.initContainers]) {
    if (!Array.isArray(list)) continue;
    for (const c of list) if (isObj(c)) defaultContainer(c, spec.hostNetwork === true);
  }
}

function defaultContainer(c: KubeObject, hostNetwork: boolean): void {
  // ParseImageName: no tag and no digest means `latest`, which is always pulled.
  const image = typeof c.image === 'string' ? c.image : '';
  const lastPart = image.slice(image.lastIndexOf('/') + 1);
  const latest = !image.includes('@') && (!lastPart.includes(':') || lastPart.endsWith(':latest'));
  c.imagePullPolicy ??= latest ? 'Always' : 'IfNotPresent';
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  c.resources ??= {};
  if (!Array.isArray(c.ports)) return;
  for (const p of c.ports) {
    if (!isObj(p)) continue;
    p.protocol ??= 'TCP';
    if (hostNetwork && !p.hostPort) p.hostPort = p.containerPort; // defaultHostNetworkPorts: 0 or unset
  }
}

export function nodeObject(node: SimNode, state: ClusterState): KubeObject {
  const spec: KubeObject = { podCIDR: node.podCIDR, podCIDRs: [node.podCIDR] };
  if (node.taints.length) spec.taints = node.taints.map((t) => ({ key: t.key, ...(t.value !== undefined ? { value: t.value } : {}), effect: t.effect }));
  const capacity = { pods: String(state.config.maxPodsPerNode) };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: node.name, labels: node.labels, uid: fakeUid(state.seed, `Node/${node.name}`) },
    spec,
    status: {
      addresses: [{ type: 'InternalIP', address: node.internalIP }, { type: 'Hostname', address: node.name }],
      allocatable: capacity,
      capacity,
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }],
      nodeInfo: {
        architecture: node.labels['kubernetes.io/arch'] ?? 'amd64',
        operatingSystem: node.labels['kubernetes.io/os'] ?? 'linux',
        kubeletVersion: state.config.kubernetesVersion,
        kubeProxyVersion: state.config.kubernetesVersion,
        osImage: 'svclab simulated node',
        containerRuntimeVersion: 'containerd://simulated',
        kernelVersion: 'simulated',
      },
    },
  };
}

const serviceMaps = new WeakMap<ClusterState, Map<string, SimService>>();
function serviceOf(state: ClusterState, namespace: string, name: string): SimService | undefined {
  let map = serviceMaps.get(state);
  if (!map) serviceMaps.set(state, (map = new Map(state.services.map((s) => [`${s.namespace}/${s.name}`, s]))));
  return map.get(`${namespace}/${name}`);
}

/** v1.IsHeadlessService: the label the controllers put on the Endpoints and slices of a headless Service. */
export const HEADLESS_LABEL = 'service.kubernetes.io/headless';

/** Labels of an object written in the input (hand-written Endpoints or EndpointSlices). */
function userLabels(state: ClusterState, kind: 'Endpoints' | 'EndpointSlice', namespace: string, name: string): Record<string, string> {
  const list = kind === 'Endpoints' ? state.model.endpoints : state.model.endpointSlices;
  let found: Record<string, string> = {};
  for (const o of list) if (o.metadata.namespace === namespace && o.metadata.name === name) found = o.metadata.labels;
  return found;
}

/** Annotations of hand-written Endpoints (the last object of that name wins, as with kubectl apply). */
function userAnnotations(state: ClusterState, namespace: string, name: string): Record<string, string> {
  let found: Record<string, string> = {};
  for (const o of state.model.endpoints) if (o.metadata.namespace === namespace && o.metadata.name === name) found = o.metadata.annotations;
  return { ...found };
}

export function endpointsObject(ep: SimEndpoints, state: ClusterState): KubeObject {
  const svc = serviceOf(state, ep.namespace, ep.name);
  const handWritten = svc?.spec.selector === null || svc === undefined;
  const labels: Record<string, string> = handWritten ? { ...userLabels(state, 'Endpoints', ep.namespace, ep.name) } : { ...(svc?.object?.metadata.labels ?? {}) };
  // The Endpoints controller marks the Endpoints of a headless Service (v1.IsHeadlessService).
  if (!handWritten && svc && isHeadlessService(svc)) labels[HEADLESS_LABEL] = '';
  // The API server's own Endpoints for `kubernetes` are not mirrored into slices: it writes its slice itself.
  if (svc?.builtIn && ep.namespace === 'default' && ep.name === 'kubernetes') labels['endpointslice.kubernetes.io/skip-mirror'] = 'true';
  const metadata: KubeObject = { name: ep.name, namespace: ep.namespace, uid: fakeUid(state.seed, `Endpoints/${ep.namespace}/${ep.name}`) };
  if (Object.keys(labels).length) metadata.labels = labels;
  // The Endpoints controller's over-capacity annotation (truncateEndpoints); hand-written Endpoints keep theirs.
  const annotations = handWritten ? userAnnotations(state, ep.namespace, ep.name) : ep.annotations ?? {};
  if (Object.keys(annotations).length) metadata.annotations = annotations;
  const subsets = ep.subsets.map((s) => {
    const out: KubeObject = {};
    if (s.addresses.length) out.addresses = s.addresses;
    if (s.notReadyAddresses.length) out.notReadyAddresses = s.notReadyAddresses;
    if (s.ports.length) out.ports = s.ports;
    return out;
  });
  return { apiVersion: 'v1', kind: 'Endpoints', metadata, ...(subsets.length ? { subsets } : {}) };
}

export function endpointSliceObject(slice: SimEndpointSlice, state: ClusterState): KubeObject {
  const svc = serviceOf(state, slice.namespace, slice.serviceName);
  const apiServerSlice = svc?.builtIn === true && slice.namespace === 'default' && slice.name === 'kubernetes';
  let labels: Record<string, string>;
  if (slice.managedBy === 'user') labels = { ...userLabels(state, 'EndpointSlice', slice.namespace, slice.name) };
  else if (apiServerSlice) labels = {}; // endpointsadapter: only the service-name label
  else if (slice.managedBy === MIRRORING_CONTROLLER) labels = { ...userLabels(state, 'Endpoints', slice.namespace, slice.serviceName) };
  else labels = { ...(svc?.object?.metadata.labels ?? {}) };
  if (slice.serviceName) labels['kubernetes.io/service-name'] = slice.serviceName;
  if (slice.managedBy !== 'user' && !apiServerSlice) labels['endpointslice.kubernetes.io/managed-by'] = slice.managedBy;
  // setEndpointSliceLabels: slices of a headless Service carry service.kubernetes.io/headless (kube-proxy skips them).
  if (slice.managedBy === CONTROLLER && svc && isHeadlessService(svc)) labels[HEADLESS_LABEL] = '';
  const metadata: KubeObject = { name: slice.name, namespace: slice.namespace, labels, uid: fakeUid(state.seed, `EndpointSlice/${slice.namespace}/${slice.name}`) };
  if (slice.managedBy !== 'user' && svc && !apiServerSlice) {
    metadata.generateName = `${slice.serviceName}-`;
    // The EndpointSlice controller's slices belong to the Service, the mirroring controller's to the Endpoints.
    const owner = slice.managedBy === MIRRORING_CONTROLLER ? 'Endpoints' : 'Service';
    metadata.ownerReferences = [{ apiVersion: 'v1', kind: owner, name: svc.name, uid: fakeUid(state.seed, `${owner}/${svc.namespace}/${svc.name}`), controller: true, blockOwnerDeletion: true }];
  }
  const out: KubeObject = { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata, addressType: slice.addressType, endpoints: slice.endpoints };
  // The controller's placeholder slice has no ports (kubectl shows <unset>).
  if (slice.ports.length) out.ports = slice.ports.map((p) => ({ name: p.name, port: p.port, protocol: p.protocol, ...(p.appProtocol !== undefined ? { appProtocol: p.appProtocol } : {}) }));
  return out;
}

/**
 * The object as kubectl prints it: `undefined` members dropped (so that JSON and YAML print the
 * same keys) and every mapping's keys sorted, as kubectl's printers write the unstructured
 * objects they get from the API server (Go's encoding/json sorts map keys).
 */
export function plain<T>(v: T): T {
  return sortKeys(v) as T;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : sortKeys(x)));
  if (!isObj(v)) return v;
  // No prototype: a key `__proto__` (a label written so) is copied like any other, not dropped.
  const out = dict<unknown>();
  for (const k of Object.keys(v).sort()) {
    if (v[k] !== undefined) out[k] = sortKeys(v[k]);
  }
  return out;
}
