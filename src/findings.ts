import type { ObjectRef, RelatedLocation, Severity, SourceRange } from './types';
import type { Manifest } from './parse/manifest';

/**
 * A finding before configuration is applied: severities, `svclab.io/ignore` annotations
 * and the rule switch-board turn these into public `Finding`s.
 */
export interface PendingFinding {
  ruleId: string;
  message: string;
  hint: string;
  file: string;
  range: SourceRange;
  object: ObjectRef | null;
  path: string;
  related: RelatedLocation[];
  /** The object the finding is about, when there is one (for per-object opt-outs). */
  manifest: Manifest | null;
  /** A rule may report a softer (or harder) variant than its default severity. */
  severityOverride?: Severity;
}

/** `{{name}}` placeholders, as ESLint messages use them. */
export function interpolate(template: string, data: Record<string, string | number> | undefined): string {
  if (!data) return template;
  return template.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(data, key) ? String(data[key]) : whole,
  );
}
