import type { FieldPath, SourceRange } from '../types';
import type { DocumentSource, SourceNode } from './document';
import { fastDocument, type Chunk, type FastNode, type RootKeys } from './fast-yaml';
import { blockLocate, type BlockLocated } from './fast-yaml/block-locate';

/** The node a path reaches (the deepest that exists), the key it was reached by, how many segments that is. */
type Found = BlockLocated & { node: FastNode };
import type { FileLines } from './lines';

/**
 * A document read by the fast path; locates nodes the same way `ParsedDocument` does. Parsing
 * keeps only values: the node tree is built the first time a position is needed, by parsing
 * this document again (its chunk of the file, never the whole file). Most documents have no
 * finding and never pay for it, and a large input keeps no node trees.
 *
 * When the first parse saw a block-mapping root with every key at a line start (`rootKeys`), a
 * path is found by parsing only its top-level entry (`metadata:` to the next key): a finding
 * on `metadata.name` then costs a few lines, not the document (10,000 duplicate-object findings
 * in the published corpus re-parsed 10,000 documents). An entry that does not parse alone (an
 * alias to an anchor in another entry) falls back to the whole document. `metadata.name`, which
 * most findings name, was located by the first parse already (RootKeys.name): no parse at all.
 * Before building an entry's nodes, the block reader reads the entry again following the path
 * (block-locate.ts): no tree, no event parser, about 7 % of a lint's CPU on the published corpus.
 */
export class FastDocumentSource implements DocumentSource {
  private rootNode: FastNode | undefined;
  private entries: Map<number, FastNode | null> | undefined;

  constructor(
    readonly file: string,
    readonly index: number,
    private readonly text: string,
    private readonly chunk: Chunk,
    private readonly lines: FileLines,
    private readonly rootKeys: RootKeys | null = null,
  ) {}

  /** The one-key mapping parsed from the text of top-level entry `i` alone, or null when it does not parse alone. */
  private entry(i: number): FastNode | null {
    this.entries ??= new Map();
    let node = this.entries.get(i);
    if (node !== undefined) return node;
    const keys = this.rootKeys!;
    const end = i + 1 < keys.starts.length ? keys.starts[i + 1] : this.chunk.end;
    const root = fastDocument(this.text, { start: keys.starts[i], end }, true)?.root;
    node = root?.kind === 'map' && root.keys.length === 1 && root.keys[0] === keys.names[i] ? root : null;
    this.entries.set(i, node);
    return node;
  }

  private get root(): FastNode {
    if (this.rootNode) return this.rootNode;
    const doc = fastDocument(this.text, this.chunk, true);
    // The same text gave a value a moment ago, so it gives nodes now; an empty scalar is the fallback.
    this.rootNode = doc?.root ?? { kind: 'scalar', start: this.chunk.start, end: this.chunk.start, style: 'PLAIN', source: '', value: null };
    return this.rootNode;
  }

  private range(start: number, end: number): SourceRange {
    const a = this.lines.pos(start);
    const b = this.lines.pos(Math.max(start, end));
    return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
  }

  documentRange(): SourceRange {
    return this.range(this.root.start, this.root.start);
  }

  /** The document's chunk: the fast path parsed the value from it alone. */
  sourceText(): string {
    return this.text.slice(this.chunk.start, this.chunk.end);
  }

  locate(path: FieldPath, options: { key?: boolean } = {}): SourceRange {
    const name = this.rootKeys?.name;
    if (name && path.length === 2 && path[0] === 'metadata' && path[1] === 'name') return options.key ? this.range(name.keyStart, name.keyEnd) : this.range(name.start, name.end);
    const found = this.blockFind(path) ?? this.find(path);
    if (found.keyAt && (found.depth < path.length || options.key)) return this.range(found.keyAt[0], found.keyAt[1]);
    return this.range(found.start, found.end);
  }

  /** The node `path` reaches, found by the block reader in the text of its root entry (no nodes built), or null. */
  private blockFind(path: FieldPath): BlockLocated | null {
    const keys = this.rootKeys;
    if (this.rootNode || !keys || path.length === 0) return null;
    const i = keys.names.indexOf(String(path[0]));
    if (i < 0 || this.entries?.has(i)) return null;
    return blockLocate(this.text, keys.starts[i], i + 1 < keys.starts.length ? keys.starts[i + 1] : this.chunk.end, path);
  }

  nodeAt(path: FieldPath): SourceNode | null {
    const found = this.find(path);
    if (found.depth !== path.length) return null;
    const n = found.node;
    const range: [number, number, number] = [n.start, n.end, n.end];
    if (n.kind === 'scalar') return { kind: 'scalar', type: n.style, source: n.source, value: n.value, range };
    return { kind: n.kind, range };
  }

  private find(path: FieldPath): Found {
    if (!this.rootNode && this.rootKeys && path.length > 0) {
      const i = this.rootKeys.names.indexOf(String(path[0]));
      const entry = i >= 0 ? this.entry(i) : null;
      if (entry) return walkNodes(entry, path);
    }
    return walkNodes(this.root, path);
  }
}

/** The deepest node `path` reaches from `from` (a missing key, an index past the end or a scalar stops it), and the key it was reached by. */
export function walkNodes(from: FastNode, path: FieldPath): Found {
  let node = from;
  let keyAt: [number, number] | null = null;
  let depth = 0;
  for (const seg of path) {
    if (node.kind === 'map') {
      const i = node.keys.indexOf(String(seg));
      if (i < 0) break;
      keyAt = [node.keyStarts[i], node.keyEnds[i]];
      node = node.values[i];
    } else if (node.kind === 'seq' && typeof seg === 'number' && seg >= 0 && seg < node.items.length) {
      keyAt = null;
      node = node.items[seg];
    } else break;
    depth++;
  }
  return { node, start: node.start, end: node.end, keyAt, depth };
}