/**
 * Values the API server refuses, recorded while the model is built instead of being coerced
 * into valid ones: where, the value as written, and what the API server accepts. The model
 * object keeps the default in the typed field (so readers always see a valid value) and lists
 * the invalid value in `invalid`; the simulator refuses such objects with the API server's
 * words (fieldError), the lint rules read the value as written.
 */
import { formatPath, type FieldPath } from '../types';

export interface InvalidValue {
  /** Path of the field inside the object (`['spec', 'template', 'spec', 'dnsPolicy']`). */
  path: FieldPath;
  /** The value as written. */
  value: unknown;
  /** What the API server accepts, in the order its message lists them. */
  allowed: readonly string[];
  /** The API server's reason when it reports field.Invalid instead of field.NotSupported ("not a valid selector operator"). */
  detail?: string;
}

/**
 * An enum field as the API server defaults and validates it: absent, null or '' takes the
 * default; a value outside `allowed` is recorded in `invalid` (field.NotSupported) and the
 * default stands in for it.
 */
export function enumField<T extends string>(v: unknown, path: FieldPath, allowed: readonly T[], fallback: T, invalid: InvalidValue[]): T {
  if (v === undefined || v === null || v === '') return fallback;
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  invalid.push({ path, value: v, allowed });
  return fallback;
}

/** Go's %v / %q of a bad value, as field.Error prints it. */
function badValue(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return v === null ? 'null' : JSON.stringify(v);
}

/**
 * The API server's text for the value (k8s.io/apimachinery/pkg/util/validation/field errors.go):
 * `spec.dnsPolicy: Unsupported value: "ClusterFrist": supported values: "ClusterFirst", ...`
 * (field.NotSupported), or `...: Invalid value: "in": not a valid selector operator` (field.Invalid).
 */
export function fieldError(v: InvalidValue): string {
  if (v.detail !== undefined) return `${formatPath(v.path)}: Invalid value: ${badValue(v.value)}: ${v.detail}`;
  return `${formatPath(v.path)}: Unsupported value: ${badValue(v.value)}: supported values: ${v.allowed.map((a) => JSON.stringify(a)).join(', ')}`;
}
