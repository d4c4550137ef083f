/**
 * The one reader of JSON-schema validation errors, shared by the three files svclab validates
 * against a schema: manifests (the `schema` / `unknown-field` rules), `svclab.config.yaml` and
 * `scenario.yaml`. It turns ajv's errors into problems that are data (where, what kind, what was
 * expected, what was found, the closest allowed key or value); each caller then words and
 * locates them for its readers.
 *
 * What it decides once for everyone:
 * - every error of the value is reported, in one pass (no cut after the first few);
 * - a failed `oneOf`/`anyOf` is one problem: the errors of the branches whose shape fits the
 *   value (an object where an object is allowed) are its `inner` problems, the shape mismatches
 *   of the other branches only say which forms were allowed;
 * - a value check (enum, pattern, bounds) on a value of the wrong type says nothing new;
 * - on request, a missing required key that an unknown key next to it is a near-miss of
 *   (`expcet` for `expect`) is the same mistake, reported once, as the unknown key;
 * - unknown keys and enum values get a did-you-mean.
 */
import type { ErrorObject } from 'ajv';
import type { FieldPath } from '../types';
import { formatPath } from '../types';
import { didYouMean } from '../util/did-you-mean';

/** The schema that applies at a field path (refs resolved), the description written for the field, and the keys allowed there. */
export interface SchemaAt {
  schema: Record<string, unknown>;
  description: string;
  /** Property names allowed at this path, from every `oneOf`/`anyOf` branch too. */
  keys: string[];
}

/**
 * Finds the schema of a field by walking the JSON schema along the field path. (ajv's own
 * `schemaPath` cannot be used: inside a `$ref` compiled as its own function it is relative
 * to that definition, e.g. `#/definitions/podSet/additionalProperties`.)
 */
export type SchemaLookup = (path: FieldPath) => SchemaAt | undefined;

/** Keywords of a bound on a number, a string's length, a list's or a mapping's size. */
export const BOUND_KEYWORDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties', 'multipleOf'] as const;
export type BoundKeyword = (typeof BOUND_KEYWORDS)[number];

interface At {
  /** Where the problem is; for `unknown-key` and `required`, the mapping that holds (or lacks) the key. */
  path: FieldPath;
}

export type SchemaProblem = At &
  (
    | { kind: 'unknown-key'; key: string; allowed: string[]; suggestion: string | undefined }
    | { kind: 'required'; key: string }
    | { kind: 'type'; expected: string[]; actual: unknown }
    | { kind: 'enum'; allowed: unknown[]; actual: unknown; suggestion: string | undefined }
    | { kind: 'bound'; keyword: BoundKeyword; limit: number; actual: unknown }
    | { kind: 'pattern'; pattern: string; actual: unknown }
    | {
        kind: 'forms';
        keyword: 'oneOf' | 'anyOf';
        /** The forms the value's shape did not fit: JSON types (`object`, `array`...) and JSON-encoded constants (`"none"`). */
        expected: string[];
        actual: unknown;
        /** The value fits several forms of a `oneOf`, which allows exactly one. */
        ambiguous: boolean;
        /** The problems inside the forms whose shape fits the value; empty when none fits. */
        inner: SchemaProblem[];
        /** The closest allowed constant, for a string that is none of them. */
        suggestion: string | undefined;
      }
    | { kind: 'other'; keyword: string; params: Record<string, unknown>; actual: unknown }
  );

export interface ProblemOptions {
  /**
   * Kubernetes decodes `field:` (null) as "not set": an empty optional field is no problem and
   * an empty required one is a missing field (`required`). Off: null is a value of the wrong type.
   */
  nullMeansUnset?: boolean;
  /**
   * Drop a missing required key when an unknown key beside it is its misspelling: one mistake,
   * one problem. Off for manifests, where the two are findings of two rules (`unknown-field`,
   * `schema`) that can be turned off one without the other.
   */
  mergeNearMisses?: boolean;
}

/** The field path of `key` under a problem's mapping, and whether to point at the key (not its value). */
export function problemTarget(p: SchemaProblem): { path: FieldPath; atKey: boolean } {
  return p.kind === 'unknown-key' ? { path: [...p.path, p.key], atKey: true } : { path: p.path, atKey: false };
}

/** Decodes a JSON pointer (`/spec/ports/0/name`, `~1` = `/`, `~0` = `~`) into a field path, numbers for list indexes. */
export function pointerToPath(pointer: string, root: unknown): FieldPath {
  if (pointer === '') return [];
  const out: Array<string | number> = [];
  let cur: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) {
      const i = Number(seg);
      out.push(i);
      cur = cur[i];
    } else {
      out.push(seg);
      cur = isRecord(cur) ? cur[seg] : undefined;
    }
  }
  return out;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function valueAt(root: unknown, path: FieldPath): unknown {
  let cur = root;
  for (const seg of path) {
    if (Array.isArray(cur) && typeof seg === 'number') cur = cur[seg];
    else if (isRecord(cur) && typeof seg === 'string') cur = cur[seg];
    else return undefined;
  }
  return cur;
}

/** How a value reads in a message: `8080`, `"abc"`, `true`, `a list`, `a mapping`, `empty (null)`. */
export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'empty (null)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return String(v);
}

/** What a bound measures in a value: `a list of 3`, `a mapping of 2 entries`, or the value itself. */
export function describeMeasured(v: unknown): string {
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (isRecord(v)) return `a mapping of ${Object.keys(v).length} entries`;
  return describeValue(v);
}

/** What a bound asks for: `at least 1`, `at most 63 characters long`, `a list of at least 1 items`. */
const BOUND_TEXT: Record<BoundKeyword, (limit: number) => string> = {
  minimum: (l) => `at least ${l}`,
  maximum: (l) => `at most ${l}`,
  exclusiveMinimum: (l) => `greater than ${l}`,
  exclusiveMaximum: (l) => `less than ${l}`,
  minLength: (l) => `at least ${l} characters long`,
  maxLength: (l) => `at most ${l} characters long`,
  minItems: (l) => `a list of at least ${l} items`,
  maxItems: (l) => `a list of at most ${l} items`,
  minProperties: (l) => `a mapping with at least ${l} entries`,
  maxProperties: (l) => `a mapping with at most ${l} entries`,
  multipleOf: (l) => `a multiple of ${l}`,
};

export function describeBound(keyword: BoundKeyword, limit: number): string {
  return BOUND_TEXT[keyword](limit);
}

/** The JSON type of a value as the schema names it (`integer` for whole numbers). */
export function jsonType(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** Keywords whose failure only says "a branch failed": their sub-errors (or parent) carry the news. */
const SILENT = new Set(['if', '$ref']);
/** Value checks that say nothing new when the value already has the wrong type. */
const VALUE_CHECKS = new Set<string>(['enum', 'const', 'pattern', 'format', ...BOUND_KEYWORDS]);
/** Errors that say a value does not have a branch's shape at all (rather than a flaw inside that shape). */
const SHAPE_CHECKS = new Set(['type', 'const', 'enum']);

/** An ajv error, or a failed oneOf/anyOf with the errors of its branches below it. */
type Node = { error: ErrorObject; branches: Node[] };

const under = (pointer: string, parent: string) => pointer === parent || pointer.startsWith(`${parent}/`);

/**
 * Gathers each failed oneOf/anyOf with its branches' errors. ajv reports a branch's errors
 * right before the oneOf/anyOf error itself, at its data path or below it; schema paths cannot
 * tell the branches apart (a `$ref` branch's errors have the definition's own path).
 */
function nest(errors: readonly ErrorObject[]): Node[] {
  const out: Node[] = [];
  for (const error of errors) {
    const node: Node = { error, branches: [] };
    if (error.keyword === 'oneOf' || error.keyword === 'anyOf') {
      let start = out.length;
      while (start > 0 && under(out[start - 1].error.instancePath, error.instancePath)) start--;
      node.branches = out.splice(start);
    }
    out.push(node);
  }
  return out;
}

/** Turns the ajv errors of `value` into problems (see the header for what is decided here). */
export function schemaProblems(errors: readonly ErrorObject[], value: unknown, lookup: SchemaLookup, options: ProblemOptions = {}): SchemaProblem[] {
  const problems = fromNodes(nest(errors), value, lookup, options);
  const nearMisses = new Set(options.mergeNearMisses ? problems.flatMap((p) => (p.kind === 'unknown-key' && p.suggestion ? [`${formatPath(p.path)}\u0000${p.suggestion}`] : [])) : []);
  const out: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const p of problems) {
    if (p.kind === 'required' && nearMisses.has(`${formatPath(p.path)}\u0000${p.key}`)) continue;
    const key = JSON.stringify(p);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}

function fromNodes(nodes: Node[], value: unknown, lookup: SchemaLookup, options: ProblemOptions): SchemaProblem[] {
  const typed = new Set(nodes.filter((n) => n.error.keyword === 'type').map((n) => n.error.instancePath));
  const out: SchemaProblem[] = [];
  for (const { error: e, branches } of nodes) {
    if (SILENT.has(e.keyword)) continue;
    if (VALUE_CHECKS.has(e.keyword) && typed.has(e.instancePath)) continue;
    const path = pointerToPath(e.instancePath, value);
    const problem = e.keyword === 'oneOf' || e.keyword === 'anyOf' ? forms(e, branches, path, value, lookup, options) : single(e, path, value, lookup, options);
    if (problem) out.push(problem);
  }
  return out;
}

function forms(e: ErrorObject, branches: Node[], path: FieldPath, value: unknown, lookup: SchemaLookup, options: ProblemOptions): SchemaProblem {
  const actual = valueAt(value, path);
  const isShape = (n: Node) => n.error.instancePath === e.instancePath && SHAPE_CHECKS.has(n.error.keyword);
  const shapes = branches.filter(isShape).map((n) => n.error);
  const expected = shapes.flatMap((s) => {
    const params = s.params as { type?: unknown; allowedValue?: unknown; allowedValues?: unknown[] };
    if (s.keyword === 'type') return Array.isArray(params.type) ? params.type.map(String) : String(params.type).split(',');
    return (s.keyword === 'const' ? [params.allowedValue] : (params.allowedValues ?? [])).map((v) => JSON.stringify(v));
  });
  const constants = shapes.flatMap((s) => (s.keyword === 'const' ? [(s.params as { allowedValue: unknown }).allowedValue] : s.keyword === 'enum' ? ((s.params as { allowedValues: unknown[] }).allowedValues ?? []) : []));
  return {
    kind: 'forms',
    keyword: e.keyword as 'oneOf' | 'anyOf',
    path,
    expected: [...new Set(expected)],
    actual,
    ambiguous: (e.params as { passingSchemas?: unknown }).passingSchemas != null,
    inner: fromNodes(branches.filter((n) => !isShape(n)), value, lookup, options),
    suggestion: suggestValue(actual, constants),
  };
}

function suggestValue(actual: unknown, allowed: readonly unknown[]): string | undefined {
  return typeof actual === 'string' ? didYouMean(actual, allowed.filter((v): v is string => typeof v === 'string' && v !== '')) : undefined;
}

function single(e: ErrorObject, path: FieldPath, value: unknown, lookup: SchemaLookup, options: ProblemOptions): SchemaProblem | null {
  const params = e.params as Record<string, unknown>;
  const actual = valueAt(value, path);
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = lookup(path)?.keys ?? [];
      return { kind: 'unknown-key', path, key, allowed, suggestion: didYouMean(key, allowed) };
    }
    case 'required':
      return { kind: 'required', path, key: String(params.missingProperty) };
    case 'type': {
      if (actual === null && options.nullMeansUnset) return emptyRequired(path, lookup);
      const raw = params.type;
      return { kind: 'type', path, expected: (Array.isArray(raw) ? raw.map(String) : String(raw).split(',')).filter(Boolean), actual };
    }
    case 'enum':
    case 'const': {
      const allowed = e.keyword === 'const' ? [params.allowedValue] : ((params.allowedValues as unknown[] | undefined) ?? []);
      return { kind: 'enum', path, allowed, actual, suggestion: suggestValue(actual, allowed) };
    }
    case 'pattern':
      return { kind: 'pattern', path, pattern: String(params.pattern), actual };
    default:
      if ((BOUND_KEYWORDS as readonly string[]).includes(e.keyword)) return { kind: 'bound', keyword: e.keyword as BoundKeyword, path, limit: Number(params.limit), actual };
      return { kind: 'other', keyword: e.keyword, path, params, actual };
  }
}

/** A required key written with no value (`port:`) is missing; an optional one is simply not set. */
function emptyRequired(path: FieldPath, lookup: SchemaLookup): SchemaProblem | null {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return null;
  const parent = path.slice(0, -1);
  const required = lookup(parent)?.schema.required;
  if (!Array.isArray(required) || !required.includes(key)) return null;
  return { kind: 'required', path: parent, key };
}
