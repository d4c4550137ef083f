/**
 * `patches`, `patchesStrategicMerge` and `patchesJson6902`, as kustomize's
 * PatchStrategicMergeTransformer, PatchTransformer and PatchJson6902Transformer apply them
 * (plugin/builtin/patch*transformer): a patch is a file or inline text; a strategic merge
 * patch without `target` patches the one object it names (by any id the object has had), one
 * with `target` every selected object; a JSON patch needs a `target`. Targets select by
 * group, version, kind, name and namespace (anchored regular expressions, matched against the
 * original and the current id) and label and annotation selectors.
 */
import * as path from 'node:path';
import type { Document } from 'yaml';
import { yamlLib } from '../parse/yaml-lib';
import { ParsedDocument, type DocumentSource } from '../parse/document';
import { parseSelector } from '../model/selectors';
import type { FieldPath, SourceRange } from '../types';
import type { KustomizeFiles } from './files';
import { applyJsonPatch, JsonPatchError } from './json-patch';
import type { Entry, Kustomization, Problems } from './kustomization';
import { strategicMerge } from './merge';
import type { Origin, Provenance } from './provenance';
import { allIds, curId, idString, isRecord, metadataOf, orgId, sameNamespace, type ResId, type Resource } from './types';

/** A patch text written inside a kustomization: positions are those of the kustomization lines. */
class EmbeddedDocument implements DocumentSource {
  constructor(
    readonly file: string,
    readonly index: number,
    private readonly inner: ParsedDocument,
    private readonly shift: { line: number; column: number } | null,
    private readonly whole: SourceRange,
  ) {}

  locate(p: FieldPath, options?: { key?: boolean }): SourceRange {
    if (!this.shift) return this.whole;
    const r = this.inner.locate(p, options);
    return { line: r.line + this.shift.line, column: r.column + this.shift.column, endLine: r.endLine + this.shift.line, endColumn: r.endColumn + this.shift.column };
  }

  nodeAt(p: FieldPath) {
    return this.inner.nodeAt(p);
  }

  documentRange(): SourceRange {
    return this.shift ? this.locate([]) : this.whole;
  }
}

export interface PatchDoc {
  value: unknown;
  origin: Origin;
}

/** The documents of a patch text, each located in the file (or the kustomization line) it was written in. */
function patchDocs(text: string, file: string, embedded: { k: Kustomization; at: Origin; kustomizationText: string } | null): PatchDoc[] | string {
  const { LineCounter, parseAllDocuments } = yamlLib();
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, logLevel: 'error' }) as Document.Parsed[] | Document.Parsed;
  const out: PatchDoc[] = [];
  for (const [i, doc] of (Array.isArray(docs) ? docs : [docs]).entries()) {
    if (doc.errors.length) return doc.errors[0].message.split('\n')[0];
    const parsed = new ParsedDocument(file, i, doc, lineCounter);
    let source: DocumentSource = parsed;
    if (embedded) {
      const whole = embedded.at.doc.locate(embedded.at.path);
      const node = embedded.at.doc.nodeAt(embedded.at.path);
      let shift: { line: number; column: number } | null = null;
      if (node?.kind === 'scalar' && node.type === 'BLOCK_LITERAL') {
        const firstContent = embedded.kustomizationText.split('\n')[whole.line] ?? '';
        shift = { line: whole.line, column: firstContent.length - firstContent.trimStart().length };
      }
      source = new EmbeddedDocument(embedded.k.file, i, parsed, shift, whole);
    }
    const value = doc.toJS({ maxAliasCount: 1000 }) as unknown;
    if (value === null || value === undefined) continue;
    out.push({ value, origin: { doc: source, path: [] } });
  }
  return out;
}

/** A patch's text from `path:` (a file of the kustomization's folder) or inline. */
export function loadPatch(k: Kustomization, files: KustomizeFiles, used: Set<string>, text: string | null, file: string | null, at: Origin, problems: Problems): PatchDoc[] | null {
  let docs: PatchDoc[] | string;
  if (file !== null) {
    const key = path.resolve(k.dirKey, file);
    const f = files.file(key);
    if (!f || !('text' in f)) {
      problems.fail({ messageId: 'notFound', data: { field: 'patch', entry: file, path: files.display(key) } }, at);
      return null;
    }
    used.add(key);
    docs = patchDocs(f.text, files.display(key), null);
  } else {
    const own = files.file(k.key);
    docs = patchDocs(text ?? '', k.file, { k, at, kustomizationText: own && 'text' in own ? own.text : '' });
  }
  if (typeof docs === 'string') {
    problems.fail({ messageId: 'patchUnreadable', data: { problem: docs } }, at);
    return null;
  }
  return docs;
}

/** types.Selector of a patch `target:`. */
export interface Target {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  labelSelector?: string;
  annotationSelector?: string;
}

function anchored(pattern: string | undefined): RegExp | null {
  if (pattern === undefined || pattern === '') return null;
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch {
    return /$^/;
  }
}

/** resWrangler.Select: the objects a target selects. */
export function select(resources: Resource[], target: Target): Resource[] {
  const name = anchored(target.name);
  const ns = anchored(target.namespace);
  const labels = target.labelSelector ? parseSelector(target.labelSelector) : null;
  const annotations = target.annotationSelector ? parseSelector(target.annotationSelector) : null;
  return resources.filter((r) => {
    const cur = curId(r);
    const org = orgId(r);
    if (ns && !ns.test(org.namespace || 'default') && !ns.test(cur.namespace || 'default')) return false;
    if (name && !name.test(org.name) && !name.test(cur.name)) return false;
    if (target.group !== undefined && target.group !== '' && target.group !== cur.group) return false;
    if (target.version !== undefined && target.version !== '' && target.version !== cur.version) return false;
    if (target.kind !== undefined && target.kind !== '' && target.kind !== cur.kind) return false;
    const md = metadataOf(r.obj);
    const asMap = (v: unknown) => (isRecord(v) ? (Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)])) as Record<string, string>) : {});
    if (target.labelSelector && !(labels?.matches(asMap(md.labels)) ?? false)) return false;
    if (target.annotationSelector && !(annotations?.matches(asMap(md.annotations)) ?? false)) return false;
    return true;
  });
}

export function readTarget(v: unknown): Target | null {
  if (!isRecord(v)) return null;
  const s = (x: unknown) => (typeof x === 'string' ? x : undefined);
  return { group: s(v.group), version: s(v.version), kind: s(v.kind), name: s(v.name), namespace: s(v.namespace), labelSelector: s(v.labelSelector), annotationSelector: s(v.annotationSelector) };
}

function idOfPatch(v: Record<string, unknown>): ResId {
  return curId(v);
}

/** resWrangler.GetById: the one object that has (or had) this id. */
function byId(resources: Resource[], id: ResId): Resource[] {
  return resources.filter((r) => allIds(r).some((x) => x.group === id.group && x.version === id.version && x.kind === id.kind && x.name === id.name && sameNamespace(x.namespace, id.namespace)));
}

export interface PatchContext {
  resources: Resource[];
  prov: Provenance;
  problems: Problems;
}

/** Resource.ApplySmPatch: merges the patch into one object (or removes it for `$patch: delete`). */
function applySmp(ctx: PatchContext, r: Resource, patch: PatchDoc, options: { allowNameChange: boolean; allowKindChange: boolean }): void {
  const value = structuredClone(patch.value) as Record<string, unknown>;
  if (value.$patch === 'delete') {
    const i = ctx.resources.indexOf(r);
    if (i >= 0) ctx.resources.splice(i, 1);
    return;
  }
  const md = isRecord(value.metadata) ? value.metadata : null;
  if (md && !options.allowNameChange) delete md.name;
  if (md) delete md.namespace;
  if (!options.allowKindChange) {
    delete value.kind;
    delete value.apiVersion;
  }
  strategicMerge(r.obj, value, { prov: ctx.prov, apiVersion: String(r.obj.apiVersion ?? ''), kind: String(r.obj.kind ?? ''), patch: patch.origin, change: null });
}

function isJsonPatch(docs: PatchDoc[]): boolean {
  return docs.length === 1 && Array.isArray(docs[0].value);
}

/** One `patches:` (or `patchesStrategicMerge:`, `patchesJson6902:`) entry applied to the build. */
export function applyPatch(ctx: PatchContext, docs: PatchDoc[], target: Target | null, at: Origin, options: { allowNameChange: boolean; allowKindChange: boolean }): void {
  if (isJsonPatch(docs)) {
    if (!target) {
      ctx.problems.fail({ messageId: 'patchNeedsTarget' }, at);
      return;
    }
    for (const r of select(ctx.resources, target)) {
      const before = structuredClone(r.obj);
      ctx.prov.copy(r.obj, before);
      try {
        applyJsonPatch(r.obj, docs[0].value, { prov: ctx.prov, ops: docs[0].origin, change: null });
        r.prevIds.push(curId({ ...before }));
      } catch (err) {
        if (!(err instanceof JsonPatchError)) throw err;
        r.obj = before;
        ctx.problems.fail({ messageId: 'patchFailed', data: { id: idString(curId(r)), problem: err.message } }, at);
      }
    }
    return;
  }
  for (const doc of docs) {
    if (!isRecord(doc.value)) {
      ctx.problems.fail({ messageId: 'patchUnreadable', data: { problem: 'a strategic merge patch is a mapping (a partial object)' } }, at);
      return;
    }
  }
  if (target) {
    if (docs.length > 1) {
      ctx.problems.fail({ messageId: 'patchUnreadable', data: { problem: 'one `patches` entry with a `target` may hold only one strategic merge patch' } }, at);
      return;
    }
    for (const r of select(ctx.resources, target)) applySmp(ctx, r, docs[0], options);
    return;
  }
  for (const doc of docs) {
    const id = idOfPatch(doc.value as Record<string, unknown>);
    const found = byId(ctx.resources, id);
    if (found.length === 0) ctx.problems.fail({ messageId: 'patchNoMatch', data: { id: idString(id) } }, at);
    else if (found.length > 1) ctx.problems.fail({ messageId: 'patchManyMatch', data: { id: idString(id), count: found.length } }, at);
    else applySmp(ctx, found[0], doc, options);
  }
}

/** The entries of the three patch fields, in kustomize's order of application is the caller's; this reads one `patches:` entry. */
export function patchEntry(e: Entry<Record<string, unknown>>): { file: string | null; text: string | null; target: Target | null; options: { allowNameChange: boolean; allowKindChange: boolean } } {
  const o = isRecord(e.value.options) ? e.value.options : {};
  return {
    file: typeof e.value.path === 'string' ? e.value.path : null,
    text: typeof e.value.patch === 'string' ? e.value.patch : null,
    target: readTarget(e.value.target),
    options: { allowNameChange: o.allowNameChange === true, allowKindChange: o.allowKindChange === true },
  };
}
