import type { Manifest } from '../parse/manifest';
import { effectiveNamespace, manifestRef } from '../parse/manifest';
import { isBuiltinGroupOf, podTemplatePath } from './kinds';
import { externallyAccessible, normalizeClusterIPs } from './service';
import type { FieldPath } from '../types';
import { podSpec, podTemplate, protocol } from './build-pod';
import { arr, bool, intOrString, isObj, num, obj, str, strMap, textOf, valueAt, type Obj } from './guards';
import { enumField, type InvalidValue } from './invalid';
import { networkPolicySpec } from './network-policy';
import type {
  AnyObject, EndpointHints, EndpointPort, EndpointSliceData, EndpointSubset, EndpointsObject, EndpointSliceObject, IngressBackendRef,
  IngressObject, LabelSelector, Model, NetworkPolicyObject, ObjectMeta, ServiceObject, ServicePort, ServiceSpec,
  WorkloadKind, WorkloadObject,
} from './types';

/** sets.List(supportedServiceType) and friends: what ValidateService accepts, sorted as its messages list them. */
const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'] as const;
const SESSION_AFFINITIES = ['ClientIP', 'None'] as const;
const TRAFFIC_POLICIES = ['Cluster', 'Local'] as const;
/** supportedAddressTypes of ValidateEndpointSlice. */
const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'] as const;
const SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const;
/** supportedServiceIPFamily and supportedServiceIPFamilyPolicy (ValidateServiceClusterIPsRelatedFields), sorted. */
const IP_FAMILIES = ['IPv4', 'IPv6'] as const;
const IP_FAMILY_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'] as const;
/**
 * validateServiceTrafficDistribution: PreferClose, and PreferSameZone / PreferSameNode (KEP-3015,
 * feature PreferSameTrafficDistribution, on by default since Kubernetes 1.34).
 */
const TRAFFIC_DISTRIBUTIONS = ['PreferClose', 'PreferSameNode', 'PreferSameZone'] as const;

/**
 * Builds the typed, defaulted model of all input objects, as the API server would default
 * them. Enum values it would refuse are listed in each object's `invalid` (model/invalid.ts).
 */
export function buildModel(manifests: Manifest[], defaultNamespace = 'default'): Model {
  const model: Model = {
    objects: [], services: [], workloads: [], endpoints: [], endpointSlices: [], ingresses: [], networkPolicies: [], namespaces: [],
    defaultNamespace,
  };
  for (const m of manifests) {
    const base = baseOf(m, defaultNamespace);
    model.objects.push(base);
    const spec = obj(m.value.spec);
    const invalid = base.invalid;
    // Each kind's fields are written out, never spread from `base`: see workloadObject.
    // A custom resource that reuses a built-in kind's name (Knative's serving.knative.dev
    // `Service`, a CRD `Ingress`) is not that kind: only its own API groups make it one.
    switch (isBuiltinGroupOf(m) ? m.kind : '') {
      case 'Service':
        model.services.push({ kind: 'Service', ref: base.ref, metadata: base.metadata, manifest: m, invalid, spec: serviceSpec(spec, invalid), writtenSpec: spec });
        break;
      case 'Endpoints':
        model.endpoints.push({ kind: 'Endpoints', ref: base.ref, metadata: base.metadata, manifest: m, invalid, subsets: arr(m.value.subsets).map((s, i) => endpointSubset(s, ['subsets', i], invalid)) });
        break;
      case 'EndpointSlice':
        model.endpointSlices.push({ kind: 'EndpointSlice', ref: base.ref, metadata: base.metadata, manifest: m, invalid, slice: endpointSlice(m.value, base.metadata, invalid) });
        break;
      case 'Ingress':
        model.ingresses.push({ kind: 'Ingress', ref: base.ref, metadata: base.metadata, manifest: m, invalid, backends: ingressBackends(spec) });
        break;
      case 'NetworkPolicy': {
        const np = networkPolicySpec(spec, invalid, labelSelector);
        model.networkPolicies.push({
          kind: 'NetworkPolicy', ref: base.ref, metadata: base.metadata, manifest: m, invalid,
          podSelector: np.podSelector, ingress: np.ingress, egress: np.egress, policyTypes: np.policyTypes, writtenPolicyTypes: np.writtenPolicyTypes,
        });
        break;
      }
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
  return { kind: m.kind, ref: manifestRef(m, defaultNamespace), metadata, manifest: m, invalid: [] };
}

/**
 * A metav1.LabelSelector. ValidateLabelSelectorRequirement refuses any other operator (a
 * missing one too) with field.Invalid "not a valid selector operator"; In stands in for it.
 */
function labelSelector(v: unknown, path: FieldPath, invalid: InvalidValue[]): LabelSelector {
  const s = obj(v);
  const matchExpressions = arr(s.matchExpressions).flatMap((e, i) => {
    if (!isObj(e)) return [];
    const operator = SELECTOR_OPERATORS.find((o) => o === e.operator);
    if (operator === undefined) invalid.push({ path: [...path, 'matchExpressions', i, 'operator'], value: e.operator ?? '', allowed: SELECTOR_OPERATORS, detail: 'not a valid selector operator' });
    return [{ key: str(e.key) ?? '', operator: operator ?? 'In', values: arr(e.values).map(textOf) }];
  });
  return { matchLabels: strMap(s.matchLabels), matchExpressions };
}

/** A kind with a pod template (the catalogue's podTemplatePath): Pod, Deployment, ..., CronJob. */
function workload(m: Manifest, base: AnyObject): WorkloadObject {
  const kind = m.kind as WorkloadKind;
  const templatePath = [...(podTemplatePath(kind) ?? [])];
  const spec = obj(m.value.spec);
  if (kind === 'Pod') {
    const template = { metadata: base.metadata, spec: podSpec(m.value.spec, ['spec'], base.invalid) };
    return workloadObject(m, base, kind, 1, undefined, template, templatePath, undefined);
  }
  const template = podTemplate(valueAt(m.value, templatePath), templatePath, base.metadata, base.invalid);
  if (kind === 'CronJob') {
    const jobSpec = obj(obj(spec.jobTemplate).spec);
    return workloadObject(m, base, kind, num(jobSpec.parallelism) ?? 1, undefined, template, templatePath, undefined);
  }
  let replicas: number | undefined = num(spec.replicas) ?? 1;
  if (kind === 'DaemonSet') replicas = undefined;
  if (kind === 'Job') replicas = num(spec.parallelism) ?? 1;
  // A ReplicationController's selector is a plain map, defaulted to the template labels.
  let selector: LabelSelector | undefined;
  if (kind === 'ReplicationController') {
    const plain = isObj(spec.selector) ? strMap(spec.selector) : template.metadata.labels;
    selector = { matchLabels: plain, matchExpressions: [] };
  } else selector = isObj(spec.selector) ? labelSelector(spec.selector, ['spec', 'selector'], base.invalid) : undefined;
  return workloadObject(m, base, kind, replicas, selector, template, templatePath, kind === 'StatefulSet' ? str(spec.serviceName) : undefined);
}

/**
 * A workload, its fields written out in one order for every kind: an object spread (`{ ...base }`)
 * here and for the other kinds gave objects their own hidden classes on large inputs (V8's clone
 * took its slow path: 2,993 maps for the first 3,000 Services of the 50 MB file), which made every
 * property read of every rule a megamorphic look-up (~1 µs per Service for `spec.type`).
 */
function workloadObject(
  m: Manifest, base: AnyObject, kind: WorkloadKind, replicas: number | undefined, selector: LabelSelector | undefined,
  template: WorkloadObject['template'], templatePath: WorkloadObject['templatePath'], serviceName: string | undefined,
): WorkloadObject {
  return { kind, ref: base.ref, metadata: base.metadata, manifest: m, invalid: base.invalid, replicas, selector, template, templatePath, serviceName };
}

function servicePort(v: unknown, path: FieldPath, invalid: InvalidValue[]): ServicePort {
  const p = obj(v);
  const port = num(p.port) ?? 0;
  const target = intOrString(p.targetPort);
  return {
    name: str(p.name),
    protocol: protocol(p.protocol, [...path, 'protocol'], invalid),
    port,
    // Defaulting: targetPort = port when omitted (or 0 / empty).
    targetPort: target === undefined || target === 0 || target === '' ? port : target,
    nodePort: num(p.nodePort) || undefined,
    appProtocol: str(p.appProtocol),
  };
}

/** ValidateService's enum fields: type, ports[].protocol, sessionAffinity, externalTrafficPolicy, internalTrafficPolicy. */
function serviceSpec(s: Obj, invalid: InvalidValue[]): ServiceSpec {
  const type = enumField(s.type, ['spec', 'type'], SERVICE_TYPES, 'ClusterIP', invalid);
  const clusterIP = str(s.clusterIP) || undefined;
  const externalIPs = arr(s.externalIPs).filter((x): x is string => typeof x === 'string');
  const affinity = enumField(s.sessionAffinity, ['spec', 'sessionAffinity'], SESSION_AFFINITIES, 'None', invalid);
  const timeout = num(obj(obj(s.sessionAffinityConfig).clientIP).timeoutSeconds);
  return {
    type,
    clusterIP: type === 'ExternalName' ? undefined : clusterIP,
    clusterIPs: normalizeClusterIPs(clusterIP, arr(s.clusterIPs).filter((x): x is string => typeof x === 'string')),
    ports: arr(s.ports).map((p, i) => servicePort(p, ['spec', 'ports', i], invalid)),
    selector: isObj(s.selector) && Object.keys(s.selector).length > 0 ? strMap(s.selector) : null,
    externalName: str(s.externalName),
    externalIPs,
    sessionAffinity: affinity,
    // Default timeout: 10800 s (3 h), as the API server sets for ClientIP.
    sessionAffinityTimeoutSeconds: timeout ?? 10800,
    // SetDefaults_Service defaults it to Cluster for externally accessible Services only; on
    // the others validateServiceExternalTrafficPolicy refuses any value (allocate.ts says so).
    externalTrafficPolicy: externallyAccessible({ type, externalIPs })
      ? enumField(s.externalTrafficPolicy, ['spec', 'externalTrafficPolicy'], TRAFFIC_POLICIES, 'Cluster', invalid)
      : TRAFFIC_POLICIES.find((p) => p === s.externalTrafficPolicy),
    internalTrafficPolicy: enumField(s.internalTrafficPolicy, ['spec', 'internalTrafficPolicy'], TRAFFIC_POLICIES, 'Cluster', invalid),
    publishNotReadyAddresses: bool(s.publishNotReadyAddresses) ?? false,
    allocateLoadBalancerNodePorts: type === 'LoadBalancer' ? bool(s.allocateLoadBalancerNodePorts) ?? true : bool(s.allocateLoadBalancerNodePorts),
    loadBalancerIP: str(s.loadBalancerIP),
    loadBalancerSourceRanges: arr(s.loadBalancerSourceRanges).filter((x): x is string => typeof x === 'string'),
    healthCheckNodePort: num(s.healthCheckNodePort),
    ipFamilies: arr(s.ipFamilies).flatMap((f, i) => {
      const family = IP_FAMILIES.find((x) => x === f);
      if (family === undefined) invalid.push({ path: ['spec', 'ipFamilies', i], value: f, allowed: IP_FAMILIES });
      return family === undefined ? [] : [family];
    }),
    ipFamilyPolicy: s.ipFamilyPolicy === undefined || s.ipFamilyPolicy === null || s.ipFamilyPolicy === '' ? undefined : enumField(s.ipFamilyPolicy, ['spec', 'ipFamilyPolicy'], IP_FAMILY_POLICIES, 'SingleStack', invalid),
    loadBalancerClass: str(s.loadBalancerClass),
    trafficDistribution: trafficDistribution(s.trafficDistribution, invalid),
  };
}

/** spec.trafficDistribution: absent, or a supported value; anything else (even '') is refused (validateServiceTrafficDistribution). */
function trafficDistribution(v: unknown, invalid: InvalidValue[]): ServiceSpec['trafficDistribution'] {
  if (v === undefined || v === null) return undefined;
  const known = TRAFFIC_DISTRIBUTIONS.find((t) => t === v);
  if (known === undefined) invalid.push({ path: ['spec', 'trafficDistribution'], value: v, allowed: TRAFFIC_DISTRIBUTIONS });
  return known;
}

function endpointPort(v: unknown, path: FieldPath, invalid: InvalidValue[]): EndpointPort {
  const p = obj(v);
  const out: EndpointPort = { name: str(p.name), port: num(p.port) ?? 0, protocol: protocol(p.protocol, [...path, 'protocol'], invalid) };
  if (typeof p.appProtocol === 'string') out.appProtocol = p.appProtocol;
  return out;
}

function targetRef(v: unknown): { kind: string; namespace: string; name: string } | undefined {
  if (!isObj(v)) return undefined;
  return { kind: str(v.kind) ?? '', namespace: str(v.namespace) ?? '', name: str(v.name) ?? '' };
}

/** An Endpoints subset; ValidateEndpoints refuses other port protocols (validateEndpointPort). */
function endpointSubset(v: unknown, path: FieldPath, invalid: InvalidValue[]): EndpointSubset {
  const s = obj(v);
  const address = (a: unknown) => {
    const o = obj(a);
    return { ip: str(o.ip) ?? '', hostname: str(o.hostname), nodeName: str(o.nodeName), targetRef: targetRef(o.targetRef) };
  };
  const ports = arr(s.ports).map((p, i) => endpointPort(p, [...path, 'ports', i], invalid));
  return { addresses: arr(s.addresses).map(address), notReadyAddresses: arr(s.notReadyAddresses).map(address), ports };
}

/** ValidateEndpointSlice's enums: addressType and ports[].protocol. */
function endpointSlice(v: Obj, meta: ObjectMeta, invalid: InvalidValue[]): EndpointSliceData {
  return {
    addressType: enumField(v.addressType, ['addressType'], ADDRESS_TYPES, 'IPv4', invalid),
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
        hints: endpointHints(e.hints),
      };
    }),
    ports: arr(v.ports).map((p, i) => endpointPort(p, ['ports', i], invalid)),
    serviceName: meta.labels['kubernetes.io/service-name'],
  };
}

/** discovery/v1 EndpointHints as written (forZones / forNodes entries with a name). */
function endpointHints(v: unknown): EndpointHints | undefined {
  if (!isObj(v)) return undefined;
  const names = (list: unknown) => arr(list).filter(isObj).flatMap((x) => (typeof x.name === 'string' ? [{ name: x.name }] : []));
  const hints: EndpointHints = {};
  if (Array.isArray(v.forZones)) hints.forZones = names(v.forZones);
  if (Array.isArray(v.forNodes)) hints.forNodes = names(v.forNodes);
  return hints;
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
