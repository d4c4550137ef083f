import type { Finding } from '../types';
import { objectLabel, type LintReportInput } from './report-input';
import { cdata, xmlAttr } from './xml';

interface TestCase {
  file: string;
  name: string;
  findings: Finding[];
}

/**
 * JUnit XML: one `<testsuite>` per file, one `<testcase>` per object (named `Kind/ns/name`)
 * plus one named after the file for findings about the file itself. A test case fails when it
 * has an error or a warning; info findings are listed in `<system-out>` of a passing case.
 */
export function formatJunit(result: LintReportInput): string {
  const suites = collectCases(result);
  let tests = 0;
  let failures = 0;
  const body: string[] = [];
  for (const [file, cases] of suites) {
    const failed = cases.filter(isFailing).length;
    tests += cases.length;
    failures += failed;
    body.push(`  <testsuite name="${xmlAttr(file)}" tests="${cases.length}" failures="${failed}" errors="0" skipped="0">`);
    for (const c of cases) body.push(...testCase(c));
    body.push('  </testsuite>');
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="svclab lint" tests="${tests}" failures="${failures}" errors="0">`,
    ...body,
    '</testsuites>',
    '',
  ].join('\n');
}

function isFailing(c: TestCase): boolean {
  return c.findings.some((f) => f.severity !== 'info');
}

function testCase(c: TestCase): string[] {
  const open = `    <testcase classname="${xmlAttr(c.file)}" name="${xmlAttr(c.name)}"`;
  if (c.findings.length === 0) return [`${open}/>`];
  const details = c.findings.map(describe).join('\n');
  const lines = [`${open}>`];
  const failing = c.findings.filter((f) => f.severity !== 'info');
  if (failing.length > 0) {
    const first = failing[0];
    const message = failing.length === 1 ? first.message : `${failing.length} problems, first: ${first.message}`;
    lines.push(`      <failure message="${xmlAttr(message)}" type="${xmlAttr(first.ruleId)}">${cdata(details)}</failure>`);
  } else {
    lines.push(`      <system-out>${cdata(details)}</system-out>`);
  }
  lines.push('    </testcase>');
  return lines;
}

function describe(f: Finding): string {
  const where = `${f.file}:${f.line}:${f.column}`;
  const lines = [`${where} ${f.severity} ${f.message} (${f.ruleId})${f.path ? ` at ${f.path}` : ''}`];
  if (f.hint) lines.push(`  help: ${f.hint}`);
  for (const r of f.related) lines.push(`  related: ${r.file}:${r.line}:${r.column} ${r.message}`);
  return lines.join('\n');
}

/** Test cases by file, in the order files appear; objects in input order, the file case first. */
function collectCases(result: LintReportInput): Map<string, TestCase[]> {
  const suites = new Map<string, Map<string, TestCase>>();
  const caseFor = (file: string, name: string): TestCase => {
    let cases = suites.get(file);
    if (!cases) suites.set(file, (cases = new Map()));
    let c = cases.get(name);
    if (!c) cases.set(name, (c = { file, name, findings: [] }));
    return c;
  };
  for (const file of result.files ?? []) suites.set(file, suites.get(file) ?? new Map());
  for (const o of result.objects ?? []) caseFor(o.file, objectLabel(o.ref));
  for (const f of result.findings) caseFor(f.file, f.object ? objectLabel(f.object) : f.file).findings.push(f);

  const out = new Map<string, TestCase[]>();
  for (const [file, cases] of suites) {
    const list = [...cases.values()].sort((a, b) => Number(b.name === file) - Number(a.name === file));
    // A file with no object and no finding (e.g. only empty documents) still passes as one case.
    if (list.length === 0) list.push({ file, name: file, findings: [] });
    out.set(file, list);
  }
  return out;
}
