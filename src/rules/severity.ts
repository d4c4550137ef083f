import type { PendingFinding } from '../findings';
import type { Finding, Severity, SeveritySetting } from '../types';
import { RULES_BY_ID } from './index';

export type RuleSettings = Record<string, SeveritySetting>;

/** Annotation listing rule ids an object opts out of: `svclab.io/ignore: "rule-a,rule-b"` (or `all`). */
export const IGNORE_ANNOTATION = 'svclab.io/ignore';

function ignoredRules(f: PendingFinding): Set<string> | null {
  const md = f.manifest?.value.metadata;
  if (typeof md !== 'object' || md === null) return null;
  const ann = (md as Record<string, unknown>).annotations;
  if (typeof ann !== 'object' || ann === null) return null;
  const v = (ann as Record<string, unknown>)[IGNORE_ANNOTATION];
  if (typeof v !== 'string') return null;
  return new Set(v.split(',').map((s) => s.trim()).filter(Boolean));
}

/** Applies severities and opt-outs, and orders findings by file, line, column, rule. */
export function finalizeFindings(pending: PendingFinding[], settings: RuleSettings): Finding[] {
  const out: Finding[] = [];
  for (const p of pending) {
    const setting = settings[p.ruleId];
    if (setting === 'off') continue;
    const ignored = ignoredRules(p);
    if (ignored && (ignored.has(p.ruleId) || ignored.has('all'))) continue;
    const severity: Severity = setting ?? p.severityOverride ?? RULES_BY_ID.get(p.ruleId)?.meta.severity ?? 'error';
    out.push({
      ruleId: p.ruleId,
      messageId: p.messageId,
      severity,
      message: p.message,
      hint: p.hint,
      file: p.file,
      line: p.range.line,
      column: p.range.column,
      endLine: p.range.endLine,
      endColumn: p.range.endColumn,
      object: p.object,
      path: p.path,
      related: p.related,
    });
  }
  return sortFindings(dedupe(out));
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.file}\u0000${f.line}\u0000${f.column}\u0000${f.ruleId}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}
