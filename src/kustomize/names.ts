/**
 * The last steps of a build (api/internal/target/kusttarget.go makeCustomizedResMap): the
 * content hash of generated ConfigMaps and Secrets (plugin/builtin/hashtransformer), then the
 * name references (api/internal/accumulator/namereferencetransformer.go with
 * api/filters/nameref): every field that names another object (an Ingress backend's Service,
 * a volume's ConfigMap, a StatefulSet's serviceName, ...) is rewritten to the name that object
 * has after prefixes, suffixes and hashes.
 */
import { isNamespaced } from '../model/kinds';
import { NAME_REFERENCES, selects, walkFieldSpec, type FieldSpec, type NameBackReference } from './field-specs';
import { contentHash } from './generators';
import type { Problems } from './kustomization';
import type { Origin, Provenance } from './provenance';
import { curId, idString, isRecord, sameNamespace, storePreviousId, type ResId, type Resource } from './types';

/** HashTransformer: `name-<hash>` for every generated object that still needs it. */
export function addHashes(resources: Resource[], prov: Provenance, generatorAt: (r: Resource) => Origin): void {
  for (const r of resources) {
    if (!r.generated?.hash) continue;
    const md = r.obj.metadata as Record<string, unknown>;
    const name = String(md.name ?? '');
    const hash = contentHash(r.obj);
    storePreviousId(r);
    md.name = `${name}-${hash}`;
    prov.note(md, 'name', { kind: 'hashSuffix', name: md.name as string, by: generatorAt(r) });
    r.generated.hash = false;
  }
}

function idSelected(id: ResId, b: NameBackReference): boolean {
  return id.kind === b.kind && (b.group === undefined || id.group === b.group) && (b.version === undefined || id.version === b.version);
}

/** utils.SameEndingSubSlice: one list of prefixes ends with the other. */
function sameEnding(a: string[], b: string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.every((x, i) => x === long[long.length - short.length + i]);
}

function affixesEqual(a: Resource, b: Resource, allowEmpty: boolean): boolean {
  if (allowEmpty) {
    const prefixOk = a.prefixes.length === 0 || b.prefixes.length === 0 || sameEnding(a.prefixes, b.prefixes);
    const suffixOk = a.suffixes.length === 0 || b.suffixes.length === 0 || sameEnding(a.suffixes, b.suffixes);
    return prefixOk && suffixOk;
  }
  return sameEnding(a.prefixes, b.prefixes) && sameEnding(a.suffixes, b.suffixes);
}

interface Ref {
  referrer: Resource;
  back: NameBackReference;
  spec: FieldSpec;
}

/** nameref.Filter.selectReferral; null when nothing (or an ambiguity, reported) was found. */
function selectReferral(ref: Ref, oldName: string, candidates: Resource[], sameWhenNamesMatch: (rs: Resource[]) => boolean, fail: (ids: string) => void): Resource | null {
  const referrerId = curId(ref.referrer);
  const referrerClusterScoped = !isNamespaced(String(ref.referrer.obj.apiVersion ?? ''), referrerId.kind);
  let c = candidates.filter((r) => r.prevIds.some((id) => id.name === oldName) && r.prevIds.some((id) => idSelected(id, ref.back)));
  c = c.filter((r) => {
    if (referrerClusterScoped) return true;
    const id = curId(r);
    if (!isNamespaced(String(r.obj.apiVersion ?? ''), id.kind) || id.kind === 'ServiceAccount') return true;
    return sameNamespace(id.namespace, referrerId.namespace);
  });
  if (c.length === 1) return c[0];
  c = c.filter((r) => affixesEqual(r, ref.referrer, true));
  if (c.length > 1) c = c.filter((r) => affixesEqual(r, ref.referrer, false));
  if (c.length === 1) return c[0];
  if (c.length === 0) return null;
  if (sameWhenNamesMatch(c)) return c[0];
  fail(c.map((r) => idString(curId(r))).join(', '));
  return null;
}

/** NameReferenceTransformer over the whole build. */
export function fixNameReferences(resources: Resource[], prov: Provenance, problems: Problems, locate: (r: Resource, parent: object, key: string | number) => Origin): void {
  for (const back of NAME_REFERENCES) {
    for (const spec of back.referrers) {
      for (const referrer of resources) {
        const org = referrer.prevIds[0] ?? curId(referrer);
        if (!selects(spec, { apiVersion: org.group ? `${org.group}/${org.version}` : org.version, kind: org.kind })) continue;
        const ref: Ref = { referrer, back, spec };
        const fail = (parent: object, key: string | number, name: string) => (ids: string) =>
          problems.fail({ messageId: 'nameReference', data: { field: spec.path.join('.'), name, ids } }, locate(referrer, parent, key));
        const setScalar = (parent: Record<string, unknown> | unknown[], key: string | number) => {
          const old = (parent as Record<string | number, unknown>)[key];
          if (typeof old !== 'string') return;
          const found = selectReferral(ref, old, resources, (rs) => rs.every((r) => curId(r).name === curId(rs[0]).name), fail(parent, key, old));
          if (!found) return;
          const name = curId(found).name;
          if (name === old) return;
          (parent as Record<string | number, unknown>)[key] = name;
          prov.note(parent, key, { kind: 'nameReference', from: old, to: name, by: prov.resolve(found.obj, ['metadata', 'name']).origin });
        };
        const setMapping = (node: Record<string, unknown>) => {
          if (typeof node.name !== 'string') return;
          let candidates = resources;
          if (typeof node.namespace === 'string') {
            const ns = node.namespace;
            const byOriginal = resources.filter((r) => (r.prevIds[0] ?? curId(r)).namespace === ns);
            candidates = byOriginal.length ? byOriginal : resources.filter((r) => curId(r).namespace === ns);
          }
          const old = node.name;
          const found = selectReferral(ref, old, candidates, (rs) => rs.every((r) => curId(r).name === curId(rs[0]).name && curId(r).namespace === curId(rs[0]).namespace), fail(node, 'name', old));
          if (!found) return;
          const id = curId(found);
          if (id.name === old && id.namespace === '') return;
          if (id.name !== old) {
            node.name = id.name;
            prov.note(node, 'name', { kind: 'nameReference', from: old, to: id.name, by: prov.resolve(found.obj, ['metadata', 'name']).origin });
          }
          if (id.namespace !== '' && node.namespace !== id.namespace) prov.set(node, 'namespace', id.namespace, locate(referrer, node, 'name'));
        };
        walkFieldSpec(referrer.obj, { ...spec, create: false }, (parent, key) => {
          const v = parent[key];
          if (typeof v === 'string') setScalar(parent, key);
          else if (isRecord(v)) setMapping(v);
          else if (Array.isArray(v)) v.forEach((item, i) => (isRecord(item) ? setMapping(item) : setScalar(v, i)));
        });
      }
    }
  }
}
