/**
 * GRPCRoute, with the gateway-api conformance suite as the oracle (re-written, not copied):
 * conformance/tests/grpcroute-exact-method-matching.{go,yaml}, grpcroute-header-matching,
 * grpcroute-listener-hostname-matching and grpcroute-weight, each request sent as the suite's
 * gRPC client sends it (conformance/utils/grpc: service + method, metadata, authority) to the
 * Gateway's address: `grpc://ADDRESS/SERVICE/METHOD` with -H for metadata and `Host` for the
 * authority. Expectations are the backend, or the gRPC code when none (codes.Unimplemented).
 */
import { CONFORMANCE_BASE, gatewayAddress, INFRA } from './fixtures';
import { simulate } from '../../src/index';
import type { RouteAttempt, SimCluster } from '../../src/sim/types';

const SERVICE = 'gateway_api_conformance.echo_basic.grpcecho.GrpcEcho';

// conformance/base/manifests.yaml: grpc-infra-backend-v1..v3 (port 8080 -> 3000, appProtocol kubernetes.io/h2c).
const grpcBackend = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${INFRA}}
spec:
  replicas: 2
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec: {containers: [{name: ${name}, image: echo-basic, ports: [{containerPort: 3000}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${INFRA}}
spec: {selector: {app: ${name}}, ports: [{port: 8080, targetPort: 3000, appProtocol: kubernetes.io/h2c}]}
`;
const BASE = [CONFORMANCE_BASE, grpcBackend('grpc-infra-backend-v1'), grpcBackend('grpc-infra-backend-v2'), grpcBackend('grpc-infra-backend-v3')].join('---\n');

interface Call {
  method: string;
  metadata?: Record<string, string>;
  authority?: string;
}

function call(c: SimCluster, gateway: string, req: Call, count = 1): RouteAttempt[] {
  const headers = Object.entries(req.metadata ?? {}).map(([k, v]) => `${k}: ${v}`);
  if (req.authority) headers.push(`Host: ${req.authority}`);
  return c.route({ from: 'external', to: `grpc://${gatewayAddress(c, INFRA, gateway)}/${SERVICE}/${req.method}`, headers, count }).results;
}

/** The backend Service name, or the gRPC code name when the call is not answered by a backend. */
function outcome(a: RouteAttempt): string {
  if (a.grpcStatus?.name !== 'OK') return a.grpcStatus?.name ?? a.outcome;
  return a.service!.slice(a.service!.indexOf('/') + 1);
}

describe('GRPCRouteExactMethodMatching (conformance/tests/grpcroute-exact-method-matching)', () => {
  const c = simulate(`${BASE}---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: exact-matching, namespace: ${INFRA}}
spec:
  parentRefs: [{name: same-namespace}]
  rules:
  - matches: [{method: {service: ${SERVICE}, method: Echo}}]
    backendRefs: [{name: grpc-infra-backend-v1, port: 8080}]
  - matches: [{method: {service: ${SERVICE}, method: EchoTwo}}]
    backendRefs: [{name: grpc-infra-backend-v2, port: 8080}]
`);
  test.each([
    ['Echo', 'grpc-infra-backend-v1'],
    ['EchoTwo', 'grpc-infra-backend-v2'],
    ['EchoThree', 'UNIMPLEMENTED'],
  ])('%s -> %s', (method, want) => {
    expect(outcome(call(c, 'same-namespace', { method })[0])).toBe(want);
  });
  test('the JSON names the GRPCRoute rule that matched, the backend pod and the gRPC status', () => {
    const a = call(c, 'same-namespace', { method: 'EchoTwo' })[0];
    expect(a.route).toEqual({ kind: 'GRPCRoute', namespace: INFRA, name: 'exact-matching', rule: 1, match: 0 });
    expect(a.status).toBe(200);
    expect(a.grpcStatus).toEqual({ code: 0, name: 'OK' });
    expect(a.pod).toMatch(/^gateway-conformance-infra\/grpc-infra-backend-v2-/);
    expect(a.body).toMatch(new RegExp(`\\(gRPC ${SERVICE.replace(/\./g, '\\.')}/EchoTwo\\)$`));
    const miss = call(c, 'same-namespace', { method: 'EchoThree' })[0];
    expect(miss).toMatchObject({ status: 404, grpcStatus: { code: 12, name: 'UNIMPLEMENTED' }, route: null });
    expect(miss.why.message).toBe('gateway-no-match');
  });
});

describe('GRPCRouteHeaderMatching (conformance/tests/grpcroute-header-matching)', () => {
  const c = simulate(`${BASE}---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: grpc-header-matching, namespace: ${INFRA}}
spec:
  parentRefs: [{name: same-namespace}]
  rules:
  - matches: [{headers: [{name: version, value: one}]}]
    backendRefs: [{name: grpc-infra-backend-v1, port: 8080}]
  - matches: [{headers: [{name: version, value: two}]}]
    backendRefs: [{name: grpc-infra-backend-v2, port: 8080}]
  - matches: [{headers: [{name: version, value: two}, {name: color, value: orange}]}]
    backendRefs: [{name: grpc-infra-backend-v1, port: 8080}]
  - matches: [{headers: [{name: color, value: blue}]}, {headers: [{name: color, value: green}]}]
    backendRefs: [{name: grpc-infra-backend-v1, port: 8080}]
  - matches: [{headers: [{name: color, value: red}]}, {headers: [{name: color, value: yellow}]}]
    backendRefs: [{name: grpc-infra-backend-v2, port: 8080}]
`);
  test.each<[Record<string, string>, string]>([
    [{ Version: 'one' }, 'grpc-infra-backend-v1'],
    [{ Version: 'two' }, 'grpc-infra-backend-v2'],
    [{ Version: 'two', Color: 'orange' }, 'grpc-infra-backend-v1'],
    [{ Version: 'two', Color: 'blue' }, 'grpc-infra-backend-v2'],
    [{ Color: 'orange' }, 'UNIMPLEMENTED'],
    [{ 'Some-Other-Header': 'one' }, 'UNIMPLEMENTED'],
    [{ Color: 'blue' }, 'grpc-infra-backend-v1'],
    [{ Color: 'green' }, 'grpc-infra-backend-v1'],
    [{ Color: 'red' }, 'grpc-infra-backend-v2'],
    [{ Color: 'yellow' }, 'grpc-infra-backend-v2'],
    [{ Color: 'purple' }, 'UNIMPLEMENTED'],
  ])('Echo with %j -> %s', (metadata, want) => {
    expect(outcome(call(c, 'same-namespace', { method: 'Echo', metadata })[0])).toBe(want);
  });
});

describe('GRPCRouteListenerHostnameMatching (conformance/tests/grpcroute-listener-hostname-matching)', () => {
  const c = simulate(`${BASE}---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: grpcroute-listener-hostname-matching, namespace: ${INFRA}}
spec:
  gatewayClassName: conformance
  listeners:
  - {name: listener-1, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: Same}}, hostname: bar.com}
  - {name: listener-2, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: Same}}, hostname: foo.bar.com}
  - {name: listener-3, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: Same}}, hostname: "*.bar.com"}
  - {name: listener-4, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: Same}}, hostname: "*.foo.com"}
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: backend-v1, namespace: ${INFRA}}
spec:
  parentRefs: [{name: grpcroute-listener-hostname-matching, namespace: ${INFRA}, sectionName: listener-1}]
  rules: [{backendRefs: [{name: grpc-infra-backend-v1, port: 8080}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: backend-v2, namespace: ${INFRA}}
spec:
  parentRefs: [{name: grpcroute-listener-hostname-matching, namespace: ${INFRA}, sectionName: listener-2}]
  rules: [{backendRefs: [{name: grpc-infra-backend-v2, port: 8080}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: backend-v3, namespace: ${INFRA}}
spec:
  parentRefs:
  - {name: grpcroute-listener-hostname-matching, namespace: ${INFRA}, sectionName: listener-3}
  - {name: grpcroute-listener-hostname-matching, namespace: ${INFRA}, sectionName: listener-4}
  rules: [{backendRefs: [{name: grpc-infra-backend-v3, port: 8080}]}]
`);
  test.each([
    ['bar.com', 'grpc-infra-backend-v1'],
    ['foo.bar.com', 'grpc-infra-backend-v2'],
    ['baz.bar.com', 'grpc-infra-backend-v3'],
    ['boo.bar.com', 'grpc-infra-backend-v3'],
    ['multiple.prefixes.bar.com', 'grpc-infra-backend-v3'],
    ['multiple.prefixes.foo.com', 'grpc-infra-backend-v3'],
    ['foo.com', 'UNIMPLEMENTED'],
    ['no.matching.host', 'UNIMPLEMENTED'],
  ])('authority %s -> %s', (authority, want) => {
    expect(outcome(call(c, 'grpcroute-listener-hostname-matching', { method: 'Echo', authority })[0])).toBe(want);
  });
});

describe('GRPCRouteWeight (conformance/tests/grpcroute-weight): backendRefs weights split the calls', () => {
  const c = simulate(`${BASE}---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: weighted-backends, namespace: ${INFRA}}
spec:
  parentRefs: [{name: same-namespace}]
  rules:
  - backendRefs:
    - {name: grpc-infra-backend-v1, port: 8080, weight: 70}
    - {name: grpc-infra-backend-v2, port: 8080, weight: 30}
    - {name: grpc-infra-backend-v3, port: 8080, weight: 0}
`);
  test('70/30 within the suite\'s tolerance, weight 0 never', () => {
    const tally: Record<string, number> = {};
    for (const a of call(c, 'same-namespace', { method: 'Echo' }, 500)) tally[outcome(a)] = (tally[outcome(a)] ?? 0) + 1;
    expect(tally['grpc-infra-backend-v3']).toBeUndefined();
    expect(Math.abs(tally['grpc-infra-backend-v1'] / 500 - 0.7)).toBeLessThan(0.05);
    expect(Math.abs(tally['grpc-infra-backend-v2'] / 500 - 0.3)).toBeLessThan(0.05);
  });
});
