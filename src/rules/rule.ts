import type { Manifest } from '../parse/manifest';
import type { FieldPath, Severity } from '../types';
import type { LintContextData } from './context';

export type RuleCategory = 'input' | 'workload' | 'service' | 'cross-object';

export interface RuleMessage {
  /** Text with `{{placeholders}}`, written for someone learning Kubernetes. */
  message: string;
  /** How to fix it (kept apart from the message, as kube-linter keeps `remediation`). */
  hint: string;
}

export interface RuleMeta {
  /** Kebab-case id: also the name of the rule's file, doc page and test. Public contract. */
  id: string;
  severity: Severity;
  /** One line, for `svclab rules` and SARIF `shortDescription`. */
  description: string;
  category: RuleCategory;
  messages: Record<string, RuleMessage>;
  /**
   * `object`: the rule looks at one object at a time, so it may run file by file in a worker
   * thread. `cluster` (the default, the safe choice): it compares objects and must see them all.
   */
  scope?: 'object' | 'cluster';
}

export interface RelatedReport {
  manifest: Manifest;
  path: FieldPath;
  message: string;
}

export interface RuleReport {
  messageId: string;
  data?: Record<string, string | number>;
  manifest: Manifest;
  /** Field path inside the object, e.g. `['spec', 'ports', 0, 'nodePort']`. */
  path: FieldPath;
  /** Point at the key of the last path segment instead of its value (e.g. unknown fields). */
  atKey?: boolean;
  related?: RelatedReport[];
  /** Overrides the severity for this one report (e.g. warning instead of error for a softer variant). */
  severity?: Severity;
}

export interface RuleContext extends LintContextData {
  report(report: RuleReport): void;
}

/**
 * A lint rule: metadata plus `check`. Rules reported by an earlier stage (parse, schema) have
 * no `check`; their meta still documents them.
 */
export interface Rule {
  meta: RuleMeta;
  check?: (ctx: RuleContext) => void;
}

/** Helps rule modules keep literal types without repeating the interface. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
