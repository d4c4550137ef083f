/**
 * Label selection, once, with Kubernetes' names and semantics (k8s.io/apimachinery/pkg/labels
 * and pkg/apis/meta/v1/helpers.go). Two kinds of selector exist and differ on "empty":
 * - a plain map (a Service's or ReplicationController's `selector`): labels.SelectorFromSet,
 *   where an empty map selects everything. Whether a Service *without* a selector selects
 *   anything is its controllers' decision, not the selector's: they skip it ("services without
 *   a selector receive no endpoints"), and so must every caller, explicitly;
 * - a metav1.LabelSelector (Deployment, NetworkPolicy, ...): LabelSelectorAsSelector, where an
 *   empty selector selects everything and a nil one (undefined) selects nothing.
 */
import type { LabelSelector, LabelSelectorRequirement } from './types';

type Labels = Record<string, string>;

/** labels.Selector: a compiled label query. */
export interface Selector {
  matches(labels: Labels): boolean;
  /** Selector.Empty(): it has no requirement, so it selects everything. */
  empty(): boolean;
}

/** labels.Nothing(): selects no object (the selector of a nil metav1.LabelSelector). */
const NOTHING: Selector = { matches: () => false, empty: () => false };

function setMatches(set: Labels, labels: Labels): boolean {
  for (const key in set) if (labels[key] !== set[key]) return false;
  return true;
}

/** labels.SelectorFromSet: every pair of the set must be present with the same value; an empty set selects everything. */
export function selectorFromSet(set: Labels): Selector {
  return { matches: (labels) => setMatches(set, labels), empty: () => Object.keys(set).length === 0 };
}

/** labels.Requirement.Matches for the four LabelSelector operators. */
function requirementMatches(req: LabelSelectorRequirement, labels: Labels): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  switch (req.operator) {
    case 'In':
      return has && req.values.includes(labels[req.key]);
    case 'NotIn':
      return !has || !req.values.includes(labels[req.key]);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
  }
}

/**
 * metav1.LabelSelectorAsSelector: matchLabels and matchExpressions, all ANDed; an empty
 * selector selects everything, a nil one (undefined) selects nothing.
 */
export function labelSelectorAsSelector(selector: LabelSelector | undefined): Selector {
  if (selector === undefined) return NOTHING;
  const { matchLabels, matchExpressions } = selector;
  return {
    matches: (labels) => setMatches(matchLabels, labels) && matchExpressions.every((req) => requirementMatches(req, labels)),
    empty: () => Object.keys(matchLabels).length === 0 && matchExpressions.length === 0,
  };
}

/** labels.FormatLabels: `k=v,k2=v2` in key order, `<none>` for no labels. */
export function formatLabels(labels: Labels): string {
  const keys = Object.keys(labels).sort();
  return keys.length ? keys.map((k) => `${k}=${labels[k]}`).join(',') : '<none>';
}

/** The answer that selects nothing (shared: frozen). */
const NONE: readonly never[] = Object.freeze([]);

/**
 * Items indexed by label pair, so that a selector is matched against the few items carrying
 * its rarest pair instead of against every item (no selector x pod scan).
 */
export class LabelIndex<T> {
  private readonly byPair = new Map<string, T[]>();
  private readonly all: T[] = [];
  /**
   * Answers of selectMap by the set's pairs, until the next add: copies of an app (one chart
   * rendered per environment, a file applied twice) ask the same selector again and again.
   */
  private readonly answers = new Map<string, T[]>();

  constructor(private readonly labelsOf: (item: T) => Labels) {}

  add(item: T): void {
    this.answers.clear();
    this.all.push(item);
    const labels = this.labelsOf(item);
    for (const key in labels) {
      const pair = `${key}\u0000${labels[key]}`;
      let list = this.byPair.get(pair);
      if (!list) this.byPair.set(pair, (list = []));
      list.push(item);
    }
  }

  /** The items labels.SelectorFromSet(set) selects (an empty set: all of them). */
  selectMap(set: Labels): T[] {
    return this.selectShared(set).slice();
  }

  /**
   * selectMap's answer as the index keeps it, valid until the next add: the same array for the
   * same pairs (so callers can memoise by it), which callers must not change.
   */
  selectShared(set: Labels): readonly T[] {
    let best: T[] | undefined;
    for (const key in set) {
      const list = this.byPair.get(`${key}\u0000${set[key]}`);
      if (!list) return NONE;
      if (!best || list.length < best.length) best = list;
    }
    if (!best) return this.all;
    // JSON names the set unambiguously (a label may hold any character); the same pairs written
    // in another order only miss the memo.
    const memo = JSON.stringify(set);
    let answer = this.answers.get(memo);
    if (!answer) this.answers.set(memo, (answer = best.filter((item) => setMatches(set, this.labelsOf(item)))));
    return answer;
  }

  /** The items metav1.LabelSelectorAsSelector(selector) selects. */
  select(selector: LabelSelector): T[] {
    const s = labelSelectorAsSelector(selector);
    return this.selectMap(selector.matchLabels).filter((item) => s.matches(this.labelsOf(item)));
  }

  items(): readonly T[] {
    return this.all;
  }
}

/**
 * labels.Parse: the string form of a selector (`app=web,tier!=db`, `env in (a,b)`,
 * `!legacy`), as kubectl's `-l` and kustomize's patch targets read it; null when it cannot be
 * parsed. An empty string selects everything.
 */
export function parseSelector(text: string): Selector | null {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur.trim() !== '' || parts.length) parts.push(cur);
  const reqs: Array<(labels: Labels) => boolean> = [];
  for (const raw of parts) {
    const p = raw.trim();
    let m: RegExpExecArray | null;
    if ((m = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(p))) {
      const [, key, op, list] = m;
      const values = list.split(',').map((v) => v.trim());
      reqs.push(op === 'in' ? (l) => key in l && values.includes(l[key]) : (l) => !(key in l) || !values.includes(l[key]));
    } else if ((m = /^([\w./-]+)\s*(==|=|!=)\s*([\w./-]*)$/.exec(p))) {
      const [, key, op, value] = m;
      reqs.push(op === '!=' ? (l) => l[key] !== value : (l) => key in l && l[key] === value);
    } else if ((m = /^!\s*([\w./-]+)$/.exec(p))) {
      const key = m[1];
      reqs.push((l) => !(key in l));
    } else if ((m = /^([\w./-]+)$/.exec(p))) {
      const key = m[1];
      reqs.push((l) => key in l);
    } else return null;
  }
  return { matches: (labels) => reqs.every((r) => r(labels)), empty: () => reqs.length === 0 };
}
