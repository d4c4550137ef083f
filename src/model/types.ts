/**
 * Typed, defaulted Kubernetes objects: what every stage after `model/` reads.
 * Only the fields svclab reasons about are modelled; the raw value stays on the manifest.
 * Field names are Kubernetes' own.
 */
import type { Manifest } from '../parse/manifest';
import type { ObjectRef } from '../types';
import type { InvalidValue } from './invalid';
import type { Obj } from './guards';

export type Protocol = 'TCP' | 'UDP' | 'SCTP';
export type IntOrString = number | string;

export interface ObjectMeta {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values: string[];
}

export interface LabelSelector {
  matchLabels: Record<string, string>;
  matchExpressions: LabelSelectorRequirement[];
}

export interface ContainerPort {
  name: string | undefined;
  containerPort: number;
  protocol: Protocol;
  hostPort: number | undefined;
  hostIP: string | undefined;
  /** Position in the container's `ports` list as written (entries that are not mappings are skipped). */
  index: number;
}

export interface Probe {
  /** The port a httpGet / tcpSocket / grpc probe targets, with the field it came from. */
  port: IntOrString | undefined;
  handler: 'httpGet' | 'tcpSocket' | 'grpc' | 'exec' | undefined;
}

export interface EnvVar {
  name: string;
  value: string | undefined;
}

export interface Container {
  name: string;
  image: string;
  ports: ContainerPort[];
  env: EnvVar[];
  readinessProbe: Probe | undefined;
  livenessProbe: Probe | undefined;
  startupProbe: Probe | undefined;
  /** Only on init containers: `Always` makes it a sidecar that runs beside the app (KEP-753). */
  restartPolicy?: string;
}

export interface Toleration {
  key: string | undefined;
  operator: 'Exists' | 'Equal';
  value: string | undefined;
  effect: string | undefined;
}

export interface PodDNSConfig {
  nameservers: string[];
  searches: string[];
  options: Array<{ name: string; value: string | undefined }>;
}

export type DNSPolicy = 'ClusterFirst' | 'ClusterFirstWithHostNet' | 'Default' | 'None';

export interface PodSpec {
  containers: Container[];
  initContainers: Container[];
  hostNetwork: boolean;
  nodeName: string | undefined;
  nodeSelector: Record<string, string>;
  tolerations: Toleration[];
  hostname: string | undefined;
  subdomain: string | undefined;
  dnsPolicy: DNSPolicy;
  dnsConfig: PodDNSConfig | undefined;
  setHostnameAsFQDN: boolean;
}

export interface PodTemplate {
  metadata: ObjectMeta;
  spec: PodSpec;
}

export type WorkloadKind = 'Pod' | 'Deployment' | 'ReplicaSet' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'ReplicationController' | 'CronJob';

export interface ServicePort {
  name: string | undefined;
  protocol: Protocol;
  port: number;
  targetPort: IntOrString;
  nodePort: number | undefined;
  appProtocol: string | undefined;
}

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
export type IPFamily = 'IPv4' | 'IPv6';
export type IPFamilyPolicy = 'SingleStack' | 'PreferDualStack' | 'RequireDualStack';
/** spec.trafficDistribution values (PreferClose is the older name of PreferSameZone). */
export type TrafficDistribution = 'PreferClose' | 'PreferSameZone' | 'PreferSameNode';

export interface ServiceSpec {
  type: ServiceType;
  /** `undefined` = to be allocated; 'None' = headless. */
  clusterIP: string | undefined;
  /** As written, normalised as on create (normalizeClusterIPs): a lone clusterIP becomes [clusterIP]. */
  clusterIPs: string[];
  ports: ServicePort[];
  /** `null` when the Service has no selector (its endpoints are managed by hand). */
  selector: Record<string, string> | null;
  externalName: string | undefined;
  externalIPs: string[];
  sessionAffinity: 'None' | 'ClientIP';
  sessionAffinityTimeoutSeconds: number;
  externalTrafficPolicy: 'Cluster' | 'Local' | undefined;
  internalTrafficPolicy: 'Cluster' | 'Local';
  publishNotReadyAddresses: boolean;
  allocateLoadBalancerNodePorts: boolean | undefined;
  loadBalancerIP: string | undefined;
  /** CIDRs allowed to reach the load balancer addresses (kube-proxy drops other sources). */
  loadBalancerSourceRanges: string[];
  healthCheckNodePort: number | undefined;
  /** spec.ipFamilies as written (supported values only; others are in `invalid`). */
  ipFamilies: IPFamily[];
  /** spec.ipFamilyPolicy as written; the API server defaults it on create (model/service.ts initIPFamilyFields). */
  ipFamilyPolicy: IPFamilyPolicy | undefined;
  /** spec.loadBalancerClass as written. */
  loadBalancerClass: string | undefined;
  /** spec.trafficDistribution as written (supported values only). */
  trafficDistribution: TrafficDistribution | undefined;
}

export interface EndpointAddress {
  ip: string;
  hostname: string | undefined;
  nodeName: string | undefined;
  targetRef: { kind: string; namespace: string; name: string } | undefined;
}

export interface EndpointPort {
  name: string | undefined;
  port: number;
  protocol: Protocol;
  appProtocol?: string;
}

export interface EndpointSubset {
  addresses: EndpointAddress[];
  notReadyAddresses: EndpointAddress[];
  ports: EndpointPort[];
}

/** discovery/v1 EndpointHints: the zones (and nodes) an endpoint should serve (topology-aware routing). */
export interface EndpointHints {
  forZones?: Array<{ name: string }>;
  forNodes?: Array<{ name: string }>;
}

export interface EndpointSliceEndpoint {
  addresses: string[];
  conditions: { ready: boolean; serving: boolean; terminating: boolean };
  hostname: string | undefined;
  nodeName: string | undefined;
  zone: string | undefined;
  targetRef: { kind: string; namespace: string; name: string } | undefined;
  hints: EndpointHints | undefined;
}

export interface EndpointSliceData {
  addressType: 'IPv4' | 'IPv6' | 'FQDN';
  endpoints: EndpointSliceEndpoint[];
  ports: EndpointPort[];
  /** `kubernetes.io/service-name` label: the Service this slice belongs to. */
  serviceName: string | undefined;
}

export interface IngressBackendRef {
  serviceName: string;
  port: IntOrString | undefined;
  /** Field path of the `service` mapping inside the Ingress. */
  path: Array<string | number>;
}

/** Common envelope of every modelled object. */
export interface Base<K extends string> {
  kind: K;
  ref: ObjectRef;
  metadata: ObjectMeta;
  manifest: Manifest;
  /**
   * Enum values the API server would refuse (model/invalid.ts), in field order: the typed
   * fields hold the default in their place. Shared by the object's entry in `objects`.
   */
  invalid: InvalidValue[];
}

export interface ServiceObject extends Base<'Service'> {
  spec: ServiceSpec;
  /**
   * `spec` as written, before defaulting (the manifest's value; `{}` when it is not a mapping):
   * the Service rules judge what the user wrote. Kept here because the rules look it up 1.3
   * million times on the 50 MB file, and reading it from the manifest's value (whose shape
   * differs from document to document) took about twice as long as this field (profiled:
   * ~0.45 µs a look-up then, ~0.2 µs now, most of it reaching the object in memory).
   */
  writtenSpec: Obj;
}

export interface WorkloadObject extends Base<WorkloadKind> {
  /** Pods this workload asks for (DaemonSet: undefined, decided per node). */
  replicas: number | undefined;
  selector: LabelSelector | undefined;
  template: PodTemplate;
  /** Path of the pod template inside the manifest (`spec.template`, `spec.jobTemplate.spec.template`, or `` for a Pod). */
  templatePath: Array<string | number>;
  /** StatefulSet governing Service. */
  serviceName: string | undefined;
}

export interface EndpointsObject extends Base<'Endpoints'> {
  subsets: EndpointSubset[];
}

export interface EndpointSliceObject extends Base<'EndpointSlice'> {
  slice: EndpointSliceData;
}

export interface IngressObject extends Base<'Ingress'> {
  backends: IngressBackendRef[];
}

/** networking.k8s.io/v1 IPBlock: a CIDR, minus the `except` CIDRs. */
export interface IPBlock {
  /** undefined when not written (the schema reports the missing field). */
  cidr: string | undefined;
  except: string[];
}

/**
 * networking.k8s.io/v1 NetworkPolicyPeer: `podSelector` alone = pods of the policy's namespace;
 * `namespaceSelector` alone = every pod of the matching namespaces; both = the pods matching
 * `podSelector` in the matching namespaces; `ipBlock` = addresses.
 */
export interface NetworkPolicyPeer {
  podSelector: LabelSelector | undefined;
  namespaceSelector: LabelSelector | undefined;
  ipBlock: IPBlock | undefined;
  /** Field path of the peer inside the manifest. */
  path: Array<string | number>;
}

/** networking.k8s.io/v1 NetworkPolicyPort, defaulted (SetDefaults_NetworkPolicyPort: protocol TCP). */
export interface NetworkPolicyPort {
  protocol: Protocol;
  /** A number, a named port (resolved on the destination pod), or undefined (every port of the protocol). */
  port: IntOrString | undefined;
  endPort: number | undefined;
  path: Array<string | number>;
}

/**
 * One ingress (`from`) or egress (`to`) rule. `peers` empty = every source / destination;
 * `ports` empty = every port.
 */
export interface NetworkPolicyRule {
  peers: NetworkPolicyPeer[];
  ports: NetworkPolicyPort[];
  path: Array<string | number>;
}

export type PolicyType = 'Ingress' | 'Egress';

export interface NetworkPolicyObject extends Base<'NetworkPolicy'> {
  podSelector: LabelSelector;
  ingress: NetworkPolicyRule[];
  egress: NetworkPolicyRule[];
  /** Defaulted as SetDefaults_NetworkPolicy does (model/network-policy.ts). */
  policyTypes: PolicyType[];
  /** spec.policyTypes as written (empty when absent). */
  writtenPolicyTypes: PolicyType[];
}

/** Any object, typed or not: what generic rules (names, labels, duplicates) read. */
export interface AnyObject extends Base<string> {}

/** Everything the input holds, by kind, with the namespace defaulted. */
export interface Model {
  objects: AnyObject[];
  services: ServiceObject[];
  workloads: WorkloadObject[];
  endpoints: EndpointsObject[];
  endpointSlices: EndpointSliceObject[];
  ingresses: IngressObject[];
  networkPolicies: NetworkPolicyObject[];
  /** Namespaces the input defines (Namespace objects). */
  namespaces: AnyObject[];
  /** The namespace objects without one are placed in (`--namespace`, default `default`). */
  defaultNamespace: string;
}
