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
        this.scalar = resolvePlain(t.slice(p, last));
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
    this.scalar = resolvePlain(t.slice(p, last));
  }
}
