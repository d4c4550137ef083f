/**
 * The picture as one self-contained SVG: no script, no external font or image, inline style.
 * Accessible: a <title> and <desc> for the whole, a <title> per element (its labels and lint
 * marks, shown on hover), and every state said in words (a not-ready pod says "not-ready", a
 * link says "unresolved"), not only in colour. Every text is escaped: a label holding `<script>`
 * is drawn as those characters.
 */
import { xmlAttr, xmlText } from '../../report/xml';
import { CHAR_WIDTH, LANE_HEADER, LINE_HEIGHT, layoutGraph, type Box, type Layout } from './layout';
import type { GraphElement, GraphModel } from './model';
import type { RouteOverlay } from './route';

const STYLE = `
svg.svclab-graph{font-family:ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;font-size:12px}
.lane>rect{fill:#f4f6f8;stroke:#8a96a3;stroke-dasharray:6 3}
.lane text.t{font-weight:bold;fill:#37414b}
.lane text{fill:#5b6672}
.el>rect{stroke-width:1.5}
.el text{fill:#1b1f23}
.el text.t{font-weight:bold}
.pod>rect,.stack>rect{fill:#e6f4ea;stroke:#2e7d32}
.pod.not-ready>rect,.stack.not-ready>rect{fill:#fff4e0;stroke:#b26a00;stroke-dasharray:4 2}
.pod.terminating>rect,.stack.terminating>rect{fill:#f1f1f1;stroke:#757575;stroke-dasharray:2 2}
.pod.pending>rect,.stack.pending>rect{fill:#fafafa;stroke:#9e9e9e;stroke-dasharray:8 4}
.service>rect{fill:#e8f0fe;stroke:#1a56db}
.external-name>rect,.client>rect,.entry>rect{fill:#fff;stroke:#6b21a8}
.policy>rect{fill:#fdf2f8;stroke:#9d174d}
.el.marked>rect{stroke:#c62828;stroke-width:2.5}
.link path{fill:none;stroke:#1a56db;stroke-width:1.4}
.link.not-ready path{stroke:#b26a00;stroke-dasharray:5 3}
.link.unresolved path{stroke:#c62828;stroke-dasharray:2 3}
.link.external-name path{stroke:#6b21a8;stroke-dasharray:6 3}
.link.entry path{stroke:#6b21a8}
.link.policy path{stroke:#9d174d;stroke-dasharray:3 3}
.link text{fill:#37414b;font-size:11px}
.route path{fill:none;stroke:#e8590c;stroke-width:3;stroke-opacity:.85}
.route circle{fill:#e8590c}
.route circle.end{fill:#c62828}
.route text.n{fill:#fff;font-weight:bold;text-anchor:middle}
.route text.c{fill:#1b1f23}
.route text.end{fill:#c62828;font-weight:bold}
`.trim();

export interface SvgOptions {
  route?: RouteOverlay;
}

const fit = (text: string, width: number) => {
  const max = Math.max(4, Math.floor((width - 16) / CHAR_WIDTH));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};

const n = (v: number) => (Math.round(v * 10) / 10).toString();

function elementTitle(e: GraphElement): string {
  const parts = [`${e.kind} ${e.namespace ? `${e.namespace}/` : ''}${e.title}`, ...e.lines];
  const labels = Object.entries(e.labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (labels.length) parts.push(`${e.kind === 'service' ? 'selector' : 'labels'}: ${labels.map(([k, v]) => `${k}=${v}`).join(', ')}`);
  for (const m of e.marks) parts.push(`${m.severity} ${m.ruleId}: ${m.message}`);
  return parts.join('\n');
}

function drawElement(e: GraphElement, b: Box, index: number): string {
  const classes = ['el', e.kind, e.state ?? '', e.marks.length ? 'marked' : ''].filter(Boolean).join(' ');
  const out = [`<g class="${classes}" id="e${index}" data-id="${xmlAttr(e.id)}" data-kind="${e.kind}" tabindex="0">`, `<title>${xmlText(elementTitle(e))}</title>`];
  if (e.kind === 'stack') {
    out.push(`<rect x="${n(b.x + 8)}" y="${n(b.y - 8)}" width="${n(b.w)}" height="${n(b.h)}" rx="6"/>`);
    out.push(`<rect x="${n(b.x + 4)}" y="${n(b.y - 4)}" width="${n(b.w)}" height="${n(b.h)}" rx="6"/>`);
  }
  out.push(`<rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.w)}" height="${n(b.h)}" rx="6"/>`);
  const mark = e.marks.length ? (e.marks.some((m) => m.severity === 'error') ? '✖ ' : '⚠ ') : '';
  out.push(`<text class="t" x="${n(b.x + 8)}" y="${n(b.y + 4 + LINE_HEIGHT)}">${xmlText(fit(mark + e.title, b.w))}</text>`);
  e.lines.forEach((line, i) => out.push(`<text x="${n(b.x + 8)}" y="${n(b.y + 4 + LINE_HEIGHT * (i + 2))}">${xmlText(fit(line, b.w))}</text>`));
  out.push('</g>');
  return out.join('');
}

function drawLinks(layout: Layout): string {
  return layout.links
    .filter((l) => l.points.length > 1)
    .map((l) => {
      const d = l.points.map((p, i) => `${i ? 'L' : 'M'}${n(p.x)},${n(p.y)}`).join(' ');
      // The label sits on the line just before the arrow, right-aligned, where no box covers it.
      const end = l.points[l.points.length - 1];
      return `<g class="link ${l.link.state}" data-from="${xmlAttr(l.link.from)}" data-to="${xmlAttr(l.link.to)}"><title>${xmlText(`${l.link.from} → ${l.link.to}: ${l.link.label}`)}</title><path d="${d}" marker-end="url(#arrow)"/><text x="${n(end.x - 4)}" y="${n(end.y - 5)}" text-anchor="end">${xmlText(l.link.label)}</text></g>`;
    })
    .join('\n');
}

/** The hops as numbered badges on what they concern, joined by a path, and captions below. */
function drawRoute(route: RouteOverlay, layout: Layout, top: number): { svg: string; height: number; width: number } {
  const centers: Array<{ x: number; y: number }> = [];
  const seen = new Map<string, number>();
  for (const s of route.steps) {
    const b = layout.boxes.get(s.at) ?? layout.lanes.get(s.at);
    const k = seen.get(s.at) ?? 0;
    seen.set(s.at, k + 1);
    centers.push(b ? { x: b.x + b.w - 10 - k * 22, y: b.y + (layout.lanes.has(s.at) && !layout.boxes.has(s.at) ? LANE_HEADER / 2 : 10) } : { x: 12, y: 12 });
  }
  const out = [`<g class="route" data-request="${xmlAttr(route.request)}" data-outcome="${route.outcome}">`];
  if (centers.length > 1) out.push(`<path d="${centers.map((p, i) => `${i ? 'L' : 'M'}${n(p.x)},${n(p.y)}`).join(' ')}"/>`);
  route.steps.forEach((s, i) => {
    const p = centers[i];
    out.push(`<g class="hop" data-step="${s.n}" data-at="${xmlAttr(s.at)}" data-kind="${s.kind}"><title>${xmlText(`${s.n}. ${s.text}`)}</title><circle class="${s.ends ? 'end' : ''}" cx="${n(p.x)}" cy="${n(p.y)}" r="9"/><text class="n" x="${n(p.x)}" y="${n(p.y + 4)}">${s.n}</text></g>`);
  });
  const lines = [`${route.request} — ${route.outcome}: ${route.reason}`, ...route.steps.map((s) => `${s.n}. ${s.kind}: ${s.text}${s.ends ? ` (${s.ends})` : ''}`), route.tally];
  let width = 0;
  lines.forEach((line, i) => {
    out.push(`<text class="${i === 0 && route.outcome !== 'ok' ? 'c end' : 'c'}" x="20" y="${n(top + LINE_HEIGHT * (i + 1))}">${xmlText(line)}</text>`);
    width = Math.max(width, 40 + line.length * CHAR_WIDTH);
  });
  out.push('</g>');
  return { svg: out.join('\n'), height: LINE_HEIGHT * (lines.length + 1), width };
}

/** Renders a laid-out picture (laid out here when no layout is given). */
export function renderSvg(model: GraphModel, options: SvgOptions = {}, layout: Layout = layoutGraph(model)): string {
  const lanes = model.lanes
    .map((lane) => {
      const b = layout.lanes.get(lane.id);
      if (!b) return '';
      return `<g class="lane" data-id="${xmlAttr(lane.id)}"><title>${xmlText(`node ${lane.title}: ${lane.lines.join(', ')}, ${lane.pods} pod${lane.pods === 1 ? '' : 's'}`)}</title><rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.w)}" height="${n(b.h)}" rx="8"/><text class="t" x="${n(b.x + 8)}" y="${n(b.y + 15)}">${xmlText(fit(`node ${lane.title}`, b.w))}</text><text x="${n(b.x + 8)}" y="${n(b.y + 30)}">${xmlText(fit(lane.lines.join('  '), b.w))}</text></g>`;
    })
    .join('\n');
  const elements = model.elements.map((e, i) => {
    const b = layout.boxes.get(e.id);
    return b ? drawElement(e, b, i) : '';
  });
  const route = options.route ? drawRoute(options.route, layout, layout.height) : null;
  const width = Math.max(layout.width, route?.width ?? 0, 200);
  const height = layout.height + (route?.height ?? 0);
  const desc = `${model.description}.${options.route ? ` Route: ${options.route.request}, ${options.route.outcome}.` : ''}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="svclab-graph" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="svclab-title svclab-desc">`,
    `<title id="svclab-title">${xmlText(model.title)}</title>`,
    `<desc id="svclab-desc">${xmlText(desc)}</desc>`,
    `<style>${STYLE}</style>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#5b6672"/></marker></defs>',
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<g class="lanes">${lanes}</g>`,
    `<g class="links">${drawLinks(layout)}</g>`,
    `<g class="elements">${elements.join('\n')}</g>`,
    route ? route.svg : '',
    '</svg>',
    '',
  ].join('\n');
}
