/** The picture of a simulated cluster: model, layout and the renderers by format name. */
import type { SimCluster, RouteResult } from '../../sim/types';
import type { Finding } from '../../types';
import { graphHtml } from './html';
import { layoutGraph } from './layout';
import { buildGraph, type GraphModel, type GraphOptions } from './model';
import { routeOverlay, type RouteOverlay } from './route';
import { renderSvg } from './svg';
import { renderDot, renderMermaid } from './text-formats';

export { buildGraph, type GraphModel, type GraphOptions } from './model';
export { routeOverlay, type RouteOverlay } from './route';
export { renderSvg } from './svg';
export { layoutGraph } from './layout';

export const GRAPH_FORMATS = ['svg', 'html', 'mermaid', 'dot'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

export interface Picture {
  model: GraphModel;
  route: RouteOverlay | undefined;
}

/** The picture of a cluster, with the hops of a request when one is given. */
export function picture(cluster: SimCluster, options: GraphOptions & { route?: RouteResult; findings?: readonly Finding[] } = {}): Picture {
  const model = buildGraph(cluster, options);
  const route = options.route ? routeOverlay(model, options.route) : undefined;
  return { model, route };
}

export function renderPicture(format: GraphFormat, p: Picture): string {
  switch (format) {
    case 'svg':
      return renderSvg(p.model, { route: p.route }, layoutGraph(p.model));
    case 'html':
      return graphHtml(p.model, renderSvg(p.model, { route: p.route }, layoutGraph(p.model)), p.route);
    case 'mermaid':
      return renderMermaid(p.model, p.route);
    case 'dot':
      return renderDot(p.model, p.route);
  }
}
