import type { Manifest } from '../parse/manifest';
import { effectiveNamespace, manifestRef } from '../parse/manifest';
import { isBuiltinGroupOf, podTemplatePath } from './kinds';
import { externallyAccessible, normalizeClusterIPs } from './service';
import { arr, bool, intOrString, isObj, num, obj, oneOf, str, strMap, valueAt, type Obj } from './guards';
import type {
  AnyObject, Container, ContainerPort, EndpointPort, EndpointSliceData, EndpointSubset, EndpointsObject,
  EndpointSliceObject, EnvVar, IngressBackendRef, IngressObject, LabelSelector, Model, NetworkPolicyObject,
  ObjectMeta, PodSpec, PodTemplate, Probe, Protocol, ServiceObject, ServicePort, ServiceSpec, Toleration,
  WorkloadKind, WorkloadObject,
} from './types';

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;

/** Builds the typed, defaulted model of all input objects, as the API server would default them. */
export function buildModel(manifests: Manifest[], defaultNamespace = 'default'): Model {
  const model: Model = {
    objects: [], services: [], workloads: [], endpoints: [], endpointSlices: [], ingresses: [], networkPolicies: [], namespaces: [],
    defaultNamespace,
  };
  for (const m of manifests) {
    const base = baseOf(m, defaultNamespace);
    model.objects.push(base);
    const spec = obj(m.value.spec);
    // A custom resource that reuses a built-in kind's name (Knative's serving.knative.dev
    // `Service`, a CRD `Ingress`) is not that kind: only its own API groups make it one.
    switch (isBuiltinGroupOf(m) ? m.kind : '') {
      case 'Service':
        model.services.push({ ...base, kind: 'Service', spec: serviceSpec(spec) });
        break;
      case 'Endpoints':
        model.endpoints.push({ ...base, kind: 'Endpoints', subsets: arr(m.value.subsets).map(endpointSubset) });
        break;
      case 'EndpointSlice':
        model.endpointSlices.push({ ...base, kind: 'EndpointSlice', slice: endpointSlice(m.value, base.metadata) });
        break;
      case 'Ingress':
        model.ingresses.push({ ...base, kind: 'Ingress', backends: ingressBackends(spec) });
        break;
      case 'NetworkPolicy':
        model.networkPolicies.push({ ...base, kind: 'NetworkPolicy', podSelector: labelSelector(spec.podSelector) });
        break;
      case 'Namespace':
        model.namespaces.push(base);
        break;
      default:
        if (isBuiltinGroupOf(m) && podTemplatePath(m.kind) !== undefined) model.workloads.push(workload(m, base));
    }
  }
  return model;
}

function baseOf(m: Manifest, defaultNamespace: string): AnyObject {
  const md = obj(m.value.metadata);
  const metadata: ObjectMeta = {
    name: m.name,
    namespace: effectiveNamespace(m, defaultNamespace),
    labels: strMap(md.labels),
    annotations: strMap(md.annotations),
  };
  return { kind: m.kind, ref: manifestRef(m, defaultNamespace), metadata, manifest: m };
}

export function labelSelector(v: unknown): LabelSelector {
  const s = obj(v);
  return {
    matchLabels: strMap(s.matchLabels),
    matchExpressions: arr(s.matchExpressions).filter(isObj).map((e) => ({
      key: str(e.key) ?? '',
      operator: oneOf(e.operator, ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const, 'In'),
      values: arr(e.values).map((x) => (typeof x === 'string' ? x : String(x))),
    })),
  };
}

function protocol(v: unknown): Protocol {
  return oneOf(v, PROTOCOLS, 'TCP');
}

function containerPorts(v: unknown): ContainerPort[] {
  const out: ContainerPort[] = [];
  arr(v).forEach((p, index) => {
    if (!isObj(p)) return;
    const port: ContainerPort = {
      name: str(p.name),
      containerPort: num(p.containerPort) ?? 0,
      protocol: protocol(p.protocol),
      hostPort: num(p.hostPort),
      hostIP: str(p.hostIP),
      index,
    };
    if (port.containerPort !== 0 || port.name !== undefined) out.push(port);
  });
  return out;
}

function probe(v: unknown): Probe | undefined {
  if (!isObj(v)) return undefined;
  for (const handler of ['httpGet', 'tcpSocket', 'grpc'] as const) {
    if (isObj(v[handler])) return { handler, port: intOrString(obj(v[handler]).port) };
  }
  return isObj(v.exec) ? { handler: 'exec', port: undefined } : undefined;
}

function envVars(v: unknown): EnvVar[] {
  return arr(v).filter(isObj).map((e) => ({ name: str(e.name) ?? '', value: typeof e.value === 'string' ? e.value : e.value === undefined ? undefined : String(e.value) }));
}

function container(v: unknown): Container {
  const c = obj(v);
  return {
    name: str(c.name) ?? '',
    image: str(c.image) ?? '',
    ports: containerPorts(c.ports),
    env: envVars(c.env),
    readinessProbe: probe(c.readinessProbe),
    livenessProbe: probe(c.livenessProbe),
    startupProbe: probe(c.startupProbe),
    ...(typeof c.restartPolicy === 'string' ? { restartPolicy: c.restartPolicy } : {}),
  };
}

function toleration(v: unknown): Toleration {
  const t = obj(v);
  return { key: str(t.key), operator: oneOf(t.operator, ['Exists', 'Equal'] as const, 'Equal'), value: str(t.value), effect: str(t.effect) };
}

export function podSpec(v: unknown): PodSpec {
  const s = obj(v);
  const hostNetwork = bool(s.hostNetwork) ?? false;
  const dnsConfig = isObj(s.dnsConfig)
    ? {
        nameservers: arr(s.dnsConfig.nameservers).filter((x): x is string => typeof x === 'string'),
        searches: arr(s.dnsConfig.searches).filter((x): x is string => typeof x === 'string'),
        options: arr(s.dnsConfig.options).filter(isObj).map((o) => ({ name: str(o.name) ?? '', value: str(o.value) })),
      }
    : undefined;
  const containers = arr(s.containers).map(container);
  const initContainers = arr(s.initContainers).map(container);
  // SetDefaults_Pod (defaultHostNetworkPorts): with host networking every container port is also a host port.
  if (hostNetwork) for (const c of [...containers, ...initContainers]) for (const p of c.ports) p.hostPort ??= p.containerPort;
  return {
    containers,
    initContainers,
    hostNetwork,
    nodeName: str(s.nodeName),
    nodeSelector: strMap(s.nodeSelector),
    tolerations: arr(s.tolerations).map(toleration),
    hostname: str(s.hostname),
    subdomain: str(s.subdomain),
    // Defaulted by the API server: ClusterFirst, whatever hostNetwork says.
    dnsPolicy: oneOf(s.dnsPolicy, ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'] as const, 'ClusterFirst'),
    dnsConfig,
    setHostnameAsFQDN: bool(s.setHostnameAsFQDN) ?? false,
  };
}

function podTemplate(v: unknown, owner: ObjectMeta): PodTemplate {
  const t = obj(v);
  const md = obj(t.metadata);
  return {
    metadata: { name: str(md.name) ?? '', namespace: owner.namespace, labels: strMap(md.labels), annotations: strMap(md.annotations) },
    spec: podSpec(t.spec),
  };
}

/** A kind with a pod template (the catalogue's podTemplatePath): Pod, Deployment, ..., CronJob. */
function workload(m: Manifest, base: AnyObject): WorkloadObject {
  const kind = m.kind as WorkloadKind;
  const templatePath = [...(podTemplatePath(kind) ?? [])];
  const spec = obj(m.value.spec);
  if (kind === 'Pod') {
    return {
      ...base, kind, replicas: 1, selector: undefined, templatePath, serviceName: undefined,
      template: { metadata: base.metadata, spec: podSpec(m.value.spec) },
    };
  }
  const template = podTemplate(valueAt(m.value, templatePath), base.metadata);
  if (kind === 'CronJob') {
    const jobSpec = obj(obj(spec.jobTemplate).spec);
    return { ...base, kind, replicas: num(jobSpec.parallelism) ?? 1, selector: undefined, serviceName: undefined, templatePath, template };
  }
  let replicas: number | undefined = num(spec.replicas) ?? 1;
  if (kind === 'DaemonSet') replicas = undefined;
  if (kind === 'Job') replicas = num(spec.parallelism) ?? 1;
  // A ReplicationController's selector is a plain map, defaulted to the template labels.
  let selector: LabelSelector | undefined;
  if (kind === 'ReplicationController') {
    const plain = isObj(spec.selector) ? strMap(spec.selector) : template.metadata.labels;
    selector = { matchLabels: plain, matchExpressions: [] };
  } else selector = isObj(spec.selector) ? labelSelector(spec.selector) : undefined;
  return {
    ...base, kind, replicas, selector, template, templatePath,
    serviceName: kind === 'StatefulSet' ? str(spec.serviceName) : undefined,
  };
}

function servicePort(v: unknown): ServicePort {
  const p = obj(v);
  const port = num(p.port) ?? 0;
  const target = intOrString(p.targetPort);
  return {
    name: str(p.name),
    protocol: protocol(p.protocol),
    port,
    // Defaulting: targetPort = port when omitted (or 0 / empty).
    targetPort: target === undefined || target === 0 || target === '' ? port : target,
    nodePort: num(p.nodePort) || undefined,
    appProtocol: str(p.appProtocol),
  };
}

export function serviceSpec(s: Obj): ServiceSpec {
  const type = oneOf(s.type, ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] as const, 'ClusterIP');
  const clusterIP = str(s.clusterIP) || undefined;
  const externalIPs = arr(s.externalIPs).filter((x): x is string => typeof x === 'string');
  const affinity = oneOf(s.sessionAffinity, ['None', 'ClientIP'] as const, 'None');
  const timeout = num(obj(obj(s.sessionAffinityConfig).clientIP).timeoutSeconds);
  return {
    type,
    clusterIP: type === 'ExternalName' ? undefined : clusterIP,
    clusterIPs: normalizeClusterIPs(clusterIP, arr(s.clusterIPs).filter((x): x is string => typeof x === 'string')),
    ports: arr(s.ports).map(servicePort),
    selector: isObj(s.selector) && Object.keys(s.selector).length > 0 ? strMap(s.selector) : null,
    externalName: str(s.externalName),
    externalIPs,
    sessionAffinity: affinity,
    // Default timeout: 10800 s (3 h), as the API server sets for ClientIP.
    sessionAffinityTimeoutSeconds: timeout ?? 10800,
    // SetDefaults_Service defaults it to Cluster for externally accessible Services only.
    externalTrafficPolicy: externallyAccessible({ type, externalIPs })
      ? oneOf(s.externalTrafficPolicy, ['Cluster', 'Local'] as const, 'Cluster')
      : (str(s.externalTrafficPolicy) as 'Cluster' | 'Local' | undefined),
    internalTrafficPolicy: oneOf(s.internalTrafficPolicy, ['Cluster', 'Local'] as const, 'Cluster'),
    publishNotReadyAddresses: bool(s.publishNotReadyAddresses) ?? false,
    allocateLoadBalancerNodePorts: type === 'LoadBalancer' ? bool(s.allocateLoadBalancerNodePorts) ?? true : bool(s.allocateLoadBalancerNodePorts),
    loadBalancerIP: str(s.loadBalancerIP),
    healthCheckNodePort: num(s.healthCheckNodePort),
  };
}

function endpointPort(v: unknown): EndpointPort {
  const p = obj(v);
  return { name: str(p.name), port: num(p.port) ?? 0, protocol: protocol(p.protocol) };
}

function targetRef(v: unknown): { kind: string; namespace: string; name: string } | undefined {
  if (!isObj(v)) return undefined;
  return { kind: str(v.kind) ?? '', namespace: str(v.namespace) ?? '', name: str(v.name) ?? '' };
}

function endpointSubset(v: unknown): EndpointSubset {
  const s = obj(v);
  const address = (a: unknown) => {
    const o = obj(a);
    return { ip: str(o.ip) ?? '', hostname: str(o.hostname), nodeName: str(o.nodeName), targetRef: targetRef(o.targetRef) };
  };
  return { addresses: arr(s.addresses).map(address), notReadyAddresses: arr(s.notReadyAddresses).map(address), ports: arr(s.ports).map(endpointPort) };
}

function endpointSlice(v: Obj, meta: ObjectMeta): EndpointSliceData {
  return {
    addressType: oneOf(v.addressType, ['IPv4', 'IPv6', 'FQDN'] as const, 'IPv4'),
    endpoints: arr(v.endpoints).filter(isObj).map((e) => {
      const c = obj(e.conditions);
      // Unset conditions are read as true (ready, serving) / false (terminating), as consumers must.
      const ready = bool(c.ready) ?? true;
      return {
        addresses: arr(e.addresses).filter((x): x is string => typeof x === 'string'),
        conditions: { ready, serving: bool(c.serving) ?? ready, terminating: bool(c.terminating) ?? false },
        hostname: str(e.hostname),
        nodeName: str(e.nodeName),
        zone: str(e.zone),
        targetRef: targetRef(e.targetRef),
      };
    }),
    ports: arr(v.ports).map(endpointPort),
    serviceName: meta.labels['kubernetes.io/service-name'],
  };
}

function ingressBackends(spec: Obj): IngressBackendRef[] {
  const out: IngressBackendRef[] = [];
  const take = (backend: unknown, path: Array<string | number>) => {
    const svc = obj(obj(backend).service);
    const name = str(svc.name);
    if (name === undefined) return;
    const port = obj(svc.port);
    out.push({ serviceName: name, port: num(port.number) ?? str(port.name), path: [...path, 'service'] });
  };
  if (isObj(spec.defaultBackend)) take(spec.defaultBackend, ['spec', 'defaultBackend']);
  arr(spec.rules).forEach((rule, i) => {
    arr(obj(obj(rule).http).paths).forEach((p, j) => take(obj(p).backend, ['spec', 'rules', i, 'http', 'paths', j, 'backend']));
  });
  return out;
}

export type { ServiceObject, WorkloadObject, EndpointsObject, EndpointSliceObject, IngressObject, NetworkPolicyObject };
