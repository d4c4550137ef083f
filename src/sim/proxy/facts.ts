/**
 * What a route says, as data. Every decision of the route engine is a `Statement`: a message
 * id and the values it is about (the node, the addresses, the Service, the endpoint, the rule
 * that decided, and per message a `detail` record). Sentences are made from statements in one
 * place (./sentences), so that a hop can be drawn, filtered or said in another language; no
 * decision code writes English.
 */
import type { ListenBasis } from '../../model/listens';
import type { Protocol } from '../../model/types';
import type { HopFacts } from '../types';

/** Who sends the request, as the sentences need it. */
export interface SourceFacts {
  kind: 'pod' | 'node' | 'external';
  /** `namespace/name` of the pod (the debug pod's is `namespace/debug`). */
  pod?: string;
  /** A temporary debug pod (`--from pod`), not one of the input's pods. */
  adHoc?: boolean;
  node?: string;
}

/** A port as a Service or container declares it. */
export interface PortFacts {
  port: number;
  protocol: Protocol;
  name?: string;
}

/** The resolver a source asks. */
export interface ResolverFacts {
  server: 'cluster' | 'node' | 'none';
  nameserver?: string;
}

/** Which traffic policy decided the endpoint set of a DNAT. */
export type PolicyNote = 'internal-local' | 'external-local' | 'external-short-circuit' | null;

/**
 * How EndpointSlice topology hints shaped the endpoint set of a DNAT (pkg/proxy/topology.go
 * topologyModeFromHints): only the endpoints hinted for this zone or node, or hints present but
 * not used (why), or null when no ready endpoint has a zone hint (or the traffic policy is Local).
 */
export type TopologyNote =
  | { mode: 'PreferSameZone'; zone: string }
  | { mode: 'PreferSameNode'; node: string }
  | { mode: 'ignored'; why: 'missing-hints' | 'no-hint-for-zone' | 'node-without-zone'; zone: string }
  | null;

/** Why a Service port has no usable endpoint. */
export type NoEndpointsCause =
  | { cause: 'not-ready'; count: number }
  | { cause: 'no-selector' }
  | { cause: 'skip-mirror'; label: string }
  | { cause: 'named-port'; targetPort: string }
  | { cause: 'no-match'; selector: Record<string, string>; namespace: string };

/** How a connection reached the pod that refused it. */
export type DeliveredVia = 'proxy' | 'headless' | 'direct';

/** How svclab knows whether a pod listens on a port (model/listens.ts listensOn). */
export type { ListenBasis } from '../../model/listens';

/** Services of the looked-up name, for a failed lookup's explanation. */
export interface NamedService {
  service: string;
  clusterIP: string;
}

/** The `detail` of each message. */
export interface Details {
  source: { source: SourceFacts; target: string };
  'dns-answer': { resolver: ResolverFacts; name: string; addresses: string[]; tried: string[]; cname: string | null };
  'dns-no-address': { resolver: ResolverFacts; name: string; rcode: string; tried: string[] };
  'headless-service': Record<string, never>;
  'dns-externalname-unresolved': { name: string; cname: string };
  'dns-outside-cluster': { source: SourceFacts; name: string; rcode: string; services: NamedService[] };
  'dns-policy-no-cluster-names': { source: SourceFacts; name: string; rcode: string; policy: string; hostNetworkFallback: boolean; services: NamedService[] };
  'dns-no-nameserver': { source: SourceFacts };
  'dns-externalname-ip': { name: string; externalName: string };
  'dns-headless-no-endpoints': { name: string };
  'dns-not-found': { name: string; rcode: string; tried: string[]; elsewhere: { name: string; namespaces: string[] } | null };
  'cluster-ip': { ip: string; port: number; protocol: Protocol; servicePort: string | number; targetPort: string | number };
  'cluster-ip-from-outside': { ip: string };
  'port-not-exposed': { ip: string; port: number; protocol: Protocol; exposed: PortFacts[] };
  'no-endpoints': { servicePort: PortFacts; why: NoEndpointsCause };
  'no-local-endpoints-internal': Record<string, never>;
  'external-address': { ip: string; port: number; protocol: Protocol; loadBalancer: boolean; targetPort: string | number };
  'external-port-not-exposed': { ip: string; port: number; protocol: Protocol; services: string[]; exposed: PortFacts[] };
  'no-healthy-node': Record<string, never>;
  'no-node-for-address': { ip: string };
  'no-local-endpoints-external': Record<string, never>;
  'node-port': { nodeIP: string; port: number; protocol: Protocol; servicePort: number; targetPort: string | number };
  'node-port-closed': { nodeIP: string; port: number; protocol: Protocol; range: { min: number; max: number } };
  'host-network-pod': { port: number };
  'host-port': { port: number; containerPort: number };
  'pod-ip': { ip: string };
  'pod-ip-from-outside': { ip: string };
  'unproxied-service': { ip: string; label: string; proxy: string };
  'unallocated-cluster-ip': { ip: string; serviceCIDR: string };
  'unused-pod-ip': { ip: string; podCIDR: string };
  'not-cluster-address': { ip: string };
  'unknown-host': { ip: string };
  'leaves-cluster': { ip: string };
  dnat: { destination: string; endpoints: number; policy: PolicyNote; affinity: { clientIP: string; timeoutSeconds: number } | null; snat: string | null; topology: TopologyNote };
  'load-balancer-source-ranges': { ip: string; ranges: string[] };
  /** A NetworkPolicy verdict: `pod` is isolated in `direction` by `policies` and none allows the peer on port/protocol. */
  'network-policy-denied': { direction: 'ingress' | 'egress'; policies: string[]; peer: string; peerPod: string | null; port: number; protocol: Protocol; snat: boolean };
  /** The source cannot reach any CoreDNS pod on 53/UDP: a NetworkPolicy (of `pod`, in `direction`) blocks the lookup. */
  'dns-blocked-by-network-policy': { direction: 'ingress' | 'egress'; policies: string[]; name: string; dnsPods: number };
  'pod-accepts': { ip: string; port: number; protocol: Protocol; body: string | null; basis: ListenBasis; assumed: boolean };
  'pod-not-listening': { ip: string; port: number; protocol: Protocol; basis: ListenBasis; assumed: boolean; declared: PortFacts[] };
  'answered-by-pod': { basis: ListenBasis; assumed: boolean; port: number; protocol: Protocol };
  /** `declared`: the ports the pod listens on as far as svclab knows (its svclab.io/listens annotation, else its containerPorts). */
  'refused-by-pod': { via: DeliveredVia; declared: PortFacts[]; basis: ListenBasis; assumed: boolean; port: number; protocol: Protocol };
  'api-server-accepts': Record<string, never>;
  'answered-by-api-server': Record<string, never>;
  'node-not-listening': { ip: string; port: number; protocol: Protocol };
  'endpoint-without-pod': Record<string, never>;
  'outside-cluster': { ip: string };
  'answered-outside': Record<string, never>;
  // The edge (src/edge/): ingress-nginx and Gateway proxies answering HTTP.
  'edge-address': { host: string; address: string; port: number; by: 'ingress-rule' | 'gateway-hostname' | 'resolve' | 'address'; controller: EdgeControllerFacts };
  'edge-tls': { host: string; secret: string | null; covered: boolean; controller: EdgeControllerFacts };
  'ingress-redirect': { request: string; host: string; location: string; status: number };
  'ingress-match': { request: string; host: string; server: string; path: string; pathType: string; ingress: string; rule: number; backend: string; servicePort: string | number; className: string };
  'ingress-default-backend': { request: string; ingress: string; backend: string; servicePort: string | number };
  'ingress-no-match': { request: string; host: string; server: string; status: number };
  'ingress-backend-missing': { request: string; ingress: string; backend: string; servicePort: string | number; cause: 'no-service' | 'no-port' | 'resource'; status: number };
  'gateway-no-listener': { gateway: string; host: string; port: number; status: number };
  'gateway-match': { request: string; gateway: string; listener: string; route: string; kind: 'HTTPRoute' | 'GRPCRoute'; rule: number; match: number; backend: string; servicePort: number | null; weight: number; total: number };
  'gateway-no-match': { request: string; gateway: string; listener: string; routes: number; kind: 'HTTPRoute' | 'GRPCRoute'; status: number };
  'gateway-backend-invalid': { route: string; kind: 'HTTPRoute' | 'GRPCRoute'; rule: number; backend: string; reason: string; status: number };
  'edge-upstream-failed': { controller: EdgeControllerFacts; outcome: string; cause: string; status: number };
  'edge-answer': { controller: EdgeControllerFacts; status: number; path: string };
  'edge-unserved': {
    host: string;
    object: string;
    gateway: string | null;
    cause: 'controller-off' | 'class-unserved' | 'class-not-accepted' | 'class-missing';
    className: string | null;
    controllerName: string | null;
    runs: string[] | null;
  };
}

/** The edge proxy of a request: ingress-nginx, or the proxy of one Gateway (`namespace/name`). */
export type EdgeControllerFacts = { kind: 'ingress-nginx' } | { kind: 'gateway'; gateway: string };

export type MessageId = keyof Details;

/** One message with its values. */
export type Statement<M extends MessageId = MessageId> = { [K in M]: HopFacts & { message: K; detail: Details[K] } }[M];
