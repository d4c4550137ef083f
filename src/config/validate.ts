/**
 * Checks `svclab.config.yaml` against schemas/config.schema.json and words the problems
 * (src/schema/problems.ts) for the command line: `rules.yaml-syntax must be one of ...`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { PACKAGE_ROOT } from '../docs';
import { describeBound, describeMeasured, describeValue, problemTarget, schemaProblems, type SchemaLookup, type SchemaProblem } from '../schema/problems';
import { schemaAtPath } from '../schema/walk';
import type { FieldPath } from '../types';

/** One problem in the config file, located by its field path. */
export interface ConfigProblem {
  path: FieldPath;
  /** Point at the key (unknown keys) rather than the value. */
  atKey: boolean;
  message: string;
}

let compiled: { validate: ValidateFunction; lookup: SchemaLookup } | undefined;

/** The config schema ships in `schemas/`; compiled once per process. */
function configSchema(): { validate: ValidateFunction; lookup: SchemaLookup } {
  if (!compiled) {
    const schema = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'schemas', 'config.schema.json'), 'utf8')) as object;
    // Required here, not at the top: most runs have no config file and should not load ajv.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Ajv = (require('ajv') as typeof import('ajv')).default;
    const ajv = new Ajv({ allErrors: true, strict: true });
    compiled = { validate: ajv.compile(schema), lookup: (p) => schemaAtPath(schema, p) };
  }
  return compiled;
}

function article(word: string): string {
  return `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
}

function label(p: FieldPath): string {
  return p.length === 0 ? 'the config' : p.map(String).join('.');
}

const didYouMean = (guess: string | undefined) => (guess ? ` (did you mean "${guess}"?)` : '');

/** The sentence of one problem; a failed oneOf says what the field is for (its inner problems follow on their own). */
function describe(p: SchemaProblem, lookup: SchemaLookup): string {
  const where = label(p.path);
  switch (p.kind) {
    case 'unknown-key':
      return `unknown key "${p.key}"${p.path.length ? ` in ${where}` : ''}${didYouMean(p.suggestion)}; known keys: ${p.allowed.join(', ')}`;
    case 'enum':
      return `${where} must be one of ${p.allowed.map(String).join(', ')}${didYouMean(p.suggestion)}`;
    case 'forms':
      return `${where} is not valid: ${lookup(p.path)?.description || 'see the config schema'}`;
    case 'type':
      return `${where} must be ${p.path.length === 0 ? 'a mapping of settings' : p.expected.map(article).join(' or ')}`;
    case 'required':
      return `${where} needs "${p.key}"`;
    case 'pattern':
      return `${where} must match the pattern ${p.pattern}, not ${describeValue(p.actual)}`;
    case 'bound':
      return `${where} must be ${describeBound(p.keyword, p.limit)}, not ${describeMeasured(p.actual)}`;
    case 'other':
      return `${where} fails the schema's \`${p.keyword}\` check`;
  }
}

/** Validates against schemas/config.schema.json; one problem per offending field, every one of them. */
export function validateConfigShape(value: unknown): ConfigProblem[] {
  const { validate, lookup } = configSchema();
  if (validate(value)) return [];
  const out: ConfigProblem[] = [];
  const seen = new Set<string>();
  const add = (p: SchemaProblem) => {
    const { path: at, atKey } = problemTarget(p);
    const message = describe(p, lookup);
    if (!seen.has(message)) {
      seen.add(message);
      out.push({ path: at, atKey, message });
    }
    if (p.kind === 'forms') p.inner.forEach(add);
  };
  schemaProblems(validate.errors ?? [], value, lookup, { mergeNearMisses: true }).forEach(add);
  return out;
}
