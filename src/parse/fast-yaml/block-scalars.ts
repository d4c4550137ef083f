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

/** Where a quoted scalar's value goes (one holder per reader: no object per scalar). */
export interface Quoted {
  value: string;
}

/** The single-quoted scalar at `p` (`''` is a quote), ending before `lineEnd`; returns the offset past its closing quote. */
export function singleQuoted(t: string, p: number, lineEnd: number, out: Quoted): number {
  let doubled = false;
  for (let j = p + 1; j < lineEnd; j++) {
    const d = t.charCodeAt(j);
    if (d === SQUOTE) {
      if (j + 1 < lineEnd && t.charCodeAt(j + 1) === SQUOTE) {
        doubled = true;
        j++;
        continue;
      }
      const s = t.slice(p + 1, j);
      out.value = doubled ? s.replace(/''/g, "'") : s;
      return j + 1;
    }
    if ((d < 32 || d >= 0x7f) && odd(d)) decline();
  }
  return decline(); // it goes on to the next line
}

/** The double-quoted scalar at `p`, ending before `lineEnd`; returns the offset past its closing quote. */
export function doubleQuoted(t: string, p: number, lineEnd: number, out: Quoted): number {
  let escapes = false;
  for (let j = p + 1; j < lineEnd; j++) {
    const d = t.charCodeAt(j);
    if (d === DQUOTE) {
      if (!escapes) out.value = t.slice(p + 1, j);
      else {
        try {
          out.value = JSON.parse(t.slice(p, j + 1)) as string;
        } catch {
          decline(); // `\u` without four hex digits
        }
      }
      return j + 1;
    }
    if (d === BACKSLASH) {
      const e = t.charCodeAt(j + 1);
      if (j + 1 >= lineEnd || e >= 128 || JSON_ESCAPES[e] !== 1) decline();
      escapes = true;
      j++;
      continue;
    }
    if ((d < 32 || d >= 0x7f) && odd(d)) decline();
  }
  return decline(); // it goes on to the next line
}

/**
 * The literal block scalar whose `|` is at `p` (its header line ends at `lineEnd`, the next line
 * starts at `nextLine`), in a node at column `col`; returns where the first line after it starts.
 * Taken: `|`, `|-`, `|+` with an indentation found from the first content line, every line ending
 * in a line break. Declined: an indentation indicator, a folded `>` (never reaches here), a
 * scalar with no content line, a leading empty line with more spaces than the first content line,
 * an all-space line with more spaces than the content's indentation (its extra spaces would be
 * content), tabs and other odd characters.
 */
export function literalScalar(t: string, p: number, lineEnd: number, nextLine: number, end: number, col: number, out: Quoted): number {
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
  const parts: string[] = [];
  let indent = -1;
  let leading = 0; // most spaces on an empty line before the first content line
  let empty = 0; // empty lines since the last content line
  let i = nextLine;
  while (i < end) {
    let nl = t.indexOf('\n', i);
    if (nl < 0 || nl >= end) nl = end;
    const le = nl < end && nl > i && t.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    let s = i;
    while (s < le && t.charCodeAt(s) === 32) s++;
    if (s === le) {
      if (indent < 0) leading = Math.max(leading, s - i);
      else if (s - i > indent) decline();
      if (nl === end) decline(); // the last line, without a line break
      empty++;
      i = nl + 1;
      continue;
    }
    if (indent < 0) {
      if (s - i <= col) break; // no content line: declined below
      indent = s - i;
      if (leading > indent) decline();
    } else if (s - i < indent) break;
    if (nl === end) decline(); // the last line, without a line break: its chomping is yaml's to decide
    for (let j = i + indent; j < le; j++) {
      const d = t.charCodeAt(j);
      if ((d < 32 || d >= 0x7f) && odd(d)) decline();
    }
    for (; empty > 0; empty--) parts.push('');
    parts.push(t.slice(i + indent, le));
    i = nl + 1;
  }
  if (indent < 0) decline();
  const body = parts.join('\n');
  out.value = chomp < 0 ? body : chomp === 0 ? `${body}\n` : `${body}\n${'\n'.repeat(empty)}`;
  return i;
}
