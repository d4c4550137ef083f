/**
 * scenario.yaml's schema problems (src/schema/problems.ts), worded for the person writing the
 * scenario and located at the offending key or value: `expect.routes[0].expect.outcome must be
 * one of "ok", "refused", "dropped", "dns-error"`.
 */
import type { ErrorObject } from 'ajv';
import type { DocumentSource } from '../parse/document';
import { describeBound, describeMeasured, describeValue, isRecord, problemTarget, schemaProblems, type SchemaLookup, type SchemaProblem } from '../schema/problems';
import { formatPath } from '../types';
import type { LoadError } from './load';

const TYPE_NAMES: Record<string, string> = { object: 'a mapping', array: 'a list', string: 'a string', integer: 'an integer', number: 'a number', boolean: 'true or false', null: 'null' };

/** `string "hello"`, `integer 3`, `a list`, `a mapping`, `empty (null)`. */
function valueText(v: unknown): string {
  return v !== null && v !== undefined && typeof v !== 'object' ? `${typeof v} ${describeValue(v)}` : describeValue(v);
}

const didYouMean = (guess: string | undefined) => (guess ? ` (did you mean "${guess}"?)` : '');

/** A form of a oneOf: a JSON type (`object`) or a constant, already JSON-encoded (`"none"`). */
const formText = (form: string) => TYPE_NAMES[form] ?? form;

function either(words: string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** What is wrong, after the field's path: `must be a list, not a mapping`. */
function sentence(p: Exclude<SchemaProblem, { kind: 'unknown-key' }>): string {
  switch (p.kind) {
    case 'enum':
      return p.allowed.length === 1 ? `must be ${JSON.stringify(p.allowed[0])}${didYouMean(p.suggestion)}` : `must be one of ${p.allowed.map((v) => JSON.stringify(v)).join(', ')}${didYouMean(p.suggestion)}`;
    case 'required':
      return `is missing the required key "${p.key}"`;
    case 'type':
      return p.path.length === 0 ? `must be a mapping with apiVersion, kind, metadata and expect, not ${valueText(p.actual)}` : `must be ${either(p.expected.map(formText))}, not ${valueText(p.actual)}`;
    case 'bound':
      return `must be ${describeBound(p.keyword, p.limit)}, not ${isRecord(p.actual) || Array.isArray(p.actual) ? describeMeasured(p.actual) : valueText(p.actual)}`;
    case 'pattern':
      return `must match the pattern ${p.pattern}, not ${valueText(p.actual)}`;
    case 'forms':
      return p.ambiguous ? 'matches more than one of its allowed forms; write one of them' : `must be ${either(p.expected.map(formText))}, not ${valueText(p.actual)}${didYouMean(p.suggestion)}`;
    case 'other':
      return `fails the schema's \`${p.keyword}\` check`;
  }
}

/**
 * Every schema problem of scenario.yaml, at its YAML position, in file order. A value that takes none of a
 * field's forms is one problem when it fits none of their shapes; when it fits one (a list
 * where a list is allowed), the problems inside that form are reported instead.
 */
export function scenarioSchemaErrors(raw: readonly ErrorObject[], value: unknown, lookup: SchemaLookup, doc: DocumentSource, file: string): LoadError[] {
  const out: LoadError[] = [];
  const seen = new Set<string>();
  const add = (p: SchemaProblem) => {
    if (p.kind === 'forms' && p.inner.length && !p.ambiguous) {
      p.inner.forEach(add);
      return;
    }
    const { path, atKey } = problemTarget(p);
    const range = doc.locate(path, { key: atKey });
    const message = p.kind === 'unknown-key' ? `unknown key "${p.key}"${p.path.length ? ` in ${formatPath(p.path)}` : ''}${didYouMean(p.suggestion)}; allowed: ${p.allowed.join(', ')}` : `${formatPath(p.path) || 'the scenario'} ${sentence(p)}`;
    const key = `${range.line}:${range.column}:${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ file, line: range.line, column: range.column, message, path: formatPath(path) });
  };
  schemaProblems(raw, value, lookup, { mergeNearMisses: true }).forEach(add);
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}
