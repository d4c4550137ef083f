/**
 * Workloads become pods, named and labelled the way their controllers do it, scheduled on
 * nodes (./scheduler) and given IPs from their node's pod CIDR (as host-local IPAM does:
 * the first free address after the network address and the bridge gateway `.1`).
 */
import type { PodSpec, Toleration, WorkloadObject } from '../model/types';
import { num, obj, str, valueAt } from '../model/guards';
import { parseCIDR } from '../util/ip';
import { Random } from '../util/random';
import { fakeUid, generateName, podTemplateHash } from './naming';
import { constraints, requiredNodeAffinity, Scheduler, wantedHostPorts, type Constraints, type Placement } from './scheduler';
import { refusalReason } from '../model/invalid';
import { validatePodNetworking } from '../model/validate-pod';
import { workloadLabelErrors } from '../model/validate-meta';
import { labelSelectorAsSelector } from '../model/selectors';
import type { ClusterConfig, RejectedObject, SimNode, SimPod } from './types';

export const READY_ANNOTATION = 'svclab.io/ready';
export const TERMINATING_ANNOTATION = 'svclab.io/terminating';

/** Pod addresses of one node: host-local IPAM hands them out in order. */
class NodeIPPool {
  private next = 2; // .0 is the network address, .1 the node's bridge (gateway)
  private readonly base: number;
  private readonly last: number;
  constructor(cidr: string) {
    const c = parseCIDR(cidr)!;
    this.base = Number(c.base);
    this.last = Number(c.size) - 2; // the broadcast address is never handed out
  }
  take(): string | null {
    if (this.next > this.last) return null;
    const v = this.base + this.next++;
    return `${(v >>> 24) & 255}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
  }
}

/** One pod to create, before scheduling. */
interface PodDraft {
  name: string;
  labels: Record<string, string>;
  ownerKind: string;
  ownerName: string;
  spec: PodSpec;
  /** DaemonSet pods are bound to their node by the controller. */
  nodeName?: string;
}

/**
 * Why the API server would refuse the workload, in its words (then no pod ever exists): no
 * name, an enum value it does not support (validatePodSpec, ValidateLabelSelector), its DNS
 * settings or host ports (model/validate-pod.ts), or an apps/v1 selector that is empty or does not match the
 * template labels (ValidateDeploymentSpec and friends).
 */
export function workloadProblem(w: WorkloadObject): string | undefined {
  // ValidateObjectMeta: every object needs a name, or (for the API server to make one) a generateName.
  if (!w.metadata.name && !str(obj(w.manifest.value.metadata).generateName)) return 'metadata.name: Required value: name or generateName is required';
  const errors = [...workloadLabelErrors(w.manifest.value, w.templatePath), ...w.invalid, ...validatePodNetworking(w.template.spec, [...w.templatePath, 'spec'])];
  if (errors.length > 0) return refusalReason(errors);
  if (!['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet'].includes(w.kind)) return undefined;
  if (w.selector === undefined) return 'spec.selector: Required value';
  const selector = labelSelectorAsSelector(w.selector);
  if (selector.empty()) return `spec.selector: Invalid value: {}: empty selector is invalid for ${w.kind.toLowerCase()}`;
  if (!selector.matches(w.template.metadata.labels)) {
    return `spec.template.metadata.labels: Invalid value: ${JSON.stringify(w.template.metadata.labels)}: \`selector\` does not match template \`labels\``;
  }
  return undefined;
}

/**
 * A workload asks for more pods than the simulated cluster holds in all (`ClusterConfig.maxPods`,
 * 50,000 by default): the simulation stops there, as a ResourceQuota on pods stops a controller
 * (k8s.io/apiserver/pkg/admission/plugin/resourcequota: "exceeded quota: ..., requested:
 * pods=N, used: pods=U, limited: pods=L"), instead of creating pods until memory runs out.
 */
export class PodLimitError extends Error {
  constructor(
    readonly workload: { kind: string; namespace: string; name: string },
    readonly requested: number,
    readonly used: number,
    readonly limit: number,
  ) {
    const what = `${workload.kind} ${workload.namespace ? `${workload.namespace}/` : ''}${workload.name || '(unnamed)'}`;
    const field = workload.kind === 'Job' ? 'spec.parallelism' : workload.kind === 'DaemonSet' ? 'the number of nodes' : 'spec.replicas';
    super(
      `${what} asks for ${requested} pods, more than the simulated cluster holds: exceeded the pod limit, requested: pods=${requested}, used: pods=${used}, limited: pods=${limit}. ` +
        `Lower ${field}, or raise the limit with --max-pods N or spec.maxPods in the Cluster object.`,
    );
    this.name = 'PodLimitError';
  }
}

/** Creates the pods of all workloads, in input order (so earlier workloads get the earlier IPs). Throws PodLimitError past config.maxPods. */
export function buildPods(workloads: WorkloadObject[], nodes: SimNode[], config: ClusterConfig, seed: number, rejected: RejectedObject[] = []): SimPod[] {
  const scheduler = new Scheduler(nodes, config.maxPodsPerNode);
  const pools = new Map(nodes.map((n) => [n.name, new NodeIPPool(n.podCIDR)]));
  const namesByNamespace = new Map<string, Set<string>>();
  const pods: SimPod[] = [];

  for (const w of workloads) {
    const problem = workloadProblem(w);
    if (problem) {
      rejected.push({ kind: w.kind, namespace: w.metadata.namespace, name: w.metadata.name, reason: problem });
      continue;
    }
    const ns = w.metadata.namespace;
    let taken = namesByNamespace.get(ns);
    if (!taken) namesByNamespace.set(ns, (taken = new Set()));
    const rng = Random.derive(seed, `pods:${ns}/${w.kind}/${w.metadata.name}`);
    const template = valueAt(w.manifest.value, w.templatePath);
    const spec = w.template.spec;
    const tolerations = w.kind === 'DaemonSet' ? [...spec.tolerations, ...daemonTolerations(spec.hostNetwork)] : spec.tolerations;
    const fit = constraints(spec.nodeSelector, tolerations, requiredNodeAffinity(obj(template).spec));
    const requested = podsRequested(w, scheduler, fit);
    if (pods.length + requested > config.maxPods) throw new PodLimitError({ kind: w.kind, namespace: w.metadata.namespace, name: w.metadata.name }, requested, pods.length, config.maxPods);
    const drafts = draftsOf(w, rng, taken, scheduler, fit);
    for (let i = 0; i < drafts.length; i++) {
      const d = drafts[i];
      const pod = makePod(w, d, seed, config);
      const ports = wantedHostPorts(d.spec.containers);
      const placement: Placement = d.nodeName !== undefined ? scheduler.bindDaemon(d.nodeName, fit, ports) : d.spec.nodeName ? scheduler.bind(d.spec.nodeName, ports) : scheduler.schedule(fit, ports);
      if (placement.node) {
        const node = placement.node;
        const ip = d.spec.hostNetwork ? node.internalIP : pools.get(node.name)!.take();
        if (ip === null) {
          pod.pendingReason = `no free pod IP left in node ${node.name}'s pod CIDR ${node.podCIDR}`;
        } else {
          pod.nodeName = node.name;
          pod.hostIP = node.internalIP;
          pod.podIP = ip;
          pod.phase = 'Running';
        }
      } else pod.pendingReason = placement.reason;
      if (pod.phase === 'Pending') pod.ready = false;
      pods.push(pod);
      // StatefulSet OrderedReady: the controller creates pod N+1 only once pod N is Running and
      // Ready, and waits while a pod terminates (stateful_set_control.go processReplica).
      if (w.kind === 'StatefulSet' && orderedReady(w) && !(pod.phase === 'Running' && pod.ready && !pod.terminating)) break;
    }
  }
  return pods;
}

/**
 * Tolerations the DaemonSet controller adds to its pods (daemon/util AddOrUpdateDaemonPodTolerations),
 * so that a daemon keeps running on nodes under pressure, not ready or cordoned.
 */
function daemonTolerations(hostNetwork: boolean): Toleration[] {
  const t = (key: string, effect: string): Toleration => ({ key, operator: 'Exists', value: undefined, effect });
  const out = [
    t('node.kubernetes.io/not-ready', 'NoExecute'),
    t('node.kubernetes.io/unreachable', 'NoExecute'),
    t('node.kubernetes.io/disk-pressure', 'NoSchedule'),
    t('node.kubernetes.io/memory-pressure', 'NoSchedule'),
    t('node.kubernetes.io/pid-pressure', 'NoSchedule'),
    t('node.kubernetes.io/unschedulable', 'NoSchedule'),
  ];
  if (hostNetwork) out.push(t('node.kubernetes.io/network-unavailable', 'NoSchedule'));
  return out;
}

function orderedReady(w: WorkloadObject): boolean {
  return str(obj(w.manifest.value.spec).podManagementPolicy) !== 'Parallel';
}

function makePod(w: WorkloadObject, d: PodDraft, seed: number, config: ClusterConfig): SimPod {
  const ns = w.metadata.namespace;
  const annotations = w.template.metadata.annotations;
  const terminating = annotations[TERMINATING_ANNOTATION] === 'true';
  return {
    name: d.name,
    namespace: ns,
    labels: d.labels,
    annotations,
    workload: w,
    ownerKind: d.ownerKind,
    ownerName: d.ownerName,
    nodeName: '',
    hostIP: '',
    podIP: '',
    phase: 'Pending',
    ready: readiness(w, d.name, annotations, config),
    terminating,
    spec: d.spec,
    uid: fakeUid(seed, `${ns}/${d.name}`),
    hostname: podHostname(d.spec.hostname ?? d.name),
  };
}

/** kubelet GeneratePodHostNameAndDomain: at most 63 characters, without a trailing '-' or '.'. */
export function podHostname(name: string): string {
  return name.length <= 63 ? name : name.slice(0, 63).replace(/[-.]+$/, '');
}

/**
 * Ready unless told otherwise. The Cluster object's `readiness` wins over the annotation; its
 * most specific key wins: `ns/pod`, `pod`, `ns/Kind/workload`, `Kind/workload`.
 */
function readiness(w: WorkloadObject, podName: string, annotations: Record<string, string>, config: ClusterConfig): boolean {
  if (noReadinessOverrides(config)) return annotations[READY_ANNOTATION] !== 'false';
  const ns = w.metadata.namespace;
  const keys = [`${ns}/${podName}`, podName, `${ns}/${w.kind}/${w.metadata.name}`, `${w.kind}/${w.metadata.name}`];
  for (const k of keys) if (Object.prototype.hasOwnProperty.call(config.readiness, k)) return config.readiness[k];
  return annotations[READY_ANNOTATION] !== 'false';
}

const emptyOverrides = new WeakMap<ClusterConfig, boolean>();
function noReadinessOverrides(config: ClusterConfig): boolean {
  let v = emptyOverrides.get(config);
  if (v === undefined) emptyOverrides.set(config, (v = Object.keys(config.readiness).length === 0));
  return v;
}

/** How many pods the workload's controller creates: what draftsOf makes, counted before any is made. */
function podsRequested(w: WorkloadObject, scheduler: Scheduler, fit: Constraints): number {
  switch (w.kind) {
    case 'Pod':
      return 1;
    case 'DaemonSet':
      return scheduler.eligible(fit).length;
    case 'CronJob':
      return 0;
    case 'Job': {
      const completions = num(obj(w.manifest.value.spec).completions);
      return completions !== undefined ? Math.min(replicaCount(w), Math.max(0, Math.ceil(completions))) : replicaCount(w);
    }
    default:
      return replicaCount(w);
  }
}

/** The replica count a controller acts on: a whole number of 0 or more (a fraction is what the loop below made of it). */
function replicaCount(w: WorkloadObject): number {
  return Math.max(0, Math.ceil(w.replicas ?? 0));
}

function draftsOf(w: WorkloadObject, rng: Random, taken: Set<string>, scheduler: Scheduler, fit: Constraints): PodDraft[] {
  const name = w.metadata.name;
  const labels = w.template.metadata.labels;
  const spec = w.template.spec;
  const replicas = replicaCount(w);
  const out: PodDraft[] = [];
  switch (w.kind) {
    case 'Pod': {
      const generate = str(obj(w.manifest.value.metadata).generateName);
      const podName = name || (generate ? generateName(generate, rng, taken) : '');
      if (!podName) break;
      taken.add(podName);
      out.push({ name: podName, labels, ownerKind: '', ownerName: '', spec });
      break;
    }
    case 'Deployment': {
      // Deployment -> ReplicaSet `<deployment>-<pod-template-hash>` -> pods `<rs>-<5 chars>`.
      const hash = podTemplateHash(valueAt(w.manifest.value, w.templatePath));
      const rs = `${name}-${hash}`;
      const podLabels = { ...labels, 'pod-template-hash': hash }; // shared by the replicas: nothing mutates pod labels
      for (let i = 0; i < replicas; i++) {
        out.push({ name: generateName(`${rs}-`, rng, taken), labels: podLabels, ownerKind: 'ReplicaSet', ownerName: rs, spec });
      }
      break;
    }
    case 'ReplicaSet':
    case 'ReplicationController':
      for (let i = 0; i < replicas; i++) out.push({ name: generateName(`${name}-`, rng, taken), labels, ownerKind: w.kind, ownerName: name, spec });
      break;
    case 'StatefulSet': {
      // Stable names `<name>-<ordinal>`, hostname = pod name, subdomain = the governing Service.
      const revision = `${name}-${podTemplateHash(valueAt(w.manifest.value, w.templatePath))}`;
      const start = num(obj(obj(w.manifest.value.spec).ordinals).start) ?? 0;
      // Counted from 0: `start + k` (not `i < start + replicas`), which stops even where a huge start has no integer neighbours.
      for (let k = 0; k < replicas; k++) {
        const i = start + k;
        const podName = `${name}-${i}`;
        taken.add(podName);
        out.push({
          name: podName,
          labels: { ...labels, 'apps.kubernetes.io/pod-index': String(i), 'controller-revision-hash': revision, 'statefulset.kubernetes.io/pod-name': podName },
          ownerKind: 'StatefulSet',
          ownerName: name,
          spec: { ...spec, hostname: podName, subdomain: w.serviceName ?? spec.subdomain },
        });
      }
      break;
    }
    case 'DaemonSet': {
      // One pod per node that passes the nodeSelector and whose taints the pod tolerates.
      const revision = podTemplateHash(valueAt(w.manifest.value, w.templatePath));
      const dsLabels = { ...labels, 'controller-revision-hash': revision, 'pod-template-generation': '1' };
      for (const node of scheduler.eligible(fit)) {
        out.push({ name: generateName(`${name}-`, rng, taken), labels: dsLabels, ownerKind: 'DaemonSet', ownerName: name, spec, nodeName: node.name });
      }
      break;
    }
    case 'Job': {
      const jobSpec = obj(w.manifest.value.spec);
      const completions = num(jobSpec.completions);
      const active = completions !== undefined ? Math.min(replicas, Math.max(0, Math.ceil(completions))) : replicas;
      const indexed = jobSpec.completionMode === 'Indexed';
      const jobLabels = { ...labels, 'batch.kubernetes.io/job-name': name, 'job-name': name };
      for (let i = 0; i < active; i++) {
        const base = indexed ? `${name}-${i}-` : `${name}-`;
        out.push({
          name: generateName(base, rng, taken),
          labels: indexed ? { ...jobLabels, 'batch.kubernetes.io/job-completion-index': String(i) } : jobLabels,
          ownerKind: 'Job',
          ownerName: name,
          spec: indexed ? { ...spec, hostname: spec.hostname ?? `${name}-${i}` } : spec,
        });
      }
      break;
    }
    case 'CronJob':
      // A CronJob creates Jobs on its schedule; svclab has no clock, so none runs.
      break;
  }
  return out;
}

/** Container ports a pod declares, as `port/PROTOCOL (name)` text, for explanations. */
export function declaredPorts(spec: PodSpec): string[] {
  return spec.containers.flatMap((c) => c.ports.map((p) => `${p.containerPort}/${p.protocol}${p.name ? ` (${p.name})` : ''}`));
}
