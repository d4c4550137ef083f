/**
 * A truth table of pods × pods for one port and protocol, as cyclonus and the e2e suite's
 * Reachability print it: each cell says whether a new connection from the row's pod to the
 * column's pod IP is allowed by the cluster's NetworkPolicies ('.') or not ('X'). One verdict
 * per cell from the indexed evaluator (policies are looked up per pod, never scanned per cell).
 */
import type { Protocol } from '../model/types';
import { parseSource } from '../sim/proxy/request';
import { policyDenial } from '../sim/proxy/network-policy';
import type { ClusterState, SimPod } from '../sim/types';

export interface TruthTable {
  port: number;
  protocol: Protocol;
  /** `namespace/name` of the pods, rows and columns in the same order. */
  pods: string[];
  /** allowed[from][to]. */
  allowed: boolean[][];
}

/** The table for `pods` (running pods with an IP; others are left out). */
export function truthTable(cluster: ClusterState, pods: readonly SimPod[], port: number, protocol: Protocol = 'TCP'): TruthTable {
  const running = pods.filter((p) => p.podIP !== '');
  const sources = running.map((p) => parseSource(cluster, `pod/${p.namespace}/${p.name}`, p.namespace));
  const allowed = sources.map((s) => running.map((to) => policyDenial(cluster, s, s.ip, to.podIP, to, port, protocol) === null));
  return { port, protocol, pods: running.map((p) => `${p.namespace}/${p.name}`), allowed };
}

/** The table as text: a header of the columns' pods, then one row per source pod ('.' allowed, 'X' blocked). */
export function formatTruthTable(t: { port: number; protocol: Protocol; pods: string[]; allowed: boolean[][] }, labels: string[] = t.pods): string {
  const head = `${t.protocol}/${t.port}`;
  const width = Math.max(head.length, ...labels.map((l) => l.length));
  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - s.length));
  const lines = [[pad(head, width), ...labels.map((l) => l)].join(' | ')];
  t.allowed.forEach((row, i) => lines.push([pad(labels[i], width), ...row.map((ok, j) => pad(ok ? '.' : 'X', labels[j].length))].join(' | ')));
  return lines.map((l) => l.trimEnd()).join('\n');
}

/** Reads a table written as `formatTruthTable` writes it; null when it is not one. */
export function parseTruthTable(text: string): { header: string; pods: string[]; rows: Array<{ pod: string; cells: string[] }> } | null {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length < 1) return null;
  const cells = (l: string) => l.split('|').map((c) => c.trim());
  const [header, ...pods] = cells(lines[0]);
  const rows = lines.slice(1).map((l) => {
    const [pod, ...rest] = cells(l);
    return { pod, cells: rest };
  });
  if (rows.some((r) => r.cells.length !== pods.length)) return null;
  return { header, pods, rows };
}
