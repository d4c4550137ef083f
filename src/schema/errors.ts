import type { ErrorObject } from 'ajv';
import type { Manifest } from '../parse/manifest';
import type { FieldPath } from '../types';
import { formatPath } from '../types';
import type { RuleReport } from '../rules/rule';
import { didYouMean } from '../util/did-you-mean';

/** A finding-to-be of the schema stage: which rule, and the report the rule engine turns into a finding. */
export interface SchemaReport {
  ruleId: 'schema' | 'unknown-field';
  report: RuleReport;
}

/** The schema that applies at a field path (refs resolved), and the description written for that field. */
export interface SchemaAt {
  schema: Record<string, unknown>;
  description: string;
}

/**
 * Finds the schema of a field by walking the JSON schema along the field path. (ajv's own
 * `schemaPath` cannot be used: inside a `$ref` compiled as its own function it is relative
 * to that definition, e.g. `#/additionalProperties`.)
 */
export type SchemaLookup = (path: FieldPath) => SchemaAt | undefined;

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  object: 'a mapping (key: value pairs)',
  array: 'a list',
  null: 'null',
};

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

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function valueAt(root: unknown, path: FieldPath): unknown {
  let cur = root;
  for (const seg of path) {
    if (Array.isArray(cur) && typeof seg === 'number') cur = cur[seg];
    else if (isRecord(cur) && typeof seg === 'string') cur = cur[seg];
    else return undefined;
  }
  return cur;
}

/** `Service spec.ports[0]`, or just `Service` for the top level. */
function where(kind: string, path: FieldPath): string {
  return path.length ? `${kind} ${formatPath(path)}` : kind;
}

/** How a value reads in a message: `8080`, `"abc"`, `true`, `a list`, `empty (null)`. */
export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'empty (null)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return String(v);
}

function typeOfValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeList(types: string[]): string {
  const names = types.map((t) => TYPE_NAMES[t] ?? t);
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** `kubectl explain` path for a field: `service.spec.ports`. */
function explainPath(kind: string, path: FieldPath): string {
  return [kind.toLowerCase(), ...path.filter((s): s is string => typeof s === 'string')].join('.');
}

/** The first sentence of a field's description, to teach what the field is for. */
function aboutField(description: unknown): string {
  if (typeof description !== 'string' || description === '') return '';
  const first = description.split(/(?<=\.)\s/)[0];
  return first.length > 200 ? `${first.slice(0, 200)}…` : first;
}

function plainScalarSource(m: Manifest, path: FieldPath): string | undefined {
  // The parse stage may use `yaml` nodes or its own fast nodes; both expose `type` and `source` for scalars.
  const node = m.source.nodeAt([...m.root, ...path]) as { type?: unknown; source?: unknown } | null;
  if (!node || typeof node !== 'object') return undefined;
  if (node.type !== 'PLAIN') return undefined;
  return typeof node.source === 'string' ? node.source : undefined;
}

interface Context {
  m: Manifest;
  lookup: SchemaLookup;
}

function unknownField(ctx: Context, e: ErrorObject, parent: FieldPath): SchemaReport {
  const field = String((e.params as { additionalProperty?: unknown }).additionalProperty);
  const props = ctx.lookup(parent)?.schema.properties;
  const allowed = isRecord(props) ? Object.keys(props) : [];
  const guess = didYouMean(field, allowed);
  let fix: string;
  if (guess) fix = `Rename \`${field}\` to \`${guess}\` (field names are case-sensitive).`;
  else if (allowed.length > 0 && allowed.length <= 12) fix = `Remove it, or move it to the level it belongs to; the fields allowed here are: ${allowed.join(', ')}.`;
  else fix = `Remove it, or move it to the level it belongs to; \`kubectl explain ${explainPath(ctx.m.kind, parent)}\` lists the allowed fields.`;
  return {
    ruleId: 'unknown-field',
    report: {
      messageId: 'unknownField',
      manifest: ctx.m,
      path: [...parent, field],
      atKey: true,
      data: { field, where: where(ctx.m.kind, parent), suggestion: guess ? ` (did you mean \`${guess}\`?)` : '', fix },
    },
  };
}

function typeError(ctx: Context, e: ErrorObject, path: FieldPath): SchemaReport {
  const raw = (e.params as { type?: unknown }).type;
  const expected = (Array.isArray(raw) ? raw.map(String) : String(raw).split(',')).filter(Boolean);
  const value = valueAt(ctx.m.value, path);
  const actualType = typeOfValue(value);
  const source = plainScalarSource(ctx.m, path);
  let fix: string;
  if (expected.includes('string') && (actualType === 'integer' || actualType === 'number' || actualType === 'boolean') && source !== undefined) {
    fix = `Quote the value: write "${source}" instead of ${source}; unquoted, YAML reads it as ${actualType === 'boolean' ? 'a boolean' : 'a number'}.`;
  } else if ((expected.includes('integer') || expected.includes('number')) && typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) {
    fix = `Remove the quotes: write ${value.trim()}, not "${value}".`;
  } else if (value === null || value === undefined) {
    fix = `Give it ${typeList(expected)}, or remove the key.`;
  } else {
    fix = `Write ${typeList(expected)} here.`;
  }
  const about = aboutField(ctx.lookup(path)?.description);
  const actual = actualType === 'null' ? 'empty (null)' : `${TYPE_NAMES[actualType] ?? actualType} (${describeValue(value)})`;
  return {
    ruleId: 'schema',
    report: {
      messageId: 'type',
      manifest: ctx.m,
      path,
      data: { where: where(ctx.m.kind, path), expected: typeList(expected), actual: value !== null && typeof value === 'object' ? TYPE_NAMES[actualType] : actual, fix: about ? `${fix} (${formatPath(path)}: ${about})` : fix },
    },
  };
}

function requiredError(ctx: Context, e: ErrorObject, parent: FieldPath): SchemaReport {
  const field = String((e.params as { missingProperty?: unknown }).missingProperty);
  const about = aboutField(ctx.lookup([...parent, field])?.description);
  const at = parent.length ? `under ${formatPath(parent)}` : 'at the top level';
  return {
    ruleId: 'schema',
    report: {
      messageId: 'required',
      manifest: ctx.m,
      path: parent,
      data: { where: where(ctx.m.kind, parent), field, fix: `Add \`${field}:\` ${at}.${about ? ` (${field}: ${about})` : ''}` },
    },
  };
}

/** A required field written with no value (`port:`), when the schema path shows it is required. */
function emptyRequired(ctx: Context, e: ErrorObject, path: FieldPath): SchemaReport | null {
  const field = path[path.length - 1];
  if (typeof field !== 'string') return null;
  const required = ctx.lookup(path.slice(0, -1))?.schema.required;
  if (!Array.isArray(required) || !required.includes(field)) return null;
  return requiredError(ctx, { ...e, params: { missingProperty: field } }, path.slice(0, -1));
}

function enumError(ctx: Context, e: ErrorObject, path: FieldPath): SchemaReport {
  const params = e.params as { allowedValues?: unknown[]; allowedValue?: unknown };
  const allowed = e.keyword === 'const' ? [params.allowedValue] : (params.allowedValues ?? []);
  const value = valueAt(ctx.m.value, path);
  const shown = allowed.map((v) => (v === '' ? '"" (empty)' : typeof v === 'string' ? v : JSON.stringify(v)));
  const guess = typeof value === 'string' ? didYouMean(value, allowed.filter((v): v is string => typeof v === 'string' && v !== '')) : undefined;
  const fix = guess ? `Use \`${guess}\` (values are case-sensitive).` : `Use one of: ${shown.join(', ')}.`;
  return {
    ruleId: 'schema',
    report: { messageId: 'enum', manifest: ctx.m, path, data: { where: where(ctx.m.kind, path), allowed: shown.join(', '), actual: describeValue(value), fix } },
  };
}

const BOUNDS: Record<string, (limit: unknown) => string> = {
  minimum: (l) => `at least ${String(l)}`,
  maximum: (l) => `at most ${String(l)}`,
  exclusiveMinimum: (l) => `greater than ${String(l)}`,
  exclusiveMaximum: (l) => `less than ${String(l)}`,
  minLength: (l) => `at least ${String(l)} characters long`,
  maxLength: (l) => `at most ${String(l)} characters long`,
  minItems: (l) => `a list of at least ${String(l)} items`,
  maxItems: (l) => `a list of at most ${String(l)} items`,
  minProperties: (l) => `a mapping with at least ${String(l)} entries`,
  maxProperties: (l) => `a mapping with at most ${String(l)} entries`,
  multipleOf: (l) => `a multiple of ${String(l)}`,
};

function rangeError(ctx: Context, e: ErrorObject, path: FieldPath): SchemaReport {
  const bound = BOUNDS[e.keyword]((e.params as { limit?: unknown }).limit);
  const value = valueAt(ctx.m.value, path);
  const actual = Array.isArray(value) ? `a list of ${value.length}` : describeValue(value);
  return {
    ruleId: 'schema',
    report: { messageId: 'range', manifest: ctx.m, path, data: { where: where(ctx.m.kind, path), bound, actual, fix: `Use a value ${bound}.` } },
  };
}

function otherError(ctx: Context, e: ErrorObject, path: FieldPath): SchemaReport {
  const value = valueAt(ctx.m.value, path);
  if (e.keyword === 'pattern') {
    const pattern = String((e.params as { pattern?: unknown }).pattern);
    const about = aboutField(ctx.lookup(path)?.description);
    return {
      ruleId: 'schema',
      report: { messageId: 'pattern', manifest: ctx.m, path, data: { where: where(ctx.m.kind, path), pattern, actual: describeValue(value), fix: about ? `Write a value of the expected form. (${formatPath(path)}: ${about})` : 'Write a value of the expected form.' } },
    };
  }
  const problems: Record<string, string> = {
    anyOf: 'it matches none of the allowed forms',
    oneOf: 'it must match exactly one of the allowed forms',
    not: 'it has a form that is not allowed here',
    uniqueItems: 'the list has repeated items',
    propertyNames: `the key ${JSON.stringify((e.params as { propertyName?: unknown }).propertyName ?? '')} is not allowed`,
    dependencies: `it needs \`${String((e.params as { missingProperty?: unknown }).missingProperty ?? '')}\` as well`,
    dependentRequired: `it needs \`${String((e.params as { missingProperty?: unknown }).missingProperty ?? '')}\` as well`,
    format: `it is not a valid ${String((e.params as { format?: unknown }).format ?? 'value')}`,
  };
  const problem = problems[e.keyword] ?? `the \`${e.keyword}\` check fails`;
  return {
    ruleId: 'schema',
    report: { messageId: 'other', manifest: ctx.m, path, data: { where: where(ctx.m.kind, path), problem, fix: `Check this field against the documentation of ${ctx.m.kind} (\`kubectl explain ${explainPath(ctx.m.kind, path)}\`).` } },
  };
}

/** Keywords whose failure only says "a branch failed": their sub-errors (or parent) carry the news. */
const SILENT = new Set(['if', '$ref']);
/** Value checks that say nothing new when the value already has the wrong type. */
const VALUE_CHECKS = new Set(['enum', 'const', 'pattern', 'format', ...Object.keys(BOUNDS)]);

/**
 * Turns ajv errors of one object into reports: one per problem, the wrong-type error
 * rather than its enum/range echoes, and one summary for all the errors inside an
 * `anyOf`/`oneOf` (whose branch errors would only confuse).
 */
export function errorsToReports(m: Manifest, errors: readonly ErrorObject[], lookup: SchemaLookup): SchemaReport[] {
  const ctx: Context = { m, lookup };
  // Errors inside an anyOf/oneOf branch: same place in the data, schema path below the anyOf.
  const branches = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const inBranch = (e: ErrorObject) =>
    branches.some((b) => b !== e && e.schemaPath.startsWith(`${b.schemaPath}/`) && (e.instancePath === b.instancePath || e.instancePath.startsWith(`${b.instancePath}/`)));
  const typedPaths = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const out: SchemaReport[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (SILENT.has(e.keyword)) continue;
    if (inBranch(e)) continue;
    if (VALUE_CHECKS.has(e.keyword) && typedPaths.has(e.instancePath)) continue;
    const path = pointerToPath(e.instancePath, m.value);
    let r: SchemaReport;
    if (e.keyword === 'type' && valueAt(m.value, path) === null) {
      // Kubernetes decodes `field:` (null) as "not set", so an empty optional field is fine
      // (`annotations:` with nothing under it is common); an empty required one is not.
      const empty = emptyRequired(ctx, e, path);
      if (!empty) continue;
      r = empty;
    } else if (e.keyword === 'additionalProperties') r = unknownField(ctx, e, path);
    else if (e.keyword === 'type') r = typeError(ctx, e, path);
    else if (e.keyword === 'required') r = requiredError(ctx, e, path);
    else if (e.keyword === 'enum' || e.keyword === 'const') r = enumError(ctx, e, path);
    else if (e.keyword in BOUNDS) r = rangeError(ctx, e, path);
    else r = otherError(ctx, e, path);
    const key = `${r.report.messageId}\u0000${formatPath(r.report.path)}\u0000${JSON.stringify(r.report.data)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return out;
}
