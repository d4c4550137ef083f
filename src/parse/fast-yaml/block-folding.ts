/**
 * The block reader's (block.ts) scalars that go on over more lines: a plain scalar, and a
 * quoted one (Helm's templates fold long strings at 80 columns in both styles). Lines are
 * folded as YAML 1.2 folds flow scalars (spec 6.5, 7.3): a line break between two lines is a
 * space, a run of k empty lines between them is k line breaks, and the spaces around a line break
 * are dropped. Each line after the first must be indented past the node's column `col`.
 */
import { closingDoubleQuote, closingSingleQuote, contentEnd, decline, jsonString, lineBreakAt, NOT_PLAIN_START, odd, singleQuotedValue, type Quoted } from './block-scalars';

const DQUOTE = 34;

const SPACE = 32;
const HASH = 35;
const COLON = 58;

/** Where a scalar's value goes, and the line its last line ends on. */
export interface Folded extends Quoted {
  /** End of the content of the scalar's last line (before its line break). */
  lineEnd: number;
  /** Start of the line after it. */
  nextLine: number;
}

/**
 * The lines that go on the plain scalar text[from, to) (whose line ends with no comment; the next
 * line starts at `nextLine`), in a node at column `col`. Returns -1 when there is none, else the
 * start of the line after the last of them, with the folded value in out.value. A line indented
 * no further than `col`, or a comment line, ends the scalar (and the reader declines a line
 * indented further after it: that is an error). Declined: a line that looks like a key (`a: b`,
 * `a:`) or starts with an indicator (`- `, `[`, `&`, `#`...), which `yaml` reads in ways this
 * reader does not repeat, and odd characters.
 */
export function plainLines(t: string, from: number, to: number, nextLine: number, end: number, col: number, out: Quoted): number {
  let value = '';
  let empty = 0;
  let next = -1;
  for (let i = nextLine; i < end; ) {
    let s = i;
    while (s < end && t.charCodeAt(s) === SPACE) s++;
    const c = t.charCodeAt(s);
    // Most often the next line holds the next key: told before looking for its end.
    if (s < end && c !== 10 && c !== 13 && (s - i <= col || c === HASH)) break;
    const nl = lineBreakAt(t, s, end);
    const le = contentEnd(t, s, nl, end);
    if (s === le) {
      empty++;
      i = nl + 1;
      continue;
    }
    if ((c < 128 && NOT_PLAIN_START[c] === 1) || ((c === 45 || c === 63 || c === COLON) && (s + 1 === le || t.charCodeAt(s + 1) === SPACE))) decline();
    let last = s;
    let comment = false;
    for (let j = s; j < le; j++) {
      const d = t.charCodeAt(j);
      if (d === SPACE) continue;
      if (d === COLON && (j + 1 === le || t.charCodeAt(j + 1) === SPACE)) decline(); // a key: an error, or a mapping
      if (d === HASH && t.charCodeAt(j - 1) === SPACE) {
        comment = true;
        break;
      }
      if ((d < 32 || d >= 0x7f) && odd(d)) decline();
      last = j + 1;
    }
    if (next < 0) value = t.slice(from, to);
    value += empty === 0 ? ' ' : '\n'.repeat(empty);
    value += t.slice(s, last);
    empty = 0;
    i = nl + 1;
    next = i;
    if (comment) break; // a comment ends the scalar
  }
  out.value = value;
  return next;
}

/**
 * The quoted scalar at `p` whose first line (ending at `lineEnd`; the next line starts at
 * `nextLine`) holds no closing quote, in a node at column `col`. Returns the offset past its
 * closing quote, with the value in out.value and its last line in out.lineEnd / out.nextLine.
 * In a double-quoted scalar, an escaped line break (`\` at a line's end) joins the next line
 * without a space. Declined: a line indented no further than `col`, the end of the text before
 * the closing quote, an empty line after an escaped line break, escapes JSON does not share, odd
 * characters.
 */
export function foldedQuoted(t: string, p: number, lineEnd: number, nextLine: number, end: number, col: number, out: Folded): number {
  const double = t.charCodeAt(p) === DQUOTE;
  // The text between the quotes, folded; a double-quoted one is read by JSON.parse once (its
  // escapes are JSON's), so a line break it folds to is written `\n` there.
  const newline = double ? '\\n' : '\n';
  // Whether the line read last ended in an escaped line break: the next line then follows with
  // no space, its leading spaces dropped.
  let escaped = double && escapesBreak(t, p + 1, lineEnd);
  let body = escaped ? t.slice(p + 1, lineEnd - 1) : t.slice(p + 1, trimEnd(t, p + 1, lineEnd));
  let empty = 0;
  for (let i = nextLine; i < end; ) {
    const nl = lineBreakAt(t, i, end);
    const le = contentEnd(t, i, nl, end);
    let s = i;
    while (s < le && t.charCodeAt(s) === SPACE) s++;
    if (s === le) {
      if (escaped) decline(); // an empty line after an escaped line break: rare, left to yaml
      empty++;
      i = nl + 1;
      continue;
    }
    if (s - i <= col) decline();
    if (!escaped) body += empty === 0 ? ' ' : newline.repeat(empty);
    empty = 0;
    const close = double ? closingDoubleQuote(t, s, le) : closingSingleQuote(t, s, le);
    if (close >= 0) {
      body += t.slice(s, close);
      out.value = double ? jsonString(`"${body}"`) : singleQuotedValue(body);
      out.lineEnd = le;
      out.nextLine = nl + 1;
      return close + 1;
    }
    escaped = double && escapesBreak(t, s, le);
    body += escaped ? t.slice(s, le - 1) : t.slice(s, trimEnd(t, s, le));
    i = nl + 1;
  }
  return decline(); // the text ends inside the quotes
}

/** Where the text of [from, to) ends without its trailing spaces (a folded line break drops them). */
function trimEnd(t: string, from: number, to: number): number {
  let e = to;
  while (e > from && t.charCodeAt(e - 1) === SPACE) e--;
  return e;
}

/**
 * Whether a line of a double-quoted scalar, [from, to), ends in an escaped line break: an odd
 * run of backslashes just before the break (an even one is escaped backslashes). The break is
 * then not content, and the spaces before the backslash stay (YAML 1.2, 7.5 Double-Quoted Style).
 */
function escapesBreak(t: string, from: number, to: number): boolean {
  let n = 0;
  while (to - n - 1 >= from && t.charCodeAt(to - n - 1) === 92) n++;
  return n % 2 === 1;
}
