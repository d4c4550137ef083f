/**
 * The playground page: the live picture, the lint findings beside it, a request bar (source,
 * target, count: the hops drawn and the answers tallied), a DNS bar, the files with an explicit
 * Save, and for a scenario its task, hint ladder and checks. The script only fetches this
 * server's JSON and writes text with textContent; the one piece of markup it inserts is the SVG
 * the server renders (every name in it escaped). It evaluates nothing it receives.
 */
import { esc, page } from '../report/html/page';

const STYLE = `
.layout{display:grid;grid-template-columns:minmax(0,3fr) minmax(280px,1fr);gap:12px}
.bar{display:flex;gap:6px;flex-wrap:wrap;align-items:center;margin:6px 0}
.bar input,.bar select{font:inherit;padding:2px 4px}
#findings li,#checks li{margin-bottom:4px}
textarea{width:100%;min-height:220px;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px}
#status{color:#5b6672;font-size:12px}
`;

const SCRIPT = `
'use strict';
const $ = (id) => document.getElementById(id);
const state = { version: 0, file: null, hints: 0 };
function li(text, cls) { const e = document.createElement('li'); e.textContent = text; if (cls) e.className = cls; return e; }
async function api(path, body) {
  const r = await fetch(path, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const v = await r.json();
  if (!r.ok) throw new Error(v.error || r.statusText);
  return v;
}
function drawSvg(svg) { $('picture').innerHTML = svg; }
function fill(s) {
  state.version = s.version;
  document.body.dataset.version = String(s.version);
  drawSvg(s.svg);
  $('problem').textContent = s.problem || '';
  const f = $('findings'); f.replaceChildren();
  if (!s.findings.length) f.append(li('no lint findings', 'passed'));
  for (const x of s.findings) f.append(li(x.severity + ' ' + x.ruleId + ' ' + x.file + ':' + x.line + ':' + x.column + ': ' + x.message, x.severity));
  const from = $('from'); const keep = from.value; from.replaceChildren();
  for (const src of s.sources) { const o = document.createElement('option'); o.value = src; o.textContent = src; from.append(o); }
  if (keep && s.sources.includes(keep)) from.value = keep;
  $('dnsfrom').replaceChildren(...[...from.options].map((o) => o.cloneNode(true)));
  const files = $('files'); const cur = files.value; files.replaceChildren();
  for (const name of s.files) { const o = document.createElement('option'); o.value = name; o.textContent = name; files.append(o); }
  if (cur && s.files.includes(cur)) files.value = cur;
  const sc = s.scenario;
  $('scenario').hidden = !sc;
  if (sc) {
    $('sc-name').textContent = sc.name;
    $('sc-desc').textContent = sc.description || '';
    $('sc-task').textContent = sc.task || '';
    const c = $('checks'); c.replaceChildren();
    for (const x of sc.checks) c.append(li((x.status === 'passed' ? '✓ ' : '✗ ') + x.name + (x.status === 'passed' ? '' : ': ' + x.message), x.status));
    // The exercise's hint ladder (one step per click), then the hints of the checks that fail.
    const failing = sc.checks.some((x) => x.status !== 'passed');
    const hints = failing ? [...sc.hints, ...sc.checks.filter((x) => x.status !== 'passed' && x.hint).map((x) => x.hint)] : [];
    const h = $('hints'); h.replaceChildren();
    hints.slice(0, state.hints).forEach((t) => h.append(li(t)));
    $('hint').disabled = state.hints >= hints.length;
  }
  $('status').textContent = 'version ' + s.version;
}
async function load() {
  const t0 = performance.now();
  const s = await api('/api/state');
  fill(s);
  window.svclabRedraws = (window.svclabRedraws || []).concat([{ version: s.version, ms: performance.now() - t0, at: Date.now() }]);
  if (!state.file && s.files.length) await openFile(s.files[0]);
}
async function openFile(name) {
  const v = await api('/api/file?path=' + encodeURIComponent(name));
  state.file = name; $('files').value = name; $('editor').value = v.text; $('saved').textContent = '';
}
$('files').addEventListener('change', () => openFile($('files').value));
$('save').addEventListener('click', async () => {
  if (!state.file) return;
  await api('/api/save', { path: state.file, text: $('editor').value });
  $('saved').textContent = 'saved ' + state.file;
});
$('hint').addEventListener('click', () => { state.hints++; load(); });
$('request').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  $('answers').replaceChildren();
  try {
    const r = await api('/api/route', { target: $('target').value, from: $('from').value, count: Number($('count').value) || 1 });
    drawSvg(r.svg);
    const a = $('answers');
    a.append(li(r.route.request + ': ' + r.route.outcome, r.route.outcome === 'ok' ? 'passed' : 'failed'));
    for (const st of r.route.steps) a.append(li(st.n + '. ' + st.kind + ': ' + st.text));
    a.append(li(r.route.tally));
    for (const [pod, n] of Object.entries(r.summary.byPod)) a.append(li(pod + ': ' + n));
  } catch (e) { $('answers').append(li(String(e.message || e), 'failed')); }
});
$('dns').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const out = $('dnsanswers'); out.replaceChildren();
  try {
    const r = await api('/api/dns', { name: $('name').value, type: $('type').value, from: $('dnsfrom').value });
    out.append(li(r.rcode + ' (tried ' + r.tried.join(', ') + ')', r.rcode === 'NOERROR' ? 'passed' : 'failed'));
    for (const x of r.answers) out.append(li(x.name + ' ' + x.type + ' ' + x.data));
  } catch (e) { out.append(li(String(e.message || e), 'failed')); }
});
const events = new EventSource('/api/events');
events.addEventListener('change', (ev) => {
  const t0 = performance.now();
  fill(JSON.parse(ev.data));
  window.svclabRedraws = (window.svclabRedraws || []).concat([{ version: state.version, ms: performance.now() - t0, at: Date.now() }]);
});
load();
`;

export function playgroundPage(folder: string): string {
  const body = `<header><h1>svclab playground: ${esc(folder)}</h1><span id="status"></span></header>
<main>
<section id="scenario" hidden><h2 id="sc-name"></h2><p id="sc-desc"></p><p><b>Task:</b> <span id="sc-task"></span></p>
<h2>Checks</h2><ul id="checks"></ul><button id="hint" type="button">Show a hint</button><ol id="hints"></ol></section>
<form id="request" class="bar" aria-label="request"><label>from <select id="from"></select></label>
<label>target <input id="target" placeholder="my-service:80" required></label>
<label>count <input id="count" type="number" min="1" max="1000" value="5" size="4"></label><button type="submit">curl</button></form>
<form id="dns" class="bar" aria-label="dns"><label>from <select id="dnsfrom"></select></label>
<label>name <input id="name" placeholder="my-service" required></label>
<select id="type"><option>A</option><option>AAAA</option><option>SRV</option><option>CNAME</option><option>PTR</option><option>TXT</option></select><button type="submit">dig</button></form>
<div class="layout"><div><p id="problem" class="error"></p><div id="picture" class="picture"></div><ul id="answers"></ul><ul id="dnsanswers"></ul></div>
<aside><h2>Lint</h2><ul id="findings"></ul>
<h2>Files</h2><div class="bar"><select id="files"></select><button id="save" type="button">Save</button><span id="saved"></span></div>
<textarea id="editor" spellcheck="false" aria-label="file text"></textarea><p>Nothing is written until you press Save.</p></aside></div>
</main>`;
  return page(`svclab playground: ${folder}`, body, { style: STYLE, script: SCRIPT });
}
