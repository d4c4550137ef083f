/**
 * The model of a pod spec (a Pod's, or a workload's pod template), defaulted as the API server
 * does (SetDefaults_PodSpec, SetDefaults_ContainerPort, defaultHostNetworkPorts), with the enum
 * values it refuses recorded (validatePodSpec: validateDNSPolicy, validateContainerPorts,
 * validateInitContainerRestartPolicy, validateTolerations).
 */
import type { FieldPath } from '../types';
import { arr, bool, intOrString, isObj, num, obj, str, strMap, textOf } from './guards';
import { enumField, type InvalidValue } from './invalid';
import type { Container, ContainerPort, EnvVar, ObjectMeta, PodSpec, PodTemplate, Probe, Protocol, Toleration } from './types';

/** supportedPortProtocols, as sets.List sorts them. */
export const PROTOCOLS: readonly Protocol[] = ['SCTP', 'TCP', 'UDP'];
/** supportedDNSPolicies, sorted. */
const DNS_POLICIES = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'] as const;
/** validateTolerations lists Equal, then Exists. */
const TOLERATION_OPERATORS = ['Equal', 'Exists'] as const;
/** validateInitContainerRestartPolicy: the one restartPolicy an init container may have (a sidecar). */
const INIT_CONTAINER_RESTART_POLICIES = ['Always'];

/** A port's protocol: TCP when unset (SetDefaults_ContainerPort, SetDefaults_ServicePort, ...). */
export function protocol(v: unknown, path: FieldPath, invalid: InvalidValue[]): Protocol {
  return enumField(v, path, PROTOCOLS, 'TCP', invalid);
}

function containerPorts(v: unknown, path: FieldPath, invalid: InvalidValue[]): ContainerPort[] {
  const out: ContainerPort[] = [];
  arr(v).forEach((p, index) => {
    if (!isObj(p)) return;
    const port: ContainerPort = {
      name: str(p.name),
      containerPort: num(p.containerPort) ?? 0,
      protocol: protocol(p.protocol, [...path, index, 'protocol'], invalid),
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
  return arr(v).filter(isObj).map((e) => ({ name: str(e.name) ?? '', value: e.value === undefined ? undefined : textOf(e.value) }));
}

function container(v: unknown, path: FieldPath, invalid: InvalidValue[], init: boolean): Container {
  const c = obj(v);
  const restartPolicy = str(c.restartPolicy);
  if (init && restartPolicy !== undefined && !INIT_CONTAINER_RESTART_POLICIES.includes(restartPolicy)) {
    invalid.push({ path: [...path, 'restartPolicy'], value: restartPolicy, allowed: INIT_CONTAINER_RESTART_POLICIES });
  }
  return {
    name: str(c.name) ?? '',
    image: str(c.image) ?? '',
    ports: containerPorts(c.ports, [...path, 'ports'], invalid),
    env: envVars(c.env),
    readinessProbe: probe(c.readinessProbe),
    livenessProbe: probe(c.livenessProbe),
    startupProbe: probe(c.startupProbe),
    ...(restartPolicy !== undefined ? { restartPolicy } : {}),
  };
}

function toleration(v: unknown, path: FieldPath, invalid: InvalidValue[]): Toleration {
  const t = obj(v);
  return { key: str(t.key), operator: enumField(t.operator, [...path, 'operator'], TOLERATION_OPERATORS, 'Equal', invalid), value: str(t.value), effect: str(t.effect) };
}

/** The pod spec at `path` of its object; invalid enum values go to `invalid`. */
export function podSpec(v: unknown, path: FieldPath, invalid: InvalidValue[]): PodSpec {
  const s = obj(v);
  const hostNetwork = bool(s.hostNetwork) ?? false;
  const dnsConfig = isObj(s.dnsConfig)
    ? {
        nameservers: arr(s.dnsConfig.nameservers).filter((x): x is string => typeof x === 'string'),
        searches: arr(s.dnsConfig.searches).filter((x): x is string => typeof x === 'string'),
        options: arr(s.dnsConfig.options).filter(isObj).map((o) => ({ name: str(o.name) ?? '', value: str(o.value) })),
      }
    : undefined;
  const containers = arr(s.containers).map((c, i) => container(c, [...path, 'containers', i], invalid, false));
  const initContainers = arr(s.initContainers).map((c, i) => container(c, [...path, 'initContainers', i], invalid, true));
  // SetDefaults_Pod (defaultHostNetworkPorts): with host networking every container port is also a host port.
  // defaultHostNetworkPorts sets a hostPort of 0 (or none) to the containerPort.
  if (hostNetwork) for (const c of [...containers, ...initContainers]) for (const p of c.ports) if (!p.hostPort) p.hostPort = p.containerPort;
  return {
    containers,
    initContainers,
    hostNetwork,
    nodeName: str(s.nodeName),
    nodeSelector: strMap(s.nodeSelector),
    tolerations: arr(s.tolerations).map((t, i) => toleration(t, [...path, 'tolerations', i], invalid)),
    hostname: str(s.hostname),
    subdomain: str(s.subdomain),
    // Defaulted by the API server: ClusterFirst, whatever hostNetwork says.
    dnsPolicy: enumField(s.dnsPolicy, [...path, 'dnsPolicy'], DNS_POLICIES, 'ClusterFirst', invalid),
    dnsConfig,
    setHostnameAsFQDN: bool(s.setHostnameAsFQDN) ?? false,
  };
}

/** A workload's pod template at `path`; its metadata takes the owner's namespace. */
export function podTemplate(v: unknown, path: FieldPath, owner: ObjectMeta, invalid: InvalidValue[]): PodTemplate {
  const t = obj(v);
  const md = obj(t.metadata);
  return {
    metadata: { name: str(md.name) ?? '', namespace: owner.namespace, labels: strMap(md.labels), annotations: strMap(md.annotations) },
    spec: podSpec(t.spec, [...path, 'spec'], invalid),
  };
}
