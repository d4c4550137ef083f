import { messageText, type PendingFinding } from '../findings';
import type { Model } from '../model/types';
import { locateIn, manifestRef } from '../parse/manifest';
import { formatPath } from '../types';
import { createContextData, type LintSettings } from './context';
import { RULES } from './index';
import type { Rule, RuleReport } from './rule';

/** Runs every rule that has a `check` over the whole model (cross-object rules see all files). */
export function runRules(model: Model, settings: LintSettings, rules: readonly Rule[] = RULES): PendingFinding[] {
  const out: PendingFinding[] = [];
  let current: Rule | undefined;
  // One context for every rule (its report goes to the rule that runs): the helpers rules share
  // (selectedWorkloads, serviceIndex, ...) then always see one object shape, not one per rule.
  const ctx = {
    ...createContextData(model, settings),
    report: (r: RuleReport) => {
      if (current) out.push(toPending(current, r, settings.defaultNamespace));
    },
  };
  for (const rule of rules) {
    if (!rule.check) continue;
    current = rule;
    rule.check(ctx);
  }
  current = undefined;
  return out;
}

export function toPending(rule: Rule, r: RuleReport, defaultNamespace: string): PendingFinding {
  const m = r.manifest;
  // On an object built by kustomize the value may have been written in another file (a patch,
  // a kustomization line); `at.related` then says which transformations it went through.
  const at = locateIn(m, r.path, { key: r.atKey });
  return {
    ruleId: rule.meta.id,
    messageId: r.messageId,
    ...messageText(rule, r),
    file: at.file,
    range: at.range,
    object: manifestRef(m, defaultNamespace),
    path: formatPath(r.path),
    related: [
      ...(r.related ?? []).map((rel) => {
        const there = locateIn(rel.manifest, rel.path);
        return { file: there.file, line: there.range.line, column: there.range.column, message: rel.message };
      }),
      ...at.related,
    ],
    manifest: m,
    severityOverride: r.severity,
  };
}
