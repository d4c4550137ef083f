/**
 * The one catalogue of kinds (kinds.generated.json, made by scripts/gen-kinds.js from
 * kubernetes-types, scripts/kinds/sources.js and schemas/): every stage that needs to know a
 * kind's API groups and served versions, scope, removal, resource names or schema reads it here.
 */
import catalogue from './kinds.generated.json';

export interface RemovedVersion {
  version: string;
  /** The Kubernetes release that stopped serving it. */
  removedIn: string;
  /** The apiVersion to use instead; null when the kind itself is gone. */
  replacement: string | null;
  /** What else changes when migrating (the deprecation guide's notes); '' when nothing notable. */
  note: string;
}

export interface KindInfo {
  /** API group ('' for core). */
  group: string;
  kind: string;
  /** Versions Kubernetes 1.30 serves (svclab's own kinds: that svclab reads), most stable first. */
  versions: string[];
  /** The version clients use (the most stable served one); null when none is served. */
  preferredVersion: string | null;
  namespaced: boolean;
  /** The resource (`pods`), `resource/subresource` for a subresource's kind (`pods/eviction`), null for none. */
  resource: string | null;
  /** kubectl's short names (`po`). */
  shortNames: string[];
  /** Path of the pod template its controller makes pods from ([] for a Pod); null for kinds that make no pods. */
  podTemplate: string[] | null;
  /** svclab's schema files (relative to schemas/), by version. */
  schemas: Array<{ version: string; file: string }>;
  /** apiVersions of this group Kubernetes no longer serves for the kind. */
  removed: RemovedVersion[];
}

/** A removed apiVersion of a kind, as the deprecated-api rule and the schema stage read it. */
export interface RemovedApi extends RemovedVersion {
  apiVersion: string;
  kind: string;
}

const KINDS: readonly KindInfo[] = catalogue.kinds;
/** What svclab knows the kinds of (`kubernetes-types 1.30.0`), for messages. */
export const KINDS_SOURCE: string = catalogue.source;
/** The API group of svclab's own kinds (Cluster). */
export const SVCLAB_GROUP = 'svclab.io';

export function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

function apiVersionOf(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}

const BY_GROUP_KIND = new Map(KINDS.map((k) => [`${k.group}/${k.kind}`, k]));
const kubernetesKinds = KINDS.filter((k) => k.group !== SVCLAB_GROUP);
const KUBERNETES_KIND_NAMES = new Set(kubernetesKinds.map((k) => k.kind));
/** Groups Kubernetes serves (or once served), and svclab's own. */
const BUILTIN_GROUPS = new Set(KINDS.map((k) => k.group));
/** Groups in which Kubernetes 1.30 serves some version. */
const SERVED_GROUPS = new Set(kubernetesKinds.filter((k) => k.versions.length > 0).map((k) => k.group));

/**
 * Answers of kindInfo by apiVersion, then kind: rules ask it for every object many times, and a
 * look-up with the manifest's own strings skips building and hashing a new key (about 70 ms of
 * a lint of the 50 MB bench file). At most KIND_CACHE_MAX answers, whatever the input holds.
 */
const kindCache = new Map<string, Map<string, KindInfo | null>>();
let kindCacheSize = 0;
const KIND_CACHE_MAX = 4096;

/** The catalogue's entry for the kind in the apiVersion's group (any version of it). */
export function kindInfo(apiVersion: string, kind: string): KindInfo | undefined {
  const byKind = kindCache.get(apiVersion);
  const known = byKind?.get(kind);
  if (known !== undefined) return known ?? undefined;
  const info = BY_GROUP_KIND.get(`${apiGroup(apiVersion)}/${kind}`);
  if (kindCacheSize < KIND_CACHE_MAX) {
    kindCacheSize++;
    if (byKind) byKind.set(kind, info ?? null);
    else kindCache.set(apiVersion, new Map([[kind, info ?? null]]));
  }
  return info;
}

/**
 * Whether the kind lives in a namespace (metadata.namespace is ignored otherwise). Kinds the
 * catalogue does not know (custom resources) are taken as namespaced: only their CRD says.
 */
export function isNamespaced(apiVersion: string, kind: string): boolean {
  return kindInfo(apiVersion, kind)?.namespaced ?? true;
}

/** Is the apiVersion in an API group of Kubernetes itself (served or removed) or svclab's own? Anything else is a custom resource. */
export function isBuiltinApiVersion(apiVersion: string): boolean {
  return BUILTIN_GROUPS.has(apiGroup(apiVersion));
}

/** Is the apiVersion in one of the API groups Kubernetes 1.30 serves (core, apps, networking.k8s.io, ...)? */
export function isKubernetesGroup(apiVersion: string): boolean {
  return SERVED_GROUPS.has(apiGroup(apiVersion));
}

/** Does Kubernetes 1.30 serve the kind in exactly this apiVersion? */
export function isServed(apiVersion: string, kind: string): boolean {
  const info = kindInfo(apiVersion, kind);
  return info !== undefined && info.group !== SVCLAB_GROUP && info.versions.includes(apiVersion.slice(apiVersion.indexOf('/') + 1));
}

/**
 * Is the object the Kubernetes kind it names? A custom resource reusing a built-in kind's
 * name (Knative's serving.knative.dev `Service`, a CRD `Ingress`) is not: only the groups in
 * which Kubernetes serves (or served) the kind make it one. Kinds the catalogue does not know
 * are not modelled, so nothing asks.
 */
export function isBuiltinGroupOf(m: { apiVersion: string; kind: string }): boolean {
  return !KUBERNETES_KIND_NAMES.has(m.kind) || kindInfo(m.apiVersion, m.kind) !== undefined;
}

/** The apiVersions that serve `kind` in Kubernetes' groups, most stable first (v1 before v1beta1). */
export function servedVersionsOf(kind: string): string[] {
  return kubernetesKinds
    .filter((k) => k.kind === kind)
    .flatMap((k) => k.versions.map((v) => apiVersionOf(k.group, v)))
    .sort((a, b) => stability(a) - stability(b) || (a < b ? -1 : 1));
}

function stability(apiVersion: string): number {
  const v = apiVersion.slice(apiVersion.lastIndexOf('/') + 1);
  return /alpha/.test(v) ? 2 : /beta/.test(v) ? 1 : 0;
}

/** Every kind served in the apiVersion's group (any version), for suggestions. */
export function kindsInGroup(apiVersion: string): string[] {
  const group = apiGroup(apiVersion);
  return kubernetesKinds.filter((k) => k.group === group && k.versions.length > 0).map((k) => k.kind);
}

/** The preferred apiVersion of the Kubernetes kind of this name (core group first), e.g. `apps/v1` for ReplicaSet. */
export function preferredApiVersion(kind: string): string | undefined {
  const info = kubernetesKinds.find((k) => k.kind === kind && k.preferredVersion !== null);
  return info && apiVersionOf(info.group, info.preferredVersion!);
}

/** Every removed apiVersion of every kind, from the deprecation guide. */
export const REMOVED_APIS: readonly RemovedApi[] = KINDS.flatMap((k) => k.removed.map((r) => ({ apiVersion: apiVersionOf(k.group, r.version), kind: k.kind, ...r })));
const REMOVED_BY_KEY = new Map(REMOVED_APIS.map((r) => [`${r.apiVersion} ${r.kind}`, r]));

/** The removal record for this apiVersion and kind, if Kubernetes no longer serves it. */
export function removedApi(apiVersion: string, kind: string): RemovedApi | undefined {
  return REMOVED_BY_KEY.get(`${apiVersion} ${kind}`);
}

/** The Kubernetes release svclab's default cluster runs (what `kubectl get nodes` shows as VERSION). */
export const DEFAULT_KUBERNETES_VERSION = 'v1.33.1';

/** `v1.33.1`, `1.33`, `v1.33.0-rc.1` -> [1, 33]; null when it is not a Kubernetes version. */
function minorOf(version: string): [number, number] | null {
  const m = /^v?(\d+)\.(\d+)(?:[.+-].*)?$/.exec(version.trim());
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/**
 * Has a cluster of this Kubernetes version stopped serving the removed apiVersion? A release
 * serves an API until the release named in `removedIn` (the deprecation guide's "no longer
 * served as of"). A version svclab cannot read counts as current: the API is gone.
 */
export function isRemovedBy(removed: RemovedVersion, kubernetesVersion: string): boolean {
  const cluster = minorOf(kubernetesVersion);
  const gone = minorOf(removed.removedIn);
  if (!cluster || !gone) return true;
  return cluster[0] > gone[0] || (cluster[0] === gone[0] && cluster[1] >= gone[1]);
}

/** The removal of this apiVersion and kind that a cluster of this version already applies: it answers "no matches for kind". */
export function unservedBy(apiVersion: string, kind: string, kubernetesVersion: string): RemovedApi | undefined {
  const removed = removedApi(apiVersion, kind);
  return removed && isRemovedBy(removed, kubernetesVersion) ? removed : undefined;
}

const CUSTOM_KINDS_WITHOUT_PODS: ReadonlySet<string> = new Set(catalogue.customKindsWithoutPods);

/**
 * Does the kind never make pods? Kubernetes kinds without a pod template (a ConfigMap, an
 * Ingress), and the well-known custom resource kinds the catalogue lists (prometheus-operator's
 * ServiceMonitor and PodMonitor, cert-manager's Certificate, Istio's VirtualService, Gateway
 * API routes, ...). Any other custom kind may: an operator can make pods from it.
 */
export function neverMakesPods(apiVersion: string, kind: string): boolean {
  const info = kindInfo(apiVersion, kind);
  // A Gateway is in the catalogue (its schema) but Istio and Envoy Gateway provision proxy pods for it.
  if (info && info.group === 'gateway.networking.k8s.io' && kind === 'Gateway') return false;
  if (info) return info.podTemplate === null;
  return CUSTOM_KINDS_WITHOUT_PODS.has(`${apiGroup(apiVersion)}/${kind}`);
}

const POD_TEMPLATES = new Map(kubernetesKinds.flatMap((k) => (k.podTemplate === null ? [] : [[k.kind, k.podTemplate] as const])));

/** Where the kind keeps its pod template (`['spec', 'template']`; [] for a Pod); undefined for kinds that make no pods. */
export function podTemplatePath(kind: string): readonly string[] | undefined {
  return POD_TEMPLATES.get(kind);
}

/** One schema file svclab ships for a kind. */
export interface SchemaFile {
  apiVersion: string;
  kind: string;
  /** Relative to schemas/. */
  file: string;
}

/** Every kind svclab has a schema for, with its file. */
export function schemaFiles(): SchemaFile[] {
  return KINDS.flatMap((k) => k.schemas.map(({ version, file }) => ({ apiVersion: apiVersionOf(k.group, version), kind: k.kind, file })));
}

/**
 * The kind a kubectl resource word names: the resource (`pods`), its singular (`pod`), a short
 * name (`po`), or either with the group (`endpointslices.discovery.k8s.io`), case-insensitive.
 * The core group is searched first, so `events` is the core Event.
 */
export function kindForResource(word: string): KindInfo | undefined {
  const w = word.toLowerCase();
  // A served kind first, as kubectl's discovery does (networkpolicies: networking.k8s.io, not extensions).
  return kubernetesKinds.find((k) => k.preferredVersion !== null && resourceWords(k).includes(w)) ?? kubernetesKinds.find((k) => resourceWords(k).includes(w));
}

/** The words kubectl accepts for a kind's resource (see kindForResource). */
export function resourceWords(k: KindInfo): string[] {
  if (k.resource === null || k.resource.includes('/')) return [];
  const short = [k.resource, k.kind.toLowerCase(), ...k.shortNames];
  return k.group ? [...short, `${k.resource}.${k.group}`] : short;
}
