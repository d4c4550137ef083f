/**
 * The two seed walkthroughs (/work/shared/seeds, summarised in its README.md), replayed end to
 * end through the CLI with the manifests taken from the tutorials' own YAML blocks.
 */
import { runCli } from '../helpers';
import { describeSeeds, tempDir } from './seed-manifests';
import type { RouteResult, DnsResult } from '../../src/sim/types';

describeSeeds('seed 000: hostname-deployment + hostname-svc-clusterip', '000_c1b5580169cd4c3b.txt', (blocks) => {
  const dir = tempDir({ 'deploy-hostname.yaml': blocks.find((b) => b.includes('kind: Deployment'))!, 'hostname-svc-clusterip.yaml': blocks.find((b) => b.includes('kind: Service'))! });
  const f = ['-f', dir];

  test('the tutorial has the Deployment and the Service', () => {
    expect(blocks.some((b) => b.includes('name: hostname-deployment'))).toBe(true);
    expect(blocks.some((b) => b.includes('name: hostname-svc-clusterip'))).toBe(true);
  });

  test('kubectl get svc: the new ClusterIP Service with 8080/TCP, next to kubernetes 10.96.0.1 443/TCP', async () => {
    const r = await runCli(['get', 'svc', ...f]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)/);
    expect(r.stdout).toMatch(/hostname-svc-clusterip\s+ClusterIP\s+10\.\d+\.\d+\.\d+\s+<none>\s+8080\/TCP/);
    expect(r.stdout).toMatch(/kubernetes\s+ClusterIP\s+10\.96\.0\.1\s+<none>\s+443\/TCP/);
  });

  test('kubectl get endpoints: three podIP:80, and the API server behind kubernetes', async () => {
    const r = await runCli(['get', 'endpoints', ...f]);
    expect(r.code).toBe(0);
    const line = r.stdout.split('\n').find((l) => l.startsWith('hostname-svc-clusterip'))!;
    expect(line).toMatch(/10\.244\.\d+\.\d+:80,10\.244\.\d+\.\d+:80,10\.244\.\d+\.\d+:80/);
    expect(r.stdout).toMatch(/kubernetes\s+192\.168\.49\.2:6443/);
  });

  test('30 curls to the ClusterIP from a node are spread over all three pods', async () => {
    const svc = JSON.parse((await runCli(['get', 'svc', 'hostname-svc-clusterip', '-o', 'json', ...f])).stdout);
    const item = svc.items ? svc.items[0] : svc;
    const ip = item.spec.clusterIP as string;
    const r = await runCli(['curl', `http://${ip}:8080`, '--from', 'node/node-1', '--count', '30', '--format', 'json', ...f]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as RouteResult;
    expect(out.summary.ok).toBe(30);
    expect(Object.keys(out.summary.byPod)).toHaveLength(3);
    expect(out.results.every((a) => /^Hello, hostname-deployment-[a-z0-9]+-[a-z0-9]{5}$/.test(a.body ?? ''))).toBe(true);
  });

  test('from a debug pod, curl by name works and spreads over the pods (kubectl run debug)', async () => {
    const r = await runCli(['curl', 'http://hostname-svc-clusterip:8080', '--from', 'pod', '--count', '30', ...f]);
    expect(r.code).toBe(0);
    const hellos = r.stdout.split('\n').filter((l) => l.startsWith('Hello, hostname-deployment-'));
    expect(hellos).toHaveLength(30);
    expect(new Set(hellos).size).toBe(3);
    expect(r.stdout).toMatch(/30 connections: 30 ok/);
  });

  test('from a node, the Service name does not resolve (nodes do not use cluster DNS)', async () => {
    const r = await runCli(['curl', 'hostname-svc-clusterip:8080', '--from', 'node/node-1', ...f]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/dns-error: node node-1 does not use the cluster DNS/);
  });
});

describeSeeds('seed 002: counter + redis + counter-np', '002_dac3240c9147ea64.txt', (blocks) => {
  const dir = tempDir(Object.fromEntries(blocks.map((b, i) => [`seed-${i}.yaml`, b])));
  const f = ['-f', dir];

  test('redis:6379 resolves and connects from the counter pod (REDIS_HOST=redis)', async () => {
    const dig = await runCli(['dig', 'redis', '--from', 'pod/counter', '--format', 'json', ...f]);
    expect(dig.code).toBe(0);
    const d = JSON.parse(dig.stdout) as DnsResult;
    expect(d.rcode).toBe('NOERROR');
    expect(d.tried).toEqual(['redis.default.svc.cluster.local.']);
    const curl = await runCli(['curl', 'redis:6379', '--from', 'pod/counter', '--format', 'json', ...f]);
    expect(curl.code).toBe(0);
    const c = JSON.parse(curl.stdout) as RouteResult;
    expect(c.resolved).toEqual({ name: 'redis.default.svc.cluster.local', ip: d.answers[0].data });
    expect(c.results[0]).toMatchObject({ outcome: 'ok', port: 6379 });
    expect(c.results[0].pod).toMatch(/^default\/redis-/);
  });

  test('kubectl get svc shows counter-np as 3000:31000/TCP', async () => {
    const r = await runCli(['get', 'svc', ...f]);
    expect(r.stdout).toMatch(/counter-np\s+NodePort\s+10\.\d+\.\d+\.\d+\s+<none>\s+3000:31000\/TCP/);
  });

  test('the NodePort answers on every node IP from outside the cluster (and counter-np still has a ClusterIP)', async () => {
    const nodes = JSON.parse((await runCli(['get', 'nodes', '-o', 'json', ...f])).stdout).items as Array<{ status: { addresses: Array<{ type: string; address: string }> } }>;
    expect(nodes.length).toBeGreaterThanOrEqual(2);
    for (const n of nodes) {
      const ip = n.status.addresses.find((a) => a.type === 'InternalIP')!.address;
      const r = await runCli(['curl', `${ip}:31000`, '--from', 'external', '--count', '3', '--format', 'json', ...f]);
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as RouteResult;
      expect(out.results.every((a) => a.pod?.startsWith('default/counter-') && a.sourceIP === ip)).toBe(true);
    }
    const byName = await runCli(['curl', 'counter-np:3000', '--from', 'pod/redis', ...f]);
    expect(byName.code).toBe(0);
  });
});
