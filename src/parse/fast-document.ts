import type { FieldPath, SourceRange } from '../types';
import type { DocumentSource, SourceNode } from './document';
import { fastDocument, type Chunk, type FastNode } from './fast-yaml';
import type { FileLines } from './lines';

/**
 * A document read by the fast path; locates nodes the same way `ParsedDocument` does. Parsing
 * keeps only values: the node tree is built the first time a position is needed, by parsing
 * this document again (its chunk of the file, never the whole file). Most documents have no
 * finding and never pay for it, and a large input keeps no node trees.
 */
export class FastDocumentSource implements DocumentSource {
  private rootNode: FastNode | undefined;

  constructor(
    readonly file: string,
    readonly index: number,
    private readonly text: string,
    private readonly chunk: Chunk,
    private readonly lines: FileLines,
  ) {}

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

  locate(path: FieldPath, options: { key?: boolean } = {}): SourceRange {
    const found = this.find(path);
    if (found.keyAt && (found.depth < path.length || options.key)) return this.range(found.keyAt[0], found.keyAt[1]);
    return this.range(found.node.start, found.node.end);
  }

  nodeAt(path: FieldPath): SourceNode | null {
    const found = this.find(path);
    if (found.depth !== path.length) return null;
    const n = found.node;
    const range: [number, number, number] = [n.start, n.end, n.end];
    if (n.kind === 'scalar') return { kind: 'scalar', type: n.style, source: n.source, value: n.value, range };
    return { kind: n.kind, range };
  }

  private find(path: FieldPath): { node: FastNode; keyAt: [number, number] | null; depth: number } {
    let node = this.root;
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
    return { node, keyAt, depth };
  }
}
