/**
 * Where each part of the picture goes, laid out by dagre (@dagrejs/dagre, a layered layout):
 * left to right, clients, then Services, then the node lanes holding their pods. Small pictures
 * are one graph with a node per lane (see layoutWhole). Large ones (pods drawn as stacks, lanes
 * without pods in them) are laid out one connected part at a time and packed in rows; parts of
 * the same shape share one layout (a cluster of 2,000 Service → Deployment pairs is laid out
 * once), so a big cluster costs little more than a small one. Pure and deterministic: the same
 * model gives the same numbers.
 */
import type * as Dagre from '@dagrejs/dagre' with { 'resolution-mode': 'import' };

// The package is an ES module with a CommonJS build (exports "require": dist/dagre.cjs): required, typed from its ESM types.
// Loaded on first use, so that importing the library does not load the layout engine.
let dagreModule: typeof Dagre | null = null;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const engine = (): typeof Dagre => (dagreModule ??= require('@dagrejs/dagre') as typeof Dagre);
import type { GraphElement, GraphLink, GraphModel } from './model';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PlacedLink {
  link: GraphLink;
  points: Array<{ x: number; y: number }>;
}

export interface Layout {
  width: number;
  height: number;
  boxes: Map<string, Box>;
  lanes: Map<string, Box>;
  links: PlacedLink[];
}

export const LINE_HEIGHT = 16;
export const CHAR_WIDTH = 7;
/** Room at the top of a lane for its name and address. */
export const LANE_HEADER = 36;
const MARGIN = 20;
const ROW_WIDTH = 2400;
const GAP = 30;

export function elementSize(e: GraphElement): { w: number; h: number } {
  const longest = Math.max(e.title.length + (e.marks.length ? 3 : 0), ...e.lines.map((l) => l.length));
  const w = Math.min(360, Math.max(150, Math.ceil(longest * (CHAR_WIDTH + 0.6)) + 24));
  return { w, h: (1 + e.lines.length) * LINE_HEIGHT + 14 };
}

// The lane's name (bold) and its lines, written on one row as svg.ts draws them.
const laneSize = (title: string, lines: string[]) => ({ w: Math.max(150, Math.ceil(Math.max(`node ${title}`.length, lines.join('  ').length) * (CHAR_WIDTH + 0.6)) + 24), h: LANE_HEADER + 10 });

const dims = (s: { w: number; h: number }) => ({ width: s.w, height: s.h });

function newGraph(): Dagre.graphlib.Graph {
  const g = new (engine().graphlib.Graph)({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 30, ranksep: 110, marginx: 0, marginy: 0, ranker: 'network-simplex' });
  g.setDefaultEdgeLabel(() => ({}));
  return g;
}

function addLinks(g: Dagre.graphlib.Graph, links: GraphLink[]): void {
  links.forEach((l, i) => g.setEdge(l.from, l.to, { minlen: 1, weight: 1 }, String(i)));
}

function edgePoints(g: Dagre.graphlib.Graph, links: GraphLink[], dx: number, dy: number): PlacedLink[] {
  return links.map((link, i) => ({ link, points: (g.edge({ v: link.from, w: link.to, name: String(i) }) as { points?: Array<{ x: number; y: number }> }).points?.map((p) => ({ x: p.x + dx, y: p.y + dy })) ?? [] }));
}

/** Room around the pods inside a lane, and between two pods. */
const LANE_PAD = 12;

/**
 * Lanes and what is outside them, laid out by dagre as one graph in which each lane is one node
 * (as tall as its pods stacked, plus its header) and links into a lane are edges to it; the pods
 * are then stacked in their lane in the order of the Services that link to them (barycenter, as
 * dagre's own ordering does), and links end at their pod with an elbow in front of the lane.
 * Much smaller than a compound graph with a node per pod, so a save in the playground re-draws
 * quickly.
 */
function layoutWhole(model: GraphModel): Layout {
  const g = newGraph();
  const sizes = new Map(model.elements.map((e) => [e.id, elementSize(e)]));
  const laneOf = new Map<string, string>();
  const members = new Map<string, GraphElement[]>();
  for (const e of model.elements) {
    if (e.lane === null || !model.lanes.some((l) => l.id === e.lane)) continue;
    laneOf.set(e.id, e.lane);
    const list = members.get(e.lane);
    if (list) list.push(e);
    else members.set(e.lane, [e]);
  }
  const laneSizes = new Map<string, { w: number; h: number }>();
  for (const lane of model.lanes) {
    const pods = members.get(lane.id) ?? [];
    const own = laneSize(lane.title, lane.lines);
    const w = Math.max(own.w, ...pods.map((p) => (sizes.get(p.id)?.w ?? 0) + 2 * LANE_PAD));
    const h = LANE_HEADER + pods.reduce((sum, p) => sum + (sizes.get(p.id)?.h ?? 0) + LANE_PAD, 0) + (pods.length ? 0 : 10);
    laneSizes.set(lane.id, { w, h });
    g.setNode(lane.id, dims({ w, h }));
  }
  for (const e of model.elements) if (!laneOf.has(e.id)) g.setNode(e.id, dims(sizes.get(e.id) ?? { w: 0, h: 0 }));
  const place = (id: string) => laneOf.get(id) ?? id;
  const edges = new Map<string, GraphLink>();
  for (const l of model.links) {
    const key = `${place(l.from)}\u0000${place(l.to)}`;
    if (!edges.has(key) && place(l.from) !== place(l.to)) edges.set(key, { ...l, from: place(l.from), to: place(l.to) });
  }
  const laneLinks = [...edges.values()];
  addLinks(g, laneLinks);
  engine().layout(g);

  const boxes = new Map<string, Box>();
  const lanes = new Map<string, Box>();
  const center = (id: string) => g.node(id);
  for (const e of model.elements) {
    if (laneOf.has(e.id)) continue;
    const n = center(e.id);
    boxes.set(e.id, { x: n.x - n.width / 2 + MARGIN, y: n.y - n.height / 2 + MARGIN, w: n.width, h: n.height });
  }
  for (const lane of model.lanes) {
    const n = center(lane.id);
    const box = { x: n.x - n.width / 2 + MARGIN, y: n.y - n.height / 2 + MARGIN, w: n.width, h: n.height };
    lanes.set(lane.id, box);
    // Pods in the order of the mean height of what links to them, then by id.
    const weight = (p: GraphElement) => {
      const ys = model.links.filter((l) => l.to === p.id && boxes.has(l.from)).map((l) => (boxes.get(l.from)?.y ?? 0));
      return ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : Number.MAX_SAFE_INTEGER;
    };
    const pods = (members.get(lane.id) ?? []).map((p) => ({ p, w: weight(p) })).sort((a, b) => a.w - b.w || (a.p.id < b.p.id ? -1 : 1));
    let y = box.y + LANE_HEADER;
    for (const { p } of pods) {
      const s = sizes.get(p.id) ?? { w: 0, h: 0 };
      boxes.set(p.id, { x: box.x + LANE_PAD, y, w: s.w, h: s.h });
      y += s.h + LANE_PAD;
    }
  }
  // Links that end at one pod arrive at different heights, so that their labels do not overlap.
  const incoming = new Map<string, number>();
  for (const l of model.links) incoming.set(l.to, (incoming.get(l.to) ?? 0) + 1);
  const arrived = new Map<string, number>();
  const links: PlacedLink[] = model.links.map((link) => {
    const from = boxes.get(link.from);
    const to = boxes.get(link.to);
    const lane = laneOf.has(link.to) ? lanes.get(laneOf.get(link.to) ?? '') : undefined;
    if (!from || !to) return { link, points: [] };
    const k = arrived.get(link.to) ?? 0;
    arrived.set(link.to, k + 1);
    const spread = Math.min(LINE_HEIGHT, to.h / Math.max(1, incoming.get(link.to) ?? 1));
    const start = { x: from.x + from.w, y: from.y + from.h / 2 };
    const end = { x: to.x, y: to.y + to.h / 2 + (k - ((incoming.get(link.to) ?? 1) - 1) / 2) * spread };
    if (!lane) return { link, points: [start, end] };
    const elbow = lane.x - 70;
    return { link, points: [start, { x: elbow, y: start.y }, { x: elbow, y: end.y }, end] };
  });
  return finish(boxes, lanes, links);
}

interface Part {
  ids: string[];
  links: GraphLink[];
}

/** Connected parts of the picture, in the order of their first element. */
function parts(model: GraphModel): Part[] {
  const parent = new Map<string, string>(model.elements.map((e) => [e.id, e.id]));
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) ?? r;
    parent.set(x, r);
    return r;
  };
  for (const l of model.links) if (parent.has(l.from) && parent.has(l.to)) parent.set(find(l.from), find(l.to));
  const byRoot = new Map<string, Part>();
  for (const e of model.elements) {
    const r = find(e.id);
    const p = byRoot.get(r);
    if (p) p.ids.push(e.id);
    else byRoot.set(r, { ids: [e.id], links: [] });
  }
  for (const l of model.links) byRoot.get(find(l.from))?.links.push(l);
  return [...byRoot.values()];
}

/** A part's shape: its elements' sizes and its links by position, so equal shapes share a layout. */
function shapeOf(part: Part, sizes: Map<string, { w: number; h: number }>): string {
  const index = new Map(part.ids.map((id, i) => [id, i]));
  const nodes = part.ids.map((id) => `${sizes.get(id)?.w}x${sizes.get(id)?.h}`).join(',');
  return `${nodes}|${part.links.map((l) => `${index.get(l.from)}>${index.get(l.to)}`).join(',')}`;
}

interface PartLayout {
  w: number;
  h: number;
  at: Array<{ x: number; y: number }>;
  points: Array<Array<{ x: number; y: number }>>;
}

function layoutPart(part: Part, sizes: Map<string, { w: number; h: number }>): PartLayout {
  const g = newGraph();
  for (const id of part.ids) g.setNode(id, dims(sizes.get(id) ?? { w: 0, h: 0 }));
  addLinks(g, part.links);
  engine().layout(g);
  const graph = g.graph() as { width?: number; height?: number };
  return {
    w: graph.width ?? 0,
    h: graph.height ?? 0,
    at: part.ids.map((id) => ({ x: g.node(id).x, y: g.node(id).y })),
    points: part.links.map((l, i) => (g.edge({ v: l.from, w: l.to, name: String(i) }) as { points?: Array<{ x: number; y: number }> }).points ?? []),
  };
}

/** Parts laid out apart and packed in rows below a strip of the node lanes. */
function layoutParts(model: GraphModel): Layout {
  const sizes = new Map(model.elements.map((e) => [e.id, elementSize(e)]));
  const boxes = new Map<string, Box>();
  const lanes = new Map<string, Box>();
  const links: PlacedLink[] = [];
  let x = MARGIN;
  let y = MARGIN;
  let rowHeight = 0;
  const place = (w: number, h: number): { x: number; y: number } => {
    if (x > MARGIN && x + w > ROW_WIDTH) {
      x = MARGIN;
      y += rowHeight + GAP;
      rowHeight = 0;
    }
    const at = { x, y };
    x += w + GAP;
    rowHeight = Math.max(rowHeight, h);
    return at;
  };
  for (const lane of model.lanes) {
    const s = laneSize(lane.title, lane.lines);
    const at = place(s.w, s.h);
    lanes.set(lane.id, { ...at, ...s });
  }
  if (model.lanes.length) {
    x = ROW_WIDTH; // the parts start on a new row
  }
  const cache = new Map<string, PartLayout>();
  for (const part of parts(model)) {
    const key = shapeOf(part, sizes);
    let pl = cache.get(key);
    if (!pl) cache.set(key, (pl = layoutPart(part, sizes)));
    const at = place(pl.w, pl.h);
    part.ids.forEach((id, i) => {
      const s = sizes.get(id) ?? { w: 0, h: 0 };
      boxes.set(id, { x: at.x + (pl?.at[i].x ?? 0) - s.w / 2, y: at.y + (pl?.at[i].y ?? 0) - s.h / 2, w: s.w, h: s.h });
    });
    part.links.forEach((link, i) => links.push({ link, points: (pl?.points[i] ?? []).map((p) => ({ x: p.x + at.x, y: p.y + at.y })) }));
  }
  return finish(boxes, lanes, links);
}

function finish(boxes: Map<string, Box>, lanes: Map<string, Box>, links: PlacedLink[]): Layout {
  let width = 0;
  let height = 0;
  for (const b of [...boxes.values(), ...lanes.values()]) {
    width = Math.max(width, b.x + b.w);
    height = Math.max(height, b.y + b.h);
  }
  return { width: Math.ceil(width + MARGIN), height: Math.ceil(height + MARGIN), boxes, lanes, links };
}

/** Lays the picture out: one compound graph with lanes, or (stacked pictures) part by part. */
export function layoutGraph(model: GraphModel): Layout {
  return model.stacked ? layoutParts(model) : layoutWhole(model);
}
