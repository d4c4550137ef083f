/** `routes:` expectations: requests through the simulated kube-proxy. */
import type { Common, Integer, Matcher, PodSetSpec, RouteOutcome, ScenarioProtocol, Source } from './common';

/**
 * What the request must produce. Sets are computed from the route's full candidate set, never from luck.
 * @examples [{ "outcome": "ok", "reaches": { "workload": "Deployment/hostname-deployment" }, "spread": "all" }]
 */
export interface RouteExpectSpec {
  /**
   * The outcome of every sampled request.
   * @examples ["ok"]
   */
  outcome?: RouteOutcome;
  /**
   * `true`: every sampled outcome rests on svclab's guess of the ports the app listens on (a pod that declares no container port is assumed to accept, a port no container declares is assumed closed); `false`: none does (the manifests state it: a declared containerPort, a probe, or the pod template annotation `svclab.io/listens`).
   * @examples [false]
   */
  assumed?: boolean;
  /**
   * The reason text (substring, or `{ regex: ... }`).
   * @examples [{ "inCIDR": "10.96.0.0/12" }, { "inRange": [30000, 32767] }, { "regex": "^hostname-deployment-" }]
   */
  reason?: Matcher;
  /**
   * The set of pods the request can reach must be exactly this set (alias of `reachesAll`); `none` = no pod can be reached.
   * @examples [{ "workload": "Deployment/hostname-deployment" }, "none"]
   */
  reaches?: PodSetSpec | 'none';
  /**
   * Every pod of this set can be reached, and no other.
   * @examples [{ "workload": "Deployment/hostname-deployment" }]
   */
  reachesAll?: PodSetSpec;
  /**
   * Every pod the request can reach is in this set (at least one).
   * @examples [{ "workload": "Deployment/hostname-deployment" }]
   */
  reachesOneOf?: PodSetSpec;
  /**
   * `all`: every candidate answers at least once in `count` sampled requests (sampled with the seed, which the report prints).
   * @examples ["all"]
   */
  spread?: 'all';
  /**
   * Every sampled request lands on the same pod (sessionAffinity: ClientIP); `false`: at least two pods answer.
   * @examples [true]
   */
  sticky?: boolean;
  /**
   * The source address the answering pod sees: `client` (the client's own address is preserved), `node` (SNAT to a node's IP), an IP address, or a matcher such as `{ inCIDR: ... }`.
   * @examples ["node", "client", { "inCIDR": "10.244.0.0/16" }]
   */
  sourceIP?: Matcher;
  /**
   * The Service the request goes through, as `namespace/name`.
   * @examples ["default/hostname-svc-clusterip"]
   */
  service?: string;
  /**
   * The pod port the request is delivered to.
   * @examples [80]
   */
  port?: Integer;
  /**
   * The HTTP body of every answer (substring, or `{ regex: ... }`).
   * @examples [{ "inCIDR": "10.96.0.0/12" }, { "inRange": [30000, 32767] }, { "regex": "^hostname-deployment-" }]
   */
  body?: Matcher;
  /**
   * The HTTP status the client gets from an ingress controller or a Gateway (200, 404 when no rule matches, 500 for an unresolvable HTTPRoute backend, 503/504 when the backend cannot be reached, 308 for ingress-nginx's redirect to HTTPS).
   * @examples [200, 404]
   */
  status?: Integer;
  /**
   * The Ingress or HTTPRoute rule that matched: the fields given must be equal (`rule`/`match` are indexes; `rule: null` is an Ingress defaultBackend); `none` = no rule matched.
   * @examples [{ "kind": "Ingress", "name": "shop", "rule": 0 }, "none"]
   */
  route?: MatchedRouteSpec | 'none';
  /**
   * For a gRPC call (`to: grpc://HOST/SERVICE/METHOD`): the status the gRPC client reports (`OK`, `UNIMPLEMENTED` when no GRPCRoute rule matches, `UNAVAILABLE` for an invalid backend or one that cannot be reached).
   * @examples ["OK", "UNIMPLEMENTED"]
   */
  grpcStatus?: 'OK' | 'UNKNOWN' | 'PERMISSION_DENIED' | 'UNIMPLEMENTED' | 'INTERNAL' | 'UNAVAILABLE' | 'UNAUTHENTICATED';
}

/**
 * An Ingress or HTTPRoute rule, as `svclab curl` names it in `route`.
 * @examples [{ "kind": "HTTPRoute", "name": "shop", "rule": 1, "match": 0 }]
 */
export interface MatchedRouteSpec {
  /**
   * `Ingress`, `HTTPRoute` or `GRPCRoute`.
   * @examples ["HTTPRoute"]
   */
  kind?: 'Ingress' | 'HTTPRoute' | 'GRPCRoute';
  /**
   * Namespace of the Ingress or HTTPRoute (default: the request's namespace).
   * @examples ["default"]
   */
  namespace?: string;
  /**
   * Name of the Ingress or HTTPRoute.
   * @examples ["shop"]
   */
  name?: string;
  /**
   * Index of the rule (null: the Ingress's defaultBackend).
   * @examples [0]
   */
  rule?: Integer | null;
  /**
   * Index of the path (Ingress) or match (HTTPRoute) within the rule.
   * @examples [0]
   */
  match?: Integer | null;
}

/**
 * One request (or `count` requests) from a source to a target.
 * @examples [{ "from": "pod", "to": "http://hostname-svc-clusterip:8080", "count": 30, "expect": { "outcome": "ok", "spread": "all" } }]
 */
export interface RouteSpec extends Common {
  /**
   * Where the request or lookup starts: `pod` (an ad-hoc debug pod, like `kubectl run debug`, in `namespace`), `pod/NAME`, `pod/NS/NAME` (an existing pod; NAME may be a prefix such as the Deployment name), `node/NAME`, or `external` (a client outside the cluster).
   * @examples ["pod", "node/node-1", "external", "pod/counter"]
   */
  from: Source;
  /**
   * Namespace of the source pod and of names without one (default: the scenario namespace, usually `default`).
   * @examples ["default"]
   */
  namespace?: string;
  /**
   * The target: `IP:port`, `name:port`, `node-IP:nodePort`, a load balancer address, or an `http://` URL of any of those. `${svc:NAME}` = the Service's ClusterIP, `${lb:NAME}` = its load balancer address, `${nodePort:NAME}` = its (first) node port, `${node:NAME}` = a node's InternalIP, `${pod:NAME}` = a pod's IP.
   * @examples ["http://hostname-svc-clusterip:8080", "${svc:hostname-svc-clusterip}:8080", "${node:node-1}:31000"]
   */
  to: string;
  /**
   * Number of requests to sample (default 1).
   * @examples [30]
   * @asType integer
   * @minimum 1
   * @maximum 100000
   */
  count?: number;
  /**
   * Transport protocol (default TCP).
   * @examples ["TCP"]
   */
  protocol?: ScenarioProtocol;
  /**
   * HTTP method of an `http(s)://` target (default GET).
   * @examples ["POST"]
   */
  method?: string;
  /**
   * HTTP headers, by name; a `Host` header picks the Ingress or HTTPRoute rule while the URL's host picks where the connection goes.
   * @examples [{ "Host": "shop.example.com", "X-Canary": "yes" }]
   */
  headers?: Record<string, string>;
  /**
   * The URL path (and query) of an `http(s)://` target, replacing the one in `to`.
   * @examples ["/api/v1?debug=1"]
   */
  path?: string;
  /**
   * What the request must produce. Sets are computed from the route's full candidate set, never from luck.
   * @examples [{ "outcome": "ok", "reaches": { "workload": "Deployment/hostname-deployment" }, "spread": "all" }]
   */
  expect: RouteExpectSpec;
}
