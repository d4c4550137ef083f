/**
 * What `kubectl describe service|pod|endpoints NAME` prints for the simulated cluster, built from
 * the same API objects as `-o yaml` (./objects). The layout follows kubectl's describers
 * (k8s.io/kubectl pkg/describe/describe.go: describeService, describePod, describeEndpoints):
 * `Label:` columns aligned by a tabwriter, `<none>` for empty values, the `Endpoints:` line of a
 * Service port listing up to three addresses then "+ N more...". No events: svclab has no clock.
 */
import { formatLabels } from '../model/selectors';
import type { ClusterState } from '../sim/types';
import { endpointsObject, plain, podObject, serviceObject, type KubeObject } from './objects';

export const DESCRIBE_RESOURCES = ['services', 'pods', 'endpoints'] as const;
export type DescribeResource = (typeof DESCRIBE_RESOURCES)[number];

type Any = Record<string, unknown>;
const o = (v: unknown): Any => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Any) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const text = (v: unknown): string => (v === undefined || v === null || v === '' ? '<none>' : String(v));

/** Rows `[label, value]` aligned as kubectl's tabwriter aligns a describer's first level. */
function aligned(rows: Array<[string, string] | string>): string {
  const width = rows.reduce((w, r) => (typeof r === 'string' ? w : Math.max(w, r[0].length + 1)), 0);
  return rows.map((r) => (typeof r === 'string' ? r : `${`${r[0]}:`.padEnd(width + 2)}${r[1]}`.trimEnd())).join('\n') + '\n';
}

function mapLines(label: string, m: Any): Array<[string, string]> {
  const keys = Object.keys(m).sort();
  if (!keys.length) return [[label, '<none>']];
  return keys.map((k, i): [string, string] => [i === 0 ? label : '', `${k}=${String(m[k])}`]);
}

function annotationLines(m: Any): Array<[string, string]> {
  const keys = Object.keys(m).sort();
  if (!keys.length) return [['Annotations', '<none>']];
  return keys.map((k, i): [string, string] => [i === 0 ? 'Annotations' : '', `${k}: ${String(m[k])}`]);
}

/** kubectl's formatEndpoints for one port: `ip:port` of ready addresses, three at most, then "+ N more...". */
function endpointsLine(ep: KubeObject | undefined, portName: string | undefined): string {
  const list: string[] = [];
  for (const subset of arr(o(ep).subsets)) {
    const port = arr(o(subset).ports).map(o).find((p) => (p.name ?? undefined) === portName || arr(o(subset).ports).length === 1);
    if (!port) continue;
    for (const a of arr(o(subset).addresses)) list.push(`${String(o(a).ip)}:${String(port.port)}`);
  }
  if (!list.length) return '<none>';
  return list.length > 3 ? `${list.slice(0, 3).join(',')} + ${list.length - 3} more...` : list.join(',');
}

function describeService(svc: KubeObject, ep: KubeObject | undefined): string {
  const md = o(svc.metadata);
  const spec = o(svc.spec);
  const rows: Array<[string, string] | string> = [['Name', text(md.name)], ['Namespace', text(md.namespace)], ...mapLines('Labels', o(md.labels)), ...annotationLines(o(md.annotations))];
  rows.push(['Selector', Object.keys(o(spec.selector)).length ? formatLabels(o(spec.selector) as Record<string, string>) : '<none>']);
  rows.push(['Type', text(spec.type)]);
  if (spec.type === 'ExternalName') rows.push(['External Name', text(spec.externalName)]);
  else {
    rows.push(['IP Family Policy', text(spec.ipFamilyPolicy)], ['IP Families', arr(spec.ipFamilies).join(',') || '<none>']);
    rows.push(['IP', text(spec.clusterIP)], ['IPs', arr(spec.clusterIPs).join(',') || '<none>']);
  }
  const ingress = arr(o(o(svc.status).loadBalancer).ingress).map((i) => String(o(i).ip ?? o(i).hostname));
  if (ingress.length) rows.push(['LoadBalancer Ingress', `${ingress.join(', ')} (VIP)`]);
  for (const p of arr(spec.ports).map(o)) {
    const name = p.name === undefined ? '<unset>' : String(p.name);
    rows.push(['Port', `${name}  ${String(p.port)}/${String(p.protocol)}`]);
    rows.push(['TargetPort', `${String(p.targetPort)}/${String(p.protocol)}`]);
    if (p.nodePort !== undefined) rows.push(['NodePort', `${name}  ${String(p.nodePort)}/${String(p.protocol)}`]);
    if (spec.type !== 'ExternalName') rows.push(['Endpoints', endpointsLine(ep, p.name as string | undefined)]);
  }
  rows.push(['Session Affinity', text(spec.sessionAffinity)]);
  if (spec.externalTrafficPolicy !== undefined) rows.push(['External Traffic Policy', String(spec.externalTrafficPolicy)]);
  if (spec.internalTrafficPolicy !== undefined) rows.push(['Internal Traffic Policy', String(spec.internalTrafficPolicy)]);
  if (spec.healthCheckNodePort !== undefined) rows.push(['HealthCheck NodePort', String(spec.healthCheckNodePort)]);
  rows.push(['Events', '<none>']);
  return aligned(rows);
}

function describePod(pod: KubeObject): string {
  const md = o(pod.metadata);
  const spec = o(pod.spec);
  const status = o(pod.status);
  const owner = arr(md.ownerReferences).map(o)[0];
  const rows: Array<[string, string] | string> = [['Name', text(md.name)], ['Namespace', text(md.namespace)], ['Service Account', text(spec.serviceAccountName ?? 'default')]];
  rows.push(['Node', spec.nodeName ? `${String(spec.nodeName)}/${text(status.hostIP)}` : '<none>']);
  rows.push(...mapLines('Labels', o(md.labels)), ...annotationLines(o(md.annotations)));
  rows.push(['Status', text(status.phase)], ['IP', text(status.podIP)]);
  rows.push('IPs:');
  for (const ip of arr(status.podIPs)) rows.push(`  IP:  ${String(o(ip).ip)}`);
  if (owner) rows.push(['Controlled By', `${String(owner.kind)}/${String(owner.name)}`]);
  rows.push('Containers:');
  for (const c of arr(spec.containers).map(o)) {
    rows.push(`  ${String(c.name)}:`);
    rows.push(`    Image:         ${text(c.image)}`);
    const ports = arr(c.ports).map(o).map((p) => `${String(p.containerPort)}/${String(p.protocol ?? 'TCP')}${p.name ? ` (${String(p.name)})` : ''}`);
    rows.push(`    Port:          ${ports.length ? ports.join(', ') : '<none>'}`);
    rows.push(`    Host Port:     ${arr(c.ports).map(o).map((p) => `${String(p.hostPort ?? 0)}/${String(p.protocol ?? 'TCP')}`).join(', ') || '<none>'}`);
  }
  rows.push('Conditions:');
  rows.push('  Type           Status');
  for (const c of arr(status.conditions).map(o)) rows.push(`  ${String(c.type).padEnd(15)}${String(c.status)}`);
  rows.push(['DNS Policy', text(spec.dnsPolicy ?? 'ClusterFirst')]);
  rows.push(['Events', '<none>']);
  return aligned(rows);
}

function describeEndpoints(ep: KubeObject): string {
  const md = o(ep.metadata);
  const rows: Array<[string, string] | string> = [['Name', text(md.name)], ['Namespace', text(md.namespace)], ...mapLines('Labels', o(md.labels)), ...annotationLines(o(md.annotations))];
  rows.push('Subsets:');
  for (const s of arr(ep.subsets).map(o)) {
    const ips = (k: string) => arr(s[k]).map((a) => String(o(a).ip)).join(',') || '<none>';
    rows.push(`  Addresses:          ${ips('addresses')}`);
    rows.push(`  NotReadyAddresses:  ${ips('notReadyAddresses')}`);
    rows.push('  Ports:');
    const ports = arr(s.ports).map(o).map((p) => [p.name === undefined ? '<unset>' : String(p.name), String(p.port), String(p.protocol ?? 'TCP')]);
    const w = [...ports, ['Name', 'Port', 'Protocol']].reduce((acc, r) => r.map((c, i) => Math.max(acc[i], c.length)), [0, 0, 0]);
    const line = (r: string[]) => `    ${r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(w[i] + 2))).join('')}`;
    rows.push(line(['Name', 'Port', 'Protocol']), line(['----', '----', '--------']), ...ports.map(line));
  }
  rows.push('');
  rows.push(['Events', '<none>']);
  return aligned(rows);
}

export interface DescribeOutput {
  stdout: string;
  /** Names asked for that do not exist, as kubectl words them. */
  notFound: string[];
}

/** `kubectl describe RESOURCE NAME...` in one namespace; without names, every object of the resource. */
export function renderDescribe(cluster: ClusterState, resource: DescribeResource, namespace: string, names: string[]): DescribeOutput {
  const pick = <T extends { namespace: string; name: string }>(items: T[]): T[] => items.filter((i) => i.namespace === namespace && (names.length === 0 || names.includes(i.name))).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  let blocks: Array<{ name: string; text: string }>;
  if (resource === 'services') {
    blocks = pick(cluster.services).map((s) => ({ name: s.name, text: describeService(plain(serviceObject(s, cluster.seed)), (() => { const e = cluster.endpoints.find((x) => x.namespace === s.namespace && x.name === s.name); return e ? plain(endpointsObject(e, cluster)) : undefined; })()) }));
  } else if (resource === 'pods') {
    blocks = pick(cluster.pods).map((p) => ({ name: p.name, text: describePod(plain(podObject(p, cluster.seed))) }));
  } else {
    blocks = pick(cluster.endpoints).map((e) => ({ name: e.name, text: describeEndpoints(plain(endpointsObject(e, cluster))) }));
  }
  const found = new Set(blocks.map((b) => b.name));
  const singular = resource === 'services' ? 'services' : resource === 'pods' ? 'pods' : 'endpoints';
  return { stdout: blocks.map((b) => b.text).join('\n\n'), notFound: names.filter((n) => !found.has(n)).map((n) => `Error from server (NotFound): ${singular} "${n}" not found`) };
}
