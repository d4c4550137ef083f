/** Scalars and keys on one line: plain scalars (YAML 1.2 core schema), quoted scalars, `key:`, comments. */

/** Thrown when the input leaves the fast subset: the caller falls back to `yaml`. */
export class Bail extends Error {}
export const bail = (): never => {
  throw new Bail();
};

const NULL_RE = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL_RE = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_RE = /^[-+]?[0-9]+$/;
const OCT_RE = /^0o[0-7]+$/;
const HEX_RE = /^0x[0-9a-fA-F]+$/;
const NAN_RE = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const EXP_RE = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT_RE = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** Resolves a plain scalar as YAML 1.2's core schema does (and so as `yaml` does by default). */
export function resolvePlain(s: string): unknown {
  if (NULL_RE.test(s)) return null;
  if (BOOL_RE.test(s)) return s[0] === 't' || s[0] === 'T';
  if (OCT_RE.test(s)) return parseInt(s.substring(2), 8);
  if (INT_RE.test(s)) return parseInt(s, 10);
  if (HEX_RE.test(s)) return parseInt(s.substring(2), 16);
  if (NAN_RE.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity;
  if (EXP_RE.test(s) || FLOAT_RE.test(s)) return parseFloat(s);
  return s;
}

export function isMarker(line: string, marker: string): boolean {
  return line.startsWith(marker) && (line.length === 3 || line[3] === ' ' || line[3] === '\t');
}

/** Offset (in `content`) of the `:` that ends a block mapping key, or -1 if the line is no `key:` line. */
export function keyEnd(content: string): number {
  const c = content[0];
  if (c === '"' || c === "'") {
    let i = 1;
    for (; i < content.length; i++) {
      if (c === "'" && content[i] === "'") {
        if (content[i + 1] === "'") {
          i++;
          continue;
        }
        break;
      }
      if (c === '"' && content[i] === '\\') {
        i++;
        continue;
      }
      if (c === '"' && content[i] === '"') break;
    }
    if (i >= content.length) return -1;
    let j = i + 1;
    while (content[j] === ' ') j++;
    return content[j] === ':' && (j + 1 === content.length || content[j + 1] === ' ') ? j : -1;
  }
  if (c === undefined || c === '#' || '[]{}&*!|>%@`,'.includes(c)) return -1;
  if ((c === '-' || c === '?' || c === ':') && (content.length === 1 || content[1] === ' ')) return -1;
  for (let i = 0; i < content.length; i++) {
    const ch = content[i];
    if (ch === '#' && i > 0 && content[i - 1] === ' ') return -1;
    if (ch === ':' && (i + 1 === content.length || content[i + 1] === ' ')) return i;
  }
  return -1;
}

export function parseKey(text: string, from: number, colonAt: number): { key: string; keyStart: number; keyEndAt: number } {
  const c = text[from];
  if (c === '"' || c === "'") {
    const q = readQuoted(text, from, colonAt + 1);
    return { key: q.value, keyStart: from, keyEndAt: q.end };
  }
  let end = colonAt;
  while (end > from && text.charCodeAt(end - 1) === 32) end--;
  const key = text.slice(from, end);
  // Keys that the core schema reads as non-strings (true, 1, null, ~) are left to `yaml`.
  if (typeof resolvePlain(key) !== 'string' || key.includes(' #')) bail();
  return { key, keyStart: from, keyEndAt: end };
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};

/** A one-line quoted scalar starting at `from`; bails if it does not close on this line. */
export function readQuoted(text: string, from: number, lineEnd: number): { value: string; end: number } {
  const q = text[from];
  let out = '';
  let i = from + 1;
  for (;;) {
    if (i >= lineEnd) return bail();
    const ch = text[i];
    if (q === "'") {
      if (ch === "'") {
        if (text[i + 1] === "'" && i + 1 < lineEnd) {
          out += "'";
          i += 2;
          continue;
        }
        return { value: out, end: i + 1 };
      }
      out += ch;
      i++;
      continue;
    }
    if (ch === '"') return { value: out, end: i + 1 };
    if (ch === '\\') {
      const e = text[i + 1];
      if (e === undefined || i + 1 >= lineEnd) return bail();
      if (e === 'x' || e === 'u' || e === 'U') {
        const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        const hex = text.slice(i + 2, i + 2 + len);
        if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) return bail();
        out += String.fromCodePoint(parseInt(hex, 16));
        i += 2 + len;
        continue;
      }
      const rep = ESCAPES[e];
      if (rep === undefined) return bail();
      out += rep;
      i += 2;
      continue;
    }
    out += ch;
    i++;
  }
}

export function findComment(text: string, from: number, end: number): number {
  for (let i = from + 1; i < end; i++) if (text[i] === '#' && text[i - 1] === ' ') return i;
  return -1;
}

export function expectTrailing(text: string, from: number, lineEnd: number): void {
  let i = from;
  while (i < lineEnd && text.charCodeAt(i) === 32) i++;
  if (i < lineEnd && !(text[i] === '#' && i > from)) bail();
}
