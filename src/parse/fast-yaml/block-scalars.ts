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
