/** Narrowing helpers for untrusted YAML values: wrong types read as absent, never as a crash. */
export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const obj = (v: unknown): Obj => (isObj(v) ? v : {});
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
export const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);
export const intOrString = (v: unknown): number | string | undefined => (typeof v === 'number' || typeof v === 'string' ? v : undefined);

/** A map of string values; non-string values are kept as their text so that selectors still compare. No prototype: see dict(). */
export function strMap(v: unknown): Record<string, string> {
  const out = dict<string>();
  for (const [k, val] of Object.entries(obj(v))) {
    if (typeof val === 'string') out[k] = val;
    else if (typeof val === 'number' || typeof val === 'boolean') out[k] = String(val);
  }
  return out;
}

/** The value at a field path (`['spec', 'template']`, `['ports', 0]`), or undefined where the path breaks off. */
export function valueAt(root: unknown, path: ReadonlyArray<string | number>): unknown {
  let v = root;
  for (const seg of path) {
    if (typeof seg === 'number') v = Array.isArray(v) ? v[seg] : undefined;
    else v = isObj(v) ? v[seg] : undefined;
    if (v === undefined) return undefined;
  }
  return v;
}

/**
 * The prototype of every record dict() makes: an empty object that has no prototype itself.
 * `Object.create(null)` makes an object in V8's dictionary mode (a hash table of its own, 160
 * bytes before the first key): 40,000 label and annotation maps of the bench corpus held 6 MB.
 * An object whose prototype is this one gets fast properties like `{}`, and still inherits
 * nothing: no `__proto__` accessor, no `toString`.
 */
const NOTHING: object = Object.freeze(Object.create(null) as object);

/**
 * A record keyed by text from the input (labels, selectors, readiness keys, DNS names): it
 * inherits nothing, so `__proto__`, `constructor` or `toString` are keys like any other and a
 * look-up of a key that is absent gives undefined, never a member of Object.prototype.
 */
export function dict<T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
  const out = Object.create(NOTHING) as Record<string, T>;
  for (const [k, v] of entries) out[k] = v;
  return out;
}

/** A copy of `base` with `extra` laid over it, without a prototype (`{ ...a, ...b }` for user-keyed records). */
export function dictOf<T>(...parts: ReadonlyArray<Readonly<Record<string, T>> | undefined>): Record<string, T> {
  const out = Object.create(NOTHING) as Record<string, T>;
  for (const part of parts) if (part) for (const k of Object.keys(part)) out[k] = part[k];
  return out;
}

/** The value of an own key of `record` (never one inherited from Object.prototype), or undefined. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/**
 * Any value from the input as text, for messages and for the fields the model keeps as strings.
 * `String(v)` and template literals call the value's own `toString`, which a mapping with a
 * `toString:` key replaces by a string ("Cannot convert object to primitive value"); this never
 * calls anything the input defines. Scalars read as YAML writes them; a mapping or list as
 * compact JSON (a cycle, which only an alias can make, as `[circular]`).
 */
export function textOf(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(v);
    case 'undefined':
      return '';
    case 'symbol':
    case 'function':
      return typeof v;
  }
  if (v === null) return 'null';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
  try {
    return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? String(x) : x)) ?? '';
  } catch {
    return '[circular]';
  }
}
