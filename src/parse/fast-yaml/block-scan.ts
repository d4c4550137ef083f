/**
 * The block reader's (block.ts) scalar scanner: reads one scalar on the current line and tells
 * a key (`name:`) from a value. Also what it read (the scalar, its range as written) and, for
 * block-locate.ts, the range of the node the reader read last.
 */
import { resolvePlain } from './scalars';
import { decline, doubleQuoted, NOT_PLAIN_START, odd, singleQuoted } from './block-scalars';
import type { Folded } from './block-folding';
import { Lines } from './block-lines';

const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const SQUOTE = 39;
const DQUOTE = 34;

/**
 * Plain scalars read lately, by a hash of their length and three characters: a key or value
 * written again (`name`, `containerPort`, `TCP`, `IfNotPresent`) is the same string, not a new
 * slice to resolve (and, for a key, to hash and look up in V8's string table when it becomes a
 * property). Measured on the 50 MB bench file: the reader 1.86 -> 1.60 s with keys, the heap
 * 209 -> 186 MB with values. Bounded: 1024 keys of at most 64 characters, 1024 values of at
 * most 12.
 */
const KEYS: Array<string | undefined> = new Array<string | undefined>(1024);
const VALUES: Array<string | undefined> = new Array<string | undefined>(1024);
/** V8 makes a slice of 13 characters or more a view of the whole text: kept, it would keep the file. */
const SHORT = 12;

/** The plain scalar text[p, end) as resolvePlain gives it, the same string as last time when `seen` holds it. */
function plain(seen: Array<string | undefined>, max: number, t: string, p: number, end: number): unknown {
  const n = end - p;
  if (n > max || n === 0) return resolvePlain(t.slice(p, end));
  const h = (n * 31 + t.charCodeAt(p) * 7 + t.charCodeAt(end - 1) * 3 + t.charCodeAt(p + (n >> 1))) & 1023;
  const known = seen[h];
  if (known !== undefined && known.length === n && t.startsWith(known, p)) return known;
  const raw = t.slice(p, end);
  const value = resolvePlain(raw);
  // A long one is kept as its property-name copy (V8's string table's), which holds no view of the text.
  if (value === raw) seen[h] = n > SHORT ? Object.keys({ [raw]: 0 })[0] : raw;
  return value;
}

const plainKey = (t: string, p: number, end: number): unknown => plain(KEYS, 64, t, p, end);
const plainValue = (t: string, p: number, end: number): unknown => plain(VALUES, SHORT, t, p, end);

export class Scanner extends Lines {
  // What scan() read: a key (text before `: `) or a scalar, its range, and where reading goes on.
  protected isKey = false;
  protected scalar: unknown = null;
  protected from = 0;
  protected to = 0;
  protected after = 0;
  /** Whether scan() met a quoted scalar its line does not close. */
  protected unclosed = false;
  protected readonly quoted: Folded = { value: '', lineEnd: 0, nextLine: 0 };

  /**
   * The range of the node the reader read last, as construct.ts gives it (a one-line scalar; an
   * empty value in a mapping; a block mapping or sequence whose last node's range is known), or
   * -1 when the reader does not repeat construct.ts's range for it (block-locate.ts).
   */
  protected nodeStart = -1;
  protected nodeEnd = -1;

  /**
   * Reads the scalar at `p` on the current line: quoted or plain, then either `:` (a key) or the
   * line's end (a value, maybe with a comment). Sets isKey, scalar (resolved), from/to (its range
   * as written, quotes included) and after (just past the `:`).
   */
  protected scan(p: number): void {
    const t = this.t;
    const le = this.lineEnd;
    const c = t.charCodeAt(p);
    if (c === SQUOTE || c === DQUOTE) {
      const close = c === SQUOTE ? singleQuoted(t, p, le, this.quoted) : doubleQuoted(t, p, le, this.quoted);
      this.isKey = false;
      this.unclosed = close < 0;
      if (close < 0) return;
      this.scalar = this.quoted.value;
      this.from = p;
      this.to = close;
      let r = close;
      while (r < le && t.charCodeAt(r) === SPACE) r++;
      if (r < le && t.charCodeAt(r) === COLON && (r + 1 === le || t.charCodeAt(r + 1) === SPACE)) {
        this.isKey = true;
        this.after = r + 1;
        return;
      }
      if (r < le && (t.charCodeAt(r) !== HASH || r === close)) decline();
      return;
    }
    this.unclosed = false;
    if (c < 128 && NOT_PLAIN_START[c] === 1) decline();
    if ((c === DASH || c === 63 || c === COLON) && (p + 1 === le || t.charCodeAt(p + 1) === SPACE)) decline();
    let last = p;
    for (let j = p; j < le; j++) {
      const d = t.charCodeAt(j);
      if (d === SPACE) continue;
      if (d === COLON && (j + 1 === le || t.charCodeAt(j + 1) === SPACE)) {
        this.isKey = true;
        this.from = p;
        this.to = last;
        this.scalar = plainKey(t, p, last);
        this.after = j + 1;
        return;
      }
      if (d === HASH && t.charCodeAt(j - 1) === SPACE) break;
      if (d < 32 || d >= 0x7f) {
        if (odd(d)) decline();
      }
      last = j + 1;
    }
    this.isKey = false;
    this.from = p;
    this.to = last;
    this.scalar = plainValue(t, p, last);
  }
}
