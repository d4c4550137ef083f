/**
 * The objects of a kustomize build, shaped like kustomize's `resource.Resource` and
 * `resid.ResId` (api/resource/resource.go, kyaml/resid/resid.go): the object as it is being
 * built, the ids it had before (PrevIds, for name references), the name prefixes and suffixes
 * it received (for telling apart two copies of one base), and generator options.
 */
import { apiGroup } from '../model/kinds';
import type { Provenance } from './provenance';

/** kustomize's ResId: group, version, kind, name and namespace ('' = not set). */
export interface ResId {
  group: string;
  version: string;
  kind: string;
  name: string;
  namespace: string;
}

export interface Resource {
  obj: Record<string, unknown>;
  /** The file it was read from (as shown), or the kustomization whose generator made it. */
  file: string;
  docIndex: number;
  /** Ids before each rename or move, oldest first (kustomize's PrevIds); empty when never renamed. */
  prevIds: ResId[];
  /** Name prefixes and suffixes added so far, innermost first (kustomize's build annotations). */
  prefixes: string[];
  suffixes: string[];
  /** Made by a generator: whether the content hash is still to be appended, and its behavior. */
  generated?: { hash: boolean; behavior: 'create' | 'merge' | 'replace' };
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

export function metadataOf(obj: Record<string, unknown>): Record<string, unknown> {
  const md = obj.metadata;
  return typeof md === 'object' && md !== null && !Array.isArray(md) ? (md as Record<string, unknown>) : {};
}

/** kustomize's CurId: the id from the object as it is now. */
export function curId(r: Resource | Record<string, unknown>): ResId {
  const obj = 'obj' in r && typeof r.obj === 'object' ? (r as Resource).obj : (r as Record<string, unknown>);
  const apiVersion = str(obj.apiVersion);
  const slash = apiVersion.indexOf('/');
  const md = metadataOf(obj);
  return { group: apiGroup(apiVersion), version: slash < 0 ? apiVersion : apiVersion.slice(slash + 1), kind: str(obj.kind), name: str(md.name), namespace: str(md.namespace) };
}

/** kustomize's OrgId: the first id the object had. */
export function orgId(r: Resource): ResId {
  return r.prevIds[0] ?? curId(r);
}

/** Every id the object has had, oldest first, ending with the current one. */
export function allIds(r: Resource): ResId[] {
  return [...r.prevIds, curId(r)];
}

/** kustomize's IsNsEquals: '' and `default` are the same namespace. */
export function sameNamespace(a: string, b: string): boolean {
  return (a || 'default') === (b || 'default');
}

/** kustomize's ResId.Equals: group, version, kind, name and namespace. */
export function sameId(a: ResId, b: ResId): boolean {
  return a.group === b.group && a.version === b.version && a.kind === b.kind && a.name === b.name && sameNamespace(a.namespace, b.namespace);
}

/** kustomize's ResId.GvknEquals: the same, without the namespace. */
export function sameGvkn(a: ResId, b: ResId): boolean {
  return a.group === b.group && a.version === b.version && a.kind === b.kind && a.name === b.name;
}

export function idString(id: ResId): string {
  const gv = id.group ? `${id.group}/${id.version}` : id.version;
  return `${id.kind}.${gv}/${id.name}${id.namespace ? `.${id.namespace}` : ''}`;
}

/** kustomize's StorePreviousId: remembers the current id before a rename or a move. */
export function storePreviousId(r: Resource): void {
  r.prevIds.push(curId(r));
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** One kustomization's build output: resources in order, and the provenance of their values. */
export interface Accumulated {
  resources: Resource[];
  prov: Provenance;
}
