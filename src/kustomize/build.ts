/**
 * `kustomize build DIR`, as kustomize v5's KustTarget does it
 * (api/internal/target/kusttarget.go): accumulate `resources` (files, folders with their own
 * kustomization, built first and merged in), run the generators, accumulate `components`
 * (which work on the objects gathered so far), run the transformers in kustomize's order
 * (patchesStrategicMerge, patches, namespace, namePrefix, nameSuffix, labels and commonLabels,
 * commonAnnotations, patchesJson6902, replicas, images); then, once, at the top: the content
 * hashes of generated objects, and the name references.
 */
import * as path from 'node:path';
import { stageFinding, type PendingFinding } from '../findings';
import fileUnreadable from '../rules/file-unreadable';
import kustomizeBuild from '../rules/kustomize-build';
import { COMMON_LABELS, OBJECT_LABELS, TEMPLATE_LABELS, type FieldSpec } from './field-specs';
import type { KustomizeFiles } from './files';
import { generate } from './generators';
import { at, isRemote, mapList, Problems, readKustomization, stringField, stringList, stringMap, UNBUILT_FIELDS, type Entry, type Kustomization } from './kustomization';
import { addHashes, fixNameReferences } from './names';
import { applyPatch, loadPatch, patchEntry, readTarget } from './patches';
import { Provenance, type Origin } from './provenance';
import { addNameAffix, addPairs, COMMON_ANNOTATIONS, setImages, setNamespace, setReplicas } from './transformers';
import { allIds, curId, idString, isRecord, metadataOf, sameId, type Resource } from './types';

export interface BuildResult {
  /** The kustomization the build started from; null when it could not be read. */
  root: Kustomization | null;
  resources: Resource[];
  prov: Provenance;
  /** Every file the build read (resources, patches, generator inputs, kustomization files), by key. */
  used: Set<string>;
  /** The folders of every kustomization it built, the root's included. */
  kustomizations: Set<string>;
  /** A field that changes objects was not built, or a remote resource not fetched: errors of its objects are capped at warnings. */
  incomplete: boolean;
  findings: PendingFinding[];
}

class Builder {
  readonly prov = new Provenance();
  readonly used = new Set<string>();
  readonly kustomizations = new Set<string>();
  incomplete = false;
  private readonly stack: string[] = [];
  /** Where each generated object was declared, for the note on its hashed name. */
  private readonly generatorAt = new WeakMap<Resource, Origin>();

  constructor(
    private readonly files: KustomizeFiles,
    readonly problems: Problems,
  ) {}

  /** The kustomization of a folder; reports (at `from`) a folder that has none or several. */
  kustomization(dirKey: string, from: Origin | null, entry: string): Kustomization | null {
    const found = this.files.kustomizationFiles(dirKey);
    if (found.length === 0) {
      if (from) this.problems.fail({ messageId: 'noKustomization', data: { entry } }, from);
      return null;
    }
    if (found.length > 1) {
      const ref = { messageId: 'manyKustomizations', data: { dir: this.files.display(dirKey) || '.', files: found.map((f) => path.basename(f)).join(', ') } } as const;
      if (from) this.problems.fail(ref, from);
      else this.problems.add(stageFinding(kustomizeBuild, ref, this.files.display(found[1]), { line: 1, column: 1, endLine: 1, endColumn: 1 }));
      return null;
    }
    this.used.add(found[0]);
    this.kustomizations.add(dirKey);
    return readKustomization(this.files, found[0], this.problems);
  }

  /** accumulateTarget: this kustomization's objects, added to `ra` (a component's parent's objects). */
  target(k: Kustomization, ra: Resource[]): Resource[] {
    for (const field of Object.keys(k.value)) {
      if (!(field in UNBUILT_FIELDS)) continue;
      const why = UNBUILT_FIELDS[field];
      if (why === null) {
        this.incomplete = true;
        this.problems.skip({ messageId: 'unsupported', data: { field, dir: k.dir } }, at(k, [field]), true);
      } else this.problems.skip({ messageId: 'noEffect', data: { field, why, dir: k.dir } }, at(k, [field]), true);
    }
    for (const entry of [...stringList(k, 'resources', this.problems), ...stringList(k, 'bases', this.problems)]) this.resource(k, entry, ra);
    for (const kind of ['configMapGenerator', 'secretGenerator'] as const) {
      const entries = mapList(k, kind, this.problems);
      generate(k, kind, entries, this.files, this.prov, this.problems).forEach((r, i) => {
        this.generatorAt.set(r, entries[i]?.at ?? at(k, [kind]));
        this.appendReplaceOrMerge(ra, r, entries[i]?.at ?? at(k, [kind]), kind);
      });
    }
    for (const entry of stringList(k, 'components', this.problems)) this.component(k, entry, ra);
    this.transform(k, ra);
    return ra;
  }

  private resource(k: Kustomization, entry: Entry<string>, ra: Resource[]): void {
    if (isRemote(entry.value)) {
      this.incomplete = true;
      this.problems.skip({ messageId: 'remote', data: { resource: entry.value, dir: k.dir } }, entry.at);
      return;
    }
    const key = path.resolve(k.dirKey, entry.value);
    if (this.files.isDirectory(key)) {
      if (this.stack.includes(key)) {
        this.problems.fail({ messageId: 'cycle', data: { entry: entry.value, dir: this.files.display(key) || '.' } }, entry.at);
        return;
      }
      const sub = this.kustomization(key, entry.at, entry.value);
      if (!sub) return;
      if (sub.kind === 'Component') {
        this.problems.fail({ messageId: 'componentNotResource', data: { entry: entry.value } }, entry.at);
        return;
      }
      this.stack.push(key);
      const built = this.target(sub, []);
      this.stack.pop();
      for (const r of built) this.append(ra, r, entry.at, k);
      return;
    }
    const file = this.files.file(key);
    if (!file) {
      this.problems.fail({ messageId: 'notFound', data: { field: 'resources', entry: entry.value, path: this.files.display(key) } }, entry.at);
      return;
    }
    this.used.add(key);
    if (!('text' in file)) {
      this.problems.add(stageFinding(fileUnreadable, file.problem, file.path, { line: file.line ?? 1, column: file.column ?? 1, endLine: file.line ?? 1, endColumn: file.column ?? 1 }));
      return;
    }
    const parsed = this.files.parse(key);
    if (!parsed) return;
    for (const f of parsed.findings) this.problems.add(f);
    for (const m of parsed.manifests) {
      const obj = structuredClone(m.value);
      this.prov.adopt(obj, { doc: m.source, path: m.root });
      this.append(ra, { obj, file: m.file, docIndex: m.docIndex, prevIds: [], prefixes: [], suffixes: [] }, entry.at, k);
    }
  }

  /** resWrangler.Append: an object whose id is already there fails the build. */
  private append(ra: Resource[], r: Resource, from: Origin, k: Kustomization): void {
    const id = curId(r);
    const other = ra.find((o) => sameId(curId(o), id));
    if (other) {
      this.problems.fail({ messageId: 'duplicateId', data: { id: idString(id), dir: k.dir, first: other.file } }, from);
      return;
    }
    ra.push(r);
  }

  /** resWrangler.appendReplaceOrMerge for generated ConfigMaps and Secrets (behavior create, merge or replace). */
  private appendReplaceOrMerge(ra: Resource[], r: Resource, from: Origin, generator: string): void {
    const id = curId(r);
    const matches = ra.filter((o) => allIds(o).some((x) => sameId(x, id)));
    const behavior = r.generated?.behavior ?? 'create';
    const name = id.name;
    if (matches.length === 0) {
      if (behavior === 'create') ra.push(r);
      else this.problems.fail({ messageId: 'generatorTarget', data: { generator, name, behavior, problem: `the build has no ${id.kind} ${name} to ${behavior}` } }, from);
      return;
    }
    if (matches.length > 1 || behavior === 'create') {
      this.problems.fail(behavior === 'create' ? { messageId: 'duplicateId', data: { id: idString(id), dir: from.doc.file, first: matches[0].file } } : { messageId: 'generatorTarget', data: { generator, name, behavior, problem: `${matches.length} objects could take it` } }, from);
      return;
    }
    const old = matches[0];
    const oldMd = metadataOf(old.obj);
    const md = metadataOf(r.obj);
    r.obj.metadata = md;
    // Resource.CopyMergeMetaDataFieldsFrom: labels and annotations merged, name and namespace kept.
    for (const field of ['labels', 'annotations'] as const) {
      const before = isRecord(oldMd[field]) ? oldMd[field] : {};
      const now = isRecord(md[field]) ? md[field] : {};
      const merged: Record<string, unknown> = { ...before, ...now };
      if (Object.keys(merged).length === 0) continue;
      const origins = Object.keys(merged).map((key) => [key, this.prov.resolve(key in now ? r.obj : old.obj, ['metadata', field, key]).origin] as const);
      md[field] = merged;
      for (const [key, origin] of origins) this.prov.mark(merged, key, origin);
    }
    md.name = oldMd.name;
    if (oldMd.namespace !== undefined) md.namespace = oldMd.namespace;
    this.prov.mark(md, 'name', this.prov.resolve(old.obj, ['metadata', 'name']).origin);
    if (behavior === 'merge') {
      for (const field of ['data', 'binaryData'] as const) {
        const before = isRecord(old.obj[field]) ? (old.obj[field] as Record<string, unknown>) : {};
        const now = isRecord(r.obj[field]) ? (r.obj[field] as Record<string, unknown>) : {};
        const merged = { ...before, ...now };
        if (Object.keys(merged).length === 0) continue;
        const origins = Object.keys(merged).map((key) => [key, this.prov.resolve(key in now ? r.obj : old.obj, [field, key]).origin] as const);
        r.obj[field] = merged;
        for (const [key, origin] of origins) this.prov.mark(merged, key, origin);
      }
    }
    // mergeStringMapsWithBuildAnnotations: the hash flag survives only when both objects have it.
    if (r.generated) r.generated.hash = r.generated.hash && (old.generated?.hash ?? false);
    r.prevIds = [...old.prevIds];
    r.prefixes = [...old.prefixes];
    r.suffixes = [...old.suffixes];
    ra[ra.indexOf(old)] = r;
  }

  private component(k: Kustomization, entry: Entry<string>, ra: Resource[]): void {
    const key = path.resolve(k.dirKey, entry.value);
    if (!this.files.isDirectory(key)) {
      this.problems.fail({ messageId: 'notFound', data: { field: 'components', entry: entry.value, path: this.files.display(key) } }, entry.at);
      return;
    }
    if (this.stack.includes(key)) {
      this.problems.fail({ messageId: 'cycle', data: { entry: entry.value, dir: this.files.display(key) || '.' } }, entry.at);
      return;
    }
    const sub = this.kustomization(key, entry.at, entry.value);
    if (!sub) return;
    if (sub.kind !== 'Component') {
      this.problems.fail({ messageId: 'componentExpected', data: { entry: entry.value, kind: sub.kind } }, entry.at);
      return;
    }
    this.stack.push(key);
    this.target(sub, ra);
    this.stack.pop();
  }

  /** runTransformers, in the order of configureBuiltinTransformers. */
  private transform(k: Kustomization, ra: Resource[]): void {
    const ctx = { resources: ra, prov: this.prov, problems: this.problems };
    const noOptions = { allowNameChange: false, allowKindChange: false };
    for (const e of stringList(k, 'patchesStrategicMerge', this.problems)) {
      // A path when such a file exists, inline YAML otherwise (FixKustomizationPreMarshalling).
      const isFile = this.files.isFile(path.resolve(k.dirKey, e.value)) && !e.value.includes('\n');
      const docs = loadPatch(k, this.files, this.used, isFile ? null : e.value, isFile ? e.value : null, e.at, this.problems);
      if (docs) applyPatch(ctx, docs, null, e.at, noOptions);
    }
    for (const e of mapList(k, 'patches', this.problems)) {
      const p = patchEntry(e);
      if ((p.file === null) === (p.text === null)) {
        this.problems.fail({ messageId: 'patchUnreadable', data: { problem: p.file === null ? 'the entry has neither `path` nor `patch`' : 'the entry has both `path` and `patch`' } }, e.at);
        continue;
      }
      const docs = loadPatch(k, this.files, this.used, p.text, p.file, p.text !== null ? { doc: e.at.doc, path: [...e.at.path, 'patch'] } : e.at, this.problems);
      if (docs) applyPatch(ctx, docs, p.target, e.at, p.options);
    }
    const namespace = stringField(k, 'namespace', this.problems);
    if (namespace) {
      const conflict = setNamespace(ra, namespace, at(k, ['namespace']), this.prov);
      if (conflict) this.problems.fail({ messageId: 'conflict', data: { what: `namespace: ${namespace}`, id: idString(curId(conflict)) } }, at(k, ['namespace']));
    }
    for (const which of ['namePrefix', 'nameSuffix'] as const) {
      const affix = stringField(k, which, this.problems);
      if (affix) addNameAffix(ra, which, affix, at(k, [which]), this.prov);
    }
    for (const e of mapList(k, 'labels', this.problems)) {
      const pairs = stringMap(e.value.pairs, 'labels.pairs', { doc: e.at.doc, path: [...e.at.path, 'pairs'] }, this.problems);
      let specs: FieldSpec[] = e.value.includeSelectors === true ? COMMON_LABELS : e.value.includeTemplates === true ? [...TEMPLATE_LABELS] : OBJECT_LABELS;
      if (Array.isArray(e.value.fields)) specs = [...specs, ...customSpecs(e.value.fields)];
      addPairs(ra, pairs, specs, 'label', (key) => ({ doc: e.at.doc, path: [...e.at.path, 'pairs', key] }), this.prov);
    }
    const common = stringMap(k.value.commonLabels, 'commonLabels', at(k, ['commonLabels']), this.problems);
    addPairs(ra, common, COMMON_LABELS, 'label', (key) => at(k, ['commonLabels', key]), this.prov);
    const annotations = stringMap(k.value.commonAnnotations, 'commonAnnotations', at(k, ['commonAnnotations']), this.problems);
    addPairs(ra, annotations, COMMON_ANNOTATIONS, 'annotation', (key) => at(k, ['commonAnnotations', key]), this.prov);
    for (const e of mapList(k, 'patchesJson6902', this.problems)) {
      const p = patchEntry(e);
      const docs = loadPatch(k, this.files, this.used, p.text, p.file, p.text !== null ? { doc: e.at.doc, path: [...e.at.path, 'patch'] } : e.at, this.problems);
      if (docs) applyPatch(ctx, docs, p.target ?? readTarget(e.value.target), e.at, noOptions);
    }
    for (const e of mapList(k, 'replicas', this.problems)) {
      const count = typeof e.value.count === 'number' ? e.value.count : Number(e.value.count);
      if (typeof e.value.name !== 'string' || !Number.isInteger(count)) {
        this.problems.fail({ messageId: 'fieldType', data: { field: 'replicas[]', expected: 'a mapping with `name` and an integer `count`' } }, e.at);
        continue;
      }
      setReplicas(ra, e.value.name, count, { doc: e.at.doc, path: [...e.at.path, 'count'] }, this.prov);
    }
    for (const e of [...mapList(k, 'images', this.problems), ...mapList(k, 'imageTags', this.problems)]) {
      const s = (x: unknown) => (typeof x === 'string' ? x : typeof x === 'number' ? String(x) : undefined);
      const name = s(e.value.name);
      if (!name) {
        this.problems.fail({ messageId: 'fieldType', data: { field: 'images[].name', expected: 'the image name to replace' } }, e.at);
        continue;
      }
      setImages(ra, { name, newName: s(e.value.newName), newTag: s(e.value.newTag), digest: s(e.value.digest), tagSuffix: s(e.value.tagSuffix) }, e.at, this.prov);
    }
  }

  /** The steps done once, at the top: hashes, then name references. */
  finish(ra: Resource[]): void {
    addHashes(ra, this.prov, (r) => this.generatorAt.get(r) ?? this.prov.resolve(r.obj, []).origin);
    fixNameReferences(ra, this.prov, this.problems, (r) => this.prov.resolve(r.obj, []).origin);
  }
}

/** A `labels[].fields` entry: extra field specs (`path`, `kind`, `group`, `version`, `create`). */
function customSpecs(fields: unknown[]): FieldSpec[] {
  return fields.filter(isRecord).filter((f) => typeof f.path === 'string').map((f) => ({
    path: String(f.path).split('/'),
    kind: typeof f.kind === 'string' ? f.kind : undefined,
    group: typeof f.group === 'string' ? f.group : undefined,
    version: typeof f.version === 'string' ? f.version : undefined,
    create: f.create === true,
  }));
}

/** Builds the kustomization in `dirKey`; null when the folder has no usable kustomization. */
export function buildKustomization(files: KustomizeFiles, dirKey: string): BuildResult | null {
  const problems = new Problems();
  const b = new Builder(files, problems);
  const root = b.kustomization(dirKey, null, '.');
  if (!root) return problems.list.length ? { root: null, resources: [], prov: b.prov, used: b.used, kustomizations: b.kustomizations, incomplete: false, findings: problems.list } : null;
  const ra = b.target(root, []);
  b.finish(ra);
  return { root, resources: ra, prov: b.prov, used: b.used, kustomizations: b.kustomizations, incomplete: b.incomplete, findings: problems.list };
}
