/**
 * kubectl-style tables of the simulated cluster for `get` snapshots. No AGE column: a snapshot
 * must not change with time.
 */
import type { SimCluster } from '../sim/types';
import type { GetSpec } from './spec';

function table(rows: string[][]): string {
  if (rows.length === 0) return '';
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('   ').trimEnd()).join('\n') + '\n';
}

const byName = <T extends { name: string; namespace?: string }>(a: T, b: T) => (a.namespace ?? '').localeCompare(b.namespace ?? '') || a.name.localeCompare(b.name);

/** The text `svclab get RESOURCE` shows for this expectation. */
export function getText(cluster: SimCluster, spec: GetSpec, defaultNamespace: string): string {
  const ns = spec.namespace ?? defaultNamespace;
  const inScope = (n: string) => spec.allNamespaces === true || n === ns;
  const withNs = (cells: string[], n: string) => (spec.allNamespaces ? [n, ...cells] : cells);
  const head = (cells: string[]) => (spec.allNamespaces ? ['NAMESPACE', ...cells] : cells);
  switch (spec.resource) {
    case 'svc': {
      const rows = [head(['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', ...(spec.wide ? ['SELECTOR'] : [])])];
      for (const s of cluster.services.filter((x) => inScope(x.namespace)).sort(byName)) {
        const external = s.type === 'ExternalName' ? s.spec.externalName ?? '<none>' : s.type === 'LoadBalancer' ? (s.loadBalancerIngress === null ? '<pending>' : s.loadBalancerIngress.join(',') || '<pending>') : s.spec.externalIPs.length ? s.spec.externalIPs.join(',') : '<none>';
        const ports = s.ports.map((p) => `${p.port}${p.nodePort !== undefined ? `:${p.nodePort}` : ''}/${p.protocol}`).join(',') || '<none>';
        const selector = s.spec.selector ? Object.entries(s.spec.selector).map(([k, v]) => `${k}=${v}`).join(',') : '<none>';
        rows.push(withNs([s.name, s.type, s.clusterIP ?? '<none>', external, ports, ...(spec.wide ? [selector] : [])], s.namespace));
      }
      return table(rows);
    }
    case 'endpoints': {
      const rows = [head(['NAME', 'ENDPOINTS'])];
      for (const e of cluster.endpoints.filter((x) => inScope(x.namespace)).sort(byName)) {
        const all = e.subsets.flatMap((s) => s.addresses.flatMap((a) => s.ports.map((p) => `${a.ip}:${p.port}`)));
        // kubectl shows three addresses and counts the rest.
        const shown = all.length === 0 ? '<none>' : all.length > 3 ? `${all.slice(0, 3).join(',')} + ${all.length - 3} more...` : all.join(',');
        rows.push(withNs([e.name, shown], e.namespace));
      }
      return table(rows);
    }
    case 'endpointslices': {
      const rows = [head(['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS'])];
      for (const s of cluster.endpointSlices.filter((x) => inScope(x.namespace)).sort(byName)) {
        const addrs = s.endpoints.flatMap((e) => e.addresses);
        rows.push(withNs([s.name, s.addressType, s.ports.map((p) => String(p.port)).join(',') || '<unset>', addrs.length === 0 ? '<unset>' : addrs.length > 3 ? `${addrs.slice(0, 3).join(',')} + ${addrs.length - 3} more...` : addrs.join(',')], s.namespace));
      }
      return table(rows);
    }
    case 'pods': {
      const rows = [head(['NAME', 'READY', 'STATUS', 'RESTARTS', ...(spec.wide ? ['IP', 'NODE'] : [])])];
      for (const p of cluster.pods.filter((x) => inScope(x.namespace)).sort(byName)) {
        const n = p.spec.containers.length;
        rows.push(withNs([p.name, `${p.ready ? n : 0}/${n}`, p.phase, '0', ...(spec.wide ? [p.podIP || '<none>', p.nodeName || '<none>'] : [])], p.namespace));
      }
      return table(rows);
    }
    case 'nodes': {
      const rows = [['NAME', 'STATUS', 'ROLES', ...(spec.wide ? ['INTERNAL-IP'] : [])]];
      for (const n of [...cluster.nodes].sort(byName)) rows.push([n.name, 'Ready', '<none>', ...(spec.wide ? [n.internalIP] : [])]);
      return table(rows);
    }
  }
}
