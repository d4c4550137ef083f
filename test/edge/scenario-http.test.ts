/**
 * Scenario expectations of HTTP at the edge: route expectations with method, headers, path,
 * status and route; the `http:` matrix (hosts x paths). The cases follow the Ingress docs' path
 * table (Prefix /api matches /api/v1, not /apix) and the gateway-api HTTPRouteHeaderMatching test.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runScenarios } from '../../src/scenario/index';
import { tempTree } from '../scenarios/fixtures';

const MANIFESTS = `apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  replicas: 1
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: c, image: echo, ports: [{containerPort: 8080}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: api}
spec: {selector: {app: api}, ports: [{port: 80, targetPort: 8080}]}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop}
spec:
  rules:
  - host: shop.example.com
    http: {paths: [{path: /api, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}]}
`;

function scenario(expect: string): string {
  return `apiVersion: svclab.io/v1alpha1\nkind: Scenario\nmetadata: {name: http}\nexpect:\n${expect}`;
}

async function run(expect: string) {
  const root = tempTree({ 's/scenario.yaml': scenario(expect), 's/app.yaml': MANIFESTS });
  const r = await runScenarios([root], { cwd: root, jobs: 1 });
  return r.scenarios[0].expectations.map((e) => [e.status, e.kind, ...(e.mismatches ?? []).map((m) => m.message)]);
}

describe('scenario expectations through the edge', () => {
  it('routes: method, headers and path in; status, service and route out', async () => {
    expect(await run(`  routes:
    - { from: external, to: http://shop.example.com, path: /api/v1, method: POST, headers: { X-Test: "1" }, expect: { outcome: ok, status: 200, service: api, route: { kind: Ingress, name: shop, rule: 0, match: 0 } } }
    - { from: external, to: http://shop.example.com/apix, expect: { status: 404, route: none } }
`)).toEqual([['passed', 'routes'], ['passed', 'routes']]);
  });
  it('routes: a wrong status is a mismatch that names the status and why', async () => {
    const [[status, , message]] = await run('  routes:\n    - { from: external, to: http://shop.example.com/apix, expect: { status: 200 } }\n');
    expect(status).toBe('failed');
    expect(message).toMatch(/^is 404, expected 200: no Ingress rule matches GET http:\/\/shop\.example\.com\/apix/);
  });
  it('http: a hosts x paths table of Services and statuses', async () => {
    expect(await run('  http:\n    - { hosts: [ shop.example.com ], paths: [ /api, /api/v1, /apix ], table: [ [ api, default/api, 404 ] ] }\n')).toEqual([['passed', 'http']]);
    const [[status, , message]] = await run('  http:\n    - { hosts: [ shop.example.com ], paths: [ /apix ], table: [ [ api ] ] }\n');
    expect([status, message]).toEqual(['failed', expect.stringMatching(/^shop\.example\.com\/apix: 404, expected default\/api/)]);
  });
});

describe('scenario expectations of gRPC calls and of the cluster edge switches', () => {
  const GRPC = `---
apiVersion: gateway.networking.k8s.io/v1
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
  rules: [{matches: [{method: {service: helloworld.Greeter}}], backendRefs: [{name: api, port: 80}]}]
`;
  async function runWith(body: string) {
    const root = tempTree({ 's/scenario.yaml': `apiVersion: svclab.io/v1alpha1\nkind: Scenario\nmetadata: {name: grpc}\n${body}`, 's/app.yaml': MANIFESTS + GRPC });
    const r = await runScenarios([root], { cwd: root, jobs: 1 });
    return r.scenarios[0].expectations.map((e) => [e.status, ...(e.mismatches ?? []).map((m) => m.message)]);
  }
  it('routes to grpc:// expect grpcStatus and route kind GRPCRoute (gateway-api grpcroute-exact-method-matching: UNIMPLEMENTED when no rule matches)', async () => {
    expect(await runWith(`expect:
  routes:
  - { from: external, to: grpc://grpc.example.com/helloworld.Greeter/SayHello, expect: { outcome: ok, grpcStatus: OK, service: api, route: { kind: GRPCRoute, name: greeter, rule: 0 } } }
  - { from: external, to: grpc://grpc.example.com/other.Svc/Call, expect: { grpcStatus: UNIMPLEMENTED, route: none } }
`)).toEqual([['passed'], ['passed']]);
    const [[status, message]] = await runWith('expect:\n  routes:\n  - { from: external, to: grpc://grpc.example.com/other.Svc/Call, expect: { grpcStatus: OK } }\n');
    expect(status).toBe('failed');
    expect(message).toMatch(/^is UNIMPLEMENTED, expected OK: no rule of the 1 GRPCRoute\(s\)/);
  });
  it('get: grpcroute snapshots (kubectl get grpcroute: NAME, HOSTNAMES, AGE)', async () => {
    const root = tempTree({ 's/scenario.yaml': 'apiVersion: svclab.io/v1alpha1\nkind: Scenario\nmetadata: {name: g}\nexpect:\n  get: [ { resource: grpcroute, snapshot: grpcroutes.txt } ]\n', 's/app.yaml': MANIFESTS + GRPC });
    const written = await runScenarios([root], { cwd: root, jobs: 1, update: true });
    expect(written.scenarios[0].expectations[0].status).toBe('passed');
    expect(fs.readFileSync(path.join(root, 's', 'grpcroutes.txt'), 'utf8')).toMatch(/^NAME\s+HOSTNAMES\s+AGE\ngreeter\s+grpc\.example\.com\s+<unknown>\n$/);
    const again = await runScenarios([root], { cwd: root, jobs: 1 });
    expect(again.scenarios[0].expectations[0].status).toBe('passed');
  });
  it("cluster: gatewayControllers and ingressController change what is served (the scenario's cluster wins over the default)", async () => {
    expect(await runWith(`cluster: { ingressController: none, gatewayControllers: [example.com/other] }
expect:
  routes:
  - { from: external, to: http://shop.example.com/api, expect: { outcome: dns-error, reason: "runs no ingress controller" } }
  - { from: external, to: grpc://grpc.example.com/helloworld.Greeter/SayHello, expect: { outcome: dns-error, reason: "which no gateway controller of this cluster runs" } }
  lint:
    findings: { contain: [ { rule: ingress-class-unserved }, { rule: gateway-class-unaccepted } ] }
`)).toEqual([['passed'], ['passed'], ['passed']]);
  });
});
