/**
 * Author mistakes found when a scenario is loaded (and so by `svclab validate`), instead of at
 * run time in front of a learner: sources that are not `pod`, `pod/NAME`, `pod/NS/NAME`,
 * `node/NAME` or `external` (`from: node-1`), placeholders of an unknown kind (`${nod:node-1}`)
 * or naming a node the scenario's cluster does not have (`${node:node-9}`, `node/node-9`).
 * Every mistake of the file is reported in one pass, with a did-you-mean where one fits.
 */
import * as fs from 'node:fs';
import type { FieldPath } from '../types';
import { didYouMean } from '../util/did-you-mean';
import { defaultNodes } from '../sim/default-cluster';
import type { ScenarioSpec } from './spec';

const PLACEHOLDER_KINDS = ['svc', 'lb', 'node', 'pod', 'nodePort'];
const SOURCE_SHAPE = 'a source is pod, pod/NAME, pod/NAMESPACE/NAME, node/NAME or external';

type At = (p: FieldPath, message: string) => void;

/** The node names of the scenario's cluster, or null when a Cluster object among the manifests may set them. */
export function scenarioNodeNames(spec: ScenarioSpec, hasClusterObject: boolean): string[] | null {
  if (hasClusterObject) return null;
  const nodes = rec(spec.cluster).nodes;
  // As clusterOverrides (./analysis) reads `cluster.nodes`: a number of workers beside the control plane, or the nodes by name.
  if (Array.isArray(nodes)) return nodes.map((n) => String(rec(n).name));
  return defaultNodes(typeof nodes === 'number' ? nodes : undefined).map((n) => n.name);
}

function checkSource(from: unknown, p: FieldPath, nodes: string[] | null, at: At, wildcard: boolean): void {
  // Also run on a scenario that failed its schema check: only what has the right shape is looked at.
  if (typeof from !== 'string') return;
  const text = from.trim();
  if (text === 'pod' || text === 'external') return;
  const [kind, ...rest] = text.split('/');
  if (['pod', 'pods', 'po'].includes(kind) && rest.length >= 1 && rest.length <= 2 && rest.every((r) => r !== '')) return;
  if (['node', 'nodes', 'no'].includes(kind) && rest.length === 1 && rest[0] !== '') {
    const name = rest[0];
    if ((wildcard && name === '*') || nodes === null || nodes.includes(name)) return;
    const guess = didYouMean(name, nodes);
    at(p, `author error: from "${from}" names no node of the scenario's cluster (nodes: ${nodes.join(', ')})${guess ? `; did you mean node/${guess}?` : ''}`);
    return;
  }
  if (wildcard && ['pod', 'node'].includes(kind) && rest.join('/') === '*') return;
  const guess = nodes?.includes(text) ? `node/${text}` : didYouMean(text, ['pod', 'external']);
  at(p, `author error: from "${from}" is not a source: ${SOURCE_SHAPE}${guess ? ` (did you mean ${guess}?)` : ''}`);
}

function checkTarget(to: unknown, p: FieldPath, nodes: string[] | null, at: At, wildcard: boolean): void {
  if (typeof to !== 'string') return;
  for (const m of to.matchAll(/\$\{([^}:]*)(?::([^}]*))?\}/g)) {
    const [whole, kind, name] = m;
    if (!PLACEHOLDER_KINDS.includes(kind)) {
      const guess = didYouMean(kind, PLACEHOLDER_KINDS);
      at(p, `author error: ${whole} is not a placeholder: use \${svc:NAME}, \${lb:NAME}, \${nodePort:NAME}, \${node:NAME} or \${pod:NAME}${guess ? ` (did you mean \${${guess}:${name ?? ''}}?)` : ''}`);
    } else if (name === undefined || name === '') {
      at(p, `author error: ${whole} names nothing: write \${${kind}:NAME}`);
    } else if (kind === 'node' && nodes !== null && !(wildcard && name === '*') && !nodes.includes(name)) {
      const guess = didYouMean(name, nodes);
      at(p, `author error: ${whole} names no node of the scenario's cluster (nodes: ${nodes.join(', ')})${guess ? `; did you mean \${node:${guess}}?` : ''}`);
    }
  }
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const rec = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

function checkExpect(expect: unknown, base: FieldPath, nodes: string[] | null, at: At): void {
  const e = rec(expect);
  list(e.routes).forEach((r, i) => {
    checkSource(rec(r).from, [...base, 'routes', i, 'from'], nodes, at, false);
    checkTarget(rec(r).to, [...base, 'routes', i, 'to'], nodes, at, false);
  });
  list(e.dns).forEach((d, i) => checkSource(rec(d).from, [...base, 'dns', i, 'from'], nodes, at, false));
  list(e.matrix).forEach((m, i) => {
    list(rec(m).from).forEach((f, j) => checkSource(f, [...base, 'matrix', i, 'from', j], nodes, at, true));
    list(rec(m).to).forEach((t, j) => checkTarget(t, [...base, 'matrix', i, 'to', j], nodes, at, true));
    list(rec(m).except).forEach((c, j) => {
      // An exception names a row or column as written (`node/*`, `${node:*}:30080`) or as expanded.
      checkSource(rec(c).from, [...base, 'matrix', i, 'except', j, 'from'], nodes, at, true);
      checkTarget(rec(c).to, [...base, 'matrix', i, 'except', j, 'to'], nodes, at, true);
    });
  });
}

/** Every source and placeholder of the scenario, top-level expectations and steps alike (the value may have failed its schema check). */
export function checkAuthorMistakes(spec: unknown, nodes: string[] | null, at: At): void {
  checkExpect(rec(spec).expect, ['expect'], nodes, at);
  list(rec(spec).steps).forEach((s, i) => checkExpect(rec(s).expect, ['steps', i, 'expect'], nodes, at));
}

/** Whether one of these files may hold a Cluster object (read only to decide whether node names can be checked before the run; at most 1 MB each). */
export function mayHoldClusterObject(files: string[]): boolean {
  return files.some((f) => {
    try {
      return fs.statSync(f).size <= 1024 * 1024 && /^kind:\s*["']?Cluster["']?\s*$/m.test(fs.readFileSync(f, 'utf8'));
    } catch {
      return false;
    }
  });
}
