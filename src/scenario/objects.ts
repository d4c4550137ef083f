/**
 * The simulated cluster as Kubernetes API objects (the shape `kubectl get -o yaml` shows), for
 * partial matching in `objects:` expectations. Fields Kubernetes would not show are left out.
 */
import type { SimCluster, SimPod, SimService } from '../sim/types';

export type KubeObject = Record<string, unknown> & { kind: string; metadata: { name: string; namespace?: string; [key: string]: unknown } };

function compact<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

export function serviceObject(s: SimService): KubeObject {
  const spec = s.spec;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: compact({ name: s.name, namespace: s.namespace, labels: s.object?.metadata.labels, annotations: s.object?.metadata.annotations }),
    spec: compact({
      type: s.type,
      clusterIP: s.clusterIP ?? undefined,
      clusterIPs: s.clusterIP && s.clusterIP !== 'None' ? [s.clusterIP] : s.clusterIP === 'None' ? ['None'] : undefined,
      ports: s.ports.map((p) => compact({ name: p.name, protocol: p.protocol, port: p.port, targetPort: p.targetPort, nodePort: p.nodePort, appProtocol: p.appProtocol })),
      selector: spec.selector ?? undefined,
      externalName: spec.externalName,
      externalIPs: spec.externalIPs.length ? spec.externalIPs : undefined,
      sessionAffinity: spec.sessionAffinity,
      sessionAffinityConfig: spec.sessionAffinity === 'ClientIP' ? { clientIP: { timeoutSeconds: spec.sessionAffinityTimeoutSeconds } } : undefined,
      externalTrafficPolicy: spec.externalTrafficPolicy,
      internalTrafficPolicy: spec.internalTrafficPolicy,
      publishNotReadyAddresses: spec.publishNotReadyAddresses || undefined,
      allocateLoadBalancerNodePorts: spec.allocateLoadBalancerNodePorts,
    }),
    status: { loadBalancer: s.loadBalancerIngress && s.loadBalancerIngress.length ? { ingress: s.loadBalancerIngress.map((ip) => ({ ip })) } : {} },
  };
}

export function podObject(p: SimPod): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: compact({ name: p.name, namespace: p.namespace, labels: p.labels, annotations: Object.keys(p.annotations).length ? p.annotations : undefined, ownerReferences: p.ownerKind && p.ownerKind !== 'Pod' ? [{ kind: p.ownerKind, name: p.ownerName }] : undefined }),
    spec: compact({
      nodeName: p.nodeName || undefined,
      hostname: p.spec.hostname,
      subdomain: p.spec.subdomain,
      hostNetwork: p.spec.hostNetwork || undefined,
      containers: p.spec.containers.map((c) => compact({ name: c.name, image: c.image, ports: c.ports.length ? c.ports.map((cp) => compact({ name: cp.name, containerPort: cp.containerPort, protocol: cp.protocol })) : undefined })),
    }),
    status: compact({
      phase: p.phase,
      podIP: p.podIP || undefined,
      hostIP: p.hostIP || undefined,
      conditions: [{ type: 'Ready', status: p.ready ? 'True' : 'False' }],
    }),
  };
}

/** Every object of the simulated cluster. */
export function clusterObjects(c: SimCluster): KubeObject[] {
  const out: KubeObject[] = [];
  for (const n of c.nodes) {
    out.push({ apiVersion: 'v1', kind: 'Node', metadata: compact({ name: n.name, labels: n.labels }), spec: compact({ podCIDR: n.podCIDR, taints: n.taints.length ? n.taints : undefined }), status: { addresses: [{ type: 'InternalIP', address: n.internalIP }, { type: 'Hostname', address: n.name }] } });
  }
  for (const s of c.services) out.push(serviceObject(s));
  for (const p of c.pods) out.push(podObject(p));
  for (const e of c.endpoints) out.push({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: e.name, namespace: e.namespace }, subsets: e.subsets });
  for (const s of c.endpointSlices) {
    out.push({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: s.name, namespace: s.namespace, labels: { 'kubernetes.io/service-name': s.serviceName, 'endpointslice.kubernetes.io/managed-by': s.managedBy } },
      addressType: s.addressType,
      endpoints: s.endpoints,
      ports: s.ports,
    });
  }
  return out;
}
