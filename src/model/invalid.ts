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
  /**
   * The field.ErrorType when it is neither Invalid nor NotSupported (field.Required,
   * field.Forbidden, field.Duplicate, field.TooMany): `detail` is then its text (for TooMany,
   * the limit), `allowed` is empty.
   */
  type?: 'Required' | 'Forbidden' | 'Duplicate' | 'TooMany';
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

/** A bad value the API server prints with its own String() (fmt.Stringer): shown as `text`, unquoted. */
export class ShownValue {
  constructor(readonly text: string) {}
}

/** Go's %v / %q of a bad value, as field.Error prints it. */
function badValue(v: unknown): string {
  if (v instanceof ShownValue) return v.text;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return v === null ? 'null' : JSON.stringify(v);
}

/**
 * The API server's text for the value (k8s.io/apimachinery/pkg/util/validation/field errors.go):
 * `spec.dnsPolicy: Unsupported value: "ClusterFrist": supported values: "ClusterFirst", ...`
 * (field.NotSupported), or `...: Invalid value: "in": not a valid selector operator` (field.Invalid),
 * `spec.ports[1].name: Required value`, `spec.loadBalancerClass: Forbidden: may only be used when ...`,
 * `spec.ports[1].name: Duplicate value: "http"`, `endpoints: Too many: 1001: must have at most 1000 items`.
 */
export function fieldError(v: InvalidValue): string {
  const at = formatPath(v.path);
  switch (v.type) {
    case 'Required':
      return `${at}: Required value${v.detail ? `: ${v.detail}` : ''}`;
    case 'Forbidden':
      return `${at}: Forbidden${v.detail ? `: ${v.detail}` : ''}`;
    case 'Duplicate':
      return `${at}: Duplicate value: ${badValue(v.value)}`;
    case 'TooMany':
      return `${at}: Too many: ${badValue(v.value)}: must have at most ${v.detail} items`;
  }
  if (v.detail !== undefined) return `${formatPath(v.path)}: Invalid value: ${badValue(v.value)}: ${v.detail}`;
  return `${formatPath(v.path)}: Unsupported value: ${badValue(v.value)}: supported values: ${v.allowed.map((a) => JSON.stringify(a)).join(', ')}`;
}

/**
 * The API server's message for all the field errors of one object (errors.NewInvalid, whose
 * aggregate prints one error as it is and several as `[a, b]`, each text once).
 */
export function refusalReason(errors: readonly InvalidValue[]): string {
  const texts = [...new Set(errors.map(fieldError))];
  return texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`;
}
