/**
 * The picture as text for other tools: Mermaid (`flowchart LR`, which GitHub renders in README
 * files and pull requests) and Graphviz DOT. Lanes become subgraphs, links keep their labels,
 * states are written in the labels (not only in a style). Names are escaped for each syntax.
 */
import type { GraphElement, GraphModel } from './model';
import type { RouteOverlay } from './route';

/** Mermaid label text: quotes and angle brackets as Mermaid's entity codes (no HTML reaches the page). */
const mm = (s: string) => s.replace(/#/g, '#35;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;').replace(/[\r\n]+/g, ' ');

function label(e: GraphElement): string {
  const mark = e.marks.length ? `${e.marks.some((m) => m.severity === 'error') ? 'error' : 'warning'}: ${e.marks.map((m) => m.ruleId).join(', ')}` : '';
  return [e.title, ...e.lines, mark].filter(Boolean).join('\n');
}

function ids(model: GraphModel): Map<string, string> {
  const out = new Map<string, string>();
  model.lanes.forEach((l, i) => out.set(l.id, `lane${i}`));
  model.elements.forEach((e, i) => out.set(e.id, `n${i}`));
  return out;
}

export function renderMermaid(model: GraphModel, route?: RouteOverlay): string {
  const id = ids(model);
  const shape = (e: GraphElement) => {
    const text = `"${label(e).split('\n').map(mm).join('<br/>')}"`;
    return e.kind === 'service' ? `${id.get(e.id)}([${text}])` : e.kind === 'stack' ? `${id.get(e.id)}[[${text}]]` : e.kind === 'client' || e.kind === 'external-name' ? `${id.get(e.id)}>${text}]` : `${id.get(e.id)}[${text}]`;
  };
  const lines = ['flowchart LR', `  %% ${mm(model.title)}: ${mm(model.description)}`];
  for (const lane of model.lanes) {
    const inside = model.elements.filter((e) => e.lane === lane.id);
    lines.push(`  subgraph ${id.get(lane.id)}["node ${mm(lane.title)} ${mm(lane.lines.join(' '))}"]`);
    for (const e of inside) lines.push(`    ${shape(e)}`);
    // An empty subgraph is not drawn by every renderer: say that the node holds no pods.
    if (!inside.length) lines.push(`    ${id.get(lane.id)}_empty["no pods"]`);
    lines.push('  end');
  }
  for (const e of model.elements) if (e.lane === null) lines.push(`  ${shape(e)}`);
  for (const l of model.links) {
    const arrow = l.state === 'ready' ? '-->' : '-.->';
    lines.push(`  ${id.get(l.from)} ${arrow}|"${mm(l.label)}"| ${id.get(l.to)}`);
  }
  if (route) {
    route.steps.forEach((s, i) => {
      const next = route.steps[i + 1];
      if (next && next.at !== s.at) lines.push(`  ${id.get(s.at)} ==>|"${next.n}. ${mm(next.kind)}"| ${id.get(next.at)}`);
    });
    lines.push(`  %% route: ${mm(route.request)}: ${route.outcome}`);
  }
  for (const e of model.elements) {
    const cls = e.marks.length ? 'marked' : e.state && e.state !== 'ready' ? e.state.replace('-', '') : null;
    if (cls) lines.push(`  class ${id.get(e.id)} ${cls}`);
  }
  lines.push('  classDef marked stroke:#c62828,stroke-width:3px', '  classDef notready stroke:#b26a00,stroke-dasharray:4 2', '  classDef terminating stroke:#757575,stroke-dasharray:2 2', '  classDef pending stroke:#9e9e9e,stroke-dasharray:8 4');
  return `${lines.join('\n')}\n`;
}

/** DOT string: backslashes and quotes escaped, newlines as DOT's `\n`. */
const dq = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;

export function renderDot(model: GraphModel, route?: RouteOverlay): string {
  const lines = ['digraph svclab {', '  rankdir=LR;', `  label=${dq(`${model.title}: ${model.description}`)};`, '  node [shape=box, style="rounded", fontname="sans-serif"];'];
  const style = (e: GraphElement) => {
    const attrs = [`label=${dq(label(e))}`];
    if (e.kind === 'service') attrs.push('shape=ellipse');
    if (e.kind === 'stack') attrs.push('shape=box3d');
    if (e.state && e.state !== 'ready') attrs.push('style="rounded,dashed"');
    if (e.marks.length) attrs.push('color=red, penwidth=2');
    return `${dq(e.id)} [${attrs.join(', ')}];`;
  };
  model.lanes.forEach((lane, i) => {
    lines.push(`  subgraph cluster_${i} {`, `    label=${dq(`node ${lane.title}\n${lane.lines.join(' ')}`)};`, '    style=dashed;');
    for (const e of model.elements) if (e.lane === lane.id) lines.push(`    ${style(e)}`);
    if (!model.elements.some((e) => e.lane === lane.id)) lines.push(`    ${dq(`${lane.id}/empty`)} [label="no pods", shape=plaintext];`);
    lines.push('  }');
  });
  for (const e of model.elements) if (e.lane === null) lines.push(`  ${style(e)}`);
  for (const l of model.links) lines.push(`  ${dq(l.from)} -> ${dq(l.to)} [label=${dq(l.label)}${l.state === 'ready' ? '' : ', style=dashed'}];`);
  if (route) {
    route.steps.forEach((s, i) => {
      const next = route.steps[i + 1];
      if (next && next.at !== s.at && !s.at.startsWith('node:') && !next.at.startsWith('node:')) lines.push(`  ${dq(s.at)} -> ${dq(next.at)} [label=${dq(`${next.n}. ${next.kind}`)}, color=orange, penwidth=3];`);
    });
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
