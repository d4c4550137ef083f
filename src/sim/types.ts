/**
 * The simulated cluster: what `simulate()` returns and what `svclab get|curl|dig` and the
 * scenario harness read. JSON shapes derived from these (curl/dig output) are public contracts.
 */
import type { EndpointHints, Model, PodSpec, ServiceObject, ServicePort, WorkloadObject, Protocol } from '../model/types';

export interface Taint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

export interface NodeConfig {
  name: string;
  internalIP: string;
  labels: Record<string, string>;
  taints: Taint[];
  zone?: string;
  /** Pod CIDR of this node; by default carved out of the cluster pod CIDR in node order (/24 each). */
  podCIDR?: string;
}

export type LoadBalancerConfig = { provider: 'none' } | { provider: 'pool'; addresses: string[] };

export interface ClusterConfig {
  name: string;
  nodes: NodeConfig[];
  podCIDR: string;
  serviceCIDR: string;
  clusterDomain: string;
  nodePortRange: { min: number; max: number };
  loadBalancer: LoadBalancerConfig;
  /** The API server endpoint behind `default/kubernetes` (control plane IP and 6443). */
  apiServer: { ip: string; port: number };
  /** Names outside the cluster domain and what the upstream resolver answers for them (no network is used). */
  upstreamDNS: Record<string, string[]>;
  /** Readiness set from the Cluster object: pod or workload (`Kind/name`, `ns/Kind/name`, pod name) -> ready. */
  readiness: Record<string, boolean>;
  /** Pods a node accepts (kubelet's `maxPods`, default 110); more stay Pending ("Too many pods"). */
  maxPodsPerNode: number;
  /**
   * Pods the simulated cluster holds in all, Pending ones included (default 50,000): a workload
   * that would pass it stops the simulation with PodLimitError, as a pods quota would refuse it.
   */
  maxPods: number;
  /** Kubernetes version the nodes report (`kubectl get nodes` VERSION). */
  kubernetesVersion: string;
  /**
   * Whether the network plugin enforces NetworkPolicies (default `enforce`, as Calico, Cilium or
   * kindnet do); `ignore` for a plugin that does not (flannel alone). `svclab curl
   * --ignore-network-policies` sets `ignore`.
   */
  networkPolicies: 'enforce' | 'ignore';
  /** The ingress controller the cluster runs (src/edge/controllers.ts): `nginx` (default) or `none`. */
  ingressController: 'nginx' | 'none';
  /** The GatewayClass controllerNames the gateway implementation runs; absent: every GatewayClass is accepted. */
  gatewayControllers?: string[];
}

export interface SimNode {
  name: string;
  internalIP: string;
  labels: Record<string, string>;
  taints: Taint[];
  zone: string | undefined;
  podCIDR: string;
}

export interface SimPod {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** The workload that made it (for a bare Pod, itself). */
  workload: WorkloadObject;
  /** Owner chain as Kubernetes shows it: e.g. ReplicaSet/hostname-deployment-7b57c676b9. */
  ownerKind: string;
  ownerName: string;
  /** Empty when the pod could not be scheduled (phase Pending). */
  nodeName: string;
  hostIP: string;
  podIP: string;
  phase: 'Running' | 'Pending';
  /**
   * The pod's Ready condition (what its readiness probe reports; false while Pending). A
   * terminating pod keeps it, as the kubelet keeps probing during graceful termination: its
   * EndpointSlice endpoint is then `ready: false, serving: <this>, terminating: true`
   * (podToEndpoint, KEP-1669) and the legacy Endpoints leave it out. Whether a pod can take
   * traffic is the endpoint's business, not this flag's.
   */
  ready: boolean;
  /** Deleted and shutting down (annotation `svclab.io/terminating: "true"`): STATUS Terminating, a deletionTimestamp. */
  terminating: boolean;
  /** Why the pod is Pending (unschedulable), in words. */
  pendingReason?: string;
  spec: PodSpec;
  /** Deterministic stand-in for metadata.uid (derived from the seed and the pod's name). */
  uid: string;
  /** The pod's hostname as the kubelet sets it: spec.hostname, else the pod name. */
  hostname: string;
}

export interface SimServicePort extends ServicePort {
  /** Allocated (or given) node port, when the Service type opens one. */
  nodePort: number | undefined;
}

export interface SimService {
  object: ServiceObject | null;
  name: string;
  namespace: string;
  type: ServiceObject['spec']['type'];
  /** The virtual IP; 'None' for headless; null for ExternalName. */
  clusterIP: string | null;
  ports: SimServicePort[];
  /** LoadBalancer ingress addresses; null = `<pending>` (no provider), [] for other types. */
  loadBalancerIngress: string[] | null;
  spec: ServiceObject['spec'];
  /** True for the built-in `default/kubernetes` and `kube-system/kube-dns`. */
  builtIn: boolean;
  /** spec.clusterIPs as the API server fills it: [clusterIP] (single-stack IPv4), [] for ExternalName. */
  clusterIPs: string[];
  /** Allocated for LoadBalancer Services with externalTrafficPolicy Local (kube-proxy answers health checks on it). */
  healthCheckNodePort: number | undefined;
}

/** An input object the API server would refuse (so it is not part of the simulated cluster). */
export interface RejectedObject {
  kind: string;
  namespace: string;
  name: string;
  /** Why, in words (e.g. "spec.ports[0].nodePort: Invalid value: 31000: provided port is already allocated"). */
  reason: string;
}

export interface SimEndpoint {
  addresses: string[];
  conditions: { ready: boolean; serving: boolean; terminating: boolean };
  hostname?: string;
  nodeName?: string;
  zone?: string;
  targetRef?: { kind: string; namespace: string; name: string };
  /** Zones (and nodes) kube-proxy should use this endpoint for (trafficDistribution, topology-mode Auto: sim/topology-hints.ts). */
  hints?: EndpointHints;
}

export interface SimEndpointSlice {
  name: string;
  namespace: string;
  serviceName: string;
  addressType: 'IPv4' | 'IPv6' | 'FQDN';
  endpoints: SimEndpoint[];
  ports: Array<{ name: string; port: number; protocol: Protocol; appProtocol?: string }>;
  /** `endpointslice-controller.k8s.io` for computed slices; `user` for slices given in the input. */
  managedBy: string;
}

export interface SimEndpointsSubset {
  addresses: Array<{ ip: string; nodeName?: string; hostname?: string; targetRef?: { kind: string; namespace: string; name: string } }>;
  notReadyAddresses: Array<{ ip: string; nodeName?: string; hostname?: string; targetRef?: { kind: string; namespace: string; name: string } }>;
  ports: Array<{ name?: string; port: number; protocol: Protocol; appProtocol?: string }>;
}

export interface SimEndpoints {
  name: string;
  namespace: string;
  subsets: SimEndpointsSubset[];
  /** Set by the Endpoints controller: `endpoints.kubernetes.io/over-capacity: truncated` when it kept only 1000 addresses. */
  annotations?: Record<string, string>;
}

export type Outcome = 'ok' | 'refused' | 'dropped' | 'dns-error';

export interface RouteRequest {
  /** `pod/NAME`, `pod/NS/NAME`, `pod` (ad-hoc debug pod in `namespace`), `node/NAME`, or `external`. */
  from: string;
  /** `IP:port`, `name:port`, `node-IP:nodePort`, LB address, or an `http://` URL of any of those. */
  to: string;
  namespace?: string;
  /** Number of connections to sample (default 1). */
  count?: number;
  protocol?: Protocol;
  seed?: number;
  /** HTTP method of an http(s):// target (default GET). */
  method?: string;
  /** HTTP headers, `Name: value` each; a `Host` header picks the rule (the URL's host still picks the address). */
  headers?: string[];
  /** curl's `--resolve HOST:PORT:ADDR`: where to connect for that host and port, instead of DNS. */
  resolve?: string[];
}

/** The Ingress or HTTPRoute rule that matched an HTTP request (src/edge/decide.ts EdgeRouteRef). */
export interface MatchedRoute {
  kind: 'Ingress' | 'HTTPRoute' | 'GRPCRoute';
  namespace: string;
  name: string;
  rule: number | null;
  match: number | null;
}

export type HopKind = 'source' | 'dns' | 'service' | 'node' | 'pod' | 'external';

/**
 * What a hop is about, as structured facts (each present when it applies): where it happens,
 * the addresses, the Service, the endpoint, the pod, what decided, and why the connection ends.
 */
export interface HopFacts {
  /** The node where it happens. */
  node?: string;
  /** The address the packet comes from. */
  from?: string;
  /** The address (`ip:port`) or name the packet goes to. */
  to?: string;
  /** `namespace/name` of the Service involved. */
  service?: string;
  /** The Service port the connection uses. */
  port?: number;
  /** `ip:port` of the endpoint chosen by kube-proxy (after DNAT), or delivered to. */
  endpoint?: string;
  /** `namespace/name` of the pod involved. */
  pod?: string;
  /** What decided: a kube-proxy rule (`dnat`, `reject`, `drop`, ...), `coredns`, a filter's name. */
  rule?: string;
  /** Why the connection ends here (a message id), on the hop that ends it. */
  reason?: string;
}

/**
 * One step of a connection, as data and as a sentence. `message` and `detail` say what
 * happened (a message id of the route catalogue and its values, src/sim/proxy/facts.ts); the
 * other fields are the structured facts a picture or a filter needs. `text` is made from them.
 */
export interface Hop extends HopFacts {
  kind: HopKind;
  /** A sentence a learner can read: "kube-proxy on node-2 DNATs 10.96.0.12:8080 to 10.244.2.5:80". */
  text: string;
  /** What the hop says, as a message id (`dnat`, `cluster-ip`, `no-endpoints`, ...). */
  message: string;
  /** The message's other values (addresses tried, ports exposed, ...). */
  detail: Record<string, unknown>;
}

/** Why an attempt ended as it did, as data (the same shape as a hop, without kind and text). */
export type RouteReason = Omit<Hop, 'kind' | 'text'>;

export interface RouteCandidate {
  /** `namespace/name` */
  pod: string;
  podIP: string;
  port: number;
  node: string;
}

export interface RouteAttempt {
  outcome: Outcome;
  reason: string;
  /** `namespace/name` of the Service the request went through, if any. */
  service: string | null;
  pod: string | null;
  podIP: string | null;
  node: string | null;
  port: number | null;
  /** The source address the destination pod sees (after SNAT, if any). */
  sourceIP: string | null;
  /** HTTP body for http:// targets answered by a pod (`Hello, <pod-name>`). */
  body: string | null;
  hops: Hop[];
  /** `reason` as data: its message id and values. */
  why: RouteReason;
  /**
   * True when the outcome rests on svclab's guess of what the application listens on, not on the
   * manifests: a pod that declares no container port is assumed to accept (`ok`), a port its
   * containers do not declare is assumed closed (`refused`). containerPort is informational, so
   * the real app may differ; the pod template annotation `svclab.io/listens: "80,9090"` states
   * the truth and makes the outcome certain. `why.detail.basis` says what svclab went by.
   */
  assumed: boolean;
  /** The HTTP status the client gets, for requests answered by an edge proxy (ingress controller, gateway). */
  status?: number | null;
  /** The Ingress or HTTPRoute rule that matched (null when none did), for requests through an edge proxy. */
  route?: MatchedRoute | null;
  /** For a gRPC call (`grpc://`): the status the gRPC client reports (`{ code: 12, name: 'UNIMPLEMENTED' }`). */
  grpcStatus?: { code: number; name: string } | null;
}

export interface RouteResult {
  request: RouteRequest & { namespace: string; count: number; seed: number };
  resolved: { name: string; ip: string } | null;
  /** The full, deterministic set of endpoints this request can reach. */
  candidates: RouteCandidate[];
  results: RouteAttempt[];
  /** Counts by outcome; `assumed`: how many of the outcomes (of any kind) are svclab's guess (see RouteAttempt.assumed). */
  summary: { ok: number; refused: number; dropped: number; 'dns-error': number; byPod: Record<string, number>; assumed: number };
}

export type DnsType = 'A' | 'AAAA' | 'SRV' | 'CNAME' | 'PTR' | 'TXT';

export interface DnsQuery {
  name: string;
  type?: DnsType;
  /** Same source syntax as routes. */
  from: string;
  namespace?: string;
}

export interface DnsAnswer {
  name: string;
  type: DnsType;
  ttl: number;
  data: string;
}

export interface DnsResult {
  query: { name: string; type: DnsType; from: string; namespace: string };
  /** Fully qualified names the resolver sent, in order (search list expansion). */
  tried: string[];
  rcode: 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL';
  answers: DnsAnswer[];
  /** Which server answered: `cluster` (CoreDNS), `node` (the node's resolver), or `none`. */
  server: 'cluster' | 'node' | 'none';
}

export interface SimulateOptions {
  /** Namespace for objects without one (default `default`). */
  namespace?: string;
  /** Seed for every random choice (default 1). */
  seed?: number;
  /** Overrides of the embedded default cluster (merged over it; a Cluster object in the input wins over defaults, this wins over both). */
  cluster?: Partial<ClusterConfig>;
}

/** The computed cluster, before the routing and DNS functions are bound to it. */
export type ClusterState = Omit<SimCluster, 'route' | 'resolve'>;

export interface SimCluster {
  config: ClusterConfig;
  model: Model;
  seed: number;
  nodes: SimNode[];
  pods: SimPod[];
  services: SimService[];
  endpointSlices: SimEndpointSlice[];
  endpoints: SimEndpoints[];
  /** Input objects the API server would have refused (clashing ClusterIP or nodePort, out of range, ...). */
  rejected: RejectedObject[];
  route(request: RouteRequest): RouteResult;
  resolve(query: DnsQuery): DnsResult;
}
