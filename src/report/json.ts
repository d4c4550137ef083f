import type { Finding, LintResult } from '../types';

/** One finding in the public JSON contract; fields are listed so that nothing internal leaks. */
function toJson(f: Finding): Finding {
  return {
    ruleId: f.ruleId,
    messageId: f.messageId,
    severity: f.severity,
    message: f.message,
    hint: f.hint,
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    object: f.object ? { apiVersion: f.object.apiVersion, kind: f.object.kind, namespace: f.object.namespace, name: f.object.name } : null,
    path: f.path,
    related: f.related.map((r) => ({ file: r.file, line: r.line, column: r.column, message: r.message })),
    ...(f.sets ? { sets: [...f.sets] } : {}),
  };
}

/** The JSON output is a public contract: `{ findings: [...], summary: {...} }`. */
export function formatJson(result: LintResult): string {
  const s = result.summary;
  const summary = { files: s.files, objects: s.objects, errors: s.errors, warnings: s.warnings, infos: s.infos };
  const sets = result.sets?.map((x) => ({ name: x.name, kustomizations: x.kustomizations, looseFiles: x.looseFiles, objects: x.objects, incomplete: x.incomplete }));
  return JSON.stringify({ findings: result.findings.map(toJson), summary, ...(sets ? { sets } : {}) }, null, 2) + '\n';
}
