/**
 * gRPC through a Gateway as a user runs it: `svclab curl grpc://HOST[:PORT]/SERVICE/METHOD`
 * (a gRPC call is an HTTP/2 POST of /SERVICE/METHOD with content-type application/grpc:
 * grpc/doc/PROTOCOL-HTTP2.md), -H for metadata, the JSON `route.kind: GRPCRoute` and
 * `grpcStatus`; `svclab get grpcroute`; a gRPC call on a host only an HTTPRoute serves; the
 * HTTPRoute / GRPCRoute hostname conflict (gateway-api apis/v1 grpcroute_types.go
 * GRPCRouteSpec.Hostnames: only the older route is accepted); an invalid GRPCRoute backend
 * (GRPCRouteRule.BackendRefs: UNAVAILABLE).
 */
import { runCli } from '../helpers';
import { tempDir } from '../e2e/seed-manifests';
import { simulate } from '../../src/index';
import type { RouteResult } from '../../src/sim/types';

const APP = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  replicas: 1
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec: {containers: [{name: c, image: echo, ports: [{containerPort: 50051}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: ${name}}
spec: {selector: {app: ${name}}, ports: [{port: 50051, targetPort: 50051, appProtocol: kubernetes.io/h2c}]}
---
`;
const GW = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.net/gw}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw}
spec: {gatewayClassName: gc, listeners: [{name: http, port: 80, protocol: HTTP}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: greeter}
spec:
  parentRefs: [{name: gw}]
  hostnames: [grpc.example.com]
  rules:
  - matches: [{method: {service: helloworld.Greeter, method: SayHello}, headers: [{name: version, value: v2}]}]
    backendRefs: [{name: greeter-v2, port: 50051}]
  - matches: [{method: {type: RegularExpression, service: 'hello.*'}}]
    backendRefs: [{name: greeter, port: 50051}]
  - matches: [{method: {service: helloworld.Broken}}]
    backendRefs: [{name: missing, port: 50051}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: legacy}
spec:
  parentRefs: [{name: gw}]
  hostnames: [legacy.example.com]
  rules:
  - matches: [{path: {type: PathPrefix, value: /helloworld.Greeter}, headers: [{name: content-type, value: application/grpc}]}]
    backendRefs: [{name: greeter, port: 50051}]
---
`;
const dir = tempDir({ 'app.yaml': APP('greeter') + APP('greeter-v2') + GW });
const f = ['-f', dir, '--from', 'external'];

describe('svclab curl grpc://', () => {
  it('routes by service, method and metadata; the text shows the status, the gRPC status and the rule', async () => {
    const r = await runCli(['curl', 'grpc://grpc.example.com/helloworld.Greeter/SayHello', '-H', 'version: v2', ...f]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^HTTP 200 gRPC OK \[GRPCRoute default\/greeter rule 0\] Hello, greeter-v2-\S+ \(gRPC helloworld\.Greeter\/SayHello\)$/m);
    const other = await runCli(['curl', 'grpc://grpc.example.com/helloworld.Greeter/SayGoodbye', ...f]);
    expect(other.stdout).toMatch(/\[GRPCRoute default\/greeter rule 1\] Hello, greeter-[a-z0-9]+-\S+ /);
  });
  it('-o json: route.kind GRPCRoute, grpcStatus, the POST the gateway received', async () => {
    const r = await runCli(['curl', 'grpc://grpc.example.com/helloworld.Greeter/SayHello', '-o', 'json', ...f]);
    const res = JSON.parse(r.stdout) as RouteResult;
    expect(res.request.method).toBe('POST');
    expect(res.results[0]).toMatchObject({ outcome: 'ok', status: 200, grpcStatus: { code: 0, name: 'OK' }, route: { kind: 'GRPCRoute', namespace: 'default', name: 'greeter', rule: 1, match: 0 }, service: 'default/greeter' });
    expect(res.results[0].hops.map((h) => h.message)).toContain('gateway-match');
    expect(res.results[0].hops.find((h) => h.message === 'gateway-match')!.text).toBe('Gateway default/gw listener http takes gRPC helloworld.Greeter/SayHello (grpc://grpc.example.com): GRPCRoute default/greeter rule 1 match 0 -> Service default/greeter port 50051');
  });
  it('no rule matches: UNIMPLEMENTED; an invalid backend: UNAVAILABLE, as the Gateway API requires for GRPCRoutes', async () => {
    const none = JSON.parse((await runCli(['curl', 'grpc://grpc.example.com/other.Service/Call', '-o', 'json', ...f])).stdout) as RouteResult;
    expect(none.results[0]).toMatchObject({ status: 404, grpcStatus: { code: 12, name: 'UNIMPLEMENTED' }, route: null });
    expect(none.results[0].reason).toContain('no rule of the 1 GRPCRoute(s) attached to Gateway default/gw listener http matches gRPC other.Service/Call (grpc://grpc.example.com): the gateway answers UNIMPLEMENTED');
    const broken = JSON.parse((await runCli(['curl', 'grpc://grpc.example.com/helloworld.Broken/X', '-o', 'json', ...f])).stdout) as RouteResult;
    expect(broken.results[0]).toMatchObject({ status: 503, grpcStatus: { code: 14, name: 'UNAVAILABLE' }, route: { kind: 'GRPCRoute', rule: 2 } });
    expect(broken.results[0].reason).toContain('which does not resolve (BackendNotFound): the Gateway API requires UNAVAILABLE');
  });
  it('a gRPC call on a host only an HTTPRoute serves goes by the HTTPRoute (a POST of /SERVICE/METHOD, content-type application/grpc)', async () => {
    const r = JSON.parse((await runCli(['curl', 'grpc://legacy.example.com/helloworld.Greeter/SayHello', '-o', 'json', ...f])).stdout) as RouteResult;
    expect(r.results[0]).toMatchObject({ status: 200, grpcStatus: { name: 'OK' }, route: { kind: 'HTTPRoute', name: 'legacy' } });
  });
  it('a path that is not /SERVICE/METHOD is a usage error that shows the form', async () => {
    const r = await runCli(['curl', 'grpc://grpc.example.com/just-one', ...f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('grpc://HOST[:PORT]/SERVICE/METHOD');
  });
  it('a gRPC call to a Service from a pod is an ordinary connection', () => {
    const c = simulate(APP('greeter') + GW);
    const a = c.route({ from: 'pod/greeter', to: 'grpc://greeter:50051/helloworld.Greeter/SayHello' }).results[0];
    expect(a.outcome).toBe('ok');
    expect(a.service).toBe('default/greeter');
  });
});

describe('svclab get grpcroute', () => {
  it('prints NAME, HOSTNAMES, AGE and -o yaml the parents with their conditions', async () => {
    const r = await runCli(['get', 'grpcroute', '-f', dir]);
    expect(r.stdout.split('\n')[0].split(/\s{2,}/)).toEqual(['NAME', 'HOSTNAMES', 'AGE']);
    expect(r.stdout).toMatch(/^greeter\s+grpc\.example\.com\s+<unknown>$/m);
    const y = JSON.parse((await runCli(['get', 'grpcroutes.gateway.networking.k8s.io', '-o', 'json', '-f', dir])).stdout);
    expect(y.items[0].kind).toBe('GRPCRoute');
    expect(y.items[0].status.parents[0].conditions.map((c: { type: string; reason: string }) => `${c.type}=${c.reason}`)).toEqual(['Accepted=Accepted', 'ResolvedRefs=BackendNotFound']);
    // One NAME prints the object itself, as kubectl does.
    const gw = JSON.parse((await runCli(['get', 'gateway', 'gw', '-o', 'json', '-f', dir])).stdout);
    expect(gw.status.listeners[0]).toMatchObject({ attachedRoutes: 2, supportedKinds: [{ kind: 'HTTPRoute' }, { kind: 'GRPCRoute' }] });
  });
});

describe('an HTTPRoute and a GRPCRoute with intersecting hostnames on one listener (GRPCRouteSpec.Hostnames)', () => {
  const both = APP('greeter') + GW.replace('hostnames: [legacy.example.com]', 'hostnames: ["*.example.com"]');
  it('the older route is accepted, the other is not (Accepted False on that parent), and requests go by the older one', () => {
    const c = simulate(both);
    const a = c.route({ from: 'external', to: 'grpc://grpc.example.com/helloworld.Greeter/SayHello' }).results[0];
    // The GRPCRoute comes first in the input: it keeps the listener, so the HTTPRoute's *.example.com is not served there.
    expect(a.route).toMatchObject({ kind: 'GRPCRoute', name: 'greeter' });
    expect(c.route({ from: 'external', to: 'http://legacy.example.com/helloworld.Greeter/x' }).results[0].outcome).toBe('dns-error');
  });
  it('get httproute -o json says why', async () => {
    const d = tempDir({ 'app.yaml': both });
    const route = JSON.parse((await runCli(['get', 'httproute', 'legacy', '-o', 'json', '-f', d])).stdout); // one NAME: the object itself, as kubectl prints it
    expect(route.status.parents[0].conditions[0]).toMatchObject({ type: 'Accepted', status: 'False', reason: 'HostnameConflict' });
    expect(route.status.parents[0].conditions[0].message).toContain('GRPCRoute default/greeter');
  });
});

describe('GRPCRoute references and TLS', () => {
  const other = APP('greeter').replace(/metadata: \{name: greeter\}/g, 'metadata: {name: greeter, namespace: backends}');
  const route = (grant: string) => simulate(`${other}apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.net/gw}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw}
spec:
  gatewayClassName: gc
  listeners:
  - {name: https, port: 443, protocol: HTTPS, hostname: grpc.example.com, tls: {certificateRefs: [{name: grpc-cert}]}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: greeter}
spec:
  parentRefs: [{name: gw}]
  rules: [{backendRefs: [{name: greeter, namespace: backends, port: 50051}]}]
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: g, namespace: backends}
spec:
  from: [{group: gateway.networking.k8s.io, kind: ${grant}, namespace: default}]
  to: [{group: "", kind: Service}]
`);
  it('a ReferenceGrant from GRPCRoute lets the call cross namespaces; grpcs:// terminates TLS at an HTTPS listener of the Gateway (apis/v1beta1 referencegrant_types.go: from[].kind names the route kind)', () => {
    const a = route('GRPCRoute').route({ from: 'external', to: 'grpcs://grpc.example.com/helloworld.Greeter/SayHello' }).results[0];
    expect(a).toMatchObject({ status: 200, grpcStatus: { name: 'OK' }, service: 'backends/greeter' });
    expect(a.hops.find((h) => h.message === 'edge-tls')!.detail).toMatchObject({ host: 'grpc.example.com', secret: 'default/grpc-cert', covered: true });
  });
  it('a grant for HTTPRoutes does not cover a GRPCRoute: RefNotPermitted, UNAVAILABLE (GRPCRouteRule.BackendRefs)', () => {
    const a = route('HTTPRoute').route({ from: 'external', to: 'grpcs://grpc.example.com/helloworld.Greeter/SayHello' }).results[0];
    expect(a).toMatchObject({ status: 503, grpcStatus: { code: 14, name: 'UNAVAILABLE' } });
    expect(a.why.detail).toMatchObject({ kind: 'GRPCRoute', reason: 'RefNotPermitted' });
  });
});
