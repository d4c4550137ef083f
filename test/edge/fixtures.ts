/**
 * Test fixtures of the edge: the gateway-api conformance base (conformance/base/manifests.yaml,
 * re-written: namespaces gateway-conformance-infra and gateway-conformance-web-backend, backends
 * infra-backend-v1..v3 and web-backend on port 8080, Gateway `same-namespace` with one HTTP
 * listener on port 80 allowing routes from its own namespace), and a helper that sends a request
 * the way the conformance suite's roundtripper does (to the Gateway's address, Host header set).
 */
import { simulate } from '../../src/index';
import { gatewayProxyName } from '../../src/edge/controllers';
import type { RouteAttempt, SimCluster } from '../../src/sim/types';

export const INFRA = 'gateway-conformance-infra';

function backend(ns: string, name: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}}
spec:
  replicas: 1
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec: {containers: [{name: echo, image: echo-basic, ports: [{containerPort: 3000}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${ns}}
spec: {selector: {app: ${name}}, ports: [{port: 8080, targetPort: 3000}]}
`;
}

export const CONFORMANCE_BASE = [
  `apiVersion: v1
kind: Namespace
metadata: {name: ${INFRA}}
---
apiVersion: v1
kind: Namespace
metadata: {name: gateway-conformance-web-backend}
---
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: conformance}
spec: {controllerName: example.net/gateway-controller}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: same-namespace, namespace: ${INFRA}}
spec:
  gatewayClassName: conformance
  listeners:
  - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: Same}}}
`,
  backend(INFRA, 'infra-backend-v1'),
  backend(INFRA, 'infra-backend-v2'),
  backend(INFRA, 'infra-backend-v3'),
  backend('gateway-conformance-web-backend', 'web-backend'),
].join('---\n');

export function cluster(...yaml: string[]): SimCluster {
  return simulate([CONFORMANCE_BASE, ...yaml].join('---\n'));
}

/** The address of a Gateway's proxy (its Service in gateway-system). */
export function gatewayAddress(c: SimCluster, ns: string, name: string): string {
  const s = c.services.find((x) => x.namespace === 'gateway-system' && x.name === gatewayProxyName({ namespace: ns, name }));
  if (!s) throw new Error(`no proxy for Gateway ${ns}/${name}`);
  return s.loadBalancerIngress?.[0] ?? s.spec.externalIPs[0];
}

export interface Req {
  host?: string;
  path: string;
  method?: string;
  headers?: Record<string, string>;
}

/** One request from outside to the Gateway's address, as the conformance roundtripper sends it. */
export function send(c: SimCluster, gateway: [string, string], req: Req, count = 1): RouteAttempt[] {
  const address = gatewayAddress(c, gateway[0], gateway[1]);
  const headers = Object.entries(req.headers ?? {}).map(([k, v]) => `${k}: ${v}`);
  if (req.host) headers.push(`Host: ${req.host}`);
  return c.route({ from: 'external', to: `http://${address}${req.path}`, method: req.method, headers, count }).results;
}

/** The backend Service name (or the status when it is not 200), as the conformance tests state their expectations. */
export function outcome(a: RouteAttempt): string | number {
  if (a.status !== 200) return a.status ?? a.outcome;
  return a.service!.slice(a.service!.indexOf('/') + 1);
}
