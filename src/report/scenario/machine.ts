/** Machine formats of `svclab test`: json (a public contract), junit, github annotations, tap. */
import type { ExpectationResult, RunResult } from '../../scenario/result';
import { escapeData, escapeProperty } from '../github';
import { truthTable } from './table';

/** `{ scenarios: [ { name, file, status, steps, expectations: [...] } ], summary: { scenarios, passed, failed, expectations, seed } }`. */
export function formatScenarioJson(run: RunResult): string {
  const out = {
    scenarios: run.scenarios.map((s) => ({
      name: s.name,
      file: s.file,
      status: s.status,
      steps: s.steps,
      expectations: s.expectations.map((e) => ({ kind: e.kind, status: e.status, file: e.file, line: e.line, message: e.message, expected: e.expected ?? null, actual: e.actual ?? null, hint: e.hint })),
    })),
    summary: { scenarios: run.summary.scenarios, passed: run.summary.passed, failed: run.summary.failed + run.summary.errors, expectations: run.summary.expectations, seed: run.summary.seed },
  };
  return JSON.stringify(out, null, 2) + '\n';
}

/** The mismatches as lines, without the one-line message when that is only these lines joined. */
export function detailLines(e: ExpectationResult): string[] {
  const lines = e.mismatches.map((m) => `${m.path ? `${m.path} ` : ''}${m.message}`);
  if (e.message === lines.join('; ')) return lines;
  return [e.message, ...lines.filter((l) => !l.endsWith(e.message) && !e.message.endsWith(l))];
}

function failureText(e: ExpectationResult): string {
  const parts = detailLines(e);
  if (e.table) for (const l of truthTable(e.table)) parts.push(l);
  if (e.explain.length) parts.push('why:', ...e.explain);
  if (e.hint) parts.push(`hint: ${e.hint}`);
  parts.push(`at ${e.file}:${e.line}:${e.column}`);
  return parts.join('\n');
}

function xml(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * One testsuite per scenario, one testcase per expectation (names are unique and stable). The
 * report is a function of the results alone, byte for byte; a suite's measured `time` is
 * written only when asked for (`--timing`), as it differs on every run.
 */
export function formatScenarioJunit(run: RunResult, timing = false): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const s = run.summary;
  const extra = nothingFound(run).length;
  lines.push(`<testsuites name="svclab test" tests="${s.expectations + extra}" failures="${s.expectationsFailed + extra}">`);
  // Two folders may carry the same metadata.name (a copied scenario): the folder keeps their testcases apart.
  const nameCount = new Map<string, number>();
  for (const sc of run.scenarios) nameCount.set(sc.name, (nameCount.get(sc.name) ?? 0) + 1);
  for (const sc of run.scenarios) {
    const failures = sc.expectations.filter((e) => e.status !== 'passed').length;
    const suite = (nameCount.get(sc.name) ?? 0) > 1 ? `${sc.name} (${sc.dir})` : sc.name;
    lines.push(`  <testsuite name="${xml(suite)}" file="${xml(sc.file)}" tests="${sc.expectations.length}" failures="${failures}"${timing ? ` time="${(sc.durationMs / 1000).toFixed(3)}"` : ''}>`);
    const used = new Map<string, number>();
    for (const e of sc.expectations) {
      let name = e.name;
      const n = used.get(name) ?? 0;
      used.set(name, n + 1);
      if (n > 0) name = `${name} #${n + 1}`;
      const attrs = `name="${xml(name)}" classname="${xml(suite)}" file="${xml(e.file)}" line="${e.line}"`;
      if (e.status === 'passed') lines.push(`    <testcase ${attrs}/>`);
      else {
        const tag = e.status === 'error' ? 'error' : 'failure';
        // CDATA cannot hold "]]>": split it across two sections.
        const body = failureText(e).replace(/]]>/g, ']]]]><![CDATA[>');
        lines.push(`    <testcase ${attrs}>`, `      <${tag} message="${xml(e.message.split('\n')[0])}" type="${e.kind}"><![CDATA[${body}]]></${tag}>`, '    </testcase>');
      }
    }
    lines.push('  </testsuite>');
  }
  const nothing = nothingFound(run);
  if (nothing.length) {
    lines.push(`  <testsuite name="svclab test" tests="${nothing.length}" failures="${nothing.length}">`);
    for (const m of nothing) lines.push(`    <testcase name="${xml(m)}" classname="svclab test">`, `      <failure message="${xml(m)}" type="load"/>`, '    </testcase>');
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}

/**
 * A run that found no scenario (or an operand that named none) is a failure: the machine formats
 * say so too, so that a CI dashboard reading only the report does not show it green.
 */
export function nothingFound(run: RunResult): string[] {
  const out = run.missing.map((m) => `no scenario found at ${m}`);
  if (run.scenarios.length === 0 && out.length === 0) out.push('no scenario found');
  return out;
}

export function formatScenarioGithub(run: RunResult): string {
  const out: string[] = [];
  for (const sc of run.scenarios) {
    for (const e of sc.expectations) {
      if (e.status === 'passed') continue;
      out.push(`::error file=${escapeProperty(e.file)},line=${e.line},col=${e.column},title=${escapeProperty(`${sc.name}: ${e.kind}`)}::${escapeData(failureText(e))}`);
    }
  }
  const nothing = nothingFound(run);
  for (const m of nothing) out.push(`::error title=svclab test::${escapeData(m)}`);
  const s = run.summary;
  out.push(`${s.expectations - s.expectationsFailed} passed, ${s.expectationsFailed + nothing.length} failed`);
  return out.join('\n') + '\n';
}

/** TAP version 14: one test point per expectation, YAML diagnostics for failures. */
export function formatScenarioTap(run: RunResult): string {
  const out = ['TAP version 14'];
  const all = run.scenarios.flatMap((sc) => sc.expectations.map((e) => ({ sc, e })));
  const nothing = nothingFound(run);
  out.push(`1..${all.length + nothing.length}`);
  all.forEach(({ sc, e }, i) => {
    const desc = `${sc.name}: ${e.name}`.replace(/#/g, '\\#');
    if (e.status === 'passed') {
      out.push(`ok ${i + 1} - ${desc}`);
      return;
    }
    out.push(`not ok ${i + 1} - ${desc}`, '  ---', `  message: ${JSON.stringify(e.message)}`, `  severity: ${e.status === 'error' ? 'error' : 'fail'}`, `  at: { file: ${JSON.stringify(e.file)}, line: ${e.line}, column: ${e.column} }`);
    if (e.hint) out.push(`  hint: ${JSON.stringify(e.hint)}`);
    out.push('  ...');
  });
  // A plan of 1..0 would read as "skipped, all fine": a run that found nothing is a failed test point.
  nothing.forEach((m, i) => out.push(`not ok ${all.length + i + 1} - ${m.replace(/#/g, '\\#')}`));
  return out.join('\n') + '\n';
}
