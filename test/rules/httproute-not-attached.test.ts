// Cases follow the gateway-api conformance tests of attachment: httproute-invalid-parentref-not-matching-section-name,
// httproute-invalid-parentref-not-matching-listener-port, httproute-hostname-intersection (no-intersecting-hosts),
// gateway-with-attached-routes (allowedRoutes from Same / Selector); GRPCRoutes attach alike
// (grpcroute-listener-hostname-matching), only to HTTP/HTTPS listeners, and an HTTPRoute and a GRPCRoute
// with intersecting hostnames on one listener: only the older is accepted (grpcroute_types.go GRPCRouteSpec.Hostnames).
import { ruleTester } from '../helpers';

const gw = (listener: string, ns = 'default') => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: ${ns}}
spec:
  gatewayClassName: eg
  listeners:
  - ${listener}
---
`;
const route = (parent: string, extra = '', ns = 'default') => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: ${ns}}
spec:
  parentRefs: [${parent}]
${extra}`;

ruleTester('httproute-not-attached', {
  valid: [
    gw('{name: http, port: 80, protocol: HTTP}') + route('{name: gw}'),
    gw('{name: http, port: 80, protocol: HTTP}') + route('{name: gw}').replace('kind: HTTPRoute', 'kind: GRPCRoute'),
    // Different hostnames: an HTTPRoute and a GRPCRoute share the listener.
    gw('{name: http, port: 80, protocol: HTTP}') + route('{name: gw}', '  hostnames: [web.example.com]\n') + '---\n' + route('{name: gw}', '  hostnames: [grpc.example.com]\n').replace('kind: HTTPRoute', 'kind: GRPCRoute').replace('name: r,', 'name: g,'),
    gw('{name: http, port: 80, protocol: HTTP, hostname: "*.example.com"}') + route('{name: gw, sectionName: http, port: 80}', '  hostnames: [a.b.example.com]\n'),
    gw('{name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: {kubernetes.io/metadata.name: shop}}}}}', 'infra') +
      route('{name: gw, namespace: infra}', '', 'shop'),
  ],
  invalid: [
    {
      code: gw('{name: http, port: 80, protocol: HTTP}') + route('{name: gw, sectionName: https}'),
      errors: [{ line: 13, path: 'spec.parentRefs[0]', severity: 'error', message: 'parentRef default/gw sectionName https attaches to nothing: Gateway default/gw has no listener with that name (listeners: http (HTTP 80))' }],
    },
    {
      code: gw('{name: http, port: 80, protocol: HTTP}') + route('{name: gw, port: 8080}'),
      errors: [{ message: 'has no listener with that port' }],
    },
    {
      code: route('{name: elsewhere}'),
      errors: [{ severity: 'warning', message: 'there is no Gateway default/elsewhere' }],
    },
    {
      code: gw('{name: http, port: 80, protocol: HTTP}', 'infra') + route('{name: gw, namespace: infra}', '', 'shop'),
      errors: [{ message: 'no listener of the Gateway admits this route: the route is in namespace shop, the Gateway in infra' }],
    },
    {
      code: gw('{name: http, port: 80, protocol: HTTP, hostname: "*.example.com"}') + route('{name: gw}', '  hostnames: [example.com, shop.example.org]\n'),
      errors: [{ path: 'spec.hostnames', message: 'none of the hostnames example.com, shop.example.org intersects a listener hostname (*.example.com)' }],
    },
    {
      code: gw('{name: http, port: 80, protocol: HTTP, hostname: "*.example.com"}') + route('{name: gw}', '  hostnames: [example.com]\n').replace('kind: HTTPRoute', 'kind: GRPCRoute'),
      errors: [{ path: 'spec.hostnames', message: 'none of the hostnames example.com intersects a listener hostname' }],
    },
    {
      code: gw('{name: tls, port: 443, protocol: TLS, tls: {mode: Passthrough}}') + route('{name: gw}').replace('kind: HTTPRoute', 'kind: GRPCRoute'),
      errors: [{ message: 'no listener takes a GRPCRoute' }],
    },
    {
      code: gw('{name: http, port: 80, protocol: HTTP}') + route('{name: gw}', '  hostnames: [api.example.com]\n') + '---\n' + route('{name: gw}', '  hostnames: ["*.example.com"]\n').replace('kind: HTTPRoute', 'kind: GRPCRoute').replace('name: r,', 'name: g,'),
      errors: [{ object: 'GRPCRoute/default/g', path: 'spec.parentRefs[0]', message: 'parentRef default/gw: HTTPRoute default/r, older, is attached to the same listener with intersecting hostnames' }],
    },
  ],
});
