/**
 * The model of the Kubernetes e2e network-policy suite (test/e2e/network/netpol: model.go,
 * kubemanager.go, reachability.go), rebuilt for svclab: namespaces x, y, z; pods a, b, c in each,
 * labelled pod=<name>; each pod serves ports 80 and 81 on TCP, UDP and SCTP with container ports
 * named serve-<port>-<proto>; each pod has a Service s-<ns>-<pod> whose ClusterIP is probed.
 * Expectations are written by hand, as the suite writes them (Reachability with ExpectPeer,
 * ExpectAllIngress, ExpectAllEgress); loopback is ignored, as the suite does (ignoreLoopback).
 */
import { simulate } from '../../src/sim/simulate';
import { routeRequest } from '../../src/sim/proxy/index';
import type { Protocol } from '../../src/model/types';
import type { SimCluster } from '../../src/sim/types';

export const NAMESPACES = ['x', 'y', 'z'];
export const PODS = ['a', 'b', 'c'];
const PROTOCOLS: Protocol[] = ['TCP', 'UDP', 'SCTP'];
const PORTS = [80, 81];

export interface ModelOptions {
  /** Extra labels by pod `ns/name` (the suite's AddPodLabels). */
  podLabels?: Record<string, Record<string, string>>;
  /** Extra labels by namespace (AddNamespaceLabel). */
  namespaceLabels?: Record<string, Record<string, string>>;
  /** Only these pods (`ns/name`); default all nine. */
  pods?: string[];
}

export function modelYaml(policies: string, options: ModelOptions = {}): string {
  const docs: string[] = [];
  for (const ns of NAMESPACES) {
    docs.push(JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { ...(options.namespaceLabels?.[ns] ?? {}) } } }));
    for (const pod of PODS) {
      const key = `${ns}/${pod}`;
      if (options.pods && !options.pods.includes(key)) continue;
      const containers = PORTS.flatMap((port) =>
        PROTOCOLS.map((protocol) => ({ name: `cont-${port}-${protocol.toLowerCase()}`, image: 'agnhost', ports: [{ containerPort: port, name: `serve-${port}-${protocol.toLowerCase()}`, protocol }] })),
      );
      docs.push(JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: pod, namespace: ns, labels: { pod, ...(options.podLabels?.[key] ?? {}) } }, spec: { containers } }));
      const ports = PORTS.flatMap((port) => PROTOCOLS.map((protocol) => ({ name: `service-port-${protocol.toLowerCase()}-${port}`, port, protocol, targetPort: port })));
      docs.push(JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: `s-${ns}-${pod}`, namespace: ns }, spec: { selector: { pod }, ports } }));
    }
  }
  return `${docs.join('\n---\n')}\n---\n${policies}`;
}

export function modelCluster(policies: string, options: ModelOptions = {}): SimCluster {
  return simulate(modelYaml(policies, options));
}

/** The suite's Peer: an empty field matches everything. */
export interface Peer {
  namespace?: string;
  pod?: string;
}

/** The suite's Reachability: expected connectivity from each pod to each pod, default `allowed`. */
export class Reachability {
  readonly expected = new Map<string, boolean>();
  constructor(readonly pods: string[], allowed: boolean) {
    for (const f of pods) for (const t of pods) this.expected.set(`${f}>${t}`, allowed);
  }
  private matches(p: Peer, pod: string): boolean {
    const [ns, name] = pod.split('/');
    return (p.namespace === undefined || p.namespace === ns) && (p.pod === undefined || p.pod === name);
  }
  expectPeer(from: Peer, to: Peer, allowed: boolean): this {
    for (const f of this.pods) for (const t of this.pods) if (this.matches(from, f) && this.matches(to, t)) this.expected.set(`${f}>${t}`, allowed);
    return this;
  }
  expect(from: string, to: string, allowed: boolean): this {
    this.expected.set(`${from}>${to}`, allowed);
    return this;
  }
  expectAllIngress(to: string, allowed: boolean): this {
    for (const f of this.pods) this.expected.set(`${f}>${to}`, allowed);
    return this;
  }
  expectAllEgress(from: string, allowed: boolean): this {
    for (const t of this.pods) this.expected.set(`${from}>${t}`, allowed);
    return this;
  }
}

/** The pods of a cluster built by modelCluster, as `ns/name`. */
export function podsOf(c: SimCluster): string[] {
  return c.pods.filter((p) => NAMESPACES.includes(p.namespace)).map((p) => `${p.namespace}/${p.name}`).sort();
}

/**
 * The suite's ValidateOrFail: probe every pair through the destination's Service ClusterIP and
 * compare with the expectation. Returns the wrong cells (loopback ignored), empty when all agree.
 */
export function validate(c: SimCluster, r: Reachability, port: number, protocol: Protocol = 'TCP'): string[] {
  const wrong: string[] = [];
  for (const from of r.pods) {
    for (const to of r.pods) {
      if (from === to) continue;
      const [ns, name] = to.split('/');
      const svc = c.services.find((s) => s.namespace === ns && s.name === `s-${ns}-${name}`)!;
      const res = routeRequest(c, { from: `pod/${from}`, to: `${svc.clusterIP}:${port}`, protocol, count: 1 });
      const outcome = res.results[0].outcome;
      const allowed = outcome === 'ok';
      if (outcome !== 'ok' && outcome !== 'dropped') wrong.push(`${from} -> ${to}: unexpected ${outcome} (${res.results[0].reason})`);
      else if (allowed !== r.expected.get(`${from}>${to}`)) wrong.push(`${from} -> ${to}: expected ${r.expected.get(`${from}>${to}`) ? 'allowed' : 'blocked'}, got ${outcome}`);
    }
  }
  return wrong;
}
