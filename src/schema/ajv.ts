import type Ajv from 'ajv';
import type { Options } from 'ajv';

/**
 * The one set of ajv options, shared by the build-time precompiler (scripts/compile-schemas.js)
 * and the run-time compiler, so both produce the same errors.
 * - allErrors: a person fixing a manifest wants every problem at once, not one per run.
 * - strict off: schemas carry `x-svclab-source` and user schemas carry kubeconform or
 *   OpenAPI extensions (`x-kubernetes-*`, unknown formats) that must not stop compilation.
 * - messages off: svclab writes its own messages from the error params; it keeps the code small.
 */
export const AJV_OPTIONS: Options = {
  allErrors: true,
  strict: false,
  messages: false,
  logger: false,
  validateFormats: false,
  code: { source: true, optimize: true },
};

/**
 * A fresh ajv instance. ajv is required lazily: loading it costs ~30 ms, which a run whose
 * schemas are all precompiled does not need to pay.
 */
export function createAjv(): Ajv {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy load keeps CLI startup fast
  const AjvClass = (require('ajv') as { default: typeof Ajv }).default;
  return new AjvClass(AJV_OPTIONS);
}

/** Keywords that map a name to a sub-schema, or hold lists of sub-schemas. */
const SCHEMA_MAPS = ['properties', 'definitions', '$defs', 'patternProperties', 'dependentSchemas'];
const SCHEMA_LISTS = ['anyOf', 'allOf', 'oneOf', 'prefixItems'];
const SCHEMA_SINGLES = ['items', 'additionalProperties', 'additionalItems', 'not', 'if', 'then', 'else', 'contains', 'propertyNames'];
/** Annotations that do not affect validation. */
const ANNOTATIONS = ['description', '$comment', 'x-svclab-source', 'markdownDescription', 'title', 'examples'];

/**
 * A copy of a schema without annotations (descriptions, comments). Standalone ajv code embeds
 * the schema it was compiled from; without the prose it is several times smaller and loads
 * faster. The descriptions are read from the JSON file only when a finding needs them.
 */
export function withoutAnnotations(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutAnnotations);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema as Record<string, unknown>)) {
    if (ANNOTATIONS.includes(key)) continue;
    if (SCHEMA_MAPS.includes(key) && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      out[key] = Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, withoutAnnotations(v)]));
    } else if (SCHEMA_LISTS.includes(key) || SCHEMA_SINGLES.includes(key)) {
      out[key] = withoutAnnotations(value);
    } else {
      out[key] = value; // enum, const, default, required...: data, kept as is
    }
  }
  return out;
}
