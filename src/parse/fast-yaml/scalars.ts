/** Plain scalars as the YAML 1.2 core schema reads them. */

const NULL_RE = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL_RE = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_RE = /^[-+]?[0-9]+$/;
const OCT_RE = /^0o[0-7]+$/;
const HEX_RE = /^0x[0-9a-fA-F]+$/;
const NAN_RE = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const EXP_RE = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT_RE = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** First characters (ASCII) of a core-schema null, bool or number: any other plain scalar is a string. */
const MAY_RESOLVE = new Uint8Array(128);
for (const c of '-+.~0123456789nNtTfF') MAY_RESOLVE[c.charCodeAt(0)] = 1;

/** Resolves a plain scalar as YAML 1.2's core schema does (and so as `yaml` does by default). */
export function resolvePlain(s: string): unknown {
  const c = s.charCodeAt(0);
  if (c < 128 && MAY_RESOLVE[c] === 0) return s; // '' gives NaN here and goes on: it is null

  if (NULL_RE.test(s)) return null;
  if (BOOL_RE.test(s)) return s[0] === 't' || s[0] === 'T';
  if (OCT_RE.test(s)) return parseInt(s.substring(2), 8);
  if (INT_RE.test(s)) return parseInt(s, 10);
  if (HEX_RE.test(s)) return parseInt(s.substring(2), 16);
  if (NAN_RE.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity;
  if (EXP_RE.test(s) || FLOAT_RE.test(s)) return parseFloat(s);
  return s;
}
