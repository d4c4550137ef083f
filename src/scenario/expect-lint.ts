/** `lint:` expectations: counts by severity and findings matched by rule, object, file, line. */
import { plainText } from '../i18n/lang';
import * as path from 'node:path';
import type { FieldPath, Finding } from '../types';
import { makeResult, type EvalContext, type MatcherResult } from './context';
import { listModes, match, matchList } from './match';
import type { ExpectationResult, Mismatch } from './result';
import type { LintFindingSpec, LintSpec } from './spec';
import { parseRef } from './workspace';

function findingView(ctx: EvalContext, f: Finding): Record<string, unknown> {
  const rel = f.file && path.isAbsolute(f.file) ? path.relative(ctx.scenario.dir, f.file) : path.relative(ctx.scenario.dir, path.resolve(ctx.scenario.cwd, f.file));
  return {
    rule: f.ruleId,
    messageId: f.messageId,
    severity: f.severity,
    object: f.object ? `${f.object.kind}/${f.object.namespace ? `${f.object.namespace}/` : ''}${f.object.name}` : null,
    file: rel.split(path.sep).join('/'),
    line: f.line,
    path: f.path,
    message: f.message,
  };
}

export function findingMatches(spec: LintFindingSpec, view: Record<string, unknown>, namespace: string): boolean {
  if (spec.rule !== undefined && spec.rule !== view.rule) return false;
  if (spec.severity !== undefined && spec.severity !== view.severity) return false;
  if (spec.line !== undefined && spec.line !== view.line) return false;
  if (spec.path !== undefined && spec.path !== view.path) return false;
  if (spec.file !== undefined && view.file !== spec.file && !String(view.file).endsWith(`/${spec.file}`)) return false;
  if (spec.object !== undefined) {
    const want = parseRef(spec.object);
    const have = typeof view.object === 'string' ? parseRef(view.object) : null;
    if (!want || !have || want.kind !== have.kind || want.name !== have.name || (have.namespace ?? '') !== (want.namespace ?? (have.namespace === null ? '' : namespace))) return false;
  }
  if (spec.message !== undefined) {
    const msg = String(view.message);
    if (typeof spec.message === 'string' ? !msg.includes(spec.message) : match(spec.message, msg).length > 0) return false;
  }
  return true;
}

export function evaluateLint(ctx: EvalContext, spec: LintSpec, at: FieldPath): ExpectationResult {
  const wants: string[] = [];
  if (spec.errors !== undefined) wants.push(`${spec.errors} error${spec.errors === 1 ? '' : 's'}`);
  if (spec.warnings !== undefined) wants.push(`${spec.warnings} warning${spec.warnings === 1 ? '' : 's'}`);
  if (spec.findings) wants.push('the listed findings');
  const title = plainText(spec.name) ?? `lint reports ${wants.join(', ') || 'anything'}`;
  return makeResult(ctx, 'lint', at, title, plainText(spec.hint), () => {
    const run = ctx.lint();
    const views = run.findings.map((f) => findingView(ctx, f));
    const mismatches: Mismatch[] = [];
    const counts = { errors: run.summary.errors, warnings: run.summary.warnings, infos: run.summary.infos };
    for (const key of ['errors', 'warnings', 'infos'] as const) {
      const want = spec[key];
      if (want !== undefined && want !== counts[key]) {
        const sev = key.slice(0, -1);
        mismatches.push({ path: key, message: `is ${counts[key]}, expected ${want}${counts[key] ? `: ${views.filter((v) => v.severity === sev).map((v) => `${v.rule} (${v.file}:${v.line})`).join(', ')}` : ''}`, expected: want, actual: counts[key] });
      }
    }
    if (spec.findings) {
      for (const { mode, items } of listModes(spec.findings)) {
        matchList(mode, items, views, ['findings'], mismatches, (e, a) => findingMatches(e as LintFindingSpec, a as Record<string, unknown>, ctx.namespace));
      }
    }
    return { mismatches, expected: spec, actual: { ...counts, findings: views } };
  });
}

/** The jest matcher `expect(lintRun).toHaveFinding({ rule: 'service-selector-no-match', object: 'Service/web' })`. */
export function toHaveFinding(received: { findings: Finding[] } | Finding[], expected: string | LintFindingSpec): MatcherResult {
  const findings = Array.isArray(received) ? received : received.findings;
  const spec: LintFindingSpec = typeof expected === 'string' ? { rule: expected } : expected;
  const views = findings.map((f) => ({ rule: f.ruleId, severity: f.severity, object: f.object ? `${f.object.kind}/${f.object.namespace ? `${f.object.namespace}/` : ''}${f.object.name}` : null, file: f.file, line: f.line, path: f.path, message: f.message }));
  const pass = views.some((v) => findingMatches(spec, v, 'default'));
  return {
    pass,
    message: () => pass ? `expected no finding matching ${JSON.stringify(spec)}` : `expected a finding matching ${JSON.stringify(spec)}; found:\n${views.map((v) => `  ${v.rule} ${v.severity} ${v.object ?? ''} ${v.file}:${v.line} ${v.message}`).join('\n') || '  (no findings)'}`,
  };
}
