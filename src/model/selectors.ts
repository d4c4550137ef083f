import type { LabelSelector } from './types';

/** Does a Service-style selector (a plain map, all pairs must match) select these labels? */
export function matchesMap(labels: Record<string, string>, selector: Record<string, string>): boolean {
  for (const key in selector) if (labels[key] !== selector[key]) return false;
  return true;
}

/** A metav1.LabelSelector match; an empty selector selects everything, as in Kubernetes. */
export function matchesSelector(labels: Record<string, string>, selector: LabelSelector): boolean {
  if (!matchesMap(labels, selector.matchLabels)) return false;
  for (const req of selector.matchExpressions) {
    const has = Object.prototype.hasOwnProperty.call(labels, req.key);
    switch (req.operator) {
      case 'In':
        if (!has || !req.values.includes(labels[req.key])) return false;
        break;
      case 'NotIn':
        if (has && req.values.includes(labels[req.key])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
    }
  }
  return true;
}

export function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0;
}

export function formatLabels(labels: Record<string, string>): string {
  const keys = Object.keys(labels).sort();
  return keys.length ? keys.map((k) => `${k}=${labels[k]}`).join(',') : '<none>';
}

/**
 * Items indexed by label pair, so that a selector is matched against the few items carrying
 * its rarest pair instead of against every item (no selector x pod scan).
 */
export class LabelIndex<T> {
  private readonly byPair = new Map<string, T[]>();
  private readonly all: T[] = [];

  constructor(private readonly labelsOf: (item: T) => Record<string, string>) {}

  add(item: T): void {
    this.all.push(item);
    const labels = this.labelsOf(item);
    for (const key in labels) {
      const pair = `${key}\u0000${labels[key]}`;
      let list = this.byPair.get(pair);
      if (!list) this.byPair.set(pair, (list = []));
      list.push(item);
    }
  }

  /** Items whose labels contain every pair of `selector`; an empty map selects all. */
  selectMap(selector: Record<string, string>): T[] {
    let best: T[] | undefined;
    for (const key in selector) {
      const list = this.byPair.get(`${key}\u0000${selector[key]}`);
      if (!list) return [];
      if (!best || list.length < best.length) best = list;
    }
    if (!best) return this.all.slice();
    return best.filter((item) => matchesMap(this.labelsOf(item), selector));
  }

  select(selector: LabelSelector): T[] {
    return this.selectMap(selector.matchLabels).filter((item) => matchesSelector(this.labelsOf(item), selector));
  }

  items(): readonly T[] {
    return this.all;
  }
}
