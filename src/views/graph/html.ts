/** The picture as a self-contained HTML page: the SVG inline (labels on hover), a legend, the hops of a request. */
import { esc, page } from '../../report/html/page';
import type { GraphModel } from './model';
import type { RouteOverlay } from './route';

const LEGEND = [
  ['pod, Running and Ready', 'solid green box'],
  ['pod not Ready / Terminating / Pending', 'dashed box, state written under the IP'],
  ['stack', 'the pods of one workload, with their count'],
  ['Service', 'blue box: type, ClusterIP, ports port→targetPort (:nodePort)'],
  ['link', 'Service port → endpoint port; dashed: not ready; dotted red: named targetPort unresolved'],
  ['✖ / ⚠', 'a lint error / warning about the object (hover for the message)'],
];

export function graphHtml(model: GraphModel, svg: string, route?: RouteOverlay): string {
  const hops = route
    ? `<h2>Route: <code>${esc(route.request)}</code> — <span class="${route.outcome === 'ok' ? 'passed' : 'failed'}">${esc(route.outcome)}</span></h2><ol class="hops">${route.steps.map((s) => `<li data-step="${s.n}"><b>${esc(s.kind)}</b> ${esc(s.text)}${s.ends ? ` <span class="failed">(${esc(s.ends)})</span>` : ''}</li>`).join('')}</ol><p>${esc(route.tally)}</p>`
    : '';
  const legend = `<h2>Legend</h2><table>${LEGEND.map(([a, b]) => `<tr><th>${esc(a)}</th><td>${esc(b)}</td></tr>`).join('')}</table>`;
  return page(model.title, `<header><h1>${esc(model.title)}</h1><p>${esc(model.description)}</p></header><main>${hops}<div class="picture">${svg}</div>${legend}</main>`);
}
