/** `svclab curl`: flags, exit codes, text output and the JSON contract. */
import { runCli } from '../helpers';
import { tempDir } from '../e2e/seed-manifests';
import type { RouteResult } from '../../src/sim/types';

const MANIFESTS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
      - name: web
        image: example/echo
        ports:
        - containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: { app: web }
  ports:
  - port: 8080
    targetPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: wrong-port
spec:
  selector: { app: web }
  ports:
  - port: 8080
    targetPort: 8080
`;

const dir = tempDir({ 'app.yaml': MANIFESTS });
const f = ['-f', dir];

describe('svclab curl', () => {
  test('--help documents sources, targets and exit codes', async () => {
    const r = await runCli(['curl', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/pod\/NS\/NAME/);
    expect(r.stdout).toMatch(/Exit codes: 0 every connection ok, 1 some failed, 2 usage error/);
  });

  test('text: one answer per connection and a per-pod tally; exit 0 when all ok', async () => {
    const r = await runCli(['curl', 'http://web:8080', '--count', '10', '--seed', '3', ...f]);
    expect(r.code).toBe(0);
    const hellos = r.stdout.split('\n').filter((l) => /^Hello, web-[a-z0-9]+-[a-z0-9]{5}$/.test(l));
    expect(hellos).toHaveLength(10);
    expect(r.stdout).toMatch(/10 connections: 10 ok, 0 refused, 0 dropped, 0 dns-error/);
    expect(r.stdout).toMatch(/^ {2}default\/web-\S+ +\d+$/m);
  });

  test('json: exactly request, resolved, candidates, results, summary; results carry the documented fields', async () => {
    const r = await runCli(['curl', 'web:8080', '--count', '4', '--format', 'json', ...f]);
    const out = JSON.parse(r.stdout) as RouteResult;
    expect(Object.keys(out)).toEqual(['request', 'resolved', 'candidates', 'results', 'summary']);
    expect(Object.keys(out.results[0])).toEqual(['outcome', 'reason', 'service', 'pod', 'podIP', 'node', 'port', 'sourceIP', 'body', 'hops', 'why', 'assumed']);
    expect(Object.keys(out.candidates[0])).toEqual(['pod', 'podIP', 'port', 'node']);
    expect(Object.keys(out.summary)).toEqual(['ok', 'refused', 'dropped', 'dns-error', 'byPod', 'assumed']);
    expect(out.request).toMatchObject({ from: 'pod', to: 'web:8080', namespace: 'default', count: 4, seed: 1 });
    expect(out.candidates).toHaveLength(2);
    expect(out.candidates.every((c) => c.pod.startsWith('default/web-') && c.port === 80)).toBe(true);
  });

  test('the same seed gives byte-identical output', async () => {
    const a = await runCli(['curl', 'web:8080', '--count', '20', '--seed', '9', '-o', 'json', ...f]);
    const b = await runCli(['curl', 'web:8080', '--count', '20', '--seed', '9', '-o', 'json', ...f]);
    expect(a.stdout).toBe(b.stdout);
  });

  test('the targetPort mistake: refused by the pod, exit 1, the reason names the declared port', async () => {
    const r = await runCli(['curl', 'wrong-port:8080', '--count', '2', ...f]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/refused: connection refused by pod default\/web-\S+ \(assumed\): kube-proxy delivered it to 10\.244\.\d+\.\d+:8080, but its containers declare only 80\/TCP/);
    expect(r.stdout).toMatch(/2 connections: 0 ok, 2 refused/);
  });

  test('-v shows the hops', async () => {
    const r = await runCli(['curl', 'web:8080', '-v', ...f]);
    expect(r.stdout).toMatch(/ {2}dns {6}CoreDNS \(10\.96\.0\.10\) answers web\.default\.svc\.cluster\.local/);
    expect(r.stdout).toMatch(/ {2}node {5}kube-proxy on node-\d DNATs/);
  });

  test('usage errors exit 2 with a hint', async () => {
    const noTarget = await runCli(['curl', ...f]);
    expect(noTarget.code).toBe(2);
    const badSource = await runCli(['curl', 'web:8080', '--from', 'pod/wbe', ...f]);
    expect(badSource.code).toBe(2);
    expect(badSource.stderr).toMatch(/no pod named "wbe"/);
    expect(badSource.stderr).toMatch(/hint:/);
    // A bare host is http://host:80, as curl reads it; with --tcp it needs a port.
    const badTarget = await runCli(['curl', 'web', '--tcp', ...f]);
    expect(badTarget.code).toBe(2);
    expect(badTarget.stderr).toMatch(/has no port/);
    expect((await runCli(['curl', 'web:80', '--count', '0', ...f])).code).toBe(2);
    expect((await runCli(['curl', 'web:80', '--format', 'xml', ...f])).code).toBe(2);
    expect((await runCli(['curl', 'web:80'])).code).toBe(2);
    expect((await runCli(['curl', 'web:80', '-f', `${dir}/missing.yaml`])).code).toBe(2);
  });

  test('-n picks the namespace of the debug pod (its DNS search list)', async () => {
    const r = await runCli(['curl', 'web:8080', '-n', 'other', '--format', 'json', ...f]);
    const out = JSON.parse(r.stdout) as RouteResult;
    // Objects without a namespace land in -n too, so web is in "other" and resolves there.
    expect(out.resolved?.name).toBe('web.other.svc.cluster.local');
  });

  test('--cluster FILE: a load balancer pool gives the Service an address that answers from outside', async () => {
    const lbDir = tempDir({
      'app.yaml': `apiVersion: v1
kind: Pod
metadata: { name: web, labels: { app: web } }
spec:
  containers: [ { name: web, image: example/echo, ports: [ { containerPort: 80 } ] } ]
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  type: LoadBalancer
  selector: { app: web }
  ports: [ { port: 80 } ]
`,
      'cluster.yaml': `apiVersion: svclab.io/v1alpha1
kind: Cluster
metadata: { name: lab }
spec:
  loadBalancer: { provider: pool, addresses: [ 172.18.255.200 ] }
  upstreamDNS: { shop.example: 198.51.100.20 }
`,
    });
    const r = await runCli(['curl', 'http://172.18.255.200', '--from', 'external', '--count', '3', '-f', `${lbDir}/app.yaml`, '--cluster', `${lbDir}/cluster.yaml`]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l === 'Hello, web')).toHaveLength(3);
    const up = await runCli(['curl', 'shop.example:443', '--from', 'pod/web', '-o', 'json', '-f', `${lbDir}/app.yaml`, '--cluster', `${lbDir}/cluster.yaml`]);
    const out = JSON.parse(up.stdout) as RouteResult;
    expect(out.resolved).toEqual({ name: 'shop.example', ip: '198.51.100.20' });
    expect(out.results[0].reason).toMatch(/leaves the cluster/);
  });
});
