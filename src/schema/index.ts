import type { PendingFinding } from '../findings';
import type { Manifest } from '../parse/manifest';

export interface SchemaOptions {
  /** Extra directories of JSON schemas (kubeconform naming), for CRDs. */
  schemaDirs: string[];
  defaultNamespace: string;
}

/**
 * Validates one object against the JSON schema of its kind and turns ajv errors into findings
 * (`schema`, `unknown-field`, `unknown-kind`, ...).
 */
export type SchemaValidator = (manifest: Manifest) => PendingFinding[];

// Filled in by the schema stage (src/schema/validate.ts).
export function createSchemaValidator(_options: SchemaOptions): SchemaValidator {
  return () => [];
}
