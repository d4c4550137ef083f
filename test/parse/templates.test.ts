/**
 * Unrendered Helm/Go templates are a common thing to point a linter at (`svclab lint chart/`).
 * `{{ .Values.port }}` is valid YAML flow syntax for a mapping whose key is a mapping, so
 * without care it turns into schema noise about "mappings" plus a warning that the `yaml`
 * library prints on stderr. svclab reports one clear finding instead.
 */
import { lintYaml } from '../helpers';

const CHART_SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: {{ include "web.fullname" . }}
spec:
  ports:
    - port: {{ .Values.service.port }}
`;

test('a document with `{{ ... }}` values is reported once as a template, at the first action', () => {
  const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
  const consoleWarn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    const run = lintYaml({ 'templates/service.yaml': CHART_SERVICE });
    expect(run.findings.map((f) => `${f.ruleId} ${f.line}:${f.column}`)).toEqual(['yaml-syntax 4:9']);
    expect(run.findings[0].message).toMatch(/Go template syntax/);
    expect(run.findings[0].hint).toMatch(/helm template/);
    // Nothing is printed behind the report's back.
    expect(warn).not.toHaveBeenCalled();
    expect(consoleWarn).not.toHaveBeenCalled();
  } finally {
    warn.mockRestore();
    consoleWarn.mockRestore();
  }
});

test('a syntax error on a template line says so in the hint', () => {
  const text = `{{- if .Values.enabled }}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n{{- end }}\n`;
  const [f] = lintYaml(text).findings;
  expect(f.ruleId).toBe('yaml-syntax');
  expect(f.hint).toMatch(/helm template/);
});

test('template text inside strings (alert annotations, dashboards) is data, not a template', () => {
  const text = `apiVersion: v1
kind: ConfigMap
metadata:
  name: alerts
data:
  summary: "{{ $labels.instance }} is down"
  rules: |
    description: {{ $value }} errors
`;
  expect(lintYaml(text).findings).toEqual([]);
});
