/**
 * The block reader's (block.ts) view of its text: the current content line (skipping blank and
 * comment lines), its indentation, and the checks made on a line's rest.
 */
import { contentEnd, decline, lineBreakAt } from './block-scalars';

const SPACE = 32;
const HASH = 35;
const DASH = 45;

export class Lines {
  /** Start of the current content line. */
  protected line = 0;
  /** Its indentation (spaces). */
  protected indent = 0;
  /** End of its content (before the line break). */
  protected lineEnd = 0;
  /** Start of the line after it. */
  protected nextLine = 0;
  protected eof = false;

  constructor(
    protected readonly t: string,
    protected readonly end: number,
  ) {}

  /** Moves to the first line at or after `from` that holds more than spaces and a comment. */
  protected seek(from: number): void {
    const t = this.t;
    const end = this.end;
    let i = from;
    while (i < end) {
      let p = i;
      while (p < end && t.charCodeAt(p) === SPACE) p++;
      const nl = lineBreakAt(t, p, end);
      const le = contentEnd(t, p, nl, end);
      const c = t.charCodeAt(p);
      if (p === le || c === HASH) {
        i = nl + 1;
        continue;
      }
      if (p === i && c === 46 && t.charCodeAt(p + 1) === 46 && t.charCodeAt(p + 2) === 46 && (p + 3 === le || t.charCodeAt(p + 3) === SPACE)) {
        // `...`: the document ends (splitDocuments lets only comments follow it in a chunk).
        this.lineEnd = le;
        this.restIsBlank(p + 3);
        this.eof = true;
        this.indent = -1;
        return;
      }
      this.line = i;
      this.indent = p - i;
      this.lineEnd = le;
      this.nextLine = nl + 1;
      this.eof = false;
      return;
    }
    this.eof = true;
    this.indent = -1;
  }

  /** Declines unless text[p, lineEnd) is spaces and maybe a comment (after a space). */
  protected restIsBlank(p: number): void {
    const t = this.t;
    const start = p;
    while (p < this.lineEnd && t.charCodeAt(p) === SPACE) p++;
    if (p < this.lineEnd && (t.charCodeAt(p) !== HASH || p === start)) decline();
  }

  /** Whether a flow collection starts at `p` (value() takes only an empty one, `[]` or `{}`). */
  protected startsFlow(p: number): boolean {
    const c = this.t.charCodeAt(p);
    return c === 91 || c === 123;
  }

  /** Whether text[p] is a `-` entry indicator (a dash before a space or the line end). */
  protected isDash(p: number): boolean {
    return this.t.charCodeAt(p) === DASH && (p + 1 === this.lineEnd || this.t.charCodeAt(p + 1) === SPACE);
  }

  /** Moves to the next content line, which must not be indented past `col` (a node ends there). */
  protected nextContentLine(col: number): void {
    this.seek(this.nextLine);
    if (!this.eof && this.indent > col) decline(); // a continuation line: an error, or more than this reader takes
  }
}
