import type { Model, WorkloadObject } from '../model/types';
import { LabelIndex } from '../model/selectors';
import type { Manifest } from '../parse/manifest';
import { edgeSwitchesFromModel } from '../sim/cluster-config';
import { DEFAULT_KUBERNETES_VERSION, isBuiltinApiVersion, neverMakesPods } from '../model/kinds';

export interface LintSettings {
  /** Namespace for objects that set none. */
  defaultNamespace: string;
  nodePortRange: { min: number; max: number };
  /** CIDRs ClusterIPs are allocated from (one per IP family). */
  serviceCIDRs: string[];
  /** The cluster's pod CIDR (pod IPs come from it). */
  podCIDR: string;
  clusterDomain: string;
  /** The Kubernetes release of the cluster the objects go to (which APIs it still serves). */
  kubernetesVersion: string;
  /**
   * The edge switches given from outside the input (a scenario's `cluster:`, `--cluster FILE`):
   * they win over a Cluster object among the manifests, which wins over the default cluster's
   * (ingress-nginx runs; every GatewayClass is accepted). See `edgeSwitches`.
   */
  ingressController?: 'nginx' | 'none';
  gatewayControllers?: readonly string[];
}

export const DEFAULT_SETTINGS: LintSettings = {
  defaultNamespace: 'default',
  nodePortRange: { min: 30000, max: 32767 },
  serviceCIDRs: ['10.96.0.0/12'],
  podCIDR: '10.244.0.0/16',
  clusterDomain: 'cluster.local',
  kubernetesVersion: DEFAULT_KUBERNETES_VERSION,
};

/** What every rule can read: the model, indexes built once per run, and settings. */
export interface LintContextData {
  model: Model;
  settings: LintSettings;
  /** Pod templates of workloads, by namespace, indexed by label. */
  podTemplatesIn(namespace: string): LabelIndex<WorkloadObject>;
  /** Every namespace that has any object or Namespace definition. */
  namespacesSeen: ReadonlySet<string>;
  /** Namespaces holding custom resources (unknown kinds), which may create pods we cannot see. */
  namespacesWithCustomResources: ReadonlySet<string>;
  /** Manifests of kinds svclab does not model, by namespace. */
  customResourcesIn(namespace: string): Manifest[];
  /**
   * The custom resources of a namespace that may own pods svclab cannot see (an operator's):
   * those of kinds that never make pods (a ServiceMonitor, a Certificate: model/kinds.ts
   * neverMakesPods) are left out.
   */
  possiblePodOwnersIn(namespace: string): readonly Manifest[];
  /** The ingress controller and gateway controllerNames of the cluster the objects go to (as the simulator resolves them). */
  edgeSwitches(): { ingressController: 'nginx' | 'none'; gatewayControllers: readonly string[] | undefined };
}

const EMPTY_INDEX = new LabelIndex<WorkloadObject>((w) => w.template.metadata.labels);

export function createContextData(model: Model, settings: LintSettings): LintContextData {
  const byNamespace = new Map<string, LabelIndex<WorkloadObject>>();
  for (const w of model.workloads) {
    let idx = byNamespace.get(w.ref.namespace);
    if (!idx) byNamespace.set(w.ref.namespace, (idx = new LabelIndex((x) => x.template.metadata.labels)));
    idx.add(w);
  }
  const namespacesSeen = new Set<string>();
  const customByNs = new Map<string, Manifest[]>();
  for (const o of model.objects) {
    if (o.ref.namespace) namespacesSeen.add(o.ref.namespace);
    if (o.kind === 'Namespace') namespacesSeen.add(o.metadata.name);
    if (!isBuiltinApiVersion(o.ref.apiVersion)) {
      let list = customByNs.get(o.ref.namespace);
      if (!list) customByNs.set(o.ref.namespace, (list = []));
      list.push(o.manifest);
    }
  }
  const ownersByNs = new Map<string, Manifest[]>();
  return {
    model,
    settings,
    podTemplatesIn: (ns) => byNamespace.get(ns) ?? EMPTY_INDEX,
    namespacesSeen,
    namespacesWithCustomResources: new Set([...customByNs.keys()].filter((ns) => ns !== '')),
    customResourcesIn: (ns) => customByNs.get(ns) ?? [],
    // Once per namespace: two rules ask for every Service and NetworkPolicy that selects nothing.
    possiblePodOwnersIn: (ns) => {
      let owners = ownersByNs.get(ns);
      if (!owners) ownersByNs.set(ns, (owners = (customByNs.get(ns) ?? []).filter((m) => !neverMakesPods(m.apiVersion, m.kind))));
      return owners;
    },
    edgeSwitches: () => {
      const fromObjects = edgeSwitchesFromModel(model);
      return {
        ingressController: settings.ingressController ?? fromObjects.ingressController ?? 'nginx',
        gatewayControllers: settings.gatewayControllers ?? fromObjects.gatewayControllers,
      };
    },
  };
}
