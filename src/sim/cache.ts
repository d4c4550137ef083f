/**
 * Memo tables of one simulated cluster. Everything routing and DNS work out — the look-up
 * tables, the resolver's answers, the per-Service-port records, the plans kube-proxy would
 * program — is a pure function of the cluster (a ClusterState is never changed once built), so
 * it is computed once and kept here, in one object that lives as long as the cluster.
 *
 * One size policy for every table: a memo holds at most MEMO_LIMIT entries and is emptied when
 * it is full (the working set of a run is small; a run over millions of distinct requests
 * must not grow without bound).
 */
import type { ClusterState } from './types';

export const MEMO_LIMIT = 50_000;

/** The value for `key`, computed once while the table has room (see MEMO_LIMIT). */
export function memo<K, V>(table: Map<K, V>, key: K, compute: () => V): V {
  let value = table.get(key);
  if (value === undefined) {
    value = compute();
    if (table.size >= MEMO_LIMIT) table.clear();
    table.set(key, value);
  }
  return value;
}

/**
 * A memo keyed by two values, as a table of tables: keys are looked up as they are, never
 * joined into a new string (a joined key must be hashed anew on every look-up; a string kept
 * as it is has its hash cached). Each level follows the same size policy.
 */
export function memo2<K1, K2, V>(table: Map<K1, Map<K2, V>>, k1: K1, k2: K2, compute: () => V): V {
  return memo(memo(table, k1, () => new Map<K2, V>()), k2, compute);
}

/** The cluster's memo tables, by name; each module that memoises declares its own slot. */
export class ClusterCache {
  private readonly slots = new Map<string, unknown>();

  /** The value of a slot, made on first use (a look-up table built once per cluster). */
  slot<T>(name: string, make: () => T): T {
    let v = this.slots.get(name) as T | undefined;
    if (v === undefined) {
      v = make();
      this.slots.set(name, v);
    }
    return v;
  }

  /** A memo table (see `memo`) that lives as long as the cluster. */
  table<K, V>(name: string): Map<K, V> {
    return this.slot(name, () => new Map<K, V>());
  }
}

const caches = new WeakMap<ClusterState, ClusterCache>();

/** The memo tables of this cluster (made on first use, released with the cluster). */
export function cacheOf(cluster: ClusterState): ClusterCache {
  let c = caches.get(cluster);
  if (!c) caches.set(cluster, (c = new ClusterCache()));
  return c;
}
