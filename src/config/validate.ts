import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { PACKAGE_ROOT } from '../docs';
import { didYouMean } from '../util/did-you-mean';
import type { FieldPath } from '../types';

/** One problem in the config file, located by its field path. */
export interface ConfigProblem {
  path: FieldPath;
  /** Point at the key (unknown keys) rather than the value. */
  atKey: boolean;
  message: string;
}

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  oneOf?: SchemaNode[];
  description?: string;
}

let compiled: { validate: ValidateFunction; schema: SchemaNode } | undefined;

/** The config schema ships in `schemas/`; compiled once per process. */
function configSchema(): { validate: ValidateFunction; schema: SchemaNode } {
  if (!compiled) {
    const schema = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'schemas', 'config.schema.json'), 'utf8')) as SchemaNode;
    // Required here, not at the top: most runs have no config file and should not load ajv.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Ajv = (require('ajv') as typeof import('ajv')).default;
    const ajv = new Ajv({ allErrors: true, strict: true });
    compiled = { validate: ajv.compile(schema), schema };
  }
  return compiled;
}

/** `/rules/foo~1bar` -> `['rules', 'foo/bar']`; array indexes become numbers. */
function pointerToPath(pointer: string, value: unknown): FieldPath {
  if (pointer === '') return [];
  const out: Array<string | number> = [];
  let cur: unknown = value;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const key: string | number = Array.isArray(cur) && /^\d+$/.test(seg) ? Number(seg) : seg;
    out.push(key);
    cur = typeof cur === 'object' && cur !== null ? (cur as Record<string | number, unknown>)[key] : undefined;
  }
  return out;
}

function schemaAt(schema: SchemaNode, p: FieldPath): SchemaNode | undefined {
  let node: SchemaNode | undefined = schema;
  for (const seg of p) {
    if (!node) return undefined;
    const next: SchemaNode | undefined = node.properties?.[String(seg)] ?? node.oneOf?.find((b) => b.properties?.[String(seg)])?.properties?.[String(seg)];
    node = next;
  }
  return node;
}

function article(word: string): string {
  return `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
}

function label(p: FieldPath): string {
  return p.length === 0 ? 'the config' : p.map(String).join('.');
}

function describe(e: ErrorObject, p: FieldPath, schema: SchemaNode): ConfigProblem {
  const where = label(p);
  switch (e.keyword) {
    case 'additionalProperty':
    case 'additionalProperties': {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      const known = Object.keys(schemaAt(schema, p)?.properties ?? {});
      const guess = didYouMean(key, known);
      return {
        path: [...p, key],
        atKey: true,
        message: `unknown key "${key}"${p.length ? ` in ${where}` : ''}${guess ? ` (did you mean "${guess}"?)` : ''}; known keys: ${known.join(', ')}`,
      };
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
      return { path: p, atKey: false, message: `${where} must be one of ${allowed.join(', ')}` };
    }
    case 'oneOf':
      return { path: p, atKey: false, message: `${where} is not valid: ${schemaAt(schema, p)?.description ?? 'see the config schema'}` };
    case 'type':
      return { path: p, atKey: false, message: `${where} must be ${p.length === 0 ? 'a mapping of settings' : article((e.params as { type: string }).type)}` };
    case 'required':
      return { path: p, atKey: false, message: `${where} needs "${(e.params as { missingProperty: string }).missingProperty}"` };
    default:
      return { path: p, atKey: false, message: `${where} ${e.message ?? 'is not valid'}` };
  }
}

/** Validates against schemas/config.schema.json; one problem per offending field. */
export function validateConfigShape(value: unknown): ConfigProblem[] {
  const { validate, schema } = configSchema();
  if (validate(value)) return [];
  const errors = validate.errors ?? [];
  // A failed oneOf also reports every branch's own errors below it: keep the oneOf alone.
  const oneOfPaths = errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath);
  const kept = errors.filter(
    (e) => e.keyword === 'oneOf' || !oneOfPaths.some((o) => e.instancePath === o || e.instancePath.startsWith(`${o}/`)),
  );
  const seen = new Set<string>();
  const problems: ConfigProblem[] = [];
  for (const e of kept) {
    const problem = describe(e, pointerToPath(e.instancePath, value), schema);
    if (seen.has(problem.message)) continue;
    seen.add(problem.message);
    problems.push(problem);
  }
  return problems;
}
