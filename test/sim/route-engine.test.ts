/**
 * The route engine's seams and data: structured hops whose sentences are made from their data,
 * filters before and after DNAT (kube-proxy's loadBalancerSourceRanges firewall, from
 * kubernetes pkg/proxy/nftables/proxier.go syncProxyRules, is the first real one), the
 * re-entrant connect() a proxy hop uses, and the one memo policy of the cluster cache.
 */
import { simulate } from '../../src/sim/simulate';
import { cacheOf, memo, MEMO_LIMIT } from '../../src/sim/cache';
import { connect, openSession, routeRequest, type RouteFilter } from '../../src/sim/proxy/index';
import { parseSource } from '../../src/sim/proxy/request';
import { sentence } from '../../src/sim/proxy/sentences';
import type { Statement } from '../../src/sim/proxy/facts';
import type { Hop } from '../../src/sim/types';
import { fixture, hostnameCluster } from './fixtures-routing';
import { runCli } from '../helpers';

const POD_A = 'default/hostname-deployment-7b57c676b9-8sxjp';

/** A hop as JSON carries everything its sentence says: rendering its data again gives its text. */
function rerendered(h: Hop): string {
  const parsed = JSON.parse(JSON.stringify(h)) as Hop;
  return sentence(parsed as unknown as Statement);
}

describe('structured hops', () => {
  test('the DNAT hop names the node, the addresses, the Service, the endpoint, the pod and the rule', () => {
    const c = hostnameCluster((f) => f.pod({ name: 'client', node: 'node-2', labels: { app: 'client' } }));
    const r = routeRequest(c, { from: 'pod/client', to: '10.101.178.212:8080', count: 1, seed: 1 });
    const dnat = r.results[0].hops.find((h) => h.message === 'dnat')!;
    const client = c.pods.find((p) => p.name === 'client')!;
    expect(dnat).toMatchObject({ kind: 'node', node: 'node-2', from: client.podIP, to: '10.101.178.212:8080', service: 'default/hostname-svc-clusterip', port: 8080, rule: 'dnat' });
    expect(dnat.endpoint).toBe(`${r.results[0].podIP}:80`);
    expect(dnat.pod).toBe(r.results[0].pod);
    expect(dnat.detail).toMatchObject({ endpoints: 3, policy: null, affinity: null, snat: null });
  });

  test('the hop that ends a connection says why (reason), and the attempt carries the same statement (why)', () => {
    const c = fixture().service({ name: 'empty', clusterIP: '10.96.5.5', ports: [{ port: 80 }], selector: { app: 'nothing' } }).build();
    const a = routeRequest(c, { from: 'pod', to: '10.96.5.5:80' }).results[0];
    const last = a.hops[a.hops.length - 1];
    expect(last).toMatchObject({ message: 'no-endpoints', reason: 'no-endpoints', service: 'default/empty', rule: 'reject' });
    expect(a.why).toMatchObject({ message: 'no-endpoints', service: 'default/empty', detail: { why: { cause: 'no-match', selector: { app: 'nothing' } } } });
    expect(a.reason).toBe(last.text);
  });

  test('through the CLI: every hop and every reason of curl --format json is made from its own data', async () => {
    const dir = `${__dirname}/../../scenarios`;
    const cases = [
      ['04-counter-and-redis', 'http://counter-svc:3000', 'pod'],
      ['05-nodeport-31000', '192.168.49.3:31000', 'external'],
      ['10-externalname', 'my-database:5432', 'pod'],
      ['12-headless-statefulset-dns', 'nginx:80', 'pod'],
      ['14-mistake-target-port', 'hostname-svc:8080', 'pod'],
      ['18-mistake-name-from-node', 'hostname-svc-nodeport:8080', 'node/node-1'],
    ];
    let hops = 0;
    for (const [folder, target, from] of cases) {
      const out = await runCli(['curl', target, '--from', from, '-f', `${dir}/${folder}`, '--count', '3', '--format', 'json']);
      expect(out.code === 0 || out.code === 1).toBe(true);
      const result = JSON.parse(out.stdout) as ReturnType<typeof routeRequest>;
      for (const a of result.results) {
        expect(sentence(a.why as unknown as Statement)).toBe(a.reason);
        for (const h of a.hops) {
          expect(typeof h.message).toBe('string');
          expect(h.detail).toBeDefined();
          expect(rerendered(h)).toBe(h.text);
          hops++;
        }
      }
    }
    expect(hops).toBeGreaterThan(20);
  });
});

describe('filters', () => {
  /** A LoadBalancer Service with an address from the pool and source ranges, and a client pod. */
  function lbCluster(ranges: string[]) {
    return simulate(
      `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: nginx, ports: [{ containerPort: 80 }] }] }
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  type: LoadBalancer
  selector: { app: web }
  ports: [{ port: 80, targetPort: 80, nodePort: 31080 }]
  loadBalancerSourceRanges: [${ranges.join(', ')}]
---
apiVersion: v1
kind: Pod
metadata: { name: client, labels: { app: client } }
spec: { containers: [{ name: c, image: curl }] }
`,
      { cluster: { loadBalancer: { provider: 'pool', addresses: ['192.168.49.200'] } } },
    );
  }

  test('loadBalancerSourceRanges: a client outside the ranges is dropped at the node, before DNAT (nftables firewall chain)', () => {
    const c = lbCluster(['198.51.100.0/24']);
    const r = c.route({ from: 'external', to: '192.168.49.200:80', count: 4 });
    expect(r.summary.dropped).toBe(4);
    const a = r.results[0];
    expect(a.why).toMatchObject({ message: 'load-balancer-source-ranges', rule: 'load-balancer-source-ranges', from: '203.0.113.10', service: 'default/web' });
    expect(a.reason).toMatch(/203\.0\.113\.10 is not in the loadBalancerSourceRanges of Service default\/web \(198\.51\.100\.0\/24\)/);
    expect(a.hops.some((h) => h.message === 'dnat')).toBe(false);
  });

  test('loadBalancerSourceRanges: a client inside the ranges gets through; an empty list allows everyone', () => {
    expect(lbCluster(['203.0.113.0/24', '10.0.0.0/8']).route({ from: 'external', to: '192.168.49.200:80', count: 4 }).summary.ok).toBe(4);
    expect(lbCluster([]).route({ from: 'external', to: '192.168.49.200:80', count: 4 }).summary.ok).toBe(4);
  });

  test('loadBalancerSourceRanges: node ports are not subject to it ("nodeports are not subect to loadBalancerSourceRanges")', () => {
    const c = lbCluster(['198.51.100.0/24']);
    expect(c.route({ from: 'external', to: '192.168.49.3:31080', count: 3 }).summary.ok).toBe(3);
  });

  test('loadBalancerSourceRanges: a pod inside the cluster is checked with its own address', () => {
    const c = lbCluster(['198.51.100.0/24']);
    const r = c.route({ from: 'pod/client', to: '192.168.49.200:80' });
    expect(r.results[0].outcome).toBe('dropped');
    expect(r.results[0].why.from).toBe(c.pods.find((p) => p.name === 'client')!.podIP);
    expect(lbCluster(['10.244.0.0/16']).route({ from: 'pod/client', to: '192.168.49.200:80' }).results[0].outcome).toBe('ok');
  });

  test('loadBalancerSourceRanges: a node is checked too (the firewall runs from filter-output as well as filter-prerouting), with its own address', () => {
    const c = lbCluster(['198.51.100.0/24']);
    const r = c.route({ from: 'node/node-1', to: '192.168.49.200:80' });
    expect(r.results[0]).toMatchObject({ outcome: 'dropped', why: { message: 'load-balancer-source-ranges', from: '192.168.49.3', node: 'node-1' } });
    expect(lbCluster(['192.168.49.0/24']).route({ from: 'node/node-1', to: '192.168.49.200:80' }).results[0].outcome).toBe('ok');
    // Node ports stay open to the same node and the same client (not subject to the ranges).
    expect(c.route({ from: 'node/node-1', to: '192.168.49.4:31080' }).results[0].outcome).toBe('ok');
    expect(c.route({ from: 'pod/client', to: '192.168.49.4:31080' }).results[0].outcome).toBe('ok');
  });

  test('the after-DNAT seam sees the chosen endpoint and the source address after SNAT; its hop follows the DNAT', () => {
    const seen: string[] = [];
    const denyPodA: RouteFilter = {
      name: 'test-deny',
      stage: 'after-dnat',
      check: (conn) => {
        seen.push(`${conn.sourceIP}>${conn.destIP}:${conn.destPort}`);
        if (conn.pod?.name !== POD_A.split('/')[1]) return null;
        return { outcome: 'dropped', kind: 'pod', why: { message: 'endpoint-without-pod', pod: POD_A, rule: 'test-deny', reason: 'test-deny', detail: {} } };
      },
    };
    const c = hostnameCluster();
    const r = routeRequest(c, { from: 'node/node-3', to: '10.101.178.212:8080', count: 60, seed: 2 }, [denyPodA]);
    expect(r.summary.dropped).toBeGreaterThan(5);
    expect(r.summary.ok).toBeGreaterThan(5);
    const dropped = r.results.find((a) => a.outcome === 'dropped')!;
    const kinds = dropped.hops.map((h) => h.message);
    expect(kinds.slice(-2)).toEqual(['dnat', 'endpoint-without-pod']);
    expect(dropped.hops[dropped.hops.length - 1].rule).toBe('test-deny');
    // From a node the source is the node's own address, and every check saw an endpoint on port 80.
    expect(seen.every((s) => s.startsWith('192.168.49.5>') && s.endsWith(':80'))).toBe(true);
  });

  test('the before-DNAT seam sees the address as the client sent it', () => {
    const seen: string[] = [];
    const spy: RouteFilter = {
      name: 'spy',
      stage: 'before-dnat',
      check: (conn) => {
        seen.push(`${conn.destIP}:${conn.destPort} on ${conn.node?.name}`);
        return null;
      },
    };
    routeRequest(hostnameCluster(), { from: 'node/node-1', to: '10.101.178.212:8080', count: 2 }, [spy]);
    expect(seen).toEqual(['10.101.178.212:8080 on node-1', '10.101.178.212:8080 on node-1']);
  });
});

describe('re-entrant routing', () => {
  test('connect() routes again from another pod in the same session, as a proxy hop will', () => {
    const c = hostnameCluster((f) => {
      f.pod({ name: 'proxy', node: 'node-3', labels: { app: 'proxy' }, ports: [8000] });
      f.service({ name: 'proxy', clusterIP: '10.96.9.9', ports: [{ port: 80, targetPort: 8000 }], selector: { app: 'proxy' } });
    });
    const session = openSession(c, { seed: 4, label: 'test' });
    const first = connect(session, parseSource(c, 'node/node-1', 'default'), '10.96.9.9:80');
    expect(first.pod).toBe('default/proxy');
    const second = connect(session, parseSource(c, `pod/${first.pod}`, 'default'), 'hostname-svc-clusterip:8080');
    expect(second.outcome).toBe('ok');
    expect(second.hops[0].text).toMatch(/^pod default\/proxy \(10\.244\.3\.\d+ on node-3\) connects to hostname-svc-clusterip:8080$/);
    expect(second.hops.find((h) => h.message === 'dnat')!.node).toBe('node-3');
  });
});

describe('cluster cache', () => {
  test('memo tables hold at most MEMO_LIMIT entries and start over when full', () => {
    const table = new Map<number, number>();
    for (let i = 0; i < MEMO_LIMIT + 10; i++) memo(table, i, () => i * 2);
    expect(table.size).toBeLessThanOrEqual(MEMO_LIMIT);
    expect(memo(table, 3, () => -1)).toBe(-1);
  });

  test('routing and DNS memoise into the cluster they belong to, not into module state', () => {
    const a = hostnameCluster();
    const b = hostnameCluster();
    routeRequest(a, { from: 'pod', to: 'hostname-svc-clusterip:8080' });
    const tables = (c: typeof a) => ['routes', 'plans', 'sources', 'service-ports'].map((t) => cacheOf(c).table(t).size);
    expect(tables(a).every((n) => n > 0)).toBe(true);
    expect(tables(b)).toEqual([0, 0, 0, 0]);
  });
});
