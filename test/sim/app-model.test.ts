/**
 * The app model's uncertainty (src/model/listens.ts listensOn, src/sim/proxy/app-model.ts).
 *
 * Upstream facts it follows: core/v1 Container.ports (kubernetes/api core/v1/types.go: "List of
 * ports to expose from the container. Not specifying a port here DOES NOT prevent that port from
 * being exposed."); the EndpointSlice controller's FindPort (pkg/api/v1/pod/util.go) takes a
 * numeric targetPort as it is, and kube-proxy (pkg/proxy/nftables/proxier.go) DNATs to the
 * endpoint's port whether or not a container declares it. So what a pod does with a delivered
 * connection is the app's business: svclab says when its answer is a guess.
 */
import { simulate } from '../../src/index';
import { runCli } from '../helpers';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const deployment = (name: string, opts: { ports?: string; annotations?: string; probe?: string } = {}) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name} }
spec:
  replicas: 2
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata:
      labels: { app: ${name} }${opts.annotations ? `\n      annotations: { ${opts.annotations} }` : ''}
    spec:
      containers:
      - name: app
        image: example/${name}:1
${opts.ports ? `        ports: ${opts.ports}\n` : ''}${opts.probe ? `        readinessProbe: ${opts.probe}\n` : ''}---
`;
const service = (name: string, ports: string, extra = '') => `apiVersion: v1
kind: Service
metadata: { name: ${name} }
spec:
  selector: { app: ${name} }${extra}
  ports: ${ports}
---
`;

describe('what svclab knows about the port a connection is delivered to', () => {
  test('a port no container declares, when others are declared: refused, but assumed (containerPort is informational)', () => {
    const c = simulate(deployment('web', { ports: '[ { containerPort: 80 } ]' }) + service('web', '[ { port: 8080, targetPort: 8080 } ]'));
    const r = c.route({ from: 'pod', to: 'web:8080', count: 4 });
    expect(r.summary).toMatchObject({ refused: 4, assumed: 4 });
    const a = r.results[0];
    expect(a).toMatchObject({ outcome: 'refused', assumed: true, port: 8080 });
    expect(a.why).toMatchObject({ message: 'refused-by-pod', detail: { basis: 'container-ports', assumed: true, declared: [{ port: 80, protocol: 'TCP' }], port: 8080, protocol: 'TCP' } });
    expect(a.reason).toMatch(/^connection refused by pod default\/web-\S+ \(assumed\): kube-proxy delivered it to 10\.244\.\d+\.\d+:8080, but its containers declare only 80\/TCP\. containerPort is informational, so the app may listen on 8080\/TCP anyway; svclab assumes it does not/);
    expect(a.reason).toContain('svclab.io/listens: "80,8080"');
    expect(a.hops.find((h) => h.message === 'pod-not-listening')!.text).toMatch(/declares no container port 8080\/TCP \(it declares 80\/TCP\); svclab assumes nothing listens there/);
  });

  test('a pod that declares no port at all does not listen on everything: ok, assumed', () => {
    const c = simulate(deployment('bare') + service('bare', '[ { port: 80, targetPort: 9999 } ]'));
    const a = c.route({ from: 'pod', to: 'http://bare:80' }).results[0];
    expect(a).toMatchObject({ outcome: 'ok', assumed: true, port: 9999 });
    expect(a.body).toMatch(/^Hello, bare-/);
    expect(a.why).toMatchObject({ message: 'answered-by-pod', detail: { basis: 'no-ports-declared', assumed: true } });
    expect(a.reason).toMatch(/, assumed: the pod declares no container port .*so svclab cannot tell whether the app listens on 9999\/TCP; the pod template annotation svclab.io\/listens: "9999" states it$/);
  });

  test('a declared containerPort: ok, not assumed', () => {
    const c = simulate(deployment('web', { ports: '[ { containerPort: 80 } ]' }) + service('web', '[ { port: 8080, targetPort: 80 } ]'));
    const r = c.route({ from: 'pod', to: 'web:8080', count: 3 });
    expect(r.results.every((a) => a.outcome === 'ok' && !a.assumed)).toBe(true);
    expect(r.summary.assumed).toBe(0);
  });

  test('a port a readiness probe connects to is listening (the kubelet would not mark the pod ready otherwise)', () => {
    const c = simulate(deployment('m', { ports: '[ { containerPort: 8080 } ]', probe: '{ tcpSocket: { port: 9001 } }' }) + service('m', '[ { port: 9001 } ]'));
    const a = c.route({ from: 'pod', to: 'm:9001' }).results[0];
    expect(a).toMatchObject({ outcome: 'ok', assumed: false });
    expect(a.hops.find((h) => h.message === 'pod-accepts')!.text).toMatch(/accepts on port 9001\/TCP \(a probe of its containers connects there\)/);
  });

  test('svclab.io/listens states the truth: certain both ways, undeclared ports included', () => {
    const c = simulate(deployment('stated', { ports: '[ { containerPort: 80 } ]', annotations: 'svclab.io/listens: "80,9090"' }) + service('stated', '[ { name: metrics, port: 9090 }, { name: admin, port: 7000 } ]'));
    expect(c.route({ from: 'pod', to: 'stated:9090' }).results[0]).toMatchObject({ outcome: 'ok', assumed: false, why: { detail: { basis: 'listens-annotation' } } });
    const refused = c.route({ from: 'pod', to: 'stated:7000' }).results[0];
    expect(refused).toMatchObject({ outcome: 'refused', assumed: false });
    expect(refused.reason).toMatch(/but the pod listens only on 80\/TCP, 9090\/TCP \(its svclab\.io\/listens annotation\)/);
    expect(refused.reason).not.toMatch(/assumed/);
  });

  test('svclab.io/listens with a protocol: a UDP port', () => {
    const c = simulate(deployment('dns', { annotations: 'svclab.io/listens: "53/UDP"' }) + service('dns', '[ { port: 53, protocol: UDP } ]'));
    expect(c.route({ from: 'pod', to: 'dns:53', protocol: 'UDP' }).results[0]).toMatchObject({ outcome: 'ok', assumed: false });
    expect(c.route({ from: 'pod', to: 'dns:53', protocol: 'TCP' }).results[0].outcome).toBe('refused');
  });

  test('headless: the client connects straight to the pod, and the refusal is assumed the same way', () => {
    const c = simulate(deployment('web', { ports: '[ { containerPort: 80 } ]' }) + service('web-hl', '[ { port: 8080, targetPort: 80 } ]', '\n  clusterIP: None').replace('app: web-hl', 'app: web'));
    const a = c.route({ from: 'pod', to: 'web-hl:8080' }).results[0];
    expect(a).toMatchObject({ outcome: 'refused', assumed: true });
    expect(a.reason).toMatch(/headless Service default\/web-hl has no virtual IP/);
  });

  test('outcomes that do not reach a pod are never assumed', () => {
    const c = simulate(deployment('web', { ports: '[ { containerPort: 80 } ]' }) + service('web', '[ { port: 80 } ]'));
    for (const to of ['web:81', 'nope:80', '10.96.0.200:80']) expect(c.route({ from: 'pod', to }).results[0].assumed).toBe(false);
  });
});

describe('CLI and JSON contract', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-app-model-'));
  fs.writeFileSync(path.join(dir, 'app.yaml'), deployment('bare') + service('bare', '[ { port: 80, targetPort: 9999 } ]') + deployment('web', { ports: '[ { containerPort: 80 } ]' }) + service('web', '[ { port: 8080, targetPort: 8080 } ]'));

  test('text: an assumed answer is marked, and the tally says how many outcomes are assumed', async () => {
    const r = await runCli(['curl', 'http://bare:80', '--count', '2', '-f', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Hello, bare-\S+ \(assumed\)$/m);
    expect(r.stdout).toContain("assumed: 2 of 2 outcomes rest on svclab's guess of the ports the app listens on (containerPort is informational); the pod template annotation svclab.io/listens states them");
  });

  test('an assumed refusal still fails the exit code (the likely answer), and says it is assumed', async () => {
    const r = await runCli(['curl', 'web:8080', '-f', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^refused: connection refused by pod default\/web-\S+ \(assumed\):/m);
  });

  test('json: results[].assumed and summary.assumed', async () => {
    const r = await runCli(['curl', 'web:8080', '--count', '3', '-o', 'json', '-f', dir]);
    const out = JSON.parse(r.stdout);
    expect(out.results.map((a: { assumed: boolean }) => a.assumed)).toEqual([true, true, true]);
    expect(out.summary).toMatchObject({ refused: 3, assumed: 3 });
  });
});
