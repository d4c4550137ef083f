/** `endpoints:` expectations: which pods a Service's EndpointSlices list, ready or not, on which port. */
import { plainText } from '../i18n/lang';
import type { FieldPath } from '../types';
import type { SimCluster, SimPod } from '../sim/types';
import { makeResult, CannotEvaluate, podNameMatches, podsOfWorkload, splitName, type EvalContext } from './context';
import { listModes, matchList } from './match';
import type { ExpectationResult, Mismatch } from './result';
import type { EndpointSetSpec, EndpointsSpec } from './spec';

export interface EndpointEntry {
  ip: string;
  port: number;
  portName: string;
  ready: boolean;
  /** `namespace/name` of the pod behind it, if any. */
  pod: string | null;
  node: string | null;
}

export function endpointEntries(cluster: SimCluster, namespace: string, service: string, port?: number | string): EndpointEntry[] {
  const svc = cluster.services.find((s) => s.namespace === namespace && s.name === service);
  if (!svc) throw new CannotEvaluate(`there is no Service ${namespace}/${service}${cluster.services.some((s) => s.name === service) ? ` (a Service "${service}" exists in another namespace)` : ''}`);
  let portName: string | undefined;
  if (port !== undefined) {
    const sp = svc.ports.find((p) => p.port === port || p.name === port);
    if (!sp) throw new CannotEvaluate(`Service ${namespace}/${service} has no port ${port} (ports: ${svc.ports.map((p) => p.name ?? p.port).join(', ')})`);
    portName = sp.name ?? '';
  }
  const out: EndpointEntry[] = [];
  for (const slice of cluster.endpointSlices.filter((s) => s.namespace === namespace && s.serviceName === service)) {
    for (const ep of slice.endpoints) {
      for (const p of slice.ports) {
        if (portName !== undefined && (p.name ?? '') !== portName) continue;
        for (const ip of ep.addresses) {
          out.push({ ip, port: p.port, portName: p.name, ready: ep.conditions.ready, pod: ep.targetRef ? `${ep.targetRef.namespace}/${ep.targetRef.name}` : null, node: ep.nodeName ?? null });
        }
      }
    }
  }
  return out;
}

export function expandPodSet(pods: SimPod[], set: { workload?: string; workloads?: string[] }, namespace: string): SimPod[] {
  const refs = [...(set.workload ? [set.workload] : []), ...(set.workloads ?? [])];
  const out: SimPod[] = [];
  for (const r of refs) for (const p of podsOfWorkload(pods, r, namespace)) if (!out.includes(p)) out.push(p);
  return out;
}

/**
 * Whether the EndpointSlice controller lists the pod's endpoint as ready (podToEndpoint in
 * pkg/controller/endpointslice: ready = pod Ready and not terminating, or the Service publishes
 * not-ready addresses), so that `ready: { workload }` means what the controller does.
 */
function listedReady(pod: SimPod, publishNotReady: boolean): boolean {
  return publishNotReady || (pod.ready && !pod.terminating);
}

function checkSet(label: string, set: EndpointSetSpec, entries: EndpointEntry[], cluster: SimCluster, namespace: string, ready: boolean, publishNotReady: boolean, out: Mismatch[]): void {
  const podsListed = [...new Set(entries.map((e) => e.pod).filter((p): p is string => p !== null))].sort();
  if (set.workload || set.workloads) {
    const want = expandPodSet(cluster.pods, set, namespace).filter((p) => listedReady(p, publishNotReady) === ready && p.phase === 'Running').map((p) => `${p.namespace}/${p.name}`).sort();
    const missing = want.filter((p) => !podsListed.includes(p));
    const extra = podsListed.filter((p) => !want.includes(p));
    if (want.length === 0) out.push({ path: label, message: `${set.workload ?? set.workloads!.join(', ')} has no ${ready ? 'ready' : 'not-ready'} pods`, expected: set, actual: podsListed });
    if (missing.length) out.push({ path: label, message: `does not list ${missing.join(', ')}`, expected: want, actual: podsListed });
    if (extra.length) out.push({ path: label, message: `also lists ${extra.join(', ')}, which ${extra.length === 1 ? 'is' : 'are'} not part of ${set.workload ?? set.workloads!.join(', ')}`, expected: want, actual: podsListed });
  }
  if (set.pods) {
    for (const pattern of set.pods) if (!podsListed.some((p) => podNameMatches(pattern, splitPod(p), namespace))) out.push({ path: label, message: `does not list pod ${pattern}`, expected: set.pods, actual: podsListed });
    for (const p of podsListed) if (!set.pods.some((pattern) => podNameMatches(pattern, splitPod(p), namespace))) out.push({ path: label, message: `also lists pod ${p}`, expected: set.pods, actual: podsListed });
  }
  const ips = [...new Set(entries.map((e) => e.ip))];
  if (set.count !== undefined && ips.length !== set.count) out.push({ path: `${label}.count`, message: `is ${ips.length}, expected ${set.count}`, expected: set.count, actual: ips.length });
  if (set.port !== undefined) {
    const wrong = entries.filter((e) => e.port !== set.port);
    if (wrong.length) out.push({ path: `${label}.port`, message: `is ${[...new Set(wrong.map((e) => e.port))].join(', ')}, expected ${set.port}`, expected: set.port, actual: [...new Set(entries.map((e) => e.port))] });
    if (entries.length === 0) out.push({ path: `${label}.port`, message: `no endpoint carries port ${set.port}: there are no endpoints`, expected: set.port, actual: null });
  }
  if (set.addresses) for (const { mode, items } of listModes(set.addresses)) {
    const actual = entries.map((e) => `${e.ip}:${e.port}`);
    matchList(mode, items, actual, [label, 'addresses'], out, (e, a) => e === a || `${String(e)}` === String(a).split(':')[0]);
  }
}

function splitPod(p: string): { namespace: string; name: string } {
  const [namespace, name] = p.split('/');
  return { namespace, name };
}

export function evaluateEndpoints(ctx: EvalContext, spec: EndpointsSpec, at: FieldPath): ExpectationResult {
  const [ns, name] = splitName(spec.service, spec.namespace ?? ctx.namespace);
  const parts: string[] = [];
  if (spec.empty) parts.push('no endpoints');
  if (spec.ready) parts.push(`ready ${spec.ready.workload ?? spec.ready.workloads?.join('+') ?? spec.ready.pods?.join(',') ?? ''}${spec.ready.count !== undefined ? ` ×${spec.ready.count}` : ''}${spec.ready.port ? `:${spec.ready.port}` : ''}`.trim());
  if (spec.notReady) parts.push(`not-ready ${spec.notReady.workload ?? spec.notReady.pods?.join(',') ?? ''}${spec.notReady.count !== undefined ? ` ×${spec.notReady.count}` : ''}`.trim());
  const title = plainText(spec.name) ?? `Service ${name} has ${parts.join(', ').replace(/\s+/g, ' ') || 'endpoints'}`;
  return makeResult(ctx, 'endpoints', at, title, plainText(spec.hint), () => {
    const cluster = ctx.sim();
    const entries = endpointEntries(cluster, ns, name, spec.port);
    const publishNotReady = cluster.services.find((s) => s.namespace === ns && s.name === name)?.spec.publishNotReadyAddresses === true;
    const mismatches: Mismatch[] = [];
    if (spec.empty !== undefined && spec.empty !== (entries.length === 0)) mismatches.push({ path: 'empty', message: spec.empty ? `the Service has ${entries.length} endpoint${entries.length === 1 ? '' : 's'}` : 'the Service has no endpoints', expected: spec.empty, actual: entries.length === 0 });
    if (spec.ready) checkSet('ready', spec.ready, entries.filter((e) => e.ready), cluster, ns, true, publishNotReady, mismatches);
    if (spec.notReady) checkSet('notReady', spec.notReady, entries.filter((e) => !e.ready), cluster, ns, false, publishNotReady, mismatches);
    const actual = {
      ready: entries.filter((e) => e.ready).map((e) => `${e.ip}:${e.port}${e.pod ? ` (${e.pod})` : ''}`),
      notReady: entries.filter((e) => !e.ready).map((e) => `${e.ip}:${e.port}${e.pod ? ` (${e.pod})` : ''}`),
    };
    return { mismatches, expected: { ...spec, hint: undefined, name: undefined }, actual };
  });
}
