/**
 * Where a request comes from (`pod/NAME`, `pod/NS/NAME`, `pod`, `node/NAME`, `external`) and
 * where it goes (`IP:port`, `name:port`, `http://host[:port]/path`). Malformed input throws a
 * TargetError, which the CLI turns into exit code 2 with the hint.
 */
import { didYouMean } from '../../util/did-you-mean';
import { cidrAddress, cidrContains, parseCIDR, parseIP } from '../../util/ip';
import { Random } from '../../util/random';
import type { PodDNSConfig, DNSPolicy } from '../../model/types';
import type { ClusterState, SimNode, SimPod } from '../types';
import { cacheOf, memo, memo2 } from '../cache';
import type { SourceFacts } from './facts';
import { routingIndex } from './tables';

export class TargetError extends Error {
  constructor(
    message: string,
    /** How to fix it, for a person. */
    readonly hint: string,
  ) {
    super(message);
    this.name = 'TargetError';
  }
}

/** An address outside the cluster (TEST-NET-3, RFC 5737) standing for the `external` client. */
export const EXTERNAL_CLIENT_IP = '203.0.113.10';

export interface Source {
  kind: 'pod' | 'node' | 'external';
  /** Identifies the source within its cluster (memo tables are keyed by it). */
  key: string;
  ip: string;
  /** The node the traffic leaves from (null for external clients). */
  node: SimNode | null;
  /** The pod, or null for nodes, external clients and the ad-hoc debug pod. */
  pod: SimPod | null;
  /** Namespace used for the DNS search list. */
  namespace: string;
  adHoc: boolean;
  dnsPolicy: DNSPolicy;
  dnsConfig: PodDNSConfig | undefined;
  hostNetwork: boolean;
  /** The source as statements name it. */
  facts: SourceFacts;
}

export interface Target {
  /** The text as given. */
  text: string;
  /** A name or an IP literal (without brackets). */
  host: string;
  hostIsIP: boolean;
  port: number;
  http: boolean;
  path: string;
}

const SOURCE_HINT = 'use pod/NAME, pod/NAMESPACE/NAME, pod (a temporary debug pod), node/NAME or external';

/** Resolves a source; throws TargetError when it names nothing that exists. Memoised per cluster. */
export function parseSource(cluster: ClusterState, from: string, namespace: string): Source {
  return memo2(cacheOf(cluster).table<string, Map<string, Source>>('sources'), namespace, from, () => readSource(cluster, from, namespace));
}

function readSource(cluster: ClusterState, from: string, namespace: string): Source {
  const text = from.trim();
  if (text === 'external') {
    return { kind: 'external', key: `external|${namespace}`, ip: EXTERNAL_CLIENT_IP, node: null, pod: null, namespace, adHoc: false, dnsPolicy: 'Default', dnsConfig: undefined, hostNetwork: false, facts: { kind: 'external' } };
  }
  if (text === 'pod') return adHocPod(cluster, namespace);
  const idx = routingIndex(cluster);
  const [kind, ...rest] = text.split('/');
  if (kind === 'node' || kind === 'nodes' || kind === 'no') {
    const name = rest.join('/');
    if (!name) throw new TargetError(`"${from}" names no node`, `write node/NAME; nodes: ${[...idx.nodesByName.keys()].join(', ')}`);
    const node = idx.nodesByName.get(name);
    if (!node) {
      const guess = didYouMean(name, idx.nodesByName.keys());
      throw new TargetError(`no node named "${name}"`, guess ? `did you mean node/${guess}?` : `nodes: ${[...idx.nodesByName.keys()].join(', ')}`);
    }
    return { kind: 'node', key: `node/${node.name}|${namespace}`, ip: node.internalIP, node, pod: null, namespace, adHoc: false, dnsPolicy: 'Default', dnsConfig: undefined, hostNetwork: true, facts: { kind: 'node', node: node.name } };
  }
  if ((kind === 'pod' || kind === 'pods' || kind === 'po') && rest.length >= 1 && rest.length <= 2 && rest.every((r) => r !== '')) {
    const ns = rest.length === 2 ? rest[0] : namespace;
    const name = rest[rest.length - 1];
    // `pod/debug` is the debug pod `--from pod` starts (its output names it so), unless a pod or workload has that name.
    if (name === DEBUG_POD && !hasPodNamed(cluster, ns, name)) return adHocPod(cluster, ns);
    const pod = findPod(cluster, ns, name);
    if (!pod.podIP) throw new TargetError(`pod ${pod.namespace}/${pod.name} is Pending${pod.pendingReason ? ` (${pod.pendingReason})` : ''}, so it has no IP and cannot send traffic`, 'pick a running pod (`svclab get pods`)');
    const node = idx.nodesByName.get(pod.nodeName) ?? null;
    return {
      kind: 'pod',
      key: `pod/${pod.namespace}/${pod.name}`,
      ip: pod.podIP,
      node,
      pod,
      namespace: pod.namespace,
      adHoc: false,
      dnsPolicy: pod.spec.dnsPolicy,
      dnsConfig: pod.spec.dnsConfig,
      hostNetwork: pod.spec.hostNetwork,
      facts: { kind: 'pod', pod: `${pod.namespace}/${pod.name}` },
    };
  }
  throw new TargetError(`cannot read the source "${from}"`, SOURCE_HINT);
}

const DEBUG_POD = 'debug';

function hasPodNamed(cluster: ClusterState, ns: string, name: string): boolean {
  const idx = routingIndex(cluster);
  return idx.podsByKey.has(`${ns}/${name}`) || (idx.podsByNamespace.get(ns) ?? []).some((p) => p.workload.metadata.name === name || p.name.startsWith(`${name}-`));
}

/**
 * A pod by exact name; else, because generated pod names are hard to guess, the first pod
 * (by name) of the workload with that name (`pod/counter` = a pod of Deployment counter).
 */
function findPod(cluster: ClusterState, ns: string, name: string): SimPod {
  const idx = routingIndex(cluster);
  const exact = idx.podsByKey.get(`${ns}/${name}`);
  if (exact) return exact;
  const inNs = idx.podsByNamespace.get(ns) ?? [];
  const byWorkload = inNs.filter((p) => p.workload.metadata.name === name);
  const ofWorkload = (byWorkload.length ? byWorkload : inNs.filter((p) => p.name.startsWith(`${name}-`)))
    .slice()
    .sort((a, b) => (a.podIP === '') !== (b.podIP === '') ? (a.podIP === '' ? 1 : -1) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  if (ofWorkload.length) return ofWorkload[0];
  const names = inNs.map((p) => p.name);
  const guess = didYouMean(name, names);
  throw new TargetError(
    `no pod named "${name}" in namespace ${ns}`,
    guess ? `did you mean pod/${guess}?` : names.length ? `pods in ${ns}: ${names.slice(0, 5).join(', ')}${names.length > 5 ? ', ...' : ''}` : `namespace ${ns} has no pods; use -n NAMESPACE or pod/NAMESPACE/NAME`,
  );
}

/**
 * `kubectl run debug --image=curl` in the namespace: a pod named `debug` on the first
 * schedulable worker, with a free address from that node's pod CIDR (counting down from the
 * top, so it never takes an address the simulator hands out from the bottom).
 */
function adHocPod(cluster: ClusterState, namespace: string): Source {
  const idx = routingIndex(cluster);
  const schedulable = cluster.nodes.filter((n) => !n.taints.some((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute'));
  const candidates = schedulable.length ? schedulable : cluster.nodes;
  if (!candidates.length) throw new TargetError('the cluster has no nodes to run a debug pod on', 'add nodes to the Cluster object');
  const node = candidates[Random.derive(cluster.seed, `debug-pod/${namespace}`).int(0, candidates.length - 1)];
  const cidr = parseCIDR(node.podCIDR);
  let ip = '';
  if (cidr) {
    for (let off = cidr.size - 2n; off > 0n; off--) {
      const candidate = cidrAddress(cidr, off);
      if (!idx.podsByIP.has(candidate)) {
        ip = candidate;
        break;
      }
    }
  }
  if (!ip) throw new TargetError(`node ${node.name} has no free pod address for a debug pod`, 'use pod/NAME to start from an existing pod');
  return { kind: 'pod', key: `debug/${namespace}`, ip, node, pod: null, namespace, adHoc: true, dnsPolicy: 'ClusterFirst', dnsConfig: undefined, hostNetwork: false, facts: { kind: 'pod', pod: `${namespace}/debug`, adHoc: true } };
}

const TARGET_HINT = 'write the target as IP:PORT, NAME:PORT, [IPv6]:PORT or http://HOST[:PORT]/PATH';

/** Parses a target; `http://` defaults to port 80 (`https://` to 443). Memoised per cluster. */
export function parseTarget(cluster: ClusterState, to: string): Target {
  return memo(cacheOf(cluster).table<string, Target>('targets'), to, () => readTarget(to));
}

function readTarget(to: string): Target {
  const text = to.trim();
  if (!text) throw new TargetError('the target is empty', TARGET_HINT);
  let rest = text;
  let http = false;
  let defaultPort: number | undefined;
  let path = '/';
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(rest);
  if (scheme) {
    const s = scheme[1].toLowerCase();
    if (s !== 'http' && s !== 'https') throw new TargetError(`unsupported scheme "${s}://" in "${to}"`, 'only http:// and https:// URLs (or HOST:PORT) are understood');
    http = true;
    defaultPort = s === 'http' ? 80 : 443;
    rest = rest.slice(scheme[0].length);
    const slash = rest.search(/[/?#]/);
    if (slash >= 0) {
      path = rest.slice(slash);
      if (!path.startsWith('/')) path = `/${path}`;
      rest = rest.slice(0, slash);
    }
  }
  let host: string;
  let portText: string | undefined;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) throw new TargetError(`unclosed "[" in "${to}"`, TARGET_HINT);
    host = rest.slice(1, close);
    const after = rest.slice(close + 1);
    if (after && !after.startsWith(':')) throw new TargetError(`unexpected "${after}" after "]" in "${to}"`, TARGET_HINT);
    portText = after ? after.slice(1) : undefined;
    if (parseIP(host)?.family !== 6) throw new TargetError(`"${host}" is not an IPv6 address`, TARGET_HINT);
  } else {
    const colons = rest.split(':').length - 1;
    if (colons > 1) {
      if (parseIP(rest)) throw new TargetError(`IPv6 address "${rest}" needs brackets and a port`, 'write [IPv6]:PORT, e.g. [fd00::1]:80');
      throw new TargetError(`cannot read the target "${to}"`, TARGET_HINT);
    }
    const colon = rest.lastIndexOf(':');
    host = colon >= 0 ? rest.slice(0, colon) : rest;
    portText = colon >= 0 ? rest.slice(colon + 1) : undefined;
  }
  if (!host) throw new TargetError(`the target "${to}" has no host`, TARGET_HINT);
  let port: number;
  if (portText === undefined || portText === '') {
    if (defaultPort === undefined) throw new TargetError(`the target "${to}" has no port`, `add the port, e.g. ${host}:80, or use http://${host}`);
    port = defaultPort;
  } else {
    if (!/^\d{1,5}$/.test(portText) || Number(portText) < 1 || Number(portText) > 65535) {
      throw new TargetError(`"${portText}" is not a port number (1-65535) in "${to}"`, TARGET_HINT);
    }
    port = Number(portText);
  }
  const hostIsIP = parseIP(host) !== null;
  if (!hostIsIP) {
    if (/^[\d.]+$/.test(host)) throw new TargetError(`"${host}" is not a valid IP address`, 'an IPv4 address has four numbers 0-255, e.g. 10.96.0.10');
    const name = host.endsWith('.') ? host.slice(0, -1) : host;
    if (!/^[a-zA-Z0-9_]([a-zA-Z0-9_-]*[a-zA-Z0-9_])?(\.[a-zA-Z0-9_]([a-zA-Z0-9_-]*[a-zA-Z0-9_])?)*$/.test(name) || name.length > 253) {
      throw new TargetError(`"${host}" is neither an IP address nor a valid DNS name`, TARGET_HINT);
    }
  }
  return { text, host: hostIsIP ? host : host.toLowerCase(), hostIsIP, port, http, path };
}

/** Whether the address lies in the cluster's pod CIDR (used to explain unknown addresses). */
export function inPodCIDR(cluster: ClusterState, ip: string): boolean {
  const cidr = routingIndex(cluster).podCIDR;
  const parsed = parseIP(ip);
  return !!cidr && !!parsed && cidrContains(cidr, parsed);
}
