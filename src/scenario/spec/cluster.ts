/** `cluster:`: overrides of the embedded default cluster. */
/**
 * A taint.
 * @examples [{ "key": "dedicated", "effect": "NoSchedule" }]
 */
export interface TaintSpec {
  /**
   * Key.
   * @examples ["dedicated"]
   */
  key: string;
  /**
   * Value.
   * @examples ["db"]
   */
  value?: string;
  /**
   * Effect.
   * @examples ["NoSchedule"]
   */
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

/**
 * A node.
 * @examples [{ "name": "node-1", "internalIP": "192.168.0.11" }]
 */
export interface NodeSpec {
  /**
   * Node name.
   * @examples ["node-1"]
   */
  name: string;
  /**
   * InternalIP.
   * @examples ["192.168.0.11"]
   */
  internalIP?: string;
  /**
   * Labels (`key: value`).
   * @examples [{ "app": "webserver" }]
   */
  labels?: Record<string, string>;
  /**
   * Topology zone.
   * @examples ["zone-a"]
   */
  zone?: string;
  /**
   * Pod CIDR of the node.
   * @examples ["10.244.1.0/24"]
   */
  podCIDR?: string;
  /**
   * Taints.
   * @examples [[{ "key": "dedicated", "value": "db", "effect": "NoSchedule" }]]
   */
  taints?: TaintSpec[];
}

/**
 * A number of workers beside the control plane.
 * @asType integer
 * @minimum 1
 * @maximum 1000
 */
type NodeCount = number;

/** @minItems 1 */
type NodeList = NodeSpec[];

/**
 * Load balancer provider: `none` keeps EXTERNAL-IP `<pending>`; `pool` hands out addresses as MetalLB would.
 * @examples [{ "provider": "pool", "addresses": ["203.0.113.10"] }]
 */
export interface LoadBalancerSpec {
  /**
   * Provider.
   * @examples ["pool"]
   */
  provider: 'none' | 'pool';
  /**
   * Address pool.
   * @examples [["203.0.113.10", "203.0.113.11"]]
   */
  addresses?: string[];
}

/**
 * Overrides of the embedded default cluster.
 * @examples [{ "nodes": 3 }, { "loadBalancer": { "provider": "pool", "addresses": ["203.0.113.10"] } }]
 */
export interface ClusterSpec {
  /**
   * A number of nodes (named node-1..node-N) or the full list.
   * @examples [3]
   */
  nodes?: NodeCount | NodeList;
  /**
   * Cluster pod CIDR.
   * @examples ["10.244.0.0/16"]
   */
  podCIDR?: string;
  /**
   * Service CIDR.
   * @examples ["10.96.0.0/12"]
   */
  serviceCIDR?: string;
  /**
   * Cluster domain.
   * @examples ["cluster.local"]
   */
  clusterDomain?: string;
  /**
   * Node port range `min-max`.
   * @examples ["30000-32767"]
   * @pattern ^\d+-\d+$
   */
  nodePortRange?: string;
  /**
   * Load balancer provider: `none` keeps EXTERNAL-IP `<pending>`; `pool` hands out addresses as MetalLB would.
   * @examples [{ "provider": "pool", "addresses": ["203.0.113.10"] }]
   */
  loadBalancer?: LoadBalancerSpec;
  /**
   * Names outside the cluster and what the upstream resolver answers (no network is used).
   * @examples [{ "db.example.com": ["198.51.100.7"] }]
   */
  upstreamDNS?: Record<string, string[]>;
  /**
   * Pods the whole cluster holds, Pending ones included (default 50000, at most 500000); a workload that would pass it is an error that names it.
   * @examples [100000]
   */
  maxPods?: PodCount;
  /**
   * Whether the network plugin enforces NetworkPolicies: `enforce` (default; Calico, Cilium, kindnet, ...) or `ignore` (a plugin without NetworkPolicy support, such as flannel alone).
   * @examples ["ignore"]
   */
  networkPolicies?: 'enforce' | 'ignore';
  /**
   * The ingress controller the cluster runs: `nginx` (default; an ingress-nginx-like controller serving the IngressClasses of controller `k8s.io/ingress-nginx`, and its own default class `nginx` when the input defines none) or `none` (no ingress controller: no Ingress is served).
   * @examples ["none"]
   */
  ingressController?: 'nginx' | 'none';
  /**
   * The GatewayClass `controllerName`s the cluster's gateway implementation runs. Absent (the default): every GatewayClass of the input is accepted; a class whose controllerName is not listed is not Accepted, and its Gateways get no address.
   * @examples [["example.com/gateway-controller"]]
   */
  gatewayControllers?: GatewayControllerName[];
}

/**
 * A GatewayClass controllerName (`domain/path`).
 * @minLength 1
 */
type GatewayControllerName = string;

/**
 * A pod count.
 * @asType integer
 * @minimum 1
 * @maximum 500000
 */
type PodCount = number;
