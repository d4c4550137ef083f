/**
 * The simulated cluster as Kubernetes API objects (what `kubectl get -o json|yaml` prints):
 * the written manifest, with the fields the API server, the controllers and the kubelet fill in.
 * No timestamps or resource versions: the output must be the same on every run.
 */
import { isObj, obj } from '../model/guards';
import type { ServicePort } from '../model/types';
import { fakeUid } from './naming';
import type { ClusterState, SimEndpoints, SimEndpointSlice, SimNode, SimPod, SimService } from './types';

export type KubeObject = Record<string, unknown>;

const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

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
    spec.ipFamilies = ['IPv4'];
    spec.ipFamilyPolicy = 'SingleStack';
    spec.internalTrafficPolicy = s.internalTrafficPolicy;
  }
  if (s.type === 'NodePort' || s.type === 'LoadBalancer') spec.externalTrafficPolicy = s.externalTrafficPolicy ?? 'Cluster';
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

const OWNER_API: Record<string, string> = { ReplicaSet: 'apps/v1', StatefulSet: 'apps/v1', DaemonSet: 'apps/v1', Job: 'batch/v1', ReplicationController: 'v1' };

export function podObject(pod: SimPod, seed: number): KubeObject {
  const w = pod.workload;
  const rawTemplate = w.kind === 'Pod' ? obj(w.manifest.value) : obj(templateValue(w.manifest.value, w.templatePath));
  const metadata = metadataOf(rawTemplate, pod.name, pod.namespace, pod.uid);
  if (Object.keys(pod.labels).length) metadata.labels = pod.labels;
  if (pod.ownerKind) {
    metadata.generateName = pod.ownerKind === 'StatefulSet' ? undefined : `${pod.ownerName}-`;
    metadata.ownerReferences = [{
      apiVersion: OWNER_API[pod.ownerKind] ?? 'v1', kind: pod.ownerKind, name: pod.ownerName,
      uid: fakeUid(seed, `${pod.ownerKind}/${pod.namespace}/${pod.ownerName}`), controller: true, blockOwnerDeletion: true,
    }];
  }
  if (pod.terminating) metadata.deletionGracePeriodSeconds = 30;
  const spec = clone(obj(rawTemplate.spec));
  spec.dnsPolicy = pod.spec.dnsPolicy;
  spec.restartPolicy ??= w.kind === 'Job' ? 'Never' : 'Always';
  spec.schedulerName ??= 'default-scheduler';
  spec.enableServiceLinks ??= true;
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

function templateValue(root: unknown, path: Array<string | number>): unknown {
  let v = root;
  for (const seg of path) v = Array.isArray(v) ? v[Number(seg)] : obj(v)[String(seg)];
  return v;
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

export function endpointsObject(ep: SimEndpoints, state: ClusterState): KubeObject {
  const svc = serviceOf(state, ep.namespace, ep.name);
  const labels = { ...(svc?.object?.metadata.labels ?? {}) };
  const metadata: KubeObject = { name: ep.name, namespace: ep.namespace, uid: fakeUid(state.seed, `Endpoints/${ep.namespace}/${ep.name}`) };
  if (Object.keys(labels).length) metadata.labels = labels;
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
  const labels: Record<string, string> = { ...(slice.managedBy === 'user' ? {} : svc?.object?.metadata.labels ?? {}) };
  if (slice.serviceName) labels['kubernetes.io/service-name'] = slice.serviceName;
  if (slice.managedBy !== 'user') labels['endpointslice.kubernetes.io/managed-by'] = slice.managedBy;
  const metadata: KubeObject = { name: slice.name, namespace: slice.namespace, labels, uid: fakeUid(state.seed, `EndpointSlice/${slice.namespace}/${slice.name}`) };
  if (slice.managedBy !== 'user' && svc && slice.name !== svc.name) {
    metadata.generateName = `${slice.serviceName}-`;
    metadata.ownerReferences = [{ apiVersion: 'v1', kind: 'Service', name: svc.name, uid: fakeUid(state.seed, `Service/${svc.namespace}/${svc.name}`), controller: true, blockOwnerDeletion: true }];
  }
  const out: KubeObject = { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata, addressType: slice.addressType, endpoints: slice.endpoints };
  // The controller's placeholder slice has no ports (kubectl shows <unset>).
  if (slice.ports.length) out.ports = slice.ports.map((p) => ({ name: p.name, port: p.port, protocol: p.protocol, ...(p.appProtocol !== undefined ? { appProtocol: p.appProtocol } : {}) }));
  return out;
}

/** Drops `undefined` members so that JSON and YAML print the same keys. */
export function plain<T>(v: T): T {
  return isObj(v) || Array.isArray(v) ? (JSON.parse(JSON.stringify(v)) as T) : v;
}
