/** `expect:`: the kinds of expectation, each a key (src/scenario/expectations.ts evaluates them in this order). */
import type { DnsSpec } from './dns';
import type { EndpointsSpec } from './endpoints';
import type { GetSpec } from './get';
import type { LintSpec } from './lint';
import type { HttpMatrixSpec, MatrixSpec } from './matrix';
import type { ReachabilitySpec } from './reachability';
import type { ObjectSpec } from './objects';
import type { RouteSpec } from './routes';

/**
 * Expectations checked at this point of the scenario. Each key is a kind of expectation
 * (src/scenario/expectations.ts evaluates them, in this order).
 * @examples [{ "lint": { "errors": 0 } }]
 */
export interface ExpectSpec {
  /**
   * Expectations on the linter's findings for the manifests at this point.
   * @examples [{ "errors": 0 }, { "findings": { "contain": [{ "rule": "service-selector-no-match", "object": "Service/web" }] } }]
   */
  lint?: LintSpec;
  /**
   * Partial matches on simulated objects (Services with allocated ClusterIP and nodePorts, Pods, Endpoints, EndpointSlices, Nodes), in the shape `kubectl get -o yaml` shows.
   * @examples [[{ "ref": "Service/web", "match": { "spec": { "clusterIP": { "inCIDR": "10.96.0.0/12" } } } }]]
   */
  objects?: ObjectSpec[];
  /**
   * Expectations on the endpoints Kubernetes computes for a Service (EndpointSlices / Endpoints).
   * @examples [[{ "service": "hostname-svc-clusterip", "ready": { "workload": "Deployment/hostname-deployment", "port": 80 } }]]
   */
  endpoints?: EndpointsSpec[];
  /**
   * Requests routed through the simulated kube-proxy.
   * @examples [[{ "from": "pod", "to": "hostname-svc-clusterip:8080", "expect": { "outcome": "ok" } }]]
   */
  routes?: RouteSpec[];
  /**
   * Lookups through the simulated cluster DNS (CoreDNS) and the source's resolv.conf.
   * @examples [[{ "from": "pod", "name": "redis", "expect": { "rcode": "NOERROR", "a": [{ "service": "redis" }] } }]]
   */
  dns?: DnsSpec[];
  /**
   * Reachability matrices: every source against every target; a failure prints the actual-vs-expected truth table.
   * @examples [[{ "from": ["pod", "external"], "to": ["${svc:web}:80"], "expect": "ok", "except": [{ "from": "external", "to": "${svc:web}:80", "outcome": "dropped" }] }]]
   */
  matrix?: MatrixSpec[];
  /**
   * NetworkPolicy truth tables: pods × pods for one port, `.` allowed and `X` blocked, compared as a whole (cyclonus-style).
   * @examples [[{ "port": 80, "namespaces": ["x"], "table": "TCP/80 | x/a | x/b\nx/a | . | X\nx/b | . | .\n" }]]
   */
  reachability?: ReachabilitySpec[];
  /**
   * HTTP matrices: every host against every path through the ingress controller or Gateway; each cell the backend Service of a 200 answer or the status code.
   * @examples [[{ "hosts": ["shop.example.com"], "paths": ["/", "/api"], "table": [["web", "api"]] }]]
   */
  http?: HttpMatrixSpec[];
  /**
   * Text snapshots of `svclab get` output, stored next to the scenario and rewritten by `svclab test --update`.
   * @examples [[{ "resource": "svc" }]]
   */
  get?: GetSpec[];
}

/** What an expectation result is about: a kind of `expect:` (see ./expectations.ts), or the scenario's own mechanics. */
export type ExpectationKind = keyof ExpectSpec | 'load' | 'step' | 'exercise';
