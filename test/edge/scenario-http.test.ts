/**
 * Scenario expectations of HTTP at the edge: route expectations with method, headers, path,
 * status and route; the `http:` matrix (hosts x paths). The cases follow the Ingress docs' path
 * table (Prefix /api matches /api/v1, not /apix) and the gateway-api HTTPRouteHeaderMatching test.
 */
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
