/**
 * kubectl's table printers (k8s.io/kubernetes pkg/printers/internalversion/printers.go) for the
 * kinds `svclab get` shows, as pure functions of the simulated cluster. Columns, `<none>` /
 * `<pending>` / `<unset>` markers and the "+ N more..." truncation follow kubectl. AGE is
 * `<unknown>`, as kubectl prints it for an object without creationTimestamp: svclab has no clock.
 */
import { formatLabels } from '../model/selectors';
import { displayWidth, padDisplay } from '../util/display-width';
import type { ClusterState, SimEndpoints, SimEndpointSlice, SimNode, SimPod, SimService } from '../sim/types';
import { CONTROL_PLANE_ROLE } from '../sim/default-cluster';
import { EDGE_HEADERS } from '../edge/views';

export const AGE = '<unknown>';

export interface Table {
  headers: string[];
  rows: string[][];
}

/**
 * text/tabwriter as kubectl sets it up (minwidth 6, padding 3, padded with spaces); the last
 * column is not padded.
 */
export function renderTable(table: Table): string {
  const all = [table.headers, ...table.rows];
  // A loop, not Math.max(...column): a spread of 100,000 rows overflows the stack.
  // Widths on screen, not string lengths: a Hangul name takes two columns per syllable.
  const widths = table.headers.map((_, i) => all.reduce((w, r) => Math.max(w, displayWidth(r[i] ?? '') + 3), 6));
  return all.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : padDisplay(cell, widths[i]))).join('')).join('\n') + '\n';
}

/** kubectl's listing of up to 3 items, then "+ N more...". */
function listWithMore(list: string[], count: number, empty: string): string {
  const max = 3;
  const shown = list.slice(0, max).join(',');
  if (count > max) return `${shown} + ${count - max} more...`;
  return shown === '' ? empty : shown;
}

export function servicePorts(svc: SimService): string {
  if (svc.ports.length === 0) return '<none>';
  return svc.ports.map((p) => (p.nodePort !== undefined ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`)).join(',');
}

/** getServiceExternalIP. */
export function serviceExternalIP(svc: SimService): string {
  const external = svc.spec.externalIPs;
  switch (svc.type) {
    case 'ClusterIP':
    case 'NodePort':
      return external.length ? external.join(',') : '<none>';
    case 'LoadBalancer': {
      const ips = [...(svc.loadBalancerIngress ?? []), ...external];
      return ips.length ? ips.join(',') : '<pending>';
    }
    case 'ExternalName':
      return svc.spec.externalName ?? '<none>';
  }
}

export function serviceRow(svc: SimService, wide: boolean): string[] {
  const clusterIP = svc.type === 'ExternalName' || svc.clusterIP === null ? '<none>' : svc.clusterIP;
  const row = [svc.name, svc.type, clusterIP, serviceExternalIP(svc), servicePorts(svc), AGE];
  if (wide) row.push(svc.spec.selector ? formatLabels(svc.spec.selector) : '<none>');
  return row;
}

export function podRow(pod: SimPod, wide: boolean): string[] {
  const total = pod.spec.containers.length;
  const ready = pod.phase === 'Running' && pod.ready ? total : 0;
  const status = pod.terminating ? 'Terminating' : pod.phase;
  const row = [pod.name, `${ready}/${total}`, status, '0', AGE];
  if (wide) row.push(pod.podIP || '<none>', pod.nodeName || '<none>', '<none>', '<none>');
  return row;
}

/** formatEndpoints: for each subset, for each port, each ready address as ip:port. */
export function formatEndpoints(ep: SimEndpoints): string {
  const list: string[] = [];
  let count = 0;
  for (const s of ep.subsets) {
    if (s.ports.length === 0) {
      count += s.addresses.length;
      for (const a of s.addresses) list.push(a.ip);
      continue;
    }
    for (const p of s.ports) {
      count += s.addresses.length;
      for (const a of s.addresses) list.push(a.ip.includes(':') ? `[${a.ip}]:${p.port}` : `${a.ip}:${p.port}`);
    }
  }
  return listWithMore(list, count, '<none>');
}

export function endpointsRow(ep: SimEndpoints): string[] {
  return [ep.name, formatEndpoints(ep), AGE];
}

export function endpointSliceRow(slice: SimEndpointSlice): string[] {
  const ports = slice.ports.map((p) => String(p.port));
  const addresses = slice.endpoints.flatMap((e) => e.addresses);
  return [slice.name, slice.addressType, listWithMore(ports, ports.length, '<unset>'), listWithMore(addresses, addresses.length, '<unset>'), AGE];
}

/** findNodeRoles: node-role.kubernetes.io/<role> labels (and kubernetes.io/role). */
export function nodeRoles(node: SimNode): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.labels)) {
    if (k.startsWith('node-role.kubernetes.io/')) roles.add(k.slice('node-role.kubernetes.io/'.length));
    else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  if (roles.size === 0 && node.labels[CONTROL_PLANE_ROLE] !== undefined) roles.add('control-plane');
  return roles.size ? [...roles].sort().join(',') : '<none>';
}

export function nodeRow(node: SimNode, state: ClusterState, wide: boolean): string[] {
  const row = [node.name, 'Ready', nodeRoles(node), AGE, state.config.kubernetesVersion];
  if (wide) row.push(node.internalIP, '<none>', 'svclab simulated node', 'simulated', 'containerd://simulated');
  return row;
}

export const HEADERS = {
  services: { normal: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'], wide: ['SELECTOR'] },
  pods: { normal: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'], wide: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'] },
  endpoints: { normal: ['NAME', 'ENDPOINTS', 'AGE'], wide: [] },
  endpointslices: { normal: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'], wide: [] },
  nodes: { normal: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'], wide: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'] },
  networkpolicies: { normal: ['NAME', 'POD-SELECTOR', 'AGE'], wide: [] },
  namespaces: { normal: ['NAME', 'STATUS', 'AGE'], wide: [] },
  ...EDGE_HEADERS,
} as const;
