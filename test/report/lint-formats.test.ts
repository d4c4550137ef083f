import { formatLintReport, LINT_FORMATS, reportInputFromRun } from '../../src/report/lint-formats';
import { lintYaml } from '../helpers';

const APP = `apiVersion: v1
kind: ConfigMap
metadata: {name: settings}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: other, namespace: tools}
`;

describe('formatLintReport', () => {
  test('reportInputFromRun lists every linted object with its effective namespace', () => {
    const run = lintYaml({ 'a.yaml': APP, 'b.yaml': '- not an object\n' });
    const input = reportInputFromRun(run, 'shop');
    expect(input.files).toEqual(['a.yaml', 'b.yaml']);
    expect(input.objects?.map((o) => `${o.file} ${o.ref.kind}/${o.ref.namespace}/${o.ref.name}`)).toEqual([
      'a.yaml ConfigMap/shop/settings',
      'a.yaml ConfigMap/tools/other',
    ]);
  });

  test.each(LINT_FORMATS)('%s renders a run, without colour unless asked', (format) => {
    const run = lintYaml({ 'a.yaml': APP, 'b.yaml': '- not an object\n' });
    const out = formatLintReport(format, reportInputFromRun(run), { color: false, cwd: '/repo' });
    expect(out.length).toBeGreaterThan(0);
    expect(out).toContain('b.yaml');
    expect(out).not.toMatch(/\u001b\[/);
  });

  test('a plain LintResult (library users) works for every format', () => {
    const run = lintYaml({ 'b.yaml': '- not an object\n' });
    const plain = { findings: run.findings, summary: run.summary };
    for (const format of LINT_FORMATS) expect(formatLintReport(format, plain, { color: false, cwd: '/repo' })).toContain('not-an-object');
  });
});
