/**
 * The gateway-api conformance suite (kubernetes-sigs/gateway-api conformance/tests/*.go and
 * their YAML) as request -> backend / status tuples, re-written for svclab. Each describe names
 * the conformance test it follows.
 */
import { cluster, INFRA, outcome, send, type Req } from './fixtures';

type Case = [Req, string | number];
const gw: [string, string] = [INFRA, 'same-namespace'];

function check(c: ReturnType<typeof cluster>, cases: Case[], gateway: [string, string] = gw): void {
  const got = cases.map(([req]) => [req, outcome(send(c, gateway, req)[0])]);
  expect(got).toEqual(cases);
}

describe('HTTPRouteMatching (conformance/tests/httproute-matching.go)', () => {
  const c = cluster(`apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: matching, namespace: ${INFRA}}
spec:
  parentRefs: [{name: same-namespace}]
  rules:
  - matches: [{path: {type: PathPrefix, value: /}}, {headers: [{name: version, value: one}]}]
    backendRefs: [{name: infra-backend-v1, port: 8080}]
  - matches: [{path: {type: PathPrefix, value: /v2}}, {headers: [{name: version, value: two}]}]
    backendRefs: [{name: infra-backend-v2, port: 8080}]
`);
  it('routes by path prefix (element-wise) and header, the longest prefix first', () => {
    check(c, [
      [{ path: '/' }, 'infra-backend-v1'],
      [{ path: '/example' }, 'infra-backend-v1'],
      [{ path: '/', headers: { Version: 'one' } }, 'infra-backend-v1'],
      [{ path: '/v2' }, 'infra-backend-v2'],
      [{ path: '/v2/example' }, 'infra-backend-v2'],
      [{ path: '/', headers: { Version: 'two' } }, 'infra-backend-v2'],
      [{ path: '/v2/' }, 'infra-backend-v2'],
      [{ path: '/v2example' }, 'infra-backend-v1'],
      [{ path: '/foo/v2/example' }, 'infra-backend-v1'],
    ]);
  });
  it('names the route, rule and match in the result, and every hop of both legs', () => {
    const [a] = send(c, gw, { path: '/v2/x' });
    expect(a.route).toEqual({ kind: 'HTTPRoute', namespace: INFRA, name: 'matching', rule: 1, match: 0 });
    expect(a.outcome).toBe('ok');
    expect(a.hops.map((h) => h.message)).toEqual(['source', 'edge-address', 'external-address', 'dnat', 'pod-accepts', 'gateway-match', 'source', 'cluster-ip', 'dnat', 'pod-accepts', 'edge-answer']);
    expect(a.body).toMatch(/^Hello, infra-backend-v2-.* \(GET \/v2\/x\)$/);
  });
});

describe('HTTPRouteMethodMatching (conformance/tests/httproute-method-matching.go)', () => {
  const c = cluster(`apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: method-matching, namespace: ${INFRA}}
spec:
  parentRefs: [{name: same-namespace}]
  rules:
  - {matches: [{method: POST}], backendRefs: [{name: infra-backend-v1, port: 8080}]}
  - {matches: [{method: GET}], backendRefs: [{name: infra-backend-v2, port: 8080}]}
  - {matches: [{path: {type: PathPrefix, value: /path1}, method: GET}], backendRefs: [{name: infra-backend-v1, port: 8080}]}
  - {matches: [{headers: [{name: version, value: one}], method: PUT}], backendRefs: [{name: infra-backend-v2, port: 8080}]}
  - {matches: [{path: {type: PathPrefix, value: /path2}, headers: [{name: version, value: two}], method: POST}], backendRefs: [{name: infra-backend-v3, port: 8080}]}
  - matches:
    - {path: {type: PathPrefix, value: /path3}, method: PATCH}
    - {path: {type: PathPrefix, value: /path4}, headers: [{name: version, value: three}], method: DELETE}
    backendRefs: [{name: infra-backend-v1, port: 8080}]
  - {matches: [{path: {type: PathPrefix, value: /path5}}], backendRefs: [{name: infra-backend-v1, port: 8080}]}
  - {matches: [{method: PATCH}], backendRefs: [{name: infra-backend-v2, port: 8080}]}
  - {matches: [{headers: [{name: version, value: four}]}], backendRefs: [{name: infra-backend-v3, port: 8080}]}
`);
  it('matches methods, alone and with paths and headers, with the precedence of the specification', () => {
    check(c, [
      [{ method: 'POST', path: '/' }, 'infra-backend-v1'],
      [{ method: 'GET', path: '/' }, 'infra-backend-v2'],
      [{ method: 'HEAD', path: '/' }, 404],
      [{ method: 'GET', path: '/path1' }, 'infra-backend-v1'],
      [{ method: 'PUT', path: '/', headers: { version: 'one' } }, 'infra-backend-v2'],
      [{ method: 'POST', path: '/path2', headers: { version: 'two' } }, 'infra-backend-v3'],
      [{ method: 'PATCH', path: '/path3' }, 'infra-backend-v1'],
      [{ method: 'DELETE', path: '/path4', headers: { version: 'three' } }, 'infra-backend-v1'],
      [{ method: 'PUT', path: '/' }, 404],
      [{ method: 'DELETE', path: '/path4' }, 404],
      [{ method: 'PATCH', path: '/path5' }, 'infra-backend-v1'],
      [{ method: 'PATCH', path: '/', headers: { version: 'four' } }, 'infra-backend-v2'],
    ]);
  });
});

describe('HTTPRouteListenerHostnameMatching (conformance/tests/httproute-listener-hostname-matching.go)', () => {
  const name = 'httproute-listener-hostname-matching';
  const route = (n: string, backend: string, sections: string[]) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: ${n}, namespace: ${INFRA}}
spec:
  parentRefs: [${sections.map((s) => `{name: ${name}, namespace: ${INFRA}, sectionName: ${s}}`).join(', ')}]
  rules: [{backendRefs: [{name: ${backend}, port: 8080}]}]
`;
  const c = cluster(
    `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: ${name}, namespace: ${INFRA}}
spec:
  gatewayClassName: conformance
  listeners:
  - {name: listener-1, port: 80, protocol: HTTP, hostname: bar.com}
  - {name: listener-2, port: 80, protocol: HTTP, hostname: foo.bar.com}
  - {name: listener-3, port: 80, protocol: HTTP, hostname: "*.bar.com"}
  - {name: listener-4, port: 80, protocol: HTTP, hostname: "*.foo.com"}
`,
    route('backend-v1', 'infra-backend-v1', ['listener-1']),
    route('backend-v2', 'infra-backend-v2', ['listener-2']),
    route('backend-v3', 'infra-backend-v3', ['listener-3', 'listener-4']),
  );
  it('picks the exact listener hostname over a wildcard, and a wildcard matches several labels', () => {
    check(c, [
      [{ host: 'bar.com', path: '/' }, 'infra-backend-v1'],
      [{ host: 'foo.bar.com', path: '/' }, 'infra-backend-v2'],
      [{ host: 'baz.bar.com', path: '/' }, 'infra-backend-v3'],
      [{ host: 'boo.bar.com', path: '/' }, 'infra-backend-v3'],
      [{ host: 'multiple.prefixes.bar.com', path: '/' }, 'infra-backend-v3'],
      [{ host: 'multiple.prefixes.foo.com', path: '/' }, 'infra-backend-v3'],
      [{ host: 'foo.com', path: '/' }, 404],
      [{ host: 'no.matching.host', path: '/' }, 404],
    ], [INFRA, name]);
  });
});

describe('HTTPRouteHostnameIntersection (conformance/tests/httproute-hostname-intersection.go)', () => {
  const name = 'httproute-hostname-intersection';
  const route = (n: string, hostnames: string[], prefix: string, backend: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: ${n}, namespace: ${INFRA}}
spec:
  parentRefs: [{name: ${name}, namespace: ${INFRA}}]
  hostnames: [${hostnames.map((h) => JSON.stringify(h)).join(', ')}]
  rules: [{matches: [{path: {type: PathPrefix, value: ${prefix}}}], backendRefs: [{name: ${backend}, port: 8080}]}]
`;
  const c = cluster(
    `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: ${name}, namespace: ${INFRA}}
spec:
  gatewayClassName: conformance
  listeners:
  - {name: listener-1, port: 80, protocol: HTTP, hostname: very.specific.com}
  - {name: listener-2, port: 80, protocol: HTTP, hostname: "*.wildcard.io"}
  - {name: listener-3, port: 80, protocol: HTTP, hostname: "*.anotherwildcard.io"}
`,
    route('specific-host-matches-listener-specific-host', ['non.matching.com', '*.nonmatchingwildcard.io', 'very.specific.com'], '/s1', 'infra-backend-v1'),
    route('specific-host-matches-listener-wildcard-host', ['non.matching.com', 'wildcard.io', 'foo.wildcard.io', 'bar.wildcard.io', 'foo.bar.wildcard.io'], '/s2', 'infra-backend-v2'),
    route('wildcard-host-matches-listener-specific-host', ['non.matching.com', '*.specific.com'], '/s3', 'infra-backend-v3'),
    route('wildcard-host-matches-listener-wildcard-host', ['*.anotherwildcard.io'], '/s4', 'infra-backend-v1'),
    route('no-intersecting-hosts', ['specific.but.wrong.com', 'wildcard.io'], '/s5', 'infra-backend-v2'),
  );
  const g: [string, string] = [INFRA, name];
  it('routes only the hostnames in the intersection of listener and route', () => {
    check(c, [
      [{ host: 'very.specific.com', path: '/s1' }, 'infra-backend-v1'],
      [{ host: 'very.specific.com:1234', path: '/s1' }, 'infra-backend-v1'],
      [{ host: 'non.matching.com', path: '/s1' }, 404],
      [{ host: 'foo.nonmatchingwildcard.io', path: '/s1' }, 404],
      [{ host: 'foo.wildcard.io', path: '/s1' }, 404],
      [{ host: 'very.specific.com', path: '/non-matching-prefix' }, 404],
      [{ host: 'foo.wildcard.io', path: '/s2' }, 'infra-backend-v2'],
      [{ host: 'bar.wildcard.io', path: '/s2' }, 'infra-backend-v2'],
      [{ host: 'foo.bar.wildcard.io', path: '/s2' }, 'infra-backend-v2'],
      [{ host: 'wildcard.io', path: '/s2' }, 404],
      [{ host: 'very.specific.com', path: '/s2' }, 404],
      [{ host: 'very.specific.com', path: '/s3' }, 'infra-backend-v3'],
      [{ host: 'foo.specific.com', path: '/s3' }, 404],
      [{ host: 'foo.wildcard.io', path: '/s3' }, 404],
      [{ host: 'foo.anotherwildcard.io', path: '/s4' }, 'infra-backend-v1'],
      [{ host: 'foo.bar.anotherwildcard.io', path: '/s4' }, 'infra-backend-v1'],
      [{ host: 'anotherwildcard.io', path: '/s4' }, 404],
      [{ host: 'specific.but.wrong.com', path: '/s5' }, 404],
      [{ host: 'wildcard.io', path: '/s5' }, 404],
    ], g);
  });
});

describe('HTTPRouteMatchingAcrossRoutes (conformance/tests/httproute-matching-across-routes.go)', () => {
  const c = cluster(`apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: matching-part1, namespace: ${INFRA}}
spec:
  parentRefs: [{name: same-namespace}]
  hostnames: [example.com, example.net]
  rules:
  - matches: [{path: {type: PathPrefix, value: /}}, {headers: [{name: version, value: one}]}]
    backendRefs: [{name: infra-backend-v1, port: 8080}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: matching-part2, namespace: ${INFRA}}
spec:
  parentRefs: [{name: same-namespace}]
  hostnames: [example.com]
  rules:
  - matches: [{path: {type: PathPrefix, value: /v2}}, {headers: [{name: version, value: two}]}]
    backendRefs: [{name: infra-backend-v2, port: 8080}]
`);
  it('merges the rules of every route for a host before applying precedence', () => {
    check(c, [
      [{ host: 'example.com', path: '/' }, 'infra-backend-v1'],
      [{ host: 'example.com', path: '/example' }, 'infra-backend-v1'],
      [{ host: 'example.net', path: '/example' }, 'infra-backend-v1'],
      [{ host: 'example.com', path: '/example', headers: { Version: 'one' } }, 'infra-backend-v1'],
      [{ host: 'example.com', path: '/v2' }, 'infra-backend-v2'],
      [{ host: 'example.net', path: '/v2' }, 'infra-backend-v1'],
      [{ host: 'example.com', path: '/v2/example' }, 'infra-backend-v2'],
      [{ host: 'example.com', path: '/', headers: { Version: 'two' } }, 'infra-backend-v2'],
    ]);
  });
});

describe('HTTPRouteWeight (conformance/tests/httproute-weight.go)', () => {
  const c = cluster(`apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: weighted-backends, namespace: ${INFRA}}
spec:
  parentRefs: [{name: same-namespace}]
  rules:
  - backendRefs:
    - {name: infra-backend-v1, port: 8080, weight: 70}
    - {name: infra-backend-v2, port: 8080, weight: 30}
    - {name: infra-backend-v3, port: 8080, weight: 0}
`);
  it('splits traffic by weight (within the tolerance of weight.TestWeightedDistribution), never to a weight of 0', () => {
    const n = 2000;
    const tally: Record<string, number> = {};
    for (const a of send(c, gw, { path: '/' }, n)) tally[outcome(a)] = (tally[outcome(a)] ?? 0) + 1;
    expect(tally['infra-backend-v3']).toBeUndefined();
    expect(Math.abs(tally['infra-backend-v1'] / n - 0.7)).toBeLessThan(0.05);
    expect(Math.abs(tally['infra-backend-v2'] / n - 0.3)).toBeLessThan(0.05);
  });
  it('is deterministic for a seed', () => {
    expect(send(c, gw, { path: '/' }, 50).map(outcome)).toEqual(send(c, gw, { path: '/' }, 50).map(outcome));
  });
});

const crossNs = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: reference-grant, namespace: ${INFRA}}
spec:
  parentRefs: [{name: same-namespace}]
  rules:
  - backendRefs: [{name: web-backend, namespace: gateway-conformance-web-backend, port: 8080}]
`;
const grant = (version: string, name = 'web-backend') => `apiVersion: gateway.networking.k8s.io/${version}
kind: ReferenceGrant
metadata: {name: reference-grant, namespace: gateway-conformance-web-backend}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: ${INFRA}}]
  to: [{group: "", kind: Service, name: ${name}}]
`;

describe('HTTPRouteReferenceGrant (conformance/tests/httproute-reference-grant.go)', () => {
  it.each(['v1', 'v1beta1'])('a ReferenceGrant (%s) permits the cross-namespace backend: 200 from web-backend', (v) => {
    const [a] = send(cluster(crossNs, grant(v)), gw, { path: '/' });
    expect([a.status, a.service]).toEqual([200, 'gateway-conformance-web-backend/web-backend']);
  });
  it('a grant for another Service name does not: 500', () => {
    expect(outcome(send(cluster(crossNs, grant('v1', 'other')), gw, { path: '/' })[0])).toBe(500);
  });
});

describe('HTTPRouteInvalidCrossNamespaceBackendRef (conformance/tests/httproute-invalid-cross-namespace-backend-ref.go)', () => {
  it('answers 500 for a cross-namespace backendRef without a ReferenceGrant, and says RefNotPermitted', () => {
    const [a] = send(cluster(crossNs), gw, { path: '/' });
    expect(a.status).toBe(500);
    expect(a.why.message).toBe('gateway-backend-invalid');
    expect(a.why.detail.reason).toBe('RefNotPermitted');
  });
});

describe('HTTPRouteInvalidBackendRefUnknownKind / BackendNotFound (conformance/tests/httproute-invalid-backendref-*.go)', () => {
  it('answers 500 for a backendRef to a Service that does not exist', () => {
    const [a] = send(cluster(crossNs.replace('web-backend, namespace: gateway-conformance-web-backend', 'missing')), gw, { path: '/' });
    expect([a.status, a.why.detail.reason]).toEqual([500, 'BackendNotFound']);
  });
});
