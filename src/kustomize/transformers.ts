/**
 * kustomize's built-in transformers other than patches, each after its plugin in
 * plugin/builtin/ and its filter in api/filters/: NamespaceTransformer (filters/namespace),
 * PrefixTransformer and SuffixTransformer, LabelTransformer (filters/labels),
 * AnnotationsTransformer, ReplicaCountTransformer and ImageTagTransformer
 * (filters/imagetag). Each records the kustomization line behind every value it sets.
 */
import { isNamespaced } from '../model/kinds';
import { COMMON_ANNOTATIONS, IMAGES, REPLICAS, walkFieldSpec, type FieldSpec } from './field-specs';
import type { Change, Origin, Provenance } from './provenance';
import { curId, isRecord, metadataOf, sameId, storePreviousId, type Resource } from './types';

function metadata(r: Resource, prov: Provenance): Record<string, unknown> {
  if (!isRecord(r.obj.metadata)) {
    r.obj.metadata = {};
  }
  void prov;
  return r.obj.metadata as Record<string, unknown>;
}

/** NamespaceTransformer: sets metadata.namespace of namespaced objects (and the few other namespace fields). An ID conflict is returned. */
export function setNamespace(resources: Resource[], namespace: string, by: Origin, prov: Provenance): Resource | null {
  const change: Change = { kind: 'namespace', value: namespace, by };
  for (const r of resources) {
    const apiVersion = typeof r.obj.apiVersion === 'string' ? r.obj.apiVersion : '';
    const kind = typeof r.obj.kind === 'string' ? r.obj.kind : '';
    storePreviousId(r);
    if (isNamespaced(apiVersion, kind)) {
      const md = metadata(r, prov);
      if (md.namespace !== namespace) {
        prov.set(md, 'namespace', namespace, by, change);
        prov.noteIdentity(r.obj, change);
      }
    }
    if (kind === 'Namespace' && apiVersion === 'v1') {
      const md = metadata(r, prov);
      prov.set(md, 'name', namespace, by, change);
    }
    // filters/namespace roleBindingHack: subjects named "default" move with the namespace.
    if ((kind === 'RoleBinding' || kind === 'ClusterRoleBinding') && Array.isArray(r.obj.subjects)) {
      for (const s of r.obj.subjects) if (isRecord(s) && s.name === 'default') prov.set(s, 'namespace', namespace, by, change);
    }
    if (kind === 'APIService' && isRecord(r.obj.spec) && isRecord(r.obj.spec.service)) prov.set(r.obj.spec.service, 'namespace', namespace, by, change);
    if (kind === 'CustomResourceDefinition') {
      const service = dig(r.obj, ['spec', 'conversion', 'webhook', 'clientConfig', 'service']);
      if (isRecord(service)) prov.set(service, 'namespace', namespace, by, change);
    }
  }
  for (const r of resources) if (resources.filter((o) => sameId(curId(o), curId(r))).length > 1) return r;
  return null;
}

function dig(v: unknown, p: string[]): unknown {
  let cur = v;
  for (const s of p) cur = isRecord(cur) ? cur[s] : undefined;
  return cur;
}

/** The kinds PrefixTransformer and SuffixTransformer leave alone (prefixFieldSpecsToSkip). */
function skipsRename(r: Resource): boolean {
  const id = r.prevIds[0] ?? curId(r);
  return id.kind === 'CustomResourceDefinition' || id.kind === 'Namespace' || (id.kind === 'APIService' && id.group === 'apiregistration.k8s.io');
}

/** PrefixTransformer / SuffixTransformer on metadata.name. */
export function addNameAffix(resources: Resource[], which: 'namePrefix' | 'nameSuffix', affix: string, by: Origin, prov: Provenance): void {
  const change: Change = { kind: which, value: affix, by };
  for (const r of resources) {
    if (skipsRename(r)) continue;
    if (which === 'namePrefix') r.prefixes.push(affix);
    else r.suffixes.push(affix);
    if (affix === '') continue;
    storePreviousId(r);
    const md = metadata(r, prov);
    const name = typeof md.name === 'string' ? md.name : '';
    md.name = which === 'namePrefix' ? affix + name : name + affix;
    prov.note(md, 'name', change);
    prov.noteIdentity(r.obj, change);
  }
}

/** LabelTransformer / AnnotationsTransformer: writes each pair at every field the specs reach. */
export function addPairs(resources: Resource[], pairs: Record<string, string>, specs: FieldSpec[], kind: 'label' | 'annotation', where: (key: string) => Origin, prov: Provenance): void {
  const keys = Object.keys(pairs);
  if (keys.length === 0) return;
  for (const r of resources) {
    for (const s of specs) {
      walkFieldSpec(r.obj, s, (parent, field) => {
        let map = parent[field];
        if (!isRecord(map)) {
          map = {};
          parent[field] = map;
        }
        for (const key of keys) {
          const by = where(key);
          prov.set(map as Record<string, unknown>, key, pairs[key], by, { kind, key, value: pairs[key], by });
        }
      });
    }
  }
}

export { COMMON_ANNOTATIONS };

/** ReplicaCountTransformer: `replicas: [{name, count}]`, matched on the current or the original name. */
export function setReplicas(resources: Resource[], name: string, count: number, by: Origin, prov: Provenance): void {
  for (const r of resources) {
    const names = [curId(r).name, ...r.prevIds.map((id) => id.name)];
    if (!names.includes(name)) continue;
    for (const s of REPLICAS) {
      walkFieldSpec(r.obj, s, (parent, field) => prov.set(parent, field, count, by, { kind: 'replicas', value: String(count), by }));
    }
  }
}

/** image.Split: name, tag and digest of an image reference (the registry's port is not a tag). */
export function splitImage(image: string): { name: string; tag: string; digest: string } {
  const slash = image.indexOf('/');
  const offset = slash > 0 ? slash : 0;
  const search = image.slice(offset);
  let id = search.indexOf('@');
  let ic = search.indexOf(':');
  if (ic < 0 && id < 0) return { name: image, tag: '', digest: '' };
  if (id >= 0 && (id < ic || ic < 0)) {
    id += offset;
    return { name: image.slice(0, id), tag: '', digest: image.slice(id + 1) };
  }
  if (id >= 0 && ic >= 0) {
    id += offset;
    ic += offset;
    return { name: image.slice(0, ic), tag: image.slice(ic + 1, id), digest: image.slice(id + 1) };
  }
  ic += offset;
  return { name: image.slice(0, ic), tag: image.slice(ic + 1), digest: '' };
}

export interface ImageArgs {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
  tagSuffix?: string;
}

/** image.IsImageMatched: the name, optionally followed by a tag and a digest. */
function imageMatches(image: string, name: string): boolean {
  let re: RegExp;
  try {
    re = new RegExp(`^${name}(:[a-zA-Z0-9_.{}-]*)?(@[a-zA-Z0-9]+([.+_-][a-zA-Z0-9]+)*:[a-zA-Z0-9_.{}-]*)?$`);
  } catch {
    return false;
  }
  return re.test(image);
}

/** imageTagUpdater.SetImageValue. */
export function updateImage(image: string, args: ImageArgs): string {
  if (!imageMatches(image, args.name)) return image;
  let { name, tag, digest } = splitImage(image);
  if (args.newName) name = args.newName;
  if (args.newTag && args.digest) [tag, digest] = [args.newTag, args.digest];
  else if (args.newTag) [tag, digest] = [args.newTag, ''];
  else if (args.digest) [tag, digest] = ['', args.digest];
  else if (args.tagSuffix) [tag, digest] = [tag + args.tagSuffix, ''];
  return `${name}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
}

/** ImageTagTransformer: every container, init container and image volume of every object but CRDs. */
export function setImages(resources: Resource[], args: ImageArgs, by: Origin, prov: Provenance): void {
  for (const r of resources) {
    if (r.obj.kind === 'CustomResourceDefinition') continue;
    for (const s of IMAGES) {
      walkFieldSpec(r.obj, { ...s, create: false }, (parent, field) => {
        const image = parent[field];
        if (typeof image !== 'string') return;
        const next = updateImage(image, args);
        if (next !== image) prov.set(parent, field, next, by, { kind: 'image', value: next, by });
      });
    }
  }
}

export { metadataOf };
