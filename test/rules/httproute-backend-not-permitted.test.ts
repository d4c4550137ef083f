// gateway-api conformance: httproute-invalid-cross-namespace-backend-ref (no grant: RefNotPermitted)
// and httproute-reference-grant (a grant in the target namespace permits it).
import { ruleTester } from '../helpers';

const route = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: infra}
spec:
  parentRefs: [{name: gw}]
  rules:
  - backendRefs:
    - {name: web-backend, namespace: web, port: 8080}
---
`;
const grant = (version: string, from: string, name = 'web-backend') => `apiVersion: gateway.networking.k8s.io/${version}
kind: ReferenceGrant
metadata: {name: g, namespace: web}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: ${from}}]
  to: [{group: "", kind: Service, name: ${name}}]
`;

ruleTester('httproute-backend-not-permitted', {
  valid: [
    route + grant('v1beta1', 'infra'),
    route + grant('v1', 'infra'),
    // Same namespace: no grant needed.
    route.replace(', namespace: web', ''),
    route.replace('kind: HTTPRoute', 'kind: GRPCRoute') + grant('v1', 'infra').replace('kind: HTTPRoute', 'kind: GRPCRoute'),
  ],
  invalid: [
    { code: route, errors: [{ line: 8, path: 'spec.rules[0].backendRefs[0].namespace', message: 'backendRef web/web-backend is in namespace web, and no ReferenceGrant in web lets HTTPRoutes of infra refer to it' }] },
    { code: route + grant('v1', 'other'), errors: [{ message: 'RefNotPermitted' }] },
    { code: route + grant('v1', 'infra', 'another'), errors: [{ message: 'requests for it get 500' }] },
    // A GRPCRoute needs a grant from GRPCRoutes: one for HTTPRoutes does not do (ReferenceGrant from[].kind); its calls get UNAVAILABLE.
    { code: route.replace('kind: HTTPRoute', 'kind: GRPCRoute') + grant('v1', 'infra'), errors: [{ message: 'no ReferenceGrant in web lets GRPCRoutes of infra refer to it: ResolvedRefs False (RefNotPermitted), requests for it get UNAVAILABLE' }] },
  ],
});
