/**
 * The block reader's (block.ts) character tables and quoted scalars: a scalar it takes is on one
 * line, and a double-quoted one uses only the escapes JSON shares, so JSON.parse reads it.
 */

export class Decline extends Error {}
const DECLINE = new Decline();
/** Gives the document to the event path (construct.ts), which reads all of YAML. */
export const decline = (): never => {
  throw DECLINE;
};

const SQUOTE = 39;
const DQUOTE = 34;
const BACKSLASH = 92;

/** Characters no plain scalar starts with (YAML 1.2 c-indicator), besides `-?:` before a space. */
export const NOT_PLAIN_START = new Uint8Array(128);
for (const c of ',[]{}#&*!|>\'"%@`') NOT_PLAIN_START[c.charCodeAt(0)] = 1;

/** Escapes double-quoted YAML shares with JSON (same meaning). */
const JSON_ESCAPES = new Uint8Array(128);
for (const c of '"\\/bfnrtu') JSON_ESCAPES[c.charCodeAt(0)] = 1;

/**
 * Characters declined anywhere in a scalar: C0 controls (tab included), DEL and C1 (NEL is a
 * line break in YAML 1.1), surrogates, U+2028/2029, a BOM, U+FFFE/FFFF. Some are errors for
 * js-yaml, some are read differently by other YAML versions: the event path decides.
 */
export function odd(c: number): boolean {
  if (c < 32) return true;
  if (c < 0x7f) return false;
  return c <= 0x9f || (c >= 0xd800 && c <= 0xdfff) || c === 0x2028 || c === 0x2029 || c === 0xfeff || c >= 0xfffe;
}

/** The offset of the line break that ends the line starting at `i`, or `end`. */
export function lineBreakAt(t: string, i: number, end: number): number {
  const nl = t.indexOf('\n', i);
  return nl < 0 || nl >= end ? end : nl;
}

/** The end of the content of the line from `i` to its break at `nl`: before the CR of a CRLF (a lone CR is the caller's to decline). */
export function contentEnd(t: string, i: number, nl: number, end: number): number {
  return nl < end && nl > i && t.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
}

/** Where a quoted scalar's value goes (one holder per reader: no object per scalar). */
export interface Quoted {
  value: string;
}

/**
 * The offset of the quote that closes single-quoted text at or after `from`, before `lineEnd`
 * (`''` is a quote), or -1 when the line ends first. Declines odd characters.
 */
export function closingSingleQuote(t: string, from: number, lineEnd: number): number {
  for (let j = from; j < lineEnd; j++) {
    const d = t.charCodeAt(j);
    if (d === SQUOTE) {
      if (j + 1 < lineEnd && t.charCodeAt(j + 1) === SQUOTE) {
        j++;
        continue;
      }
      return j;
    }
    if ((d < 32 || d >= 0x7f) && odd(d)) decline();
  }
  return -1;
}

/** A single-quoted scalar's text between its quotes (`raw`) as a value: `''` is a quote. */
export function singleQuotedValue(raw: string): string {
  return raw.indexOf("''") < 0 ? raw : raw.replace(/''/g, "'");
}

/**
 * The single-quoted scalar at `p`: returns the offset past its closing quote, or -1 when the line
 * (ending at `lineEnd`) ends first (foldedQuoted reads the lines after it).
 */
export function singleQuoted(t: string, p: number, lineEnd: number, out: Quoted): number {
  const close = closingSingleQuote(t, p + 1, lineEnd);
  if (close < 0) return -1;
  out.value = singleQuotedValue(t.slice(p + 1, close));
  return close + 1;
}

/**
 * The offset of the quote that closes double-quoted text at or after `from`, before `lineEnd`, or
 * -1 when the line ends first (or in a `\`, an escaped line break). Declines an escape JSON does
 * not share and odd characters.
 */
export function closingDoubleQuote(t: string, from: number, lineEnd: number): number {
  for (let j = from; j < lineEnd; j++) {
    const d = t.charCodeAt(j);
    if (d === DQUOTE) return j;
    if (d === BACKSLASH) {
      if (j + 1 === lineEnd) return -1; // an escaped line break: the scalar goes on (foldedQuoted)
      const e = t.charCodeAt(j + 1);
      if (e >= 128 || JSON_ESCAPES[e] !== 1) decline();
      j++;
      continue;
    }
    if ((d < 32 || d >= 0x7f) && odd(d)) decline();
  }
  return -1;
}

/** The string a double-quoted scalar written with JSON's escapes only (`json`, quotes included) stands for. */
export function jsonString(json: string): string {
  try {
    return JSON.parse(json) as string;
  } catch {
    return decline(); // `\u` without four hex digits
  }
}

/**
 * The double-quoted scalar at `p`: returns the offset past its closing quote, or -1 when the line
 * (ending at `lineEnd`) ends first (foldedQuoted reads the lines after it).
 */
export function doubleQuoted(t: string, p: number, lineEnd: number, out: Quoted): number {
  const close = closingDoubleQuote(t, p + 1, lineEnd);
  if (close < 0) return -1;
  const raw = t.slice(p + 1, close);
  out.value = raw.indexOf('\\') < 0 ? raw : jsonString(t.slice(p, close + 1));
  return close + 1;
}

/**
 * The block scalar whose `|` or `>` is at `p` (its header line ends at `lineEnd`, the next line
 * starts at `nextLine`), in a node at column `col`; returns where the first line after it starts.
 * Taken: `|` and `>` with `-` or `+` or neither, an indentation found from the first content line,
 * every line ending in a line break. A folded scalar (`>`) joins two content lines with a space,
 * and keeps a run of k empty lines between them as k line breaks. The last line of a file that
 * does not end in a line break is read as if it did. Declined: an indentation
 * indicator, a scalar with no content line, a leading empty line with more spaces than the first
 * content line, an all-space line with more spaces than the content's indentation (its extra
 * spaces would be content), a more-indented line in a folded scalar (it is not folded), tabs and
 * other odd characters.
 */
export function blockScalar(t: string, p: number, lineEnd: number, nextLine: number, end: number, col: number, out: Quoted): number {
  const folded = t.charCodeAt(p) === 62;
  let q = p + 1;
  let chomp = 0; // clip: one final line break; -1 strip: none; 1 keep: all trailing ones
  const h = t.charCodeAt(q);
  if (h === 45 || h === 43) {
    chomp = h === 45 ? -1 : 1;
    q++;
  }
  const afterHeader = q;
  while (q < lineEnd && t.charCodeAt(q) === 32) q++;
  if (q < lineEnd && (t.charCodeAt(q) !== 35 || q === afterHeader)) decline(); // an indicator digit, or text after the header
  let body = '';
  let indent = -1;
  let leading = 0; // most spaces on an empty line before the first content line
  let empty = 0; // empty lines since the last content line
  let i = nextLine;
  while (i < end) {
    const nl = lineBreakAt(t, i, end);
    const le = contentEnd(t, i, nl, end);
    let s = i;
    while (s < le && t.charCodeAt(s) === 32) s++;
    if (s === le) {
      if (indent < 0) leading = Math.max(leading, s - i);
      else if (s - i > indent) decline();
      if (nl === end) decline(); // an all-space last line without a line break: yaml's to read
      empty++;
      i = nl + 1;
      continue;
    }
    if (indent < 0) {
      if (s - i <= col) break; // no content line: declined below
      indent = s - i;
      if (leading > indent) decline();
      // Empty lines before the first content line are line breaks in both styles.
      body = '\n'.repeat(empty);
    } else if (s - i < indent) break;
    else if (folded && s - i > indent) decline(); // a more-indented line keeps its line breaks
    else body += folded && empty === 0 ? ' ' : '\n'.repeat(folded ? empty : empty + 1);
    for (let j = i + indent; j < le; j++) {
      const d = t.charCodeAt(j);
      if ((d < 32 || d >= 0x7f) && odd(d)) decline();
    }
    empty = 0;
    body += t.slice(i + indent, le);
    // A last content line without a line break (a file that does not end in one) is read as if
    // it had one, as `yaml` reads it: `|` gives "x\n", `|-` "x", `|+` "x\n".
    i = nl === end ? end : nl + 1;
  }
  if (indent < 0) decline();
  out.value = chomp < 0 ? body : chomp === 0 ? `${body}\n` : `${body}\n${'\n'.repeat(empty)}`;
  return i;
}
