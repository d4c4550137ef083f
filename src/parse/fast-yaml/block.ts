/**
 * The common shape of a manifest, read in one pass over its lines: a block mapping at column 0
 * of block mappings and sequences; plain, single- and double-quoted scalars, on one line or
 * folded over more (block-folding.ts); literal (`|`) and folded (`>`) block scalars; anchors and
 * aliases (block-anchors.ts); flow collections closed on their line (block-flow.ts); comments,
 * blank lines, CRLF breaks. That is how manifests, Helm's output and hand-written scenarios are
 * written: all of the bench, block-scalar, Helm-style and 50 MB corpora's documents and of
 * scenarios/, 98.6 % of the published and real-world corpora's (the rest hold flow collections
 * over more lines, or shapes below).
 *
 * Why: js-yaml's event parser plus the construction step (construct.ts) spend about 8x what
 * building the same values takes (JSON.parse of the bench corpus's values: 62 ms; the event path:
 * about 530 ms). This reader builds the values directly, with no event in between.
 *
 * Anything else is declined (null) and goes to the event path, which reads all of YAML: tags,
 * flow collections over more lines, more-indented lines in a folded scalar, indentation
 * indicators, escaped line breaks, a plain scalar on the line below its key, tabs, complex keys,
 * escapes JSON does not share, characters js-yaml refuses. The promise is the event path's: the
 * value equals `yaml`'s toJS() under the YAML 1.2 core schema (keys made strings as `yaml` makes
 * them), or null. test/parse/fast-block.test.ts compares the two readers on every corpus and on
 * fuzzed documents.
 */
import { MAX_KEY_LENGTH, type RootKeys } from './nodes';
import { Anchors, nameEnd } from './block-anchors';
import { foldedQuoted, plainLines } from './block-folding';
import { blockScalar, decline, Decline } from './block-scalars';
import { Scanner } from './block-scan';
import { FlowReader } from './block-flow';
import type { Want } from './block-locate';

const hasOwn = Object.prototype.hasOwnProperty;
/** As construct.ts: deeper documents go to the event path (which gives up at 200). */
const MAX_DEPTH = 100;

const SPACE = 32;
const HASH = 35;
const DASH = 45;
const SQUOTE = 39;
const DQUOTE = 34;
const AMP = 38;
const STAR = 42;

/** A document's value and root keys; an empty one (only blank lines and comments) has neither, as the event path reads it. */
export type BlockValue = { value: Record<string, unknown>; rootKeys: RootKeys } | { value: null; rootKeys: null };

/** An empty document: no value, no root keys. */
const EMPTY_DOCUMENT: BlockValue = Object.freeze({ value: null, rootKeys: null });

/**
 * The value of the document in text[start, end), or null when it is not of the shape this
 * reader takes. Never throws for bad input. The caller has declined a text with a byte order mark
 * or a lone CR (which the reader would take inside a comment): fastDocuments checks it once per
 * file.
 */
export function blockDocument(text: string, start: number, end: number): BlockValue | null {
  try {
    return new BlockReader(text, end).document(start);
  } catch (err) {
    if (err instanceof Decline) return null;
    throw err;
  }
}

export class BlockReader extends Scanner {
  /** Set by blockLocate: the path whose position is wanted, followed while reading (block-locate.ts). */
  want: Want | null = null;

  /**
   * Whether the last value() read a scalar whose range construct.ts gives in a way this reader
   * does not repeat (a block or multi-line scalar, an anchored or aliased value): declined as
   * metadata.name.
   */
  private unnamed = false;
  /** Whether the last value() read a non-empty scalar on its line (at nodeStart, nodeEnd), for metadata.name. */
  private nameScalar = false;

  private readonly anchors = new Anchors();
  private flow: FlowReader | undefined;
  /** Whether the value being read is the root's `metadata` (a flow mapping there may hold metadata.name). */
  private metadata = false;
  private readonly names: string[] = [];
  private readonly starts: number[] = [];
  private name: RootKeys['name'];

  document(start: number): BlockValue {
    this.seek(start);
    // Nothing but blank lines and comments (a `# Source:` of a template Helm rendered empty, a
    // file ending in `---`): an empty document, whose value is null, as yaml reads it.
    if (this.eof) return EMPTY_DOCUMENT;
    const t = this.t;
    let p = this.line + this.indent;
    // A `---` marker line: nothing but a comment may follow it on its line.
    if (this.indent === 0 && t.charCodeAt(p) === DASH && t.charCodeAt(p + 1) === DASH && t.charCodeAt(p + 2) === DASH) {
      p += 3;
      if (p < this.lineEnd && t.charCodeAt(p) !== SPACE) decline();
      this.restIsBlank(p);
      this.seek(this.nextLine);
      if (this.eof) return EMPTY_DOCUMENT;
    }
    if (this.indent !== 0) decline();
    const value = this.mapping(0, this.line, 0, false);
    if (!this.eof) decline();
    const rootKeys: RootKeys = { names: this.names, starts: this.starts };
    if (this.name) rootKeys.name = this.name;
    return { value, rootKeys };
  }

  /**
   * A block mapping whose entries start at column `col`; its first key is at `at` on the current
   * line (`scanned`: scan() has read that key already).
   */
  private mapping(col: number, at: number, depth: number, scanned: boolean): Record<string, unknown> {
    if (depth > MAX_DEPTH) decline();
    const map: Record<string, unknown> = {};
    let p = at;
    for (;;) {
      if (!scanned) this.scan(p);
      scanned = false;
      if (!this.isKey) decline(); // a scalar where a key belongs: a multi-line scalar, or an error
      const v = this.scalar;
      const key = v === null ? '' : typeof v === 'string' ? v : String(v);
      if (this.to - this.from > MAX_KEY_LENGTH || key === '__proto__' || (map[key] !== undefined && hasOwn.call(map, key))) decline();
      if (depth === 0) {
        this.names.push(key);
        this.starts.push(this.from);
      }
      const keyFrom = this.from;
      const keyTo = this.to;
      this.metadata = depth === 0 && key === 'metadata';
      const on = this.want !== null && this.want.enter(depth, key, keyFrom, keyTo);
      const value = this.value(this.after, col, true, depth);
      if (on) this.want!.leave(depth, this.nodeStart, this.nodeEnd);
      if (depth === 1 && key === 'name' && this.names[this.names.length - 1] === 'metadata') {
        if (this.unnamed) decline();
        if (this.nameScalar) this.name = { keyStart: keyFrom, keyEnd: keyTo, start: this.nodeStart, end: this.nodeEnd };
      }
      map[key] = value;
      if (this.eof || this.indent < col) return this.ended(map, at);
      if (this.indent > col) decline();
      p = this.line + col;
      if (this.isDash(p)) decline(); // an entry where a key belongs
    }
  }

  /**
   * The value after a key's `:` or an entry's `-` (at `p`, on the current line) of a node at
   * column `col`. Leaves the reader on the next content line. In a mapping, a sequence may sit
   * at the key's own column (`ports:` then `- port: 80`).
   */
  private value(p: number, col: number, inMapping: boolean, depth: number): unknown {
    const t = this.t;
    const metadata = this.metadata;
    this.metadata = false;
    this.nameScalar = false;
    this.unnamed = false;
    this.nodeStart = this.nodeEnd = -1;
    // construct.ts places an empty value of a mapping just after its `:` (where `p` is now).
    const emptyAt = inMapping ? p : -1;
    while (p < this.lineEnd && t.charCodeAt(p) === SPACE) p++;
    const c = t.charCodeAt(p);
    if (p < this.lineEnd && (c === AMP || c === STAR)) {
      const q = nameEnd(t, p + 1, this.lineEnd);
      const name = t.slice(p + 1, q);
      let value: unknown;
      if (c === STAR) {
        this.restIsBlank(q);
        value = this.anchors.alias(name);
        this.nextContentLine(col);
      } else {
        // `&name`, then its node on the line or the block below (`labels: &labels`).
        let r = q;
        while (r < this.lineEnd && t.charCodeAt(r) === SPACE) r++;
        const d = t.charCodeAt(r);
        if (r < this.lineEnd && (d === AMP || d === STAR || d === 33)) decline(); // two properties, or a tag
        this.anchors.begin(name);
        this.metadata = metadata;
        value = this.value(q, col, inMapping, depth);
        this.anchors.end(value);
      }
      this.nodeStart = this.nodeEnd = -1;
      this.unnamed = true;
      return value;
    }
    if (p >= this.lineEnd || c === HASH) {
      // Nothing on the line: the value is the block below, or null.
      this.seek(this.nextLine);
      if (this.eof || this.indent < col) return this.empty(emptyAt);
      const q = this.line + this.indent;
      let block: unknown = null;
      if (this.indent === col) block = inMapping && this.isDash(q) ? this.sequence(col, depth + 1) : null;
      else if (this.isDash(q)) block = this.sequence(this.indent, depth + 1);
      else if (this.startsFlow(q)) {
        this.metadata = metadata;
        block = this.value(q, col, inMapping, depth);
      } else block = this.mapping(this.indent, q, depth + 1, false);
      this.nameScalar = false; // what the block's own scalars set
      this.unnamed = false;
      return block === null ? this.empty(emptyAt) : block;
    }
    if (c === 124 || c === 62) {
      // `|` or `>`: a block scalar, then the line after it.
      const next = blockScalar(t, p, this.lineEnd, this.nextLine, this.end, col, this.quoted);
      this.unnamed = true;
      this.nextLine = next;
      this.nextContentLine(col);
      return this.quoted.value;
    }
    if (c === 91 || c === 123) {
      // A flow collection, closed on its line.
      const d = t.charCodeAt(p + 1);
      let value: unknown;
      let close = p + 2;
      if (d === 93 || d === 125) {
        if (d !== (c === 91 ? 93 : 125)) decline();
        value = c === 91 ? [] : {};
      } else {
        this.flow ??= new FlowReader(t, this.quoted, MAX_DEPTH);
        close = this.flow.read(p, this.lineEnd, depth + 1, metadata, this.quoted);
        value = this.quoted.value;
        if (this.flow.name) this.name = this.flow.name;
      }
      this.restIsBlank(close);
      this.nextContentLine(col);
      return value;
    }
    this.scan(p);
    if (this.isKey) decline(); // `key: a: b`, or a compact mapping where none may start
    if (this.unclosed) {
      // A quoted scalar over more lines.
      const close = foldedQuoted(t, p, this.lineEnd, this.nextLine, this.end, col, this.quoted);
      this.lineEnd = this.quoted.lineEnd;
      this.nextLine = this.quoted.nextLine;
      this.restIsBlank(close);
      this.unnamed = true;
      this.nextContentLine(col);
      return this.quoted.value;
    }
    let value = this.scalar;
    this.nameScalar = true;
    this.nodeStart = this.from;
    this.nodeEnd = this.to;
    let r = this.to;
    while (r < this.lineEnd && t.charCodeAt(r) === SPACE) r++;
    if (c !== SQUOTE && c !== DQUOTE && r === this.lineEnd) {
      // A plain scalar may go on over the lines below that are indented further.
      const next = plainLines(t, this.from, this.to, this.nextLine, this.end, col, this.quoted);
      if (next >= 0) {
        value = this.quoted.value;
        this.nameScalar = false;
        this.unnamed = true;
        this.nodeStart = this.nodeEnd = -1;
        this.nextLine = next;
      }
    }
    this.nextContentLine(col);
    return value;
  }

  /** A block sequence whose `-` indicators are at column `col`, the first on the current line. */
  private sequence(col: number, depth: number): unknown[] {
    if (depth > MAX_DEPTH) decline();
    const seq: unknown[] = [];
    const start = this.line + col;
    for (;;) {
      const on = this.want !== null && this.want.enter(depth, seq.length, -1, -1);
      seq.push(this.item(col, depth));
      if (on) this.want!.leave(depth, this.nodeStart, this.nodeEnd);
      if (this.eof || this.indent < col) return this.ended(seq.slice(), start);
      if (this.indent > col) decline();
      if (!this.isDash(this.line + col)) return this.ended(seq.slice(), start); // the parent mapping's next key (a sequence at its key's column)
    }
  }

  /** The item after the `-` at column `col` of the current line, in a sequence at `depth`. */
  private item(col: number, depth: number): unknown {
    const t = this.t;
    let q = this.line + col + 1;
    while (q < this.lineEnd && t.charCodeAt(q) === SPACE) q++;
    if (q >= this.lineEnd || t.charCodeAt(q) === HASH) {
      // `-` alone: the item is the block below, indented further, or null.
      if (q < this.lineEnd && t.charCodeAt(q - 1) !== SPACE) decline();
      this.seek(this.nextLine);
      if (!this.eof && this.indent > col) {
        const r = this.line + this.indent;
        if (this.isDash(r)) return this.sequence(this.indent, depth + 1);
        return this.startsFlow(r) ? this.value(r, col, false, depth) : this.mapping(this.indent, r, depth + 1, false);
      }
      return this.empty(-1);
    }
    if (this.isDash(q)) decline(); // `- - a`: a sequence in a sequence on one line
    const c = t.charCodeAt(q);
    if (c === 91 || c === 123 || c === 124 || c === 62 || c === AMP || c === STAR) return this.value(q, col, false, depth);
    this.scan(q);
    // `- key: value`: a mapping whose keys are at the column of this first one.
    return this.isKey ? this.mapping(q - this.line, q, depth + 1, true) : this.value(q, col, false, depth);
  }

  /** An empty value (null) at `at` (-1: where construct.ts puts it is not repeated here). */
  private empty(at: number): null {
    this.nodeStart = this.nodeEnd = at;
    return null;
  }

  /** A block collection that starts at `start`, read to its last node: its range (see nodeStart). */
  private ended<T>(node: T, start: number): T {
    this.nodeStart = this.nodeEnd < 0 ? -1 : start;
    return node;
  }

}
