import type { Document, Node, Pair } from 'yaml';
import type { FieldPath, SourceRange } from '../types';
import { yamlLib } from './yaml-lib';

/**
 * A node as the stages after parsing see it: what kind it is and, for scalars, how it was
 * written (`type`: PLAIN, QUOTE_DOUBLE, QUOTE_SINGLE, BLOCK_LITERAL, BLOCK_FOLDED) and its text
 * before type resolution (`source`). The same for `yaml` documents and fast ones.
 */
export interface SourceNode {
  kind: 'scalar' | 'map' | 'seq' | 'alias';
  type?: string;
  source?: string;
  value?: unknown;
  /** File offsets: start, end of the value, end of the node. */
  range: [number, number, number];
}

/** What stages after parsing need of a document: map a field path back to its source. */
export interface DocumentSource {
  readonly file: string;
  /** 0-based index of the document in its file (as `yaml`'s parseAllDocuments numbers them). */
  readonly index: number;
  /**
   * The range of the node at `path`, or of the nearest ancestor that exists (a defaulted or
   * missing field is reported at its parent). With `key`, a map entry is located at its key.
   */
  locate(path: FieldPath, options?: { key?: boolean }): SourceRange;
  /** The node at `path`, or null. */
  nodeAt(path: FieldPath): SourceNode | null;
  /** The first content line of the document, for findings about the document as a whole. */
  documentRange(): SourceRange;
  /**
   * The text the value was parsed from alone, when there is one: two documents with the same
   * text have the same value. Absent when the value may depend on more (a whole-file parse with
   * directives, an object built by kustomize).
   */
  sourceText?(): string;
}

/** Offsets to line and column: `yaml`'s LineCounter, or the file's FileLines. */
export interface LinePositions {
  linePos(offset: number): { line: number; col: number };
}

/** One YAML document of a file as the `yaml` library parsed it. */
export class ParsedDocument implements DocumentSource {
  constructor(
    readonly file: string,
    /** 0-based index of the document in its file. */
    readonly index: number,
    readonly doc: Document.Parsed,
    readonly lineCounter: LinePositions,
    /** Offset of the parsed text in its file, when `yaml` parsed one document of the file alone. */
    readonly base = 0,
  ) {}

  rangeOfOffsets(start: number, end: number): SourceRange {
    const a = this.lineCounter.linePos(this.base + start);
    const b = this.lineCounter.linePos(this.base + Math.max(start, end));
    return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
  }

  rangeOfNode(node: Node | null | undefined): SourceRange {
    const r = node?.range;
    if (!r) return this.documentRange();
    return this.rangeOfOffsets(r[0], r[1]);
  }

  /** The first content line of the document, for findings about the document as a whole. */
  documentRange(): SourceRange {
    const r = this.doc.contents?.range ?? this.doc.range;
    return this.rangeOfOffsets(r[0], r[0]);
  }

  /**
   * The node at `path`, or the nearest ancestor that exists (a defaulted or missing field is
   * reported at its parent). With `key`, a map entry is located at its key, not its value.
   */
  locate(path: FieldPath, options: { key?: boolean } = {}): SourceRange {
    const found = this.findNode(path);
    if (options.key && found.pair && found.depth === path.length) return this.rangeOfNode(found.pair.key as Node);
    if (found.depth < path.length && found.pair) return this.rangeOfNode(found.pair.key as Node);
    return this.rangeOfNode(found.node);
  }

  /** The node at `path`, or null. */
  nodeAt(path: FieldPath): SourceNode | null {
    const found = this.findNode(path);
    if (found.depth !== path.length || !found.node) return null;
    const node = found.node;
    const { isScalar, isMap, isSeq } = yamlLib();
    const r = node.range ?? [0, 0, 0];
    const range: [number, number, number] = [this.base + r[0], this.base + r[1], this.base + r[2]];
    if (isScalar(node)) return { kind: 'scalar', type: node.type, source: typeof node.source === 'string' ? node.source : undefined, value: node.value, range };
    return { kind: isMap(node) ? 'map' : isSeq(node) ? 'seq' : 'alias', range };
  }

  private findNode(path: FieldPath): { node: Node | null; pair: Pair | null; depth: number } {
    const { isMap, isPair, isSeq } = yamlLib();
    let node = this.doc.contents as Node | null;
    let pair: Pair | null = null;
    let depth = 0;
    for (const seg of path) {
      let next: Node | null = null;
      let nextPair: Pair | null = null;
      if (isMap(node)) {
        for (const item of node.items) {
          if (isPair(item) && keyMatches(item.key, seg)) {
            nextPair = item;
            next = (item.value as Node | null) ?? null;
            break;
          }
        }
        if (!nextPair) break;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg];
        if (item === undefined) break;
        next = item as Node;
      } else break;
      node = next;
      pair = nextPair;
      depth++;
      if (next === null) break;
    }
    return { node, pair, depth };
  }
}

function keyMatches(key: unknown, seg: string | number): boolean {
  if (yamlLib().isScalar(key)) return String(key.value) === String(seg);
  return key === seg;
}
