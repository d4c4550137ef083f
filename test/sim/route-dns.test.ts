/** Routing by name: the source's resolver first (resolv.conf), then kube-proxy. */
import { routeRequest } from '../../src/sim/proxy/index';
import { fixture, hostnameCluster } from './fixtures-routing';

describe('name:port targets', () => {
  test('from a pod, a Service name resolves through CoreDNS and is load balanced', () => {
    const r = routeRequest(hostnameCluster(), { from: 'pod', to: 'http://hostname-svc-clusterip:8080', count: 30, seed: 2 });
    expect(r.resolved).toEqual({ name: 'hostname-svc-clusterip.default.svc.cluster.local', ip: '10.101.178.212' });
    expect(r.summary.ok).toBe(30);
    expect(Object.keys(r.summary.byPod)).toHaveLength(3);
    expect(r.results[0].hops.map((h) => h.kind)).toEqual(['source', 'dns', 'service', 'node', 'pod']);
    expect(r.results[0].body).toMatch(/^Hello, hostname-deployment-7b57c676b9-/);
  });

  test('from a node, the name does not resolve: dns-error, and the reason says why and what to use', () => {
    const r = routeRequest(hostnameCluster(), { from: 'node/node-1', to: 'hostname-svc-clusterip:8080', count: 3 });
    expect(r.summary['dns-error']).toBe(3);
    expect(r.resolved).toBeNull();
    expect(r.candidates).toEqual([]);
    expect(r.results[0].reason).toMatch(/does not use the cluster DNS/);
    expect(r.results[0].reason).toMatch(/ClusterIP 10\.101\.178\.212/);
  });

  test('a headless Service name returns pod IPs: connections go straight to the pods (no kube-proxy), spread by the loadbalance plugin', () => {
    const c = fixture()
      .pod({ name: 'db-0', node: 'node-1', labels: { app: 'db' }, ports: [5432] })
      .pod({ name: 'db-1', node: 'node-2', labels: { app: 'db' }, ports: [5432] })
      .service({ name: 'db', clusterIP: 'None', ports: [{ port: 5432 }], selector: { app: 'db' } })
      .build();
    const r = routeRequest(c, { from: 'pod', to: 'db:5432', count: 40, seed: 4 });
    expect(r.summary.ok).toBe(40);
    expect(Object.keys(r.summary.byPod).sort()).toEqual(['default/db-0', 'default/db-1']);
    expect(r.results[0].service).toBe('default/db');
    expect(r.results[0].hops.some((h) => h.kind === 'node')).toBe(false);
    expect(r.candidates.map((x) => x.pod)).toEqual(['default/db-0', 'default/db-1']);
  });

  test('ExternalName leaves the cluster: answered upstream = ok; unknown upstream = dns-error', () => {
    const c = fixture()
      .service({ name: 'ext', type: 'ExternalName', externalName: 'example.com' })
      .service({ name: 'gone', type: 'ExternalName', externalName: 'nowhere.invalid' })
      .build();
    const ok = routeRequest(c, { from: 'pod', to: 'ext:443' });
    expect(ok.results[0]).toMatchObject({ outcome: 'ok', pod: null, podIP: '93.184.215.14' });
    expect(ok.results[0].hops.find((h) => h.kind === 'dns')!.text).toMatch(/CNAME for example\.com \(ExternalName\), which leaves the cluster/);
    const bad = routeRequest(c, { from: 'pod', to: 'gone:443' });
    expect(bad.results[0].outcome).toBe('dns-error');
    expect(bad.results[0].reason).toMatch(/ExternalName for nowhere\.invalid/);
  });

  test('a name in another namespace: the reason suggests name.namespace', () => {
    const c = hostnameCluster((f) => f.pod({ name: 'client', namespace: 'team', labels: { a: 'b' } }));
    const r = routeRequest(c, { from: 'pod/team/client', to: 'hostname-svc-clusterip:8080' });
    expect(r.results[0].reason).toMatch(/use hostname-svc-clusterip\.default/);
    expect(routeRequest(c, { from: 'pod/team/client', to: 'hostname-svc-clusterip.default:8080' }).results[0].outcome).toBe('ok');
  });
});
