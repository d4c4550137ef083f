/**
 * Where each value of a built object was written. A build copies, moves and replaces parts of
 * objects (a patch adds a container, `namespace:` sets a field, a name reference rewrites a
 * Service name), so a field path of the built object no longer says where the value came
 * from. Provenance follows the values themselves: every mapping and list of a built object is
 * registered with the document and path it was read from, and a field that a transformation
 * set is registered on its parent with the kustomization line that set it. Identity survives
 * moves, so a container a patch adds keeps pointing into the patch file, and the containers
 * of the base keep pointing into the base wherever the merge puts them.
 */
import type { DocumentSource, SourceNode } from '../parse/document';
import type { Located, TracedSource } from '../parse/manifest';
import type { FieldPath, RelatedLocation, SourceRange } from '../types';
import { isRecord } from './types';

/** A place in a document: the document and the path of the node inside it (from its top). */
export interface Origin {
  doc: DocumentSource;
  path: FieldPath;
}

/** What a transformation did to a value, as data; `changeText` words it. */
export type Change =
  | { kind: 'namespace'; value: string; by: Origin }
  | { kind: 'namePrefix' | 'nameSuffix'; value: string; by: Origin }
  | { kind: 'nameReference'; from: string; to: string; by: Origin }
  | { kind: 'hashSuffix'; name: string; by: Origin }
  | { kind: 'label' | 'annotation'; key: string; value: string; by: Origin }
  | { kind: 'image' | 'replicas'; value: string; by: Origin }
  | { kind: 'patch'; by: Origin }
  | { kind: 'generated'; by: Origin };

/** The one place a change becomes a sentence ("namespace catalog set by base/kustomization.yaml:3"). */
export function changeText(c: Change): string {
  const by = ` by ${where(c.by)}`;
  switch (c.kind) {
    case 'namespace':
      return `namespace ${c.value} set${by}`;
    case 'namePrefix':
      return `name prefix ${c.value} added${by}`;
    case 'nameSuffix':
      return `name suffix ${c.value} added${by}`;
    case 'nameReference':
      return `name ${c.from} rewritten to ${c.to}, the name the build gives the object at ${where(c.by)}`;
    case 'hashSuffix':
      return `name ${c.name} given its content-hash suffix (generator${by})`;
    case 'label':
      return `label ${c.key}=${c.value} added${by}`;
    case 'annotation':
      return `annotation ${c.key}=${c.value} added${by}`;
    case 'image':
      return `image ${c.value} set${by}`;
    case 'replicas':
      return `replicas ${c.value} set${by}`;
    case 'patch':
      return `value set by the patch at ${where(c.by)}`;
    case 'generated':
      return `generated${by}`;
  }
}

function where(o: Origin): string {
  return `${o.doc.file}:${o.doc.locate(o.path).line}`;
}

interface FieldOrigin {
  origin: Origin;
  change: Change | null;
}

/** The provenance of one build's values (shared by the objects of a kustomization root). */
export class Provenance {
  private readonly nodes = new WeakMap<object, Origin>();
  private readonly fields = new WeakMap<object, Map<string | number, FieldOrigin>>();
  /** Changes about the object as a whole (its namespace, its name), by object. */
  private readonly identity = new WeakMap<object, Change[]>();

  /** Registers `value` and every mapping and list inside it as read from `origin`. */
  adopt(value: unknown, origin: Origin): void {
    if (typeof value !== 'object' || value === null) return;
    this.nodes.set(value, origin);
    if (Array.isArray(value)) value.forEach((v, i) => this.adopt(v, { doc: origin.doc, path: [...origin.path, i] }));
    else for (const [k, v] of Object.entries(value)) this.adopt(v, { doc: origin.doc, path: [...origin.path, k] });
  }

  /** Where a mapping or list was read from, if known. */
  originOf(node: object): Origin | undefined {
    return this.nodes.get(node);
  }

  /** Registers one mapping or list (not what is inside it). */
  register(node: object, origin: Origin): void {
    this.nodes.set(node, origin);
  }

  /** Sets `parent[key]`, recording where the new value was written and which transformation put it there. */
  set(parent: Record<string, unknown> | unknown[], key: string | number, value: unknown, origin: Origin, change: Change | null = null): void {
    (parent as Record<string | number, unknown>)[key] = value;
    this.mark(parent, key, origin, change);
    this.adopt(value, origin);
  }

  /** Records where `parent[key]` now comes from, without changing it. */
  mark(parent: object, key: string | number, origin: Origin, change: Change | null = null): void {
    let map = this.fields.get(parent);
    if (!map) this.fields.set(parent, (map = new Map()));
    map.set(key, { origin, change });
  }

  /** Keeps the origin of `parent[key]` but notes a change to its value (a rewritten name). */
  note(parent: object, key: string | number, change: Change): void {
    const at = this.fields.get(parent)?.get(key);
    const origin = at?.origin ?? this.childOrigin(parent, key);
    if (origin) this.mark(parent, key, origin, change);
  }

  /** A change about the whole object (its namespace or name), shown with every finding on it. */
  noteIdentity(obj: object, change: Change): void {
    const list = this.identity.get(obj) ?? [];
    list.push(change);
    this.identity.set(obj, list);
  }

  /** Copies what is known of `from`'s origins to `to`, a deep copy of it. */
  copy(from: unknown, to: unknown): void {
    if (typeof from !== 'object' || from === null || typeof to !== 'object' || to === null) return;
    const o = this.nodes.get(from);
    if (o) this.nodes.set(to, o);
    const f = this.fields.get(from);
    if (f) this.fields.set(to, new Map(f));
    const id = this.identity.get(from);
    if (id) this.identity.set(to, [...id]);
    if (Array.isArray(from) && Array.isArray(to)) from.forEach((v, i) => this.copy(v, to[i]));
    else if (!Array.isArray(from) && !Array.isArray(to)) for (const k of Object.keys(from)) this.copy((from as Record<string, unknown>)[k], (to as Record<string, unknown>)[k]);
  }

  private childOrigin(parent: object, key: string | number): Origin | null {
    const o = this.nodes.get(parent);
    return o ? { doc: o.doc, path: [...o.path, key] } : null;
  }

  /** Where the value at `path` of `root` was written, and the changes made along the way. */
  resolve(root: object, path: FieldPath): { origin: Origin; changes: Change[] } {
    let origin: Origin = this.nodes.get(root) ?? { doc: emptyDocument, path: [] };
    const changes: Change[] = [];
    let cur: unknown = root;
    for (const seg of path) {
      if (typeof cur !== 'object' || cur === null) {
        origin = { doc: origin.doc, path: [...origin.path, seg] };
        continue;
      }
      const child: unknown = (cur as Record<string | number, unknown>)[seg];
      const field = this.fields.get(cur)?.get(seg);
      const own = typeof child === 'object' && child !== null ? this.nodes.get(child) : undefined;
      if (field) {
        origin = own && !field.change ? own : field.origin;
        if (field.change) changes.push(field.change);
      } else if (own) origin = own;
      else origin = { doc: origin.doc, path: [...origin.path, seg] };
      cur = child;
    }
    return { origin, changes };
  }

  identityChanges(root: object): readonly Change[] {
    return this.identity.get(root) ?? [];
  }
}

/** Stands in where nothing is known (never for a value a build produced). */
const emptyDocument: DocumentSource = {
  file: '',
  index: 0,
  locate: () => ({ line: 1, column: 1, endLine: 1, endColumn: 1 }),
  nodeAt: () => null,
  documentRange: () => ({ line: 1, column: 1, endLine: 1, endColumn: 1 }),
};

/** The related location that tells a reader which transformation a value came from. */
export function changeLocation(c: Change): RelatedLocation | null {
  const at = c.by.doc.locate(c.by.path);
  return { file: c.by.doc.file, line: at.line, column: at.column, message: changeText(c) };
}

/**
 * The positions of one built object: a `DocumentSource` whose field paths are those of the
 * built object, each located in the file that produced its value.
 */
export class BuiltDocumentSource implements TracedSource {
  constructor(
    readonly file: string,
    readonly index: number,
    private readonly root: Record<string, unknown>,
    private readonly prov: Provenance,
  ) {}

  trace(path: FieldPath, options: { key?: boolean } = {}): Located {
    const { origin, changes } = this.prov.resolve(this.root, path);
    const range = origin.doc.locate(origin.path, options);
    const notes: RelatedLocation[] = [];
    const seen = new Set<string>();
    for (const c of [...this.prov.identityChanges(this.root), ...changes]) {
      const rel = changeLocation(c);
      const key = rel ? `${rel.file}:${rel.line}:${rel.message}` : '';
      if (rel && !seen.has(key)) {
        seen.add(key);
        notes.push(rel);
      }
    }
    return { file: origin.doc.file || this.file, range, related: notes };
  }

  locate(path: FieldPath, options?: { key?: boolean }): SourceRange {
    return this.trace(path, options).range;
  }

  nodeAt(path: FieldPath): SourceNode | null {
    const { origin } = this.prov.resolve(this.root, path);
    return origin.doc.nodeAt(origin.path);
  }

  documentRange(): SourceRange {
    const { origin } = this.prov.resolve(this.root, []);
    return origin.path.length ? origin.doc.locate(origin.path) : origin.doc.documentRange();
  }
}

export { isRecord };
