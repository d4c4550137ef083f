/**
 * The stub resolver: resolv.conf as the kubelet writes it (pkg/kubelet/network/dns/dns.go
 * GetPodDNS) and the search order of glibc's res_nsearch (resolv/res_query.c).
 */
import { resolveName } from '../../src/dns/resolver';
import { TargetError } from '../../src/sim/proxy/request';
import { hostnameCluster } from '../sim/fixtures-routing';

const c = hostnameCluster((f) => {
  f.pod({ name: 'client', namespace: 'team', labels: { app: 'client' } });
  f.pod({ name: 'hostnet', node: 'node-2', hostNetwork: true, labels: { app: 'h' } });
  f.pod({ name: 'hostnet-cf', node: 'node-2', hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet', labels: { app: 'h' } });
  f.pod({ name: 'dflt', dnsPolicy: 'Default', labels: { app: 'd' } });
  f.pod({ name: 'none', dnsPolicy: 'None', dnsConfig: { nameservers: ['10.96.0.10'], searches: ['default.svc.cluster.local'], options: [{ name: 'ndots', value: '2' }] }, labels: { app: 'n' } });
  f.pod({ name: 'none-empty', dnsPolicy: 'None', labels: { app: 'n' } });
  f.pod({ name: 'extra', dnsConfig: { nameservers: [], searches: ['corp.example'], options: [{ name: 'ndots', value: '1' }] }, labels: { app: 'x' } });
});

describe('ClusterFirst pods: search <ns>.svc.<domain> svc.<domain> <domain>, ndots:5', () => {
  test('a short name goes through the search list first; the first answer stops the search', () => {
    const r = resolveName(c, { name: 'hostname-svc-clusterip', from: 'pod' });
    expect(r).toMatchObject({ rcode: 'NOERROR', server: 'cluster', tried: ['hostname-svc-clusterip.default.svc.cluster.local.'] });
    expect(r.answers.map((a) => a.data)).toEqual(['10.101.178.212']);
  });

  test('name.namespace resolves through the second search domain, after an NXDOMAIN', () => {
    const r = resolveName(c, { name: 'hostname-svc-clusterip.default', from: 'pod/team/client' });
    expect(r.tried).toEqual(['hostname-svc-clusterip.default.team.svc.cluster.local.', 'hostname-svc-clusterip.default.svc.cluster.local.']);
    expect(r.answers[0].data).toBe('10.101.178.212');
  });

  test('a name in another namespace is NXDOMAIN everywhere: every search domain, then the name as-is', () => {
    const r = resolveName(c, { name: 'hostname-svc-clusterip', from: 'pod/team/client' });
    expect(r.rcode).toBe('NXDOMAIN');
    expect(r.tried).toEqual([
      'hostname-svc-clusterip.team.svc.cluster.local.',
      'hostname-svc-clusterip.svc.cluster.local.',
      'hostname-svc-clusterip.cluster.local.',
      'hostname-svc-clusterip.',
    ]);
  });

  test('an external name with fewer than 5 dots is searched first, then sent as-is (the ndots:5 cost)', () => {
    const r = resolveName(c, { name: 'example.com', from: 'pod' });
    expect(r.tried).toEqual(['example.com.default.svc.cluster.local.', 'example.com.svc.cluster.local.', 'example.com.cluster.local.', 'example.com.']);
    expect(r.answers[0].data).toBe('93.184.215.14');
  });

  test('a trailing dot makes the name absolute: sent once, as-is', () => {
    const r = resolveName(c, { name: 'hostname-svc-clusterip.default.svc.cluster.local.', from: 'pod' });
    expect(r.tried).toEqual(['hostname-svc-clusterip.default.svc.cluster.local.']);
  });

  test('a name with at least ndots dots is tried as-is first', () => {
    const r = resolveName(c, { name: 'a.b.c.d.e.example', from: 'pod' });
    expect(r.tried[0]).toBe('a.b.c.d.e.example.');
    expect(r.tried).toHaveLength(4);
  });

  test('NODATA (AAAA of an IPv4 Service) does not stop glibc: the rest is tried, and the result is NOERROR with no answer', () => {
    const r = resolveName(c, { name: 'hostname-svc-clusterip', type: 'AAAA', from: 'pod' });
    expect(r.rcode).toBe('NOERROR');
    expect(r.answers).toEqual([]);
    expect(r.tried).toHaveLength(4);
  });
});

describe('dnsPolicy', () => {
  test('hostNetwork + ClusterFirst falls back to the node resolver (Default): no cluster names', () => {
    const r = resolveName(c, { name: 'hostname-svc-clusterip', from: 'pod/hostnet' });
    expect(r).toMatchObject({ rcode: 'NXDOMAIN', server: 'node', tried: ['hostname-svc-clusterip.'] });
  });

  test('ClusterFirstWithHostNet keeps cluster DNS for a hostNetwork pod', () => {
    expect(resolveName(c, { name: 'hostname-svc-clusterip', from: 'pod/hostnet-cf' }).rcode).toBe('NOERROR');
  });

  test('Default: the node resolver, which still answers names outside the cluster', () => {
    expect(resolveName(c, { name: 'hostname-svc-clusterip', from: 'pod/dflt' }).rcode).toBe('NXDOMAIN');
    expect(resolveName(c, { name: 'example.com', from: 'pod/dflt' }).answers[0].data).toBe('93.184.215.14');
  });

  test('None uses dnsConfig only (its nameservers, searches and ndots)', () => {
    const r = resolveName(c, { name: 'hostname-svc-clusterip', from: 'pod/none' });
    expect(r).toMatchObject({ rcode: 'NOERROR', server: 'cluster', tried: ['hostname-svc-clusterip.default.svc.cluster.local.'] });
    expect(resolveName(c, { name: 'x', from: 'pod/none-empty' })).toMatchObject({ rcode: 'SERVFAIL', server: 'none', tried: [] });
  });

  test('dnsConfig merges: extra search domains are appended, options override ndots', () => {
    const r = resolveName(c, { name: 'example.com', from: 'pod/extra' });
    expect(r.tried).toEqual(['example.com.']);
    const r2 = resolveName(c, { name: 'nothing', from: 'pod/extra' });
    expect(r2.tried).toEqual(['nothing.default.svc.cluster.local.', 'nothing.svc.cluster.local.', 'nothing.cluster.local.', 'nothing.corp.example.', 'nothing.']);
  });
});

describe('nodes and external clients do not use cluster DNS', () => {
  test('a Service name from a node is NXDOMAIN (the seed: curl hostname-svc-clusterip:8080 fails on a node)', () => {
    expect(resolveName(c, { name: 'hostname-svc-clusterip', from: 'node/node-1' })).toMatchObject({ rcode: 'NXDOMAIN', server: 'node' });
    expect(resolveName(c, { name: 'hostname-svc-clusterip.default.svc.cluster.local', from: 'external' }).rcode).toBe('NXDOMAIN');
    expect(resolveName(c, { name: 'example.com', from: 'external' }).rcode).toBe('NOERROR');
  });

  test('bad input throws TargetError', () => {
    expect(() => resolveName(c, { name: '', from: 'pod' })).toThrow(TargetError);
    expect(() => resolveName(c, { name: 'x', from: 'pod/ghost' })).toThrow(TargetError);
  });
});
