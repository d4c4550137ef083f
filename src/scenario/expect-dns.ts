/** `dns:` expectations: rcode, A answers by object, CNAME chain, SRV records, search-list expansion. */
import { plainText } from '../i18n/lang';
import { isServiceIPSet } from '../model/service';
import type { FieldPath } from '../types';
import { makeResult, CannotEvaluate, matcherResult, podsOfWorkload, splitName, type EvalContext, type MatcherResult } from './context';
import { listModes, match, matchList } from './match';
import type { ExpectationResult, Mismatch } from './result';
import type { AddressSpec, DnsSpec } from './spec';
import type { DnsResult, DnsType, SimCluster } from '../sim/types';

function addresses(cluster: SimCluster, spec: AddressSpec, namespace: string): string[] {
  if (typeof spec === 'string') return [spec];
  if (spec.service) {
    const [ns, name] = splitName(spec.service, namespace);
    const svc = cluster.services.find((s) => s.namespace === ns && s.name === name);
    if (!svc) throw new CannotEvaluate(`a: there is no Service ${ns}/${name}`);
    if (!isServiceIPSet(svc)) throw new CannotEvaluate(`a: Service ${ns}/${name} has no ClusterIP; list its pods with { workload: ... } instead`);
    return [svc.clusterIP];
  }
  if (spec.pod) {
    const [ns, name] = splitName(spec.pod, namespace);
    const pod = cluster.pods.find((p) => p.namespace === ns && p.name === name);
    if (!pod) throw new CannotEvaluate(`a: there is no pod ${ns}/${name}`);
    return [pod.podIP];
  }
  const pods = podsOfWorkload(cluster.pods, spec.workload ?? '', namespace).filter((p) => p.ready && p.podIP);
  if (pods.length === 0) throw new CannotEvaluate(`a: ${spec.workload} has no ready pods`);
  return pods.map((p) => p.podIP);
}

const stripDot = (s: string) => s.replace(/\.$/, '');

export function evaluateDns(ctx: EvalContext, spec: DnsSpec, at: FieldPath): ExpectationResult {
  const type = spec.type ?? 'A';
  const title = plainText(spec.title) ?? `${spec.name} (${type}) from ${spec.from}${spec.expect.rcode ? `: ${spec.expect.rcode}` : ''}`;
  return makeResult(ctx, 'dns', at, title, plainText(spec.hint), () => {
    const cluster = ctx.sim();
    const namespace = spec.namespace ?? ctx.namespace;
    const r = cluster.resolve({ name: spec.name, type, from: spec.from, namespace });
    return { mismatches: checkDns(cluster, spec.expect, r, type, namespace), expected: spec.expect, actual: { rcode: r.rcode, answers: r.answers, tried: r.tried, server: r.server } };
  });
}

/** Every way the DNS answer differs from the expectation (empty = it holds). */
export function checkDns(cluster: SimCluster, e: DnsSpec['expect'], r: DnsResult, type: string, namespace: string): Mismatch[] {
  const out: Mismatch[] = [];
  if (e.rcode && r.rcode !== e.rcode) out.push({ path: 'rcode', message: `is ${r.rcode}, expected ${e.rcode}${r.tried.length ? ` (tried ${r.tried.join(', ')})` : ''}`, expected: e.rcode, actual: r.rcode });
  if (e.server && r.server !== e.server) out.push({ path: 'server', message: `is ${r.server}, expected ${e.server}`, expected: e.server, actual: r.server });
  const ofType = (t: string) => r.answers.filter((a) => a.type === t);
  if (e.a) {
    const actual = [...ofType('A'), ...ofType('AAAA')].map((a) => a.data);
    for (const { mode, items } of listModes(e.a)) {
      // An item like { workload } stands for several addresses: expand before comparing.
      const expanded = items.flatMap((i) => addresses(cluster, i, namespace));
      matchList(mode, expanded, actual, ['a'], out);
    }
  }
  if (e.cname) {
    const chain = ofType('CNAME').map((a) => stripDot(a.data));
    matchList('ordered', e.cname.map(stripDot), chain, ['cname'], out);
  }
  if (e.srv) {
    const srv = ofType('SRV').map((a) => {
      const [priority, weight, port, target] = a.data.split(/\s+/);
      return { priority: Number(priority), weight: Number(weight), port: Number(port), target: stripDot(target ?? '') };
    });
    for (const { mode, items } of listModes(e.srv)) {
      const norm = items.map((i) => (typeof i.target === 'string' ? { ...i, target: stripDot(i.target) } : i));
      matchList(mode, norm, srv, ['srv'], out);
    }
  }
  if (e.answers) for (const { mode, items } of listModes(e.answers)) matchList(mode, items, r.answers, ['answers'], out);
  if (e.empty !== undefined) {
    const empty = r.rcode === 'NOERROR' && r.answers.filter((a) => a.type === type).length === 0;
    if (empty !== e.empty) out.push({ path: 'empty', message: e.empty ? `expected NOERROR with no ${type} answer, got ${r.rcode} with ${r.answers.length} answer(s)` : 'expected an answer, got none', expected: e.empty, actual: { rcode: r.rcode, answers: r.answers } });
  }
  if (e.tried) for (const { mode, items } of listModes(e.tried)) matchList(mode, items.map(stripDot), r.tried.map(stripDot), ['tried'], out);
  return out;
}

export { match };

/** The jest matcher `expect(cluster).toResolveTo('pod', 'redis', ['10.96.0.20'])`, or with a DNS expectation object. */
export function toResolveTo(cluster: SimCluster, from: string, name: string, expected: string[] | (DnsSpec['expect'] & { type?: DnsType; namespace?: string })): MatcherResult {
  const spec = Array.isArray(expected) ? { rcode: 'NOERROR' as const, a: expected } : expected;
  const { type = 'A', namespace = 'default', ...check } = spec as DnsSpec['expect'] & { type?: DnsType; namespace?: string };
  const r = cluster.resolve({ name, type, from, namespace });
  return matcherResult(checkDns(cluster, check, r, type, namespace), `${name} (${type}) from ${from} to resolve as ${JSON.stringify(check)}`);
}
