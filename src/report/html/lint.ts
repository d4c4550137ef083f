/**
 * `svclab lint --format html`: findings grouped by file, each with the code frame of the line it
 * points at (two lines around it, a caret under the column), its rule, field path, object and
 * fix hint. Self-contained; checkboxes filter by severity.
 */
import type { Finding } from '../../types';
import { refString } from '../../types';
import type { LintReportInput } from '../report-input';
import { attr, esc, page } from './page';

const STYLE = `
.file{border:1px solid #d0d7de;border-radius:6px;padding:8px 12px;margin:10px 0}
.finding{border-top:1px solid #eaeef2;padding:6px 0}
.frame .at{background:#fff8c5}
`;

const SCRIPT = `
for (const box of document.querySelectorAll('.filters input')) {
  box.addEventListener('change', () => {
    const on = new Set([...document.querySelectorAll('.filters input:checked')].map((b) => b.value));
    for (const el of document.querySelectorAll('.finding')) el.hidden = !on.has(el.dataset.severity);
  });
}
`;

function frame(text: string | undefined, f: Finding): string {
  if (text === undefined || f.line < 1) return '';
  const lines = text.split(/\r?\n/);
  if (f.line > lines.length) return '';
  const from = Math.max(1, f.line - 2);
  const to = Math.min(lines.length, f.line + 2);
  const width = String(to).length;
  const out: string[] = [];
  for (let i = from; i <= to; i++) {
    const gutter = `${String(i).padStart(width)} | `;
    out.push(i === f.line ? `<span class="at">${esc(`${gutter}${lines[i - 1]}`)}</span>` : esc(`${gutter}${lines[i - 1]}`));
    if (i === f.line) out.push(esc(`${' '.repeat(width)} | ${' '.repeat(Math.max(0, f.column - 1))}^`));
  }
  return `<pre class="frame">${out.join('\n')}</pre>`;
}

export function formatLintHtml(result: LintReportInput, sourceText: (file: string) => string | undefined = () => undefined): string {
  const byFile = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  const files = [...byFile.keys()].sort();
  const s = result.summary;
  const sections = files.map((file) => {
    const findings = (byFile.get(file) ?? []).slice().sort((a, b) => a.line - b.line || a.column - b.column);
    const text = sourceText(file);
    return `<section class="file" data-file="${attr(file)}"><h2><code>${esc(file)}</code> · ${findings.length} finding${findings.length === 1 ? '' : 's'}</h2>${findings
      .map(
        (f) =>
          `<div class="finding" data-severity="${f.severity}"><div><span class="badge ${f.severity}">${f.severity}</span><b>${esc(f.ruleId)}</b> <code>${esc(`${f.file}:${f.line}:${f.column}`)}</code>${f.object ? ` · ${esc(refString(f.object))}` : ''}${f.path ? ` · <code>${esc(f.path)}</code>` : ''}</div><div>${esc(f.message)}</div>${frame(text, f)}${f.hint ? `<p class="hint">fix: ${esc(f.hint)}</p>` : ''}</div>`,
      )
      .join('')}</section>`;
  });
  const clean = result.findings.length === 0;
  const body = `<header><h1>svclab lint: <span class="${s.errors ? 'failed' : 'passed'}">${clean ? 'no problems' : `${s.errors} errors, ${s.warnings} warnings`}</span></h1>
<p>${s.files} files, ${s.objects} objects</p>
<p class="filters">Show: ${['error', 'warning', 'info'].map((st) => `<label><input type="checkbox" value="${st}" checked> ${st}</label>`).join('')}</p></header>
<main>${sections.join('\n')}</main>`;
  return page(`svclab lint: ${clean ? 'no problems' : `${s.errors} errors, ${s.warnings} warnings`}`, body, { style: STYLE, script: SCRIPT });
}
