import type { ObjectRef, RelatedLocation, Severity, SourceRange } from './types';
import type { Manifest } from './parse/manifest';
import type { MessageOf, MessageRef, MessageValue, Rule, RuleMessages } from './rules/rule';

/**
 * A finding before configuration is applied: severities, `svclab.io/ignore` annotations
 * and the rule switch-board turn these into public `Finding`s.
 */
export interface PendingFinding {
  ruleId: string;
  /** Which of the rule's messages the texts were made from. */
  messageId: string;
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

/** `{{name}}` placeholders, as ESLint messages use them; a name is a word that starts with a letter or `_`. */
export function interpolate(template: string, data: Readonly<Record<string, MessageValue>> | undefined): string {
  if (!data) return template;
  return template.replace(/\{\{\s*([A-Za-z_]\w*)\s*\}\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(data, key) ? String(data[key]) : whole,
  );
}

/** The message and hint a rule's message reads with its data filled in: the one place finding texts are made. */
export function messageText(rule: Rule, ref: MessageRef): { message: string; hint: string } {
  const msg = rule.meta.messages[ref.messageId];
  if (!msg) throw new Error(`rule ${rule.meta.id} has no message "${ref.messageId}"`);
  return { message: interpolate(msg.message, ref.data), hint: interpolate(msg.hint, ref.data) };
}

/**
 * A finding of a stage before the rules (loader, parser): not about an object, so no object
 * and no opt-out annotation; its texts come from its rule's messages like every other finding.
 */
export function stageFinding<M extends RuleMessages>(rule: Rule<M>, ref: MessageOf<M>, file: string, range: SourceRange, path = ''): PendingFinding {
  return { ruleId: rule.meta.id, messageId: ref.messageId, ...messageText(rule, ref), file, range, object: null, path, related: [], manifest: null };
}
