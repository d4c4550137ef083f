import type { Finding } from '../../src/types';
import type { LintReportInput } from '../../src/report/report-input';

/** A finding with sensible defaults; tests override what they look at. */
export function finding(over: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'service-selector-no-match',
    messageId: 'noMatch',
    severity: 'error',
    message: 'selector app=web-server matches no pod in namespace default',
    hint: 'Copy the labels from the workload.',
    file: 'k8s/web.yaml',
    line: 27,
    column: 5,
    endLine: 27,
    endColumn: 20,
    object: { apiVersion: 'v1', kind: 'Service', namespace: 'default', name: 'web' },
    path: 'spec.selector',
    related: [],
    ...over,
  };
}

export function input(findings: Finding[], extra: Partial<LintReportInput> = {}): LintReportInput {
  const summary = { files: 1, objects: 1, errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'error') summary.errors++;
    else if (f.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return { findings, summary, ...extra };
}
