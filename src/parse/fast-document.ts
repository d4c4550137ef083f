import { Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';
import type { FieldPath, SourceRange } from '../types';
import type { DocumentSource } from './document';
import type { FastDocument, FastNode } from './fast-yaml';

/** Offsets to 1-based line/column, by binary search over line starts. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  pos(offset: number): { line: number; col: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - this.starts[lo] + 1 };
  }
}

/**
 * A document read by the fast path; locates nodes the same way `ParsedDocument` does. Its
 * node tree comes from `load`, called the first time a position is needed.
 */
export class FastDocumentSource implements DocumentSource {
  private loaded: { doc: FastDocument; lines: LineIndex } | undefined;

  constructor(
    readonly file: string,
    readonly index: number,
    private readonly load: () => { doc: FastDocument; lines: LineIndex },
  ) {}

  private get doc(): FastDocument {
    return (this.loaded ??= this.load()).doc;
  }

  private range(start: number, end: number): SourceRange {
    const lines = (this.loaded ??= this.load()).lines;
    const a = lines.pos(start);
    const b = lines.pos(Math.max(start, end));
    return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
  }

  documentRange(): SourceRange {
    return this.range(this.doc.start, this.doc.start);
  }

  locate(path: FieldPath, options: { key?: boolean } = {}): SourceRange {
    const found = this.find(path);
    if (found.keyAt && (found.depth < path.length || options.key)) return this.range(found.keyAt[0], found.keyAt[1]);
    return this.range(found.node.start, found.node.end);
  }

  nodeAt(path: FieldPath): Node | null {
    const found = this.find(path);
    if (found.depth !== path.length) return null;
    const n = found.node;
    let node: Node;
    if (n.kind === 'scalar') {
      const s = new Scalar(n.value);
      s.type = n.style;
      s.source = n.source;
      node = s;
    } else node = n.kind === 'map' ? new YAMLMap() : new YAMLSeq();
    node.range = [n.start, n.end, n.end];
    return node;
  }

  private find(path: FieldPath): { node: FastNode; keyAt: [number, number] | null; depth: number } {
    let node = this.doc.root;
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
