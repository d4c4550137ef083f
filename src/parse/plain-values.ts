import type { FieldPath } from '../types';

/**
 * The first value in a parsed document that is not plain data (issue 13, point 4). A YAML tag
 * can make `yaml` build a `Date` (`!!timestamp`), a `Uint8Array` (`!!binary`), a `Set` (`!!set`)
 * or a `Map` (`!!omap`); the model would take a Date for a mapping and write into it. The API
 * server's JSON has none of these, so such a document is reported, never trusted.
 */
export function nonPlainValue(value: unknown): { path: FieldPath; what: string } | null {
  const seen = new Set<object>();
  const stack: Array<{ value: unknown; path: FieldPath }> = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (typeof v !== 'object' || v === null || seen.has(v)) continue;
    seen.add(v);
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...path, i] });
      continue;
    }
    const proto = Object.getPrototypeOf(v) as object | null;
    if (proto !== Object.prototype && proto !== null) return { path, what: describe(v) };
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) stack.push({ value: (v as Record<string, unknown>)[keys[i]], path: [...path, keys[i]] });
  }
  return null;
}

function describe(v: object): string {
  if (v instanceof Date) return 'a date and time';
  if (v instanceof Uint8Array) return 'binary data';
  if (v instanceof Set) return 'a set';
  if (v instanceof Map) return 'an ordered mapping';
  const name = (v as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== '' ? `a ${name} object` : 'an object of its own kind';
}
