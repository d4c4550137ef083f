/**
 * Flow collections for the block reader (block.ts), as hand-written manifests and tutorial
 * scenarios write them: `labels: { app: web }`, `args: [netexec, --http-port=8080]`, nested,
 * each closed on the line it opens on. Entries are plain scalars (flow context: no `,[]{}` in
 * them), quoted scalars on one line, and flow collections; a mapping's entries are `key: value`.
 * Declined: a collection that goes on to the next line, an entry with no value (`{a, b}`) or
 * with an empty one (`{a: }`), an empty entry (`[a, , b]`), a pair in a sequence (`[a: b]`),
 * `?`, anchors, aliases and tags, a comment inside, a `:` not followed by a space, duplicate and
 * `__proto__` keys. Plain scalars resolve as the core schema does, keys are made strings as in
 * a block mapping.
 */
import { MAX_KEY_LENGTH, type RootKeys } from './nodes';
import { decline, doubleQuoted, NOT_PLAIN_START, odd, singleQuoted, type Quoted } from './block-scalars';
import { resolvePlain } from './scalars';

const SPACE = 32;
const COLON = 58;
const COMMA = 44;
const SQUOTE = 39;
const DQUOTE = 34;
const OPEN_SEQ = 91;
const CLOSE_SEQ = 93;
const OPEN_MAP = 123;
const CLOSE_MAP = 125;

/** Characters that end a plain scalar in a flow collection. */
const FLOW_END = new Uint8Array(128);
for (const c of ',[]{}') FLOW_END[c.charCodeAt(0)] = 1;

export class FlowReader {
  private p = 0;
  private lineEnd = 0;
  // The last scalar read: its value, its range as written (quotes included), and whether `: ` follows it.
  private value: unknown = null;
  private from = 0;
  private to = 0;
  private isKey = false;
  /** Where metadata.name is, when read from `metadata: { name: ... }`. */
  name: RootKeys['name'];

  constructor(
    private readonly t: string,
    private readonly quoted: Quoted,
    private readonly maxDepth: number,
  ) {}

  /**
   * The flow collection whose `[` or `{` is at `p`, closed before `lineEnd`; `metadata`: it is
   * the root's metadata (so its `name` entry is recorded). Returns the offset past its close,
   * with the collection in `out.value`.
   */
  read(p: number, lineEnd: number, depth: number, metadata: boolean, out: { value: unknown }): number {
    this.p = p;
    this.lineEnd = lineEnd;
    this.name = undefined;
    out.value = this.collection(depth, metadata);
    return this.p;
  }

  private collection(depth: number, metadata: boolean): unknown {
    if (depth > this.maxDepth) decline();
    return this.t.charCodeAt(this.p) === OPEN_SEQ ? this.sequence(depth) : this.mapping(depth, metadata);
  }

  private sequence(depth: number): unknown[] {
    const seq: unknown[] = [];
    this.p++;
    for (;;) {
      const c = this.skipSpaces();
      if (c === CLOSE_SEQ) break;
      if (c === OPEN_SEQ || c === OPEN_MAP) seq.push(this.collection(depth + 1, false));
      else {
        this.scalar();
        if (this.isKey) decline(); // a single-pair mapping in a sequence
        seq.push(this.value);
      }
      if (this.next(CLOSE_SEQ)) break;
    }
    this.p++;
    return seq;
  }

  private mapping(depth: number, metadata: boolean): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    this.p++;
    for (;;) {
      let c = this.skipSpaces();
      if (c === CLOSE_MAP) break;
      this.scalar();
      if (!this.isKey) decline(); // an entry with no value
      const v = this.value;
      const key = v === null ? '' : typeof v === 'string' ? v : String(v);
      if (this.to - this.from > MAX_KEY_LENGTH || key === '__proto__' || (map[key] !== undefined && Object.prototype.hasOwnProperty.call(map, key))) decline();
      const keyFrom = this.from;
      const keyTo = this.to;
      c = this.skipSpaces();
      if (c === COMMA || c === CLOSE_MAP) decline(); // an empty value
      if (c === OPEN_SEQ || c === OPEN_MAP) map[key] = this.collection(depth + 1, false);
      else {
        this.scalar();
        if (this.isKey) decline(); // `{a: b: c}`
        map[key] = this.value;
        if (metadata && key === 'name') this.name = { keyStart: keyFrom, keyEnd: keyTo, start: this.from, end: this.to };
      }
      if (this.next(CLOSE_MAP)) break;
    }
    this.p++;
    return map;
  }

  /** After an entry: true at the collection's close (left on it), false after a `,` before the next entry. */
  private next(close: number): boolean {
    const c = this.skipSpaces();
    if (c === close) return true;
    if (c !== COMMA) decline();
    this.p++;
    if (this.skipSpaces() === COMMA) decline(); // an empty entry
    return this.t.charCodeAt(this.p) === close; // a trailing comma
  }

  /** Skips spaces; declines at the line's end (the collection goes on below). Returns the character there. */
  private skipSpaces(): number {
    const t = this.t;
    while (this.p < this.lineEnd && t.charCodeAt(this.p) === SPACE) this.p++;
    if (this.p >= this.lineEnd) decline();
    return t.charCodeAt(this.p);
  }

  /** Reads a quoted or plain scalar at p: sets value, from/to, and isKey (`: ` follows; p then past it). */
  private scalar(): void {
    const t = this.t;
    const le = this.lineEnd;
    const p = this.p;
    const c = t.charCodeAt(p);
    let end: number;
    if (c === SQUOTE || c === DQUOTE) {
      end = c === SQUOTE ? singleQuoted(t, p, le, this.quoted) : doubleQuoted(t, p, le, this.quoted);
      if (end < 0) decline(); // it goes on to the next line
      this.value = this.quoted.value;
      this.to = end;
    } else {
      if (c < 128 && NOT_PLAIN_START[c] === 1) decline();
      if ((c === 45 || c === 63 || c === COLON) && (p + 1 === le || t.charCodeAt(p + 1) === SPACE || (t.charCodeAt(p + 1) < 128 && FLOW_END[t.charCodeAt(p + 1)] === 1))) decline();
      let last = p;
      let j = p;
      for (; j < le; j++) {
        const d = t.charCodeAt(j);
        if (d === SPACE) continue;
        if (d < 128 && FLOW_END[d] === 1) break;
        if (d === COLON) {
          const e = t.charCodeAt(j + 1);
          if (j + 1 === le || e === SPACE) break;
          if (e < 128 && FLOW_END[e] === 1) decline(); // `a:,`: yaml and js-yaml read it apart
        }
        if (d === 35 && t.charCodeAt(j - 1) === SPACE) decline(); // a comment inside the collection
        if ((d < 32 || d >= 0x7f) && odd(d)) decline();
        last = j + 1;
      }
      this.value = resolvePlain(t.slice(p, last));
      this.to = last;
      end = last;
    }
    this.from = p;
    this.p = end;
    while (this.p < le && t.charCodeAt(this.p) === SPACE) this.p++;
    this.isKey = t.charCodeAt(this.p) === COLON;
    if (this.isKey) {
      if (this.p + 1 < le && t.charCodeAt(this.p + 1) !== SPACE) decline(); // `"a":b`
      this.p++;
    }
  }
}
