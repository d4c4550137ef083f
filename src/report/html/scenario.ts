/**
 * `svclab test --format html`: one self-contained page a CI job uploads as an artifact. The
 * summary, then every scenario (failures and errors first) with its description, its picture
 * (the simulated cluster at the end of the scenario, when the run drew it) and each expectation
 * with expected vs actual side by side and the mismatches by path; checkboxes filter by status.
 */
import type { ExpectationResult, RunResult, ScenarioResult, Status } from '../../scenario/result';
import { attr, esc, page } from './page';

const ORDER: Record<Status, number> = { error: 0, failed: 1, passed: 2 };

const STYLE = `
.scenario{border:1px solid #d0d7de;border-radius:6px;padding:8px 12px;margin:10px 0}
.scenario h2{margin:0 0 4px}
.desc{white-space:pre-wrap;color:#37414b}
.exp{border-top:1px solid #eaeef2;padding:6px 0}
.exp .name{font-weight:bold}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:8px}
.hint{background:#fff8c5;padding:4px 8px;border-radius:4px}
details.pic>summary{cursor:pointer}
`;

const SCRIPT = `
for (const box of document.querySelectorAll('.filters input')) {
  box.addEventListener('change', () => {
    const on = new Set([...document.querySelectorAll('.filters input:checked')].map((b) => b.value));
    for (const el of document.querySelectorAll('[data-status]')) el.hidden = !on.has(el.dataset.status);
  });
}
`;

/** A value as readable text: strings as they are, the rest as indented JSON. */
function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined) return '';
  return JSON.stringify(v, null, 2) ?? String(v);
}

function expectation(e: ExpectationResult): string {
  const parts = [`<div class="exp" data-status="${e.status}"><div><span class="badge ${e.status}">${e.status}</span><span class="name">${esc(e.name)}</span> <code>${esc(`${e.file}:${e.line}:${e.column}`)}</code></div><div>${esc(e.message)}</div>`];
  if (e.status !== 'passed') {
    // A matrix shows its wrong cells in its table; other results list their mismatches by path.
    if (e.mismatches.length && !e.table) {
      parts.push(`<table><tr><th>path</th><th>what differs</th><th>expected</th><th>actual</th></tr>${e.mismatches.map((m) => `<tr><td><code>${esc(m.path || '(value)')}</code></td><td>${esc(m.message)}</td><td class="diff-exp"><pre>${esc(show(m.expected))}</pre></td><td class="diff-act"><pre>${esc(show(m.actual))}</pre></td></tr>`).join('')}</table>`);
    }
    parts.push(`<div class="pair"><div><b>expected</b><pre class="diff-exp">${esc(show(e.expected))}</pre></div><div><b>actual</b><pre class="diff-act">${esc(show(e.actual))}</pre></div></div>`);
    if (e.explain.length) parts.push(`<ul>${e.explain.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>`);
    if (e.table) {
      const t = e.table;
      parts.push(`<table><tr><th>from \\ to</th>${t.to.map((x) => `<th>${esc(x)}</th>`).join('')}</tr>${t.from.map((f, i) => `<tr><th>${esc(f)}</th>${t.to.map((_, j) => `<td class="${t.expected[i][j] === t.actual[i][j] ? '' : 'failed'}">${esc(t.actual[i][j])}${t.expected[i][j] === t.actual[i][j] ? '' : ` (expected ${esc(t.expected[i][j])})`}</td>`).join('')}</tr>`).join('')}</table>`);
    }
    if (e.hint) parts.push(`<p class="hint">hint: ${esc(e.hint)}</p>`);
    if (e.seed !== null) parts.push(`<p>seed ${e.seed}</p>`);
  }
  parts.push('</div>');
  return parts.join('');
}

function scenario(s: ScenarioResult): string {
  const exps = [...s.expectations].sort((a, b) => ORDER[a.status] - ORDER[b.status]);
  const counts = `${s.expectations.filter((e) => e.status === 'passed').length}/${s.expectations.length} expectations hold`;
  return [
    `<section class="scenario" data-status="${s.status}" data-name="${attr(s.name)}">`,
    `<h2><span class="badge ${s.status}">${s.status}</span>${esc(s.name)}</h2>`,
    `<div><code>${esc(s.file)}</code> · seed ${s.seed} · ${esc(counts)}</div>`,
    s.description ? `<p class="desc">${esc(s.description)}</p>` : '',
    s.exercise?.task ? `<p><b>Task:</b> <span class="desc">${esc(s.exercise.task)}</span></p>` : '',
    // The hint ladder, each step folded so that a learner opens one at a time (as the text report reveals one per failed run).
    s.status !== 'passed' && s.exercise ? s.exercise.hints.map((h, i) => `<details class="hint"><summary>hint ${i + 1} of ${s.exercise?.hints.length}</summary>${esc(h)}</details>`).join('') : '',
    s.status === 'passed' && s.exercise?.debrief ? `<p class="desc"><b>What you just saw:</b> ${esc(s.exercise.debrief)}</p>` : '',
    s.picture ? `<details class="pic"${s.status === 'passed' ? '' : ' open'}><summary>picture of the cluster</summary><div class="picture">${s.picture}</div></details>` : '',
    exps.map(expectation).join('\n'),
    '</section>',
  ].join('\n');
}

export function formatScenarioHtml(run: RunResult): string {
  const s = run.summary;
  const scenarios = [...run.scenarios].sort((a, b) => ORDER[a.status] - ORDER[b.status]);
  const verdict = s.failed + s.errors === 0 && s.scenarios > 0 ? 'passed' : 'failed';
  const body = `<header><h1>svclab test: <span class="${verdict}">${s.passed} of ${s.scenarios} scenarios passed</span></h1>
<p>${s.expectations - s.expectationsFailed} of ${s.expectations} expectations hold · ${s.failed} failed · ${s.errors} errors · seed ${s.seed}</p>
<p class="filters">Show: ${(['error', 'failed', 'passed'] as const).map((st) => `<label><input type="checkbox" value="${st}" checked> ${st}</label>`).join('')}</p></header>
<main>${scenarios.map(scenario).join('\n')}${run.missing.length ? `<p class="error">no scenario found at ${esc(run.missing.join(', '))}</p>` : ''}</main>`;
  return page(`svclab test: ${s.passed}/${s.scenarios} passed`, body, { style: STYLE, script: SCRIPT });
}
