/**
 * `svclab curl` through the edge, as a user runs it: -H (repeatable), -X, --resolve like curl's
 * (curl(1) --resolve HOST:PORT:ADDR), https://, text with the status and the rule, the JSON
 * fields `status` and `route`. Expectations follow gateway-api HTTPRouteHeaderMatching /
 * HTTPRouteMethodMatching (conformance/tests/*.go).
 */
import { runCli } from '../helpers';
import { tempDir } from '../e2e/seed-manifests';
import type { RouteResult } from '../../src/sim/types';

const APP = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  replicas: 1
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec: {containers: [{name: c, image: echo, ports: [{containerPort: 8080}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: ${name}}
spec: {selector: {app: ${name}}, ports: [{port: 80, targetPort: 8080}]}
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
kind: HTTPRoute
metadata: {name: r}
spec:
  parentRefs: [{name: gw}]
  hostnames: [api.example.com]
  rules:
  - {matches: [{method: POST, headers: [{name: version, value: two}]}], backendRefs: [{name: v2, port: 80}]}
  - {backendRefs: [{name: v1, port: 80}]}
`;
const dir = tempDir({ 'app.yaml': APP('v1') + APP('v2') + GW });
const f = ['-f', dir, '--from', 'external'];

describe('svclab curl through a Gateway', () => {
  it('-X and -H (repeatable) pick the rule; the text shows the status and the rule', async () => {
    const r = await runCli(['curl', 'http://api.example.com/x', '-X', 'POST', '-H', 'Version: two', '-H', 'X-Other: 1', ...f]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^HTTP 200 \[HTTPRoute default\/r rule 0\] Hello, v2-\S+ \(POST \/x\)$/m);
  });
  it('--resolve sends a name nothing names to the Gateway; JSON has status and route', async () => {
    const json = await runCli(['curl', 'http://api.example.com/', '-o', 'json', ...f]);
    const address = (JSON.parse(json.stdout) as RouteResult).resolved!.ip;
    const r = await runCli(['curl', 'http://elsewhere.test/', '--resolve', `elsewhere.test:80:${address}`, '-H', 'Host: api.example.com', '-o', 'json', ...f]);
    const a = (JSON.parse(r.stdout) as RouteResult).results[0];
    expect([a.status, a.route, a.service]).toEqual([200, { kind: 'HTTPRoute', namespace: 'default', name: 'r', rule: 1, match: 0 }, 'default/v1']);
  });
  it('a malformed --resolve or header is a usage error with a hint, not a crash', async () => {
    const r = await runCli(['curl', 'http://api.example.com/', '--resolve', 'nonsense', ...f]);
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining('hint: write HOST:PORT:ADDRESS')]);
    const h = await runCli(['curl', 'http://api.example.com/', '-H', 'no colon', ...f]);
    expect([h.code, h.stderr]).toEqual([2, expect.stringContaining("hint: write -H 'Name: value'")]);
  });
  it('https:// to a Gateway without a port 443 listener: its Service does not expose 443, the connection times out (dropped)', async () => {
    const r = await runCli(['curl', 'https://api.example.com/', '--resolve', 'api.example.com:443:198.51.100.20', '-o', 'json', ...f]);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as RouteResult).results[0].outcome).toBe('dropped');
  });
});
