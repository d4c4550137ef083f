/**
 * The cluster svclab simulates: the embedded default, overridden by a `Cluster` object
 * (`apiVersion: svclab.io/v1alpha1`) among the manifests, overridden by `SimulateOptions.cluster`
 * (the CLI's `--cluster FILE` arrives here). Each level replaces the fields it sets.
 */
import type { Model } from '../model/types';
import { arr, dict, isObj, num, obj, str, strMap, textOf, type Obj } from '../model/guards';
import { cidrContains, parseCIDR, parseIP, subnet } from '../util/ip';
import { MAX_POD_LIMIT } from './limits';
import { CONTROL_PLANE_ROLE, defaultClusterConfig, defaultControlPlane, defaultWorker, nodeLabels, ZONE_LABEL } from './default-cluster';
import type { ClusterConfig, LoadBalancerConfig, NodeConfig, Taint } from './types';

export const CLUSTER_API_VERSION = 'svclab.io/v1alpha1';

/** A Cluster object that cannot be used (bad CIDR, duplicate node, ...): a usage error, not a crash. */
export class ClusterConfigError extends Error {}

/** Reads the `spec` of a Cluster object into the fields it sets. */
export function clusterOverridesFromObject(value: Obj): Partial<ClusterConfig> {
  const spec = obj(value.spec);
  const out: Partial<ClusterConfig> = {};
  const name = str(obj(value.metadata).name);
  if (name) out.name = name;
  if (typeof spec.nodes === 'number') {
    if (!Number.isInteger(spec.nodes) || spec.nodes < 1 || spec.nodes > 5000) throw new ClusterConfigError(`spec.nodes: ${spec.nodes} is not a node count between 1 and 5000`);
    out.nodes = [defaultControlPlane(), ...Array.from({ length: spec.nodes }, (_, i) => defaultWorker(i + 1))];
  } else if (Array.isArray(spec.nodes)) {
    out.nodes = spec.nodes.map((n, i) => nodeFromSpec(obj(n), i));
  }
  for (const key of ['podCIDR', 'serviceCIDR', 'clusterDomain', 'kubernetesVersion'] as const) {
    const v = str(spec[key]);
    if (v !== undefined) out[key] = v;
  }
  if (spec.nodePortRange !== undefined) out.nodePortRange = parsePortRange(spec.nodePortRange);
  if (isObj(spec.loadBalancer)) out.loadBalancer = loadBalancerFromSpec(spec.loadBalancer);
  if (isObj(spec.apiServer)) {
    const d = defaultClusterConfig().apiServer;
    out.apiServer = { ip: str(spec.apiServer.ip) ?? d.ip, port: num(spec.apiServer.port) ?? d.port };
  }
  if (isObj(spec.upstreamDNS)) {
    out.upstreamDNS = dict();
    for (const [k, v] of Object.entries(spec.upstreamDNS)) {
      out.upstreamDNS[k.replace(/\.$/, '').toLowerCase()] = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
    }
  }
  if (isObj(spec.readiness)) {
    out.readiness = dict();
    for (const [k, v] of Object.entries(spec.readiness)) out.readiness[k] = v === true || v === 'true';
  }
  const maxPodsPerNode = num(spec.maxPodsPerNode);
  if (maxPodsPerNode !== undefined) out.maxPodsPerNode = maxPodsPerNode;
  if (spec.maxPods !== undefined) out.maxPods = checkMaxPods(spec.maxPods, 'spec.maxPods');
  if (spec.networkPolicies !== undefined) out.networkPolicies = checkNetworkPolicies(spec.networkPolicies, 'spec.networkPolicies');
  if (spec.ingressController !== undefined) out.ingressController = checkIngressController(spec.ingressController, 'spec.ingressController');
  if (spec.gatewayControllers !== undefined) out.gatewayControllers = checkGatewayControllers(spec.gatewayControllers, 'spec.gatewayControllers');
  return out;
}

/** `ingressController`: `nginx` (the default, an ingress-nginx-like controller) or `none`. */
export function checkIngressController(v: unknown, where: string): 'nginx' | 'none' {
  if (v === 'nginx' || v === 'none') return v;
  throw new ClusterConfigError(`${where}: "${textOf(v)}" is not nginx or none`);
}

/** `gatewayControllers`: a list of GatewayClass controllerNames (`example.com/gateway-controller`). */
export function checkGatewayControllers(v: unknown, where: string): string[] {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' && x !== '')) throw new ClusterConfigError(`${where}: ${textOf(v)} is not a list of controllerNames (e.g. [ "example.com/gateway-controller" ])`);
  return [...new Set(v as string[])];
}

/**
 * The edge switches the Cluster objects among the manifests set (the linter's view: it reads
 * them from the model, as the simulator does through resolveClusterConfig); a value that
 * cannot be read is left out (the schema reports it).
 */
export function edgeSwitchesFromModel(model: Model): Pick<Partial<ClusterConfig>, 'ingressController' | 'gatewayControllers'> {
  const out: Pick<Partial<ClusterConfig>, 'ingressController' | 'gatewayControllers'> = {};
  for (const value of clusterObjects(model)) {
    const spec = obj(value.spec);
    try {
      if (spec.ingressController !== undefined) out.ingressController = checkIngressController(spec.ingressController, 'spec.ingressController');
    } catch { /* the schema's finding */ }
    try {
      if (spec.gatewayControllers !== undefined) out.gatewayControllers = checkGatewayControllers(spec.gatewayControllers, 'spec.gatewayControllers');
    } catch { /* the schema's finding */ }
  }
  return out;
}

/** `networkPolicies`: `enforce` (the default) or `ignore`. */
export function checkNetworkPolicies(v: unknown, where: string): 'enforce' | 'ignore' {
  if (v === 'enforce' || v === 'ignore') return v;
  throw new ClusterConfigError(`${where}: "${textOf(v)}" is not enforce or ignore`);
}

/** The pod limit as given (Cluster object, --max-pods, a scenario's cluster): a whole number of at least 1. */
export function checkMaxPods(v: unknown, where: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1 || v > MAX_POD_LIMIT) throw new ClusterConfigError(`${where}: ${textOf(v)} is not a pod count from 1 to ${MAX_POD_LIMIT}`);
  return v;
}

function nodeFromSpec(n: Obj, index: number): NodeConfig {
  const name = str(n.name) ?? `node-${index + 1}`;
  const zone = str(n.zone) ?? strMap(n.labels)[ZONE_LABEL];
  const taints: Taint[] = arr(n.taints).filter(isObj).map((t) => ({
    key: str(t.key) ?? '',
    value: str(t.value),
    effect: t.effect === 'NoExecute' || t.effect === 'PreferNoSchedule' ? t.effect : 'NoSchedule',
  }));
  return {
    name,
    internalIP: str(n.internalIP) ?? `192.168.49.${index + 2}`,
    // The kubelet's own labels first, so that the user's labels can override them.
    labels: { ...nodeLabels(name, zone), ...strMap(n.labels) },
    taints,
    zone,
    podCIDR: str(n.podCIDR),
  };
}

function parsePortRange(v: unknown): { min: number; max: number } {
  if (isObj(v)) {
    const min = num(v.min);
    const max = num(v.max);
    if (min !== undefined && max !== undefined) return checkRange(min, max, `${min}-${max}`);
  }
  const m = typeof v === 'string' ? /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(v) : null;
  if (!m) throw new ClusterConfigError(`spec.nodePortRange: "${textOf(v)}" is not a range like 30000-32767`);
  return checkRange(Number(m[1]), Number(m[2]), textOf(v));
}

function checkRange(min: number, max: number, text: string): { min: number; max: number } {
  if (min < 1 || max > 65535 || min > max) throw new ClusterConfigError(`spec.nodePortRange: ${text} is not a valid port range`);
  return { min, max };
}

function loadBalancerFromSpec(lb: Obj): LoadBalancerConfig {
  if (lb.provider === 'pool') return { provider: 'pool', addresses: arr(lb.addresses).filter((x): x is string => typeof x === 'string') };
  return { provider: 'none' };
}

/** Cluster objects among the manifests (any apiVersion in the svclab.io group), in input order. */
export function clusterObjects(model: Model): Obj[] {
  return model.objects.filter((o) => o.kind === 'Cluster' && o.manifest.apiVersion.startsWith('svclab.io/')).map((o) => o.manifest.value);
}

/** Default < Cluster objects in the input (in order) < explicit overrides; then validated. */
export function resolveClusterConfig(model: Model, overrides: Partial<ClusterConfig> = {}): ClusterConfig {
  let config = defaultClusterConfig();
  let apiServerGiven = false;
  for (const value of clusterObjects(model)) {
    const fields = clusterOverridesFromObject(value);
    apiServerGiven ||= fields.apiServer !== undefined;
    config = { ...config, ...fields };
  }
  const given = stripUndefined(overrides);
  apiServerGiven ||= given.apiServer !== undefined;
  config = { ...config, ...given };
  // kubeadm's API server listens on the control-plane node: with other nodes, `kubernetes` follows them.
  if (!apiServerGiven) config = { ...config, apiServer: { ...config.apiServer, ip: controlPlaneIP(config.nodes) ?? config.apiServer.ip } };
  return validateClusterConfig(config);
}

/** The InternalIP of the first node labelled as control plane, else of the first node. */
function controlPlaneIP(nodes: NodeConfig[]): string | undefined {
  return (nodes.find((n) => n.labels[CONTROL_PLANE_ROLE] !== undefined) ?? nodes[0])?.internalIP;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

/** Checks what the simulation relies on and fills each node's pod CIDR (a /24 per node, in node order). */
export function validateClusterConfig(config: ClusterConfig): ClusterConfig {
  const podCIDR = parseCIDR(config.podCIDR);
  if (!podCIDR || podCIDR.family !== 4) throw new ClusterConfigError(`podCIDR "${config.podCIDR}" is not an IPv4 CIDR (svclab simulates single-stack IPv4 clusters)`);
  const serviceCIDR = parseCIDR(config.serviceCIDR);
  if (!serviceCIDR || serviceCIDR.family !== 4) throw new ClusterConfigError(`serviceCIDR "${config.serviceCIDR}" is not an IPv4 CIDR`);
  if (serviceCIDR.prefix > 28) throw new ClusterConfigError(`serviceCIDR ${config.serviceCIDR} is too small: kube-dns needs the 10th address`);
  if (config.nodes.length === 0) throw new ClusterConfigError('the cluster needs at least one node');
  checkMaxPods(config.maxPods, 'maxPods');
  if (!parseIP(config.apiServer.ip)) throw new ClusterConfigError(`apiServer.ip "${config.apiServer.ip}" is not an IP address`);
  const nodePrefix = Math.max(24, podCIDR.prefix);
  const available = 2 ** (nodePrefix - podCIDR.prefix);
  const seen = new Set<string>();
  const nodes = config.nodes.map((given, i) => {
    // Every node carries the kubelet's own labels (hostname, os, arch, zone), whoever described it.
    const n: NodeConfig = { ...given, labels: { ...nodeLabels(given.name, given.zone), ...given.labels } };
    if (seen.has(n.name)) throw new ClusterConfigError(`node "${n.name}" is defined twice`);
    seen.add(n.name);
    if (!parseIP(n.internalIP)) throw new ClusterConfigError(`node ${n.name}: internalIP "${n.internalIP}" is not an IP address`);
    if (n.podCIDR !== undefined) {
      const own = parseCIDR(n.podCIDR);
      if (!own || own.family !== 4 || own.prefix > 30) throw new ClusterConfigError(`node ${n.name}: podCIDR "${n.podCIDR}" is not an IPv4 CIDR of /30 or larger`);
      return n;
    }
    if (i >= available) throw new ClusterConfigError(`podCIDR ${config.podCIDR} holds only ${available} node ranges of /${nodePrefix}; give a larger podCIDR for ${config.nodes.length} nodes`);
    return { ...n, podCIDR: subnet(podCIDR, nodePrefix, i).text };
  });
  for (const entry of config.loadBalancer.provider === 'pool' ? config.loadBalancer.addresses : []) {
    if (!poolEntryValid(entry)) throw new ClusterConfigError(`loadBalancer.addresses: "${entry}" is not an IP, a CIDR or a range a-b`);
  }
  const sameNetwork = nodes.every((n) => !cidrContains(serviceCIDR, parseIP(n.internalIP)!));
  if (!sameNetwork) throw new ClusterConfigError(`a node IP lies inside the service CIDR ${config.serviceCIDR}`);
  return { ...config, nodes };
}

function poolEntryValid(entry: string): boolean {
  if (entry.includes('/')) return parseCIDR(entry) !== null;
  const parts = entry.split('-').map((s) => s.trim());
  return parts.length <= 2 && parts.every((p) => parseIP(p) !== null);
}
