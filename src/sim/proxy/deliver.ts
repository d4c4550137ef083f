/**
 * The last leg of a connection: the packet reaches an address (after DNAT, or directly) and
 * what is there answers, refuses or is not there. What a pod listens on is svclab's app model
 * (./app-model): Kubernetes itself does not care, kube-proxy delivers to the endpoint regardless.
 */
import type { Protocol } from '../../model/types';
import type { ClusterState, Hop, Outcome, RouteReason, SimPod } from '../types';
import type { DeliveredVia, PortFacts, Statement } from './facts';
import { hop, reasonOf } from './hops';
import { httpBody, podListens } from './app-model';
import { inPodCIDR } from './request';
import { routingIndex } from './tables';

/** What happened at the destination: the same for every connection to it (shared: never mutated). */
export interface Delivery {
  outcome: Outcome;
  /** The outcome rests on svclab's guess of what the app listens on (./app-model), not on the manifests. */
  assumed: boolean;
  reason: string;
  why: RouteReason;
  pod: string | null;
  node: string | null;
  body: string | null;
  hops: Hop[];
}

export interface DeliveryTarget {
  ip: string;
  port: number;
  protocol: Protocol;
  pod: SimPod | null;
  /** The Service the connection went through (`namespace/name`), for the explanation of a refusal. */
  service: string | null;
  via: DeliveredVia;
  http: boolean;
  /** An earlier hop already said that the address is outside the cluster. */
  outsideSaid: boolean;
}

function delivery(outcome: Outcome, end: Statement, hops: Hop[], pod: string | null, node: string | null, body: string | null = null, assumed = false): Delivery {
  return { outcome, assumed, ...reasonOf(end), pod, node, body, hops };
}

export function deliver(cluster: ClusterState, t: DeliveryTarget): Delivery {
  const { ip, port, protocol, pod } = t;
  const endpoint = `${ip}:${port}`;
  if (pod) {
    const key = `${pod.namespace}/${pod.name}`;
    const node = pod.nodeName;
    const { listens, assumed, basis, ports } = podListens(pod, port, protocol);
    if (listens) {
      const body = t.http ? httpBody(pod) : null;
      const accepts = hop('pod', { message: 'pod-accepts', node, pod: key, endpoint, detail: { ip, port, protocol, body, basis, assumed } });
      return delivery('ok', { message: 'answered-by-pod', pod: key, endpoint, detail: { basis, assumed, port, protocol } }, [accepts], key, node, body, assumed);
    }
    const declared: PortFacts[] = ports;
    const refuses = hop('pod', { message: 'pod-not-listening', node, pod: key, endpoint, reason: 'refused-by-pod', detail: { ip, port, protocol, basis, assumed, declared } });
    const end: Statement = { message: 'refused-by-pod', node, pod: key, endpoint, service: t.service ?? undefined, reason: 'refused-by-pod', detail: { via: t.via, declared, basis, assumed, port, protocol } };
    return delivery('refused', end, [refuses], key, node, null, assumed);
  }
  const { apiServer } = cluster.config;
  const node = routingIndex(cluster).nodesByIP.get(ip);
  if (node) {
    if (ip === apiServer.ip && port === apiServer.port) {
      const accepts = hop('node', { message: 'api-server-accepts', node: node.name, endpoint, detail: {} });
      return delivery('ok', { message: 'answered-by-api-server', node: node.name, endpoint, detail: {} }, [accepts], null, node.name);
    }
    const closed: Statement = { message: 'node-not-listening', node: node.name, endpoint, reason: 'node-not-listening', detail: { ip, port, protocol } };
    return delivery('refused', closed, [hop('node', closed)], null, node.name);
  }
  if (inPodCIDR(cluster, ip)) {
    const nobody: Statement = { message: 'endpoint-without-pod', endpoint, reason: 'endpoint-without-pod', detail: {} };
    return delivery('dropped', nobody, [hop('pod', nobody)], null, null);
  }
  const hops = t.outsideSaid ? [] : [hop('external', { message: 'outside-cluster', endpoint, detail: { ip } })];
  return delivery('ok', { message: 'answered-outside', endpoint, detail: {} }, hops, null, null);
}
