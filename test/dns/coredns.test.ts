/**
 * CoreDNS answers (kubeadm Corefile: kubernetes cluster.local in-addr.arpa ip6.arpa, pods
 * insecure, ttl 30, fallthrough for reverse zones, forward . upstream). Each case cites the
 * coredns/coredns source (plugin/kubernetes/*.go, plugin/backend_lookup.go) or the Kubernetes
 * DNS specification (kubernetes/dns docs/specification.md).
 */
import { coreDnsAnswer } from '../../src/dns/coredns';
import { dnsIndex } from '../../src/dns/records';
import type { ClusterState, DnsType } from '../../src/sim/types';
import { fixture } from '../sim/fixtures-routing';
import { simulate } from '../../src/sim/index';
import { service } from '../sim/fixtures';

function cluster(): ClusterState {
  const f = fixture((c) => {
    c.upstreamDNS = { 'example.com': ['93.184.215.14'], 'v6only.example': ['2001:db8::1'] };
  });
  f.pod({ name: 'web-1', node: 'node-1', labels: { app: 'web' }, ports: [{ port: 8080, name: 'http' }] });
  f.pod({ name: 'web-2', node: 'node-2', labels: { app: 'web' }, ports: [{ port: 8080, name: 'http' }] });
  f.service({ name: 'web', clusterIP: '10.96.1.1', ports: [{ name: 'http', port: 80, targetPort: 8080 }, { port: 9000, targetPort: 8080 }], selector: { app: 'web' } });
  f.service({ name: 'empty', clusterIP: '10.96.1.2', ports: [{ name: 'http', port: 80 }], selector: { app: 'none' } });
  f.service({ name: 'portless', clusterIP: '10.96.1.3', ports: [], selector: null });
  // StatefulSet-style pods with hostname/subdomain and their governing headless Service.
  f.pod({ name: 'db-0', node: 'node-1', labels: { app: 'db' }, ports: [{ port: 5432, name: 'pg' }], hostname: 'db-0', subdomain: 'db' });
  f.pod({ name: 'db-1', node: 'node-2', labels: { app: 'db' }, ports: [{ port: 5432, name: 'pg' }], hostname: 'db-1', subdomain: 'db' });
  f.pod({ name: 'db-2', node: 'node-3', labels: { app: 'db' }, ports: [{ port: 5432, name: 'pg' }], hostname: 'db-2', subdomain: 'db', ready: false });
  f.service({ name: 'db', clusterIP: 'None', ports: [{ name: 'pg', port: 15432, targetPort: 5432 }], selector: { app: 'db' } });
  f.service({ name: 'db-all', clusterIP: 'None', ports: [{ name: 'pg', port: 5432 }], selector: { app: 'db' }, publishNotReadyAddresses: true });
  f.service({ name: 'lonely', clusterIP: 'None', ports: [{ port: 80 }], selector: { app: 'nobody' } });
  f.service({ name: 'ext', type: 'ExternalName', externalName: 'example.com' });
  f.service({ name: 'ext-missing', type: 'ExternalName', externalName: 'nowhere.invalid' });
  f.service({ name: 'ext-ip', type: 'ExternalName', externalName: '1.2.3.4' });
  f.service({ name: 'ext-internal', type: 'ExternalName', externalName: 'web.default.svc.cluster.local' });
  return f.build();
}

const c = cluster();
const ask = (name: string, type: DnsType = 'A') => coreDnsAnswer(dnsIndex(c), name, type);
const data = (name: string, type: DnsType = 'A') => ask(name, type).answers.map((a) => `${a.type} ${a.data}`);

describe('Service records (spec 2.3.1; kubernetes.go findServices)', () => {
  test('ClusterIP Service: A = the ClusterIP, TTL 30 (ttl 30 in the Corefile), one record for several ports', () => {
    expect(ask('web.default.svc.cluster.local.')).toEqual({ rcode: 'NOERROR', answers: [{ name: 'web.default.svc.cluster.local.', type: 'A', ttl: 30, data: '10.96.1.1' }] });
  });

  test('a ClusterIP Service with no endpoints still resolves', () => {
    expect(data('empty.default.svc.cluster.local.')).toEqual(['A 10.96.1.2']);
  });

  test('a Service without ports still has its A record, and no SRV (object/service.go port -1 sentinel)', () => {
    expect(data('portless.default.svc.cluster.local.')).toEqual(['A 10.96.1.3']);
    expect(ask('portless.default.svc.cluster.local.', 'SRV')).toEqual({ rcode: 'NOERROR', answers: [] });
  });

  test('AAAA for an IPv4-only Service is NOERROR with no answer (NODATA; handler.go: records but none of the type)', () => {
    expect(ask('web.default.svc.cluster.local.', 'AAAA')).toEqual({ rcode: 'NOERROR', answers: [] });
  });

  test('unknown Service, unknown namespace and names that are not svc/pod are NXDOMAIN (errNoItems, errNsNotExposed, errInvalidRequest)', () => {
    expect(ask('nope.default.svc.cluster.local.').rcode).toBe('NXDOMAIN');
    expect(ask('web.nons.svc.cluster.local.').rcode).toBe('NXDOMAIN');
    expect(ask('web.default.cluster.local.').rcode).toBe('NXDOMAIN');
    expect(ask('a.b.c.web.default.svc.cluster.local.').rcode).toBe('NXDOMAIN');
  });

  test('<ns>.svc.<domain>, svc.<domain> and the zone apex are NOERROR with no answer (parse.go: NODATA for apex queries)', () => {
    expect(ask('default.svc.cluster.local.')).toEqual({ rcode: 'NOERROR', answers: [] });
    expect(ask('svc.cluster.local.')).toEqual({ rcode: 'NOERROR', answers: [] });
    expect(ask('cluster.local.')).toEqual({ rcode: 'NOERROR', answers: [] });
    expect(ask('nons.svc.cluster.local.').rcode).toBe('NXDOMAIN');
  });

  test('SRV of a ClusterIP Service: target = the Service name, port = the Service port (backend_lookup.go SRV)', () => {
    expect(data('_http._tcp.web.default.svc.cluster.local.', 'SRV')).toEqual(['SRV 0 100 80 web.default.svc.cluster.local.']);
    // The bare name lists every port (matchPortAndProtocol with empty port matches all), weight 100/n.
    expect(data('web.default.svc.cluster.local.', 'SRV')).toEqual(['SRV 0 50 80 web.default.svc.cluster.local.', 'SRV 0 50 9000 web.default.svc.cluster.local.']);
  });

  test('unnamed ports have no _port._proto SRV record; a wrong protocol is NXDOMAIN', () => {
    expect(ask('_9000._tcp.web.default.svc.cluster.local.', 'SRV').rcode).toBe('NXDOMAIN');
    expect(ask('_http._udp.web.default.svc.cluster.local.', 'SRV').rcode).toBe('NXDOMAIN');
  });
});

describe('headless Services (spec 2.4)', () => {
  test('A = the ready endpoint IPs; not-ready pods are left out', () => {
    const ips = data('db.default.svc.cluster.local.');
    expect(ips).toHaveLength(2);
    const ready = c.pods.filter((p) => p.name === 'db-0' || p.name === 'db-1').map((p) => `A ${p.podIP}`);
    expect(ips.sort()).toEqual(ready.sort());
  });

  test('publishNotReadyAddresses adds the not-ready pods', () => {
    expect(data('db-all.default.svc.cluster.local.')).toHaveLength(3);
  });

  test('a headless Service with no ready endpoint is NXDOMAIN', () => {
    expect(ask('lonely.default.svc.cluster.local.').rcode).toBe('NXDOMAIN');
  });

  test('SRV of a headless Service: one per endpoint, target <hostname>.<svc>..., port = the endpoint (target) port', () => {
    expect(data('_pg._tcp.db.default.svc.cluster.local.', 'SRV').sort()).toEqual([
      'SRV 0 50 5432 db-0.db.default.svc.cluster.local.',
      'SRV 0 50 5432 db-1.db.default.svc.cluster.local.',
    ]);
  });

  test('<hostname>.<subdomain>.<ns>.svc resolves to the pod (StatefulSet); an IP-dashed endpoint name too (endpointHostname)', () => {
    const db0 = c.pods.find((p) => p.name === 'db-0')!.podIP;
    expect(data('db-0.db.default.svc.cluster.local.')).toEqual([`A ${db0}`]);
    expect(ask('db-9.db.default.svc.cluster.local.').rcode).toBe('NXDOMAIN');
    const web1 = c.pods.find((p) => p.name === 'web-1')!.podIP;
    expect(data(`${web1.replace(/\./g, '-')}.web.default.svc.cluster.local.`)).toEqual([`A ${web1}`]);
  });
});

describe('ExternalName (spec 2.5)', () => {
  test('CNAME to the external name, followed upstream (backend_lookup.go A: out-of-zone target via Lookup)', () => {
    expect(data('ext.default.svc.cluster.local.')).toEqual(['CNAME example.com.', 'A 93.184.215.14']);
    expect(data('ext.default.svc.cluster.local.', 'CNAME')).toEqual(['CNAME example.com.']);
  });

  test('upstream has no answer: the CNAME alone, NOERROR', () => {
    expect(ask('ext-missing.default.svc.cluster.local.')).toEqual({ rcode: 'NOERROR', answers: [{ name: 'ext-missing.default.svc.cluster.local.', type: 'CNAME', ttl: 30, data: 'nowhere.invalid.' }] });
  });

  test('an ExternalName holding an IP address gets no record (findServices: only CNAME-type hosts)', () => {
    expect(ask('ext-ip.default.svc.cluster.local.').rcode).toBe('NXDOMAIN');
  });

  test('an in-cluster target is chased inside the zone', () => {
    expect(data('ext-internal.default.svc.cluster.local.')).toEqual(['CNAME web.default.svc.cluster.local.', 'A 10.96.1.1']);
  });

  test('SRV for ExternalName is not implemented in CoreDNS: NOERROR, no answer', () => {
    expect(ask('ext.default.svc.cluster.local.', 'SRV')).toEqual({ rcode: 'NOERROR', answers: [] });
  });

  test('_port._proto (and endpoint) names of an ExternalName Service are NXDOMAIN (findServices skips it when the request has an endpoint, port or protocol)', () => {
    expect(ask('_http._tcp.ext.default.svc.cluster.local.', 'SRV')).toEqual({ rcode: 'NXDOMAIN', answers: [] });
    expect(ask('_http._tcp.ext.default.svc.cluster.local.', 'A').rcode).toBe('NXDOMAIN');
    expect(ask('host-1.ext.default.svc.cluster.local.', 'A').rcode).toBe('NXDOMAIN');
  });

  test('an ExternalName Service with a nodePort (accepted by the API server) answers its CNAME like any other', () => {
    const withNodePort = simulate(service('db', 'type: ExternalName\nexternalName: example.com\nports: [ { port: 5432, nodePort: 30432 } ]'));
    expect(withNodePort.rejected).toEqual([]);
    expect(withNodePort.resolve({ name: 'db.default.svc.cluster.local', type: 'A', from: 'pod' }).answers.map((a) => `${a.type} ${a.data}`)).toEqual(['CNAME example.com.', 'A 93.184.215.14']);
  });
});

describe('pods, reverse, TXT and upstream', () => {
  test('pods insecure: any well-formed a-b-c-d.<ns>.pod answers; bad ones and unknown namespaces are NXDOMAIN (findPods)', () => {
    expect(data('10-244-9-9.default.pod.cluster.local.')).toEqual(['A 10.244.9.9']);
    expect(ask('10-244-9-9.nons.pod.cluster.local.').rcode).toBe('NXDOMAIN');
    expect(ask('not-an-ip.default.pod.cluster.local.').rcode).toBe('NXDOMAIN');
    expect(ask('10-244-9-9.default.pod.cluster.local.', 'AAAA')).toEqual({ rcode: 'NOERROR', answers: [] });
  });

  test('PTR for a ClusterIP names the Service; for an endpoint, <hostname|ip-dashed>.<svc> (reverse.go serviceRecordForIP)', () => {
    expect(data('1.1.96.10.in-addr.arpa.', 'PTR')).toEqual(['PTR web.default.svc.cluster.local.']);
    const db0 = c.pods.find((p) => p.name === 'db-0')!.podIP;
    const rev = `${db0.split('.').reverse().join('.')}.in-addr.arpa.`;
    // db-all is not the pod's subdomain, so its endpoint has no hostname: the IP with dashes names it.
    expect(data(rev, 'PTR').sort()).toEqual([`PTR ${db0.replace(/\./g, '-')}.db-all.default.svc.cluster.local.`, 'PTR db-0.db.default.svc.cluster.local.']);
  });

  test('an address CoreDNS does not know falls through to upstream: NXDOMAIN', () => {
    expect(ask('9.9.9.9.in-addr.arpa.', 'PTR').rcode).toBe('NXDOMAIN');
  });

  test('TXT dns-version.<zone> = "1.1.0" (spec 2.2); TXT on an existing name is NODATA', () => {
    expect(ask('dns-version.cluster.local.', 'TXT').answers[0]).toMatchObject({ data: '"1.1.0"', ttl: 28800 });
    expect(ask('web.default.svc.cluster.local.', 'TXT')).toEqual({ rcode: 'NOERROR', answers: [] });
    expect(ask('nope.default.svc.cluster.local.', 'TXT').rcode).toBe('NXDOMAIN');
  });

  test('names outside the cluster domain are forwarded: answered from upstreamDNS, else NXDOMAIN', () => {
    expect(data('example.com.')).toEqual(['A 93.184.215.14']);
    expect(ask('v6only.example.')).toEqual({ rcode: 'NOERROR', answers: [] });
    expect(ask('nothing.example.').rcode).toBe('NXDOMAIN');
  });

  test('ns.dns.<zone> is the DNS Service address', () => {
    expect(data('ns.dns.cluster.local.')).toEqual(['A 10.96.0.10']);
  });
});
