/**
 * The simulator's entry: from the model of the input manifests to the cluster Kubernetes would
 * run (nodes, pods, allocated Services, EndpointSlices and Endpoints), with routing (kube-proxy)
 * and DNS (CoreDNS) bound to it. A pure function of its inputs and the seed.
 */
import { Document } from 'yaml';
import type { SourceFile } from '../load/source';
import { decodeSources, unreadableFinding } from '../load/decode';
import { buildModel } from '../model/build';
import { refusalReason, type InvalidValue } from '../model/invalid';
import { validateEndpoints, validateEndpointSlice } from '../model/validate-endpoints';
import { validateNetworkPolicy } from '../model/network-policy';
import type { Base, Model, ServiceObject, WorkloadObject } from '../model/types';
import type { Manifest } from '../parse/manifest';
import { parseSourceFile } from '../parse/parse-file';
import type { PendingFinding } from '../findings';
import { Random } from '../util/random';
import { resolveName } from '../dns/resolver';
import { routeEdge } from '../edge/route';
import { allocateServices } from './allocate';
import { resolveClusterConfig } from './cluster-config';
import { BUILT_IN_FILE, builtInManifests } from './default-cluster';
import { kubernetesSlice, mirrorEndpoints, PodIndex, shouldMirror, slicesForService } from './endpoint-slices';
import { endpointsForService, kubernetesEndpoints, userEndpoints } from './endpoints';
import { buildPods } from './pods';
import { edgeManifests } from '../edge/controllers';
import { servedModel } from './served';
import type { ClusterConfig, ClusterState, RejectedObject, SimCluster, SimEndpoints, SimEndpointSlice, SimNode, SimulateOptions } from './types';

export const DEFAULT_SEED = 1;

/** The input could not be read (not UTF-8 text) or parsed (YAML syntax): nothing can be simulated from it. */
export class SimulateInputError extends Error {
  constructor(readonly findings: PendingFinding[]) {
    super(findings.map((f) => `${f.file}:${f.range.line}:${f.range.column}: ${f.message}`).join('\n'));
  }
}

/** The built-in Services and CoreDNS, parsed like any input (file `<built-in>`). */
function builtInModel(config: ClusterConfig): Model {
  const text = builtInManifests(config);
  let model = builtInCache.get(text);
  if (!model) {
    model = buildModel(parseSourceFile({ path: BUILT_IN_FILE, absPath: null, text }).manifests, 'default');
    builtInCache.set(text, model);
  }
  return model;
}
/** The edge controllers this input needs (src/edge/controllers.ts), after the input's own objects so that they take no address before it. */
function edgeControllerModel(config: ClusterConfig, input: Model): Model | null {
  const text = edgeManifests(config, input);
  if (!text) return null;
  let model = edgeCache.get(text);
  if (!model) {
    if (edgeCache.size >= 64) edgeCache.clear();
    model = buildModel(parseSourceFile({ path: BUILT_IN_FILE, absPath: null, text }).manifests, 'default');
    edgeCache.set(text, model);
  }
  return model;
}
/** The controllers' models by their manifests' text (the ingress-nginx controller alone is the common case). */
const edgeCache = new Map<string, Model>();
/** Models are never mutated after they are built, so clusters with the same settings share the built-ins. */
const builtInCache = new Map<string, Model>();

/**
 * `kubectl apply` of two objects with the same kind, namespace and name: the later one wins (in
 * its own place). Objects without a name (generateName, or refused) are each their own.
 */
function lastWins<T extends { kind: string; metadata: { namespace: string; name: string } }>(items: T[]): T[] {
  const last = new Map<string, number>();
  items.forEach((x, i) => last.set(`${x.kind}/${x.metadata.namespace}/${x.metadata.name}`, i));
  return items.filter((x, i) => x.metadata.name === '' || last.get(`${x.kind}/${x.metadata.namespace}/${x.metadata.name}`) === i);
}

/** The objects the API server accepts (no field error from `validate`); the others go to `rejected` with its message. */
function accepted<T extends Base<string>>(objects: T[], validate: (o: T) => InvalidValue[], rejected: RejectedObject[]): T[] {
  return objects.filter((o) => {
    const errors = validate(o);
    if (errors.length === 0) return true;
    rejected.push({ kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name, reason: refusalReason(errors) });
    return false;
  });
}

export function simulateModel(input: Model, options: SimulateOptions = {}): SimCluster {
  const seed = options.seed ?? DEFAULT_SEED;
  const config = resolveClusterConfig(input, options.cluster);
  const rejected: RejectedObject[] = [];
  // Objects of an apiVersion this cluster's release no longer serves are never created ("no matches for kind").
  const served = servedModel(input, config.kubernetesVersion, rejected);
  // NetworkPolicies the API server refuses (ValidateNetworkPolicy: model/network-policy.ts) do not exist.
  const model = { ...served, networkPolicies: accepted(lastWins(served.networkPolicies), validateNetworkPolicy, rejected) };
  const builtIn = builtInModel(config);
  const edge = edgeControllerModel(config, model);
  const nodes: SimNode[] = config.nodes.map((n) => ({ name: n.name, internalIP: n.internalIP, labels: n.labels, taints: n.taints, zone: n.zone, podCIDR: n.podCIDR! }));

  const workloads: WorkloadObject[] = lastWins([...builtIn.workloads, ...model.workloads, ...(edge?.workloads ?? [])]);
  const pods = buildPods(workloads, nodes, config, seed, rejected);

  const serviceObjects: ServiceObject[] = lastWins([...builtIn.services, ...model.services, ...(edge?.services ?? [])]);
  const allocation = allocateServices(serviceObjects, (s) => s.manifest.file === BUILT_IN_FILE, config, seed);
  const services = allocation.services;
  rejected.push(...allocation.rejected);

  const podIndex = new PodIndex(pods);
  const nodesByName = new Map(nodes.map((n) => [n.name, n]));
  const endpointSlices: SimEndpointSlice[] = [];
  const endpoints: SimEndpoints[] = [];
  const sliceNames = new Map<string, Set<string>>();
  const takenIn = (ns: string) => {
    let set = sliceNames.get(ns);
    if (!set) sliceNames.set(ns, (set = new Set()));
    return set;
  };
  // Hand-written Endpoints and EndpointSlices the API server refuses (ValidateEndpoints,
  // ValidateEndpointSlice: model/validate-endpoints.ts) do not exist.
  const userSlices = accepted(model.endpointSlices, validateEndpointSlice, rejected);
  for (const s of userSlices) takenIn(s.metadata.namespace).add(s.metadata.name);

  const handWritten = new Map(accepted(model.endpoints, validateEndpoints, rejected).map((e) => [`${e.metadata.namespace}/${e.metadata.name}`, e]));
  const serviceKeys = new Set<string>();
  for (const svc of services) {
    const key = `${svc.namespace}/${svc.name}`;
    serviceKeys.add(key);
    if (svc.builtIn && key === 'default/kubernetes') {
      endpointSlices.push(kubernetesSlice(svc, config));
      endpoints.push(kubernetesEndpoints(svc, config));
      continue;
    }
    const rng = Random.derive(seed, `endpointslices:${key}`);
    // The EndpointSlice and Endpoints controllers skip ExternalName Services (issue 105986).
    if (svc.spec.selector && svc.type !== 'ExternalName') {
      const selected = podIndex.select(svc.namespace, svc.spec.selector);
      endpointSlices.push(...slicesForService(svc, selected, nodesByName, rng, takenIn(svc.namespace)));
      endpoints.push(endpointsForService(svc, selected));
    } else {
      // Hand-written Endpoints stay as they are; the mirroring controller copies those of a
      // Service without selector (of any type) into slices unless they are labelled skip-mirror.
      // kube-proxy and CoreDNS read only EndpointSlices.
      const user = handWritten.get(key);
      if (user) {
        endpoints.push(userEndpoints(svc.name, svc.namespace, user.subsets));
        if (!svc.spec.selector && shouldMirror(user)) endpointSlices.push(...mirrorEndpoints(svc, user, rng, takenIn(svc.namespace)));
      }
    }
  }
  // Endpoints written for no Service at all still exist (nothing reads them but kubectl).
  for (const [key, e] of handWritten) if (!serviceKeys.has(key)) endpoints.push(userEndpoints(e.metadata.name, e.metadata.namespace, e.subsets));
  // Hand-written EndpointSlices are kept whatever the Service: kube-proxy reads every slice labelled with its name.
  for (const s of userSlices) {
    endpointSlices.push({
      name: s.metadata.name,
      namespace: s.metadata.namespace,
      serviceName: s.slice.serviceName ?? '',
      addressType: s.slice.addressType,
      endpoints: s.slice.endpoints.map((e) => {
        const ep: SimEndpointSlice['endpoints'][number] = { addresses: e.addresses, conditions: e.conditions };
        if (e.hostname !== undefined) ep.hostname = e.hostname;
        if (e.nodeName !== undefined) ep.nodeName = e.nodeName;
        if (e.zone !== undefined) ep.zone = e.zone;
        if (e.targetRef !== undefined) ep.targetRef = e.targetRef;
        if (e.hints !== undefined) ep.hints = e.hints;
        return ep;
      }),
      ports: s.slice.ports.map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol })),
      managedBy: 'user',
    });
  }

  const state: ClusterState = { config, model, seed, nodes, pods, services, endpointSlices, endpoints, rejected };
  return { ...state, route: (r) => routeEdge(state, r), resolve: (q) => resolveName(state, q) };
}

/** What `simulate()` accepts: YAML text, source files, or plain objects (one or many). */
export type SimulateInput = string | SourceFile[] | Record<string, unknown> | Array<Record<string, unknown>>;

/** Turns any input into manifests with source positions (plain objects are written as YAML first). */
export function manifestsOf(input: SimulateInput): { manifests: Manifest[]; findings: PendingFinding[] } {
  let sources: SourceFile[];
  if (typeof input === 'string') sources = [{ path: '<input>', absPath: null, text: input }];
  else if (Array.isArray(input) && input.every(isSourceFile)) sources = input as SourceFile[];
  else {
    const objects = Array.isArray(input) ? input : [input];
    // One line of JSON per object: JSON is YAML, and the fast parser reads it at a fraction of
    // the cost of writing and re-reading block YAML (the whole bench cluster: ~1 s saved).
    const text = objects.map(objectText).join('\n---\n');
    sources = [{ path: '<objects>', absPath: null, text }];
  }
  const manifests: Manifest[] = [];
  // The text goes through the file decoder, as lint's does: a BOM is dropped, NUL bytes or a lone surrogate are file-unreadable.
  const decoded = decodeSources(sources);
  const findings: PendingFinding[] = decoded.unreadable.map(unreadableFinding);
  for (const s of decoded.sources) {
    const parsed = parseSourceFile(s, { fast: true });
    // One by one: push(...list) passes every item on the stack, which 100,000 documents overflow.
    for (const m of parsed.manifests) manifests.push(m);
    for (const f of parsed.findings) findings.push(f);
  }
  return { manifests, findings };
}

/** An object as one line of JSON, or as YAML when JSON cannot hold it (a BigInt, say). */
function objectText(o: Record<string, unknown>): string {
  try {
    return JSON.stringify(o);
  } catch {
    return new Document(o).toString();
  }
}

function isSourceFile(v: unknown): v is SourceFile {
  return typeof v === 'object' && v !== null && typeof (v as SourceFile).path === 'string' && typeof (v as SourceFile).text === 'string' && !('apiVersion' in v);
}

/**
 * The library API: manifests in, simulated cluster out (with `route()` and `resolve()`).
 * Throws SimulateInputError when the YAML cannot be parsed, ClusterConfigError for an unusable Cluster object.
 */
export function simulate(input: SimulateInput, options: SimulateOptions = {}): SimCluster {
  const { manifests, findings } = manifestsOf(input);
  const fatal = findings.filter((f) => f.ruleId === 'yaml-syntax' || f.ruleId === 'file-unreadable');
  if (fatal.length) throw new SimulateInputError(fatal);
  return simulateModel(buildModel(manifests, options.namespace ?? 'default'), options);
}
