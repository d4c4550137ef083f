/**
 * The manifests of a scenario as its steps change them. Objects are edited through the YAML
 * document (so untouched files keep their text and their line numbers), and readiness changes
 * go to the simulated cluster's readiness table, as the Cluster object would set them.
 */
import { parseAllDocuments, isMap, type Document } from 'yaml';
import type { SourceFile } from '../load/source';
import { isNamespaced, kindForResource } from '../model/kinds';

/** yaml's warnings would go to the process's stderr (with its pid); the manifests' problems are lint's to report. */
const QUIET = { logLevel: 'error' } as const;

interface Entry {
  source: SourceFile;
  docs: Document.Parsed[] | null;
  dirty: boolean;
}

export interface ObjectRefSpec {
  kind: string;
  namespace: string | null;
  name: string;
}

/** `Kind/name` or `Kind/namespace/name` (kubectl's resource words like `svc` or `deployments` accepted). */
export function parseRef(text: string): ObjectRefSpec | null {
  const parts = text.split('/');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => p === '')) return null;
  const kind = kindForResource(parts[0])?.kind ?? parts[0];
  return parts.length === 2 ? { kind, namespace: null, name: parts[1] } : { kind, namespace: parts[1], name: parts[2] };
}

/** The first field on the way to `path` that holds something other than a mapping (where setIn would throw), or null. */
function blockingField(d: Document.Parsed, path: string[]): string | null {
  for (let i = 0; i < path.length - 1; i++) {
    const node = d.getIn(path.slice(0, i + 1), true);
    if (node !== undefined && node !== null && !isMap(node)) return path.slice(0, i + 1).join('.');
  }
  return null;
}

export class Workspace {
  private entries: Entry[];

  constructor(sources: SourceFile[], private readonly defaultNamespace: string) {
    this.entries = sources.map((source) => ({ source, docs: null, dirty: false }));
  }

  sources(): SourceFile[] {
    return this.entries.map((e) => (e.dirty && e.docs ? { ...e.source, text: e.docs.map((d) => d.toString()).join('---\n') } : e.source));
  }

  /** Adds files; an object that already exists is replaced (like `kubectl apply` of a changed object). */
  apply(files: SourceFile[]): void {
    for (const file of files) {
      for (const doc of parseAllDocuments(file.text, QUIET) as Document.Parsed[]) {
        const id = this.identity(doc);
        if (id) this.remove({ kind: id.kind, namespace: id.namespace, name: id.name });
      }
      this.entries = this.entries.filter((e) => e.source.path !== file.path);
      this.entries.push({ source: file, docs: null, dirty: false });
    }
  }

  /** Removes the object; returns false when it does not exist. */
  remove(ref: ObjectRefSpec): boolean {
    let found = false;
    for (const e of this.entries) {
      const docs = this.docsOf(e);
      const kept = docs.filter((d) => !this.is(d, ref));
      if (kept.length !== docs.length) {
        found = true;
        e.docs = kept;
        e.dirty = true;
      }
    }
    return found;
  }

  /**
   * Sets a value inside the object: `set`, `missing` when the object does not exist, or why the
   * value cannot be set (a field on the way is not a mapping: `spec: 3`, `spec: [a]`), in words
   * for the step's error. Nothing is changed unless every copy of the object takes the value.
   */
  set(ref: ObjectRefSpec, path: string[], value: unknown): 'set' | 'missing' | string {
    const targets: Array<{ e: Entry; d: Document.Parsed }> = [];
    for (const e of this.entries) for (const d of this.docsOf(e)) if (this.is(d, ref)) targets.push({ e, d });
    if (targets.length === 0) return 'missing';
    for (const { d } of targets) {
      const blocked = blockingField(d, path);
      if (blocked) return `its ${blocked} is not a mapping, so ${path.join('.')} cannot be set; fix the manifest first`;
    }
    for (const { e, d } of targets) {
      d.setIn(path, d.createNode(value));
      e.dirty = true;
    }
    return 'set';
  }

  /** The kind of the object named by the ref, if it exists. */
  has(ref: ObjectRefSpec): boolean {
    return this.entries.some((e) => this.docsOf(e).some((d) => this.is(d, ref)));
  }

  private docsOf(e: Entry): Document.Parsed[] {
    if (!e.docs) e.docs = (parseAllDocuments(e.source.text, QUIET) as Document.Parsed[]).filter((d) => d.contents !== null);
    return e.docs;
  }

  private identity(d: Document.Parsed): { kind: string; namespace: string; name: string } | null {
    if (!isMap(d.contents)) return null;
    const kind = d.getIn(['kind']);
    const name = d.getIn(['metadata', 'name']);
    if (typeof kind !== 'string' || typeof name !== 'string') return null;
    const ns = d.getIn(['metadata', 'namespace']);
    const apiVersion = d.getIn(['apiVersion']);
    const namespaced = isNamespaced(typeof apiVersion === 'string' ? apiVersion : '', kind);
    return { kind, name, namespace: !namespaced ? '' : typeof ns === 'string' && ns ? ns : this.defaultNamespace };
  }

  /** `Kind/name` means the scenario's namespace, as `kubectl delete kind/name -n NS` does; cluster-scoped kinds have none. */
  private is(d: Document.Parsed, ref: ObjectRefSpec): boolean {
    const id = this.identity(d);
    if (id === null || id.kind !== ref.kind || id.name !== ref.name) return false;
    if (id.namespace === '') return true;
    return id.namespace === (ref.namespace || this.defaultNamespace);
  }
}
