/**
 * `svclab get` of the edge kinds: kubectl's columns (pkg/printers/internalversion printIngress,
 * printIngressClass; the gateway-api CRDs' additionalPrinterColumns) and the statuses a
 * conformant implementation writes (gateway-api conformance: HTTPRouteInvalidCrossNamespaceBackendRef
 * expects ResolvedRefs False with RefNotPermitted; GatewayObservedGenerationBump / GatewayWithAttachedRoutes
 * read listeners[].attachedRoutes).
 */
import { renderGet } from '../../src/views/kubectl-get';
import { cluster, INFRA } from './fixtures';
import { simulate } from '../../src/index';

const route = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: cross, namespace: ${INFRA}}
spec:
  parentRefs: [{name: same-namespace}]
  hostnames: [a.example.com]
  rules: [{backendRefs: [{name: web-backend, namespace: gateway-conformance-web-backend, port: 8080}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: lost, namespace: ${INFRA}}
spec:
  parentRefs: [{name: same-namespace, sectionName: https}]
  rules: [{backendRefs: [{name: infra-backend-v1, port: 8080}]}]
`;

describe('svclab get for the edge kinds', () => {
  const c = cluster(route);
  it('gateway: CLASS, ADDRESS, PROGRAMMED', () => {
    const out = renderGet(c, 'gateways', { namespace: INFRA, allNamespaces: false }).stdout;
    expect(out.split('\n')[0].split(/\s{2,}/)).toEqual(['NAME', 'CLASS', 'ADDRESS', 'PROGRAMMED', 'AGE']);
    expect(out).toMatch(/^same-namespace\s+conformance\s+198\.51\.100\.20\s+True\s+<unknown>$/m);
  });
  it('httproute -o json: Accepted / ResolvedRefs conditions with the specification reasons', () => {
    const list = JSON.parse(renderGet(c, 'httproutes', { namespace: INFRA, allNamespaces: false, output: 'json' }).stdout);
    const byName = Object.fromEntries(list.items.map((i: { metadata: { name: string }; status: { parents: Array<{ conditions: Array<{ type: string; reason: string }> }> } }) => [i.metadata.name, i.status.parents[0].conditions.map((x) => `${x.type}=${x.reason}`)]));
    expect(byName).toEqual({ cross: ['Accepted=Accepted', 'ResolvedRefs=RefNotPermitted'], lost: ['Accepted=NoMatchingParent', 'ResolvedRefs=ResolvedRefs'] });
  });
  it('gateway -o yaml: addresses and attachedRoutes per listener', () => {
    const out = renderGet(c, 'gateways', { namespace: INFRA, allNamespaces: false, output: 'yaml' }).stdout;
    expect(out).toContain('attachedRoutes: 1');
    expect(out).toContain('value: 198.51.100.20');
  });
  it('ingress and ingressclass: CLASS, HOSTS, ADDRESS, PORTS; the built-in nginx class', () => {
    const c2 = simulate(`apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop}
spec:
  tls: [{hosts: [shop.example.com]}]
  rules: [{host: shop.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}}]
`);
    expect(renderGet(c2, 'ingresses', { namespace: 'default', allNamespaces: false }).stdout).toMatch(/^shop\s+<none>\s+shop\.example\.com\s+198\.51\.100\.10\s+80, 443\s+<unknown>$/m);
    expect(renderGet(c2, 'ingressclasses', { namespace: 'default', allNamespaces: false }).stdout).toMatch(/^nginx\s+k8s\.io\/ingress-nginx\s+<none>\s+<unknown>$/m);
  });
});
