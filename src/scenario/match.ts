/**
 * Structural matching of expected against actual values: mappings match as subsets, plain lists
 * exactly (any order), and a mapping made only of helper keys (`inCIDR`, `inRange`, `regex`,
 * `exists`, `exactly`, `ordered`, `contain`, `without`) is a predicate. Every difference is
 * collected with its path, so a report can show all of them at once.
 */
import { formatPath, type FieldPath } from '../types';
import { own, textOf } from '../model/guards';
import { cidrContains, parseCIDR, parseIP } from '../util/ip';
import type { Mismatch } from './result';
import type { ListSpec } from './spec';

export const HELPER_KEYS = new Set(['inCIDR', 'inRange', 'regex', 'exists', 'exactly', 'ordered', 'contain', 'without']);
const LIST_MODES = ['exactly', 'ordered', 'contain', 'without'] as const;
export type ListMode = (typeof LIST_MODES)[number];

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isHelper(v: unknown): v is Record<string, unknown> {
  if (!isPlainObject(v)) return false;
  const keys = Object.keys(v);
  return keys.length > 0 && keys.every((k) => HELPER_KEYS.has(k));
}

/** The items and mode of a list spec; a plain array is `exactly`. */
export function listModes<T>(spec: ListSpec<T>): Array<{ mode: ListMode; items: T[] }> {
  if (Array.isArray(spec)) return [{ mode: 'exactly', items: spec }];
  const out: Array<{ mode: ListMode; items: T[] }> = [];
  for (const mode of LIST_MODES) if (spec[mode]) out.push({ mode, items: spec[mode]! });
  return out;
}

/** Matches `actual` against `expected`; returns the mismatches (empty = match). */
export function match(expected: unknown, actual: unknown, path: FieldPath = []): Mismatch[] {
  const out: Mismatch[] = [];
  matchInto(expected, actual, path, out);
  return out;
}

export function matches(expected: unknown, actual: unknown): boolean {
  return match(expected, actual).length === 0;
}

function matchInto(expected: unknown, actual: unknown, path: FieldPath, out: Mismatch[]): void {
  const p = formatPath(path);
  if (isHelper(expected)) {
    matchHelper(expected, actual, path, out);
    return;
  }
  if (Array.isArray(expected)) {
    matchList('exactly', expected, actual, path, out);
    return;
  }
  if (isPlainObject(expected)) {
    if (!isPlainObject(actual)) {
      out.push({ path: p, message: actual === undefined ? 'is missing' : `is ${describe(actual)}, not a mapping`, expected, actual });
      return;
    }
    // own(): an expected key `constructor` or `toString` is a field name, never a member of Object.prototype.
    for (const [key, value] of Object.entries(expected)) matchInto(value, own(actual, key), [...path, key], out);
    return;
  }
  if (!scalarEquals(expected, actual)) {
    out.push({ path: p, message: actual === undefined ? `is missing (expected ${describe(expected)})` : `is ${describe(actual)}, expected ${describe(expected)}`, expected, actual });
  }
}

function scalarEquals(expected: unknown, actual: unknown): boolean {
  if (expected === actual) return true;
  // YAML `null` in an expectation means "not set".
  if (expected === null && actual === undefined) return true;
  return false;
}

function matchHelper(helper: Record<string, unknown>, actual: unknown, path: FieldPath, out: Mismatch[]): void {
  const p = formatPath(path);
  if ('exists' in helper) {
    const exists = actual !== undefined && actual !== null;
    if (exists !== helper.exists) out.push({ path: p, message: helper.exists ? 'is missing' : `should not be set, but is ${describe(actual)}`, expected: helper, actual });
  }
  if ('inCIDR' in helper) {
    const cidrs = Array.isArray(helper.inCIDR) ? helper.inCIDR.map(textOf) : [textOf(helper.inCIDR)];
    if (typeof actual !== 'string' || !cidrs.some((c) => ipInCIDR(actual, c))) {
      out.push({ path: p, message: `is ${describe(actual)}, expected an address in ${cidrs.join(' or ')}`, expected: helper, actual });
    }
  }
  if ('inRange' in helper) {
    const range = helper.inRange as unknown[];
    const [min, max] = [Number(range[0]), Number(range[1])];
    if (typeof actual !== 'number' || actual < min || actual > max) out.push({ path: p, message: `is ${describe(actual)}, expected a number in ${min}..${max}`, expected: helper, actual });
  }
  if ('regex' in helper) {
    const re = toRegExp(textOf(helper.regex));
    if (typeof actual !== 'string' && typeof actual !== 'number') out.push({ path: p, message: `is ${describe(actual)}, expected text matching /${re.source}/`, expected: helper, actual });
    else if (!re.test(String(actual))) out.push({ path: p, message: `is ${describe(actual)}, which does not match /${re.source}/`, expected: helper, actual });
  }
  for (const mode of LIST_MODES) if (mode in helper) matchList(mode, helper[mode] as unknown[], actual, path, out);
}

/** A regex as written in YAML; a leading `(?i)` (Go/RE2 style) makes it case-insensitive. */
export function toRegExp(text: string): RegExp {
  return text.startsWith('(?i)') ? new RegExp(text.slice(4), 'i') : new RegExp(text);
}

export function ipInCIDR(ip: string, cidr: string): boolean {
  const a = parseIP(ip);
  const c = parseCIDR(cidr);
  return a !== null && c !== null && a.family === c.family && cidrContains(c, a);
}

/**
 * List matching. `exactly` and `contain` pair each expected item with a distinct actual item
 * (a bipartite matching, so the order of the items never decides the result).
 */
export function matchList(mode: ListMode, expected: unknown[], actual: unknown, path: FieldPath, out: Mismatch[], itemMatch: (e: unknown, a: unknown) => boolean = matches): void {
  const p = formatPath(path);
  if (!Array.isArray(actual)) {
    if (mode === 'without' && (actual === undefined || actual === null)) return;
    if (mode === 'contain' && expected.length === 0 && (actual === undefined || actual === null)) return;
    out.push({ path: p, message: actual === undefined ? 'is missing (expected a list)' : `is ${describe(actual)}, not a list`, expected, actual });
    return;
  }
  if (mode === 'without') {
    for (const e of expected) {
      const hit = actual.find((a) => itemMatch(e, a));
      if (hit !== undefined) out.push({ path: p, message: `contains ${describe(hit)}, which it must not`, expected: { without: expected }, actual });
    }
    return;
  }
  if (mode === 'ordered') {
    if (expected.length !== actual.length) out.push({ path: p, message: `has ${actual.length} item${actual.length === 1 ? '' : 's'}, expected ${expected.length}`, expected, actual });
    const n = Math.min(expected.length, actual.length);
    for (let i = 0; i < n; i++) matchInto(expected[i], actual[i], [...path, i], out);
    return;
  }
  const pairing = pairItems(expected, actual, itemMatch);
  const missing = expected.filter((_, i) => pairing[i] < 0);
  for (const e of missing) {
    // Show the closest actual item's differences when there is exactly one candidate; otherwise the item.
    const unmatched = actual.filter((_, j) => !pairing.includes(j));
    if (unmatched.length === 1 && isPlainObject(e)) {
      out.push({ path: p, message: `has no item matching ${describe(e)}; the closest differs:`, expected: e, actual: unmatched[0] });
      matchInto(e, unmatched[0], [...path, actual.indexOf(unmatched[0])], out);
    } else out.push({ path: p, message: `has no item matching ${describe(e)}`, expected: e, actual });
  }
  if (mode === 'exactly') {
    const extra = actual.filter((_, j) => !pairing.includes(j));
    if (extra.length && missing.length === 0) {
      out.push({ path: p, message: `has ${extra.length} unexpected item${extra.length === 1 ? '' : 's'}: ${extra.map(describe).join(', ')}`, expected, actual });
    }
  }
}

/** Maximum bipartite matching (Kuhn's algorithm): pairing[i] = index in actual, or -1. */
function pairItems(expected: unknown[], actual: unknown[], itemMatch: (e: unknown, a: unknown) => boolean): number[] {
  const fits = expected.map((e) => actual.map((a) => itemMatch(e, a)));
  const owner = new Array<number>(actual.length).fill(-1);
  const tryAssign = (i: number, seen: boolean[]): boolean => {
    for (let j = 0; j < actual.length; j++) {
      if (!fits[i][j] || seen[j]) continue;
      seen[j] = true;
      if (owner[j] < 0 || tryAssign(owner[j], seen)) {
        owner[j] = i;
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < expected.length; i++) tryAssign(i, new Array<boolean>(actual.length).fill(false));
  const pairing = new Array<number>(expected.length).fill(-1);
  owner.forEach((i, j) => {
    if (i >= 0) pairing[i] = j;
  });
  return pairing;
}

export function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return JSON.stringify(v);
  const text = JSON.stringify(v);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
