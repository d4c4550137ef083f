/**
 * The hops of a request on the picture: each hop of one connection (source, DNS, Service, the
 * node whose kube-proxy DNATs, the endpoint, the outcome) placed on the element or lane it is
 * about. Made from the hops' structured facts (`pod`, `node`, `service`, `kind`), never from
 * their sentences; the sentence is kept only as the step's caption.
 */
import type { SourceFacts } from '../../sim/proxy/facts';
import type { Hop, Outcome, RouteResult } from '../../sim/types';
import { EXTERNAL_CLIENT, laneId, podId, serviceId, type GraphElement, type GraphModel } from './model';

export interface RouteStep {
  /** 1-based, in hop order. */
  n: number;
  /** Element or lane the hop happens at. */
  at: string;
  kind: Hop['kind'];
  /** The hop's message id (`dnat`, `no-endpoints`, ...). */
  message: string;
  /** The hop's sentence (from the route catalogue). */
  text: string;
  /** Set on the hop that ends the connection when it does not end well. */
  ends: Outcome | null;
}

export interface RouteOverlay {
  /** `svclab curl TARGET --from SOURCE`, as asked. */
  request: string;
  outcome: Outcome;
  reason: string;
  steps: RouteStep[];
  /** Connections per outcome, over `count`. */
  tally: string;
}

const DNS_SERVICE = serviceId('kube-system', 'kube-dns');

/** The element a hop is about, added to the picture when it is not drawn yet (the DNS Service, a node source). */
function placeOf(hop: Hop, graph: GraphModel, podElement: (ns: string, name: string) => string | undefined): string {
  const ensure = (id: string, make: () => GraphElement) => {
    if (!graph.elements.some((e) => e.id === id) && !graph.lanes.some((l) => l.id === id)) graph.elements.push(make());
    return id;
  };
  const split = (ref: string) => {
    const i = ref.indexOf('/');
    return [ref.slice(0, i), ref.slice(i + 1)];
  };
  if (hop.kind === 'dns') return ensure(DNS_SERVICE, () => ({ id: DNS_SERVICE, kind: 'service', title: 'kube-dns', lines: ['CoreDNS', hop.to ?? ''], lane: null, namespace: 'kube-system', state: null, labels: {}, marks: [] }));
  const source = hop.kind === 'source' ? (hop.detail.source as SourceFacts | undefined) : undefined;
  if (hop.kind === 'external' || source?.kind === 'external') {
    return ensure(EXTERNAL_CLIENT, () => ({ id: EXTERNAL_CLIENT, kind: 'client', title: 'external client', lines: [hop.from ?? ''], lane: null, namespace: '', state: null, labels: {}, marks: [] }));
  }
  const pod = hop.pod ?? source?.pod;
  if ((hop.kind === 'source' || hop.kind === 'pod') && pod) {
    const [ns, name] = split(pod);
    const found = podElement(ns, name);
    if (found) return found;
    // The debug pod of `--from pod` is not one of the input's pods: drawn in its node's lane.
    const id = podId(ns, name);
    return ensure(id, () => ({ id, kind: 'pod', title: name, lines: [hop.from ?? '', 'debug pod'], lane: hop.node && graph.lanes.some((l) => l.id === laneId(hop.node ?? '')) ? laneId(hop.node) : null, namespace: ns, state: 'ready', labels: { run: name }, marks: [] }));
  }
  if (hop.kind === 'service' && hop.service) {
    const [ns, name] = split(hop.service);
    return ensure(serviceId(ns, name), () => ({ id: serviceId(ns, name), kind: 'service', title: name, lines: [hop.to ?? ''], lane: null, namespace: ns, state: null, labels: {}, marks: [] }));
  }
  if (hop.node && graph.lanes.some((l) => l.id === laneId(hop.node ?? ''))) return laneId(hop.node);
  if (hop.service) return serviceId(...(split(hop.service) as [string, string]));
  return EXTERNAL_CLIENT;
}

/** Places the hops of the request's first connection on the picture (adding what they need). */
export function routeOverlay(graph: GraphModel, result: RouteResult): RouteOverlay {
  const stackOf = new Map<string, string>();
  for (const e of graph.elements) if (e.kind === 'pod') stackOf.set(e.id, e.id);
  const podElement = (ns: string, name: string): string | undefined => {
    const id = podId(ns, name);
    if (stackOf.has(id)) return id;
    // Stacked pictures: the stack of the pod's workload (`stack:ns/Kind/name`, pod names start with the workload's).
    const stack = graph.elements.filter((e) => e.kind === 'stack' && e.namespace === ns && name.startsWith(`${e.title.slice(e.title.indexOf('/') + 1)}-`));
    return stack.sort((a, b) => b.title.length - a.title.length)[0]?.id;
  };
  const first = result.results[0];
  const steps: RouteStep[] = [];
  for (const hop of first?.hops ?? []) {
    const at = placeOf(hop, graph, podElement);
    steps.push({ n: steps.length + 1, at, kind: hop.kind, message: hop.message, text: hop.text, ends: null });
  }
  if (first && first.outcome !== 'ok' && steps.length) steps[steps.length - 1].ends = first.outcome;
  const s = result.summary;
  const n = result.results.length;
  const r = result.request;
  return {
    request: `svclab curl ${r.to} --from ${r.from}`,
    outcome: first?.outcome ?? 'dropped',
    reason: first?.reason ?? '',
    steps,
    tally: `${n} connection${n === 1 ? '' : 's'}: ${s.ok} ok, ${s.refused} refused, ${s.dropped} dropped, ${s['dns-error']} dns-error`,
  };
}
