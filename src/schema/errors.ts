/**
 * The manifest wording of schema problems (src/schema/problems.ts): findings of the rules
 * `schema` and `unknown-field`, with a fix that teaches (`kubectl explain`, the field's own
 * description, quoting a number that must be a string).
 */
import type { ErrorObject } from 'ajv';
import type { Manifest } from '../parse/manifest';
import type { FieldPath } from '../types';
import { formatPath } from '../types';
import type { RuleReport } from '../rules/rule';
import { describeBound, describeMeasured, describeValue, jsonType, problemTarget, schemaProblems, type SchemaLookup, type SchemaProblem } from './problems';

export type { SchemaAt, SchemaLookup } from './problems';

/** A finding-to-be of the schema stage: which rule, and the report the rule engine turns into a finding. */
export interface SchemaReport {
  ruleId: 'schema' | 'unknown-field';
  report: RuleReport;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  object: 'a mapping (key: value pairs)',
  array: 'a list',
  null: 'null',
};

/** `Service spec.ports[0]`, or just `Service` for the top level. */
function where(kind: string, path: FieldPath): string {
  return path.length ? `${kind} ${formatPath(path)}` : kind;
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

type Problem<K extends SchemaProblem['kind']> = Extract<SchemaProblem, { kind: K }>;

function report(ctx: Context, p: SchemaProblem, messageId: string, data: Record<string, string>): RuleReport {
  const { path, atKey } = problemTarget(p);
  return { messageId, manifest: ctx.m, path, ...(atKey ? { atKey } : {}), data };
}

function unknownField(ctx: Context, p: Problem<'unknown-key'>): SchemaReport {
  const { key: field, suggestion: guess, allowed, path: parent } = p;
  let fix: string;
  if (guess) fix = `Rename \`${field}\` to \`${guess}\` (field names are case-sensitive).`;
  else if (allowed.length > 0 && allowed.length <= 12) fix = `Remove it, or move it to the level it belongs to; the fields allowed here are: ${allowed.join(', ')}.`;
  else fix = `Remove it, or move it to the level it belongs to; \`kubectl explain ${explainPath(ctx.m.kind, parent)}\` lists the allowed fields.`;
  return { ruleId: 'unknown-field', report: report(ctx, p, 'unknownField', { field, where: where(ctx.m.kind, parent), suggestion: guess ? ` (did you mean \`${guess}\`?)` : '', fix }) };
}

function typeError(ctx: Context, p: Problem<'type'>): SchemaReport {
  const { expected, actual: value, path } = p;
  const actualType = jsonType(value);
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
    report: report(ctx, p, 'type', { where: where(ctx.m.kind, path), expected: typeList(expected), actual: value !== null && typeof value === 'object' ? TYPE_NAMES[actualType] : actual, fix: about ? `${fix} (${formatPath(path)}: ${about})` : fix }),
  };
}

function requiredError(ctx: Context, p: Problem<'required'>): SchemaReport {
  const { key: field, path: parent } = p;
  const about = aboutField(ctx.lookup([...parent, field])?.description);
  const at = parent.length ? `under ${formatPath(parent)}` : 'at the top level';
  return { ruleId: 'schema', report: report(ctx, p, 'required', { where: where(ctx.m.kind, parent), field, fix: `Add \`${field}:\` ${at}.${about ? ` (${field}: ${about})` : ''}` }) };
}

function enumError(ctx: Context, p: Problem<'enum'>): SchemaReport {
  const shown = p.allowed.map((v) => (v === '' ? '"" (empty)' : typeof v === 'string' ? v : JSON.stringify(v)));
  const fix = p.suggestion ? `Use \`${p.suggestion}\` (values are case-sensitive).` : `Use one of: ${shown.join(', ')}.`;
  return { ruleId: 'schema', report: report(ctx, p, 'enum', { where: where(ctx.m.kind, p.path), allowed: shown.join(', '), actual: describeValue(p.actual), fix }) };
}

function rangeError(ctx: Context, p: Problem<'bound'>): SchemaReport {
  const bound = describeBound(p.keyword, p.limit);
  const actual = describeMeasured(p.actual);
  return { ruleId: 'schema', report: report(ctx, p, 'range', { where: where(ctx.m.kind, p.path), bound, actual, fix: `Use a value ${bound}.` }) };
}

function patternError(ctx: Context, p: Problem<'pattern'>): SchemaReport {
  const about = aboutField(ctx.lookup(p.path)?.description);
  const fix = about ? `Write a value of the expected form. (${formatPath(p.path)}: ${about})` : 'Write a value of the expected form.';
  return { ruleId: 'schema', report: report(ctx, p, 'pattern', { where: where(ctx.m.kind, p.path), pattern: p.pattern, actual: describeValue(p.actual), fix }) };
}

function otherError(ctx: Context, p: Problem<'forms' | 'other'>): SchemaReport {
  const params = p.kind === 'other' ? p.params : {};
  const problems: Record<string, string> = {
    anyOf: 'it matches none of the allowed forms',
    oneOf: 'it must match exactly one of the allowed forms',
    not: 'it has a form that is not allowed here',
    uniqueItems: 'the list has repeated items',
    propertyNames: `the key ${JSON.stringify(params.propertyName ?? '')} is not allowed`,
    dependencies: `it needs \`${String(params.missingProperty ?? '')}\` as well`,
    dependentRequired: `it needs \`${String(params.missingProperty ?? '')}\` as well`,
    format: `it is not a valid ${String(params.format ?? 'value')}`,
  };
  const problem = problems[p.keyword] ?? `the \`${p.keyword}\` check fails`;
  return { ruleId: 'schema', report: report(ctx, p, 'other', { where: where(ctx.m.kind, p.path), problem, fix: `Check this field against the documentation of ${ctx.m.kind} (\`kubectl explain ${explainPath(ctx.m.kind, p.path)}\`).` }) };
}

/** The finding-to-be of one problem. A failed oneOf/anyOf is one finding about the field, as the branches' own errors would only confuse. */
function toReport(ctx: Context, p: SchemaProblem): SchemaReport {
  switch (p.kind) {
    case 'unknown-key':
      return unknownField(ctx, p);
    case 'type':
      return typeError(ctx, p);
    case 'required':
      return requiredError(ctx, p);
    case 'enum':
      return enumError(ctx, p);
    case 'bound':
      return rangeError(ctx, p);
    case 'pattern':
      return patternError(ctx, p);
    case 'forms':
    case 'other':
      return otherError(ctx, p);
  }
}

/** Turns the ajv errors of one object into reports, one per problem (see src/schema/problems.ts). */
export function errorsToReports(m: Manifest, errors: readonly ErrorObject[], lookup: SchemaLookup): SchemaReport[] {
  const ctx: Context = { m, lookup };
  return schemaProblems(errors, m.value, lookup, { nullMeansUnset: true }).map((p) => toReport(ctx, p));
}
