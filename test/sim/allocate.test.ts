import { simulate } from '../../src/sim/index';
import { BandAllocator, rangeOffset } from '../../src/sim/allocate';
import { Random } from '../../src/util/random';
import { parseIPv4 } from '../../src/util/ip';
import { deploy, service } from './fixtures';

const svc = (c: ReturnType<typeof simulate>, name: string) => c.services.find((s) => s.name === name)!;
const offsetIn1096 = (ip: string) => Number(parseIPv4(ip)! - parseIPv4('10.96.0.0')!) - 1;

describe('Service defaulting (pkg/apis/core/v1/defaults.go SetDefaults_Service)', () => {
  test('type ClusterIP, protocol TCP, targetPort = port, sessionAffinity None (ClientIP: 10800 s), internalTrafficPolicy Cluster; externalTrafficPolicy Cluster only when externally accessible (NodePort, LoadBalancer, ClusterIP with externalIPs)', () => {
    const c = simulate(
      service('plain', 'ports: [ { port: 80 } ]') +
      service('sticky', 'sessionAffinity: ClientIP\nports: [ { port: 80, targetPort: 0 } ]') +
      service('np', 'type: NodePort\nports: [ { port: 80 } ]') +
      service('lb', 'type: LoadBalancer\nports: [ { port: 80 } ]') +
      service('ext', 'externalIPs: [ 203.0.113.7 ]\nports: [ { port: 80 } ]'),
    );
    const plain = svc(c, 'plain');
    expect([plain.type, plain.ports[0].protocol, plain.ports[0].targetPort, plain.spec.sessionAffinity, plain.spec.internalTrafficPolicy, plain.spec.externalTrafficPolicy]).toEqual(['ClusterIP', 'TCP', 80, 'None', 'Cluster', undefined]);
    expect([svc(c, 'sticky').spec.sessionAffinityTimeoutSeconds, svc(c, 'sticky').ports[0].targetPort]).toEqual([10800, 80]);
    expect(['np', 'lb', 'ext'].map((n) => svc(c, n).spec.externalTrafficPolicy)).toEqual(['Cluster', 'Cluster', 'Cluster']);
    expect([svc(c, 'lb').spec.allocateLoadBalancerNodePorts, svc(c, 'np').spec.allocateLoadBalancerNodePorts]).toEqual([true, undefined]);
  });
});

describe('Service allocation (API server)', () => {
  test('range offsets: min(max(16, size/16), 256) for ClusterIPs, min(max(16, size/32), 128) for node ports (ipallocator/portallocator calculateRangeOffset)', () => {
    expect(rangeOffset(2 ** 20, 16, 256, 16)).toBe(256); // 10.96.0.0/12
    expect(rangeOffset(256, 16, 256, 16)).toBe(16); // /24
    expect(rangeOffset(16, 16, 256, 16)).toBe(0); // /28: too small to split
    expect(rangeOffset(2768, 16, 128, 32)).toBe(86); // 30000-32767
  });

  test('dynamic allocation takes the upper band first and only then the lower band (KEP-3070 bitmap randomScanStrategyWithOffset)', () => {
    const a = new BandAllocator(20, 16);
    const rng = new Random(7);
    const got = Array.from({ length: 6 }, () => a.allocateNext(rng)!);
    expect(got.slice(0, 4).sort((x, y) => x - y)).toEqual([16, 17, 18, 19]);
    expect(got.slice(4).every((o) => o < 16)).toBe(true);
  });

  test('ClusterIP allocation prefers the upper band (KEP-3070, ipallocator): never the first 256 addresses of 10.96.0.0/12', () => {
    let manifests = '';
    for (let i = 0; i < 50; i++) manifests += service(`s${i}`, 'ports: [ { port: 80 } ]\nselector: { app: x }');
    const c = simulate(manifests);
    const dynamic = c.services.filter((s) => !s.builtIn);
    expect(dynamic).toHaveLength(50);
    for (const s of dynamic) {
      expect(offsetIn1096(s.clusterIP!)).toBeGreaterThanOrEqual(256);
      expect(s.clusterIPs).toEqual([s.clusterIP]);
    }
    expect(new Set(dynamic.map((s) => s.clusterIP)).size).toBe(50);
  });

  test('kubernetes gets the first address and kube-dns the tenth of the service CIDR (apiserver, kubeadm)', () => {
    const c = simulate('', { cluster: { serviceCIDR: '10.100.0.0/16' } });
    expect(svc(c, 'kubernetes').clusterIP).toBe('10.100.0.1');
    expect(svc(c, 'kube-dns').clusterIP).toBe('10.100.0.10');
  });

  test('an explicit clusterIP is honoured; a taken or out-of-range one is refused like the API server does (ipallocator Allocate)', () => {
    const c = simulate(
      service('a', 'clusterIP: 10.96.0.50\nports: [ { port: 80 } ]') +
      service('b', 'clusterIP: 10.96.0.50\nports: [ { port: 80 } ]') +
      service('c', 'clusterIP: 10.0.0.5\nports: [ { port: 80 } ]') +
      service('d', 'clusterIP: 10.96.0.10\nports: [ { port: 80 } ]'),
    );
    expect(svc(c, 'a').clusterIP).toBe('10.96.0.50');
    expect(c.services.map((s) => s.name)).not.toContain('b');
    expect(c.rejected.map((r) => `${r.name}: ${r.reason}`)).toEqual([
      'b: spec.clusterIPs: Invalid value: ["10.96.0.50"]: failed to allocate IP 10.96.0.50: provided IP is already allocated',
      'c: spec.clusterIPs: Invalid value: ["10.0.0.5"]: failed to allocate IP 10.0.0.5: the provided IP (10.0.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
      'd: spec.clusterIPs: Invalid value: ["10.96.0.10"]: failed to allocate IP 10.96.0.10: provided IP is already allocated',
    ]);
  });

  test('clusterIP None makes a headless Service; ExternalName gets no ClusterIP (ServiceSpec)', () => {
    const c = simulate(service('h', 'clusterIP: None\nselector: { app: x }') + service('ext', 'type: ExternalName\nexternalName: db.example.com'));
    expect(svc(c, 'h').clusterIP).toBe('None');
    expect(svc(c, 'ext').clusterIP).toBeNull();
    expect(svc(c, 'ext').clusterIPs).toEqual([]);
  });

  test('a NodePort Service also gets a ClusterIP, and its dynamic node port comes from the upper band (KEP-3668, portallocator)', () => {
    let manifests = '';
    for (let i = 0; i < 30; i++) manifests += service(`np${i}`, 'type: NodePort\nports: [ { port: 80 } ]');
    const c = simulate(manifests);
    for (const s of c.services.filter((x) => !x.builtIn)) {
      expect(s.clusterIP).toMatch(/^10\./);
      expect(s.ports[0].nodePort).toBeGreaterThanOrEqual(30000 + 86);
      expect(s.ports[0].nodePort).toBeLessThanOrEqual(32767);
    }
    expect(new Set(c.services.filter((x) => !x.builtIn).map((s) => s.ports[0].nodePort)).size).toBe(30);
  });

  test('explicit node ports are honoured and never collide; out of range is refused (portallocator Allocate)', () => {
    const c = simulate(
      service('a', 'type: NodePort\nports: [ { port: 80, nodePort: 31000 } ]') +
      service('b', 'type: NodePort\nports: [ { port: 80, nodePort: 31000 } ]') +
      service('c', 'type: NodePort\nports: [ { port: 80, nodePort: 8080 } ]') +
      service('d', 'type: ClusterIP\nports: [ { port: 80, nodePort: 30001 } ]'),
    );
    expect(svc(c, 'a').ports[0].nodePort).toBe(31000);
    expect(c.rejected.map((r) => `${r.name}: ${r.reason}`)).toEqual([
      'b: spec.ports[0].nodePort: Invalid value: 31000: provided port is already allocated',
      'c: spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767',
      "d: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    ]);
  });

  test('ports of one Service with the same number (53/TCP + 53/UDP) share one node port (storage/alloc.go initNodePorts)', () => {
    const c = simulate(service('dns', 'type: NodePort\nports:\n- { name: dns, port: 53, protocol: UDP }\n- { name: dns-tcp, port: 53, protocol: TCP }\n- { name: metrics, port: 9153 }'));
    const [udp, tcp, metrics] = svc(c, 'dns').ports;
    expect(udp.nodePort).toBe(tcp.nodePort);
    expect(metrics.nodePort).not.toBe(udp.nodePort);
  });

  test('a node port asked for on a later port of the same number is shared by the earlier one too (alloc.go initNodePorts, findRequestedNodePort)', () => {
    const c = simulate(
      service('dns', 'type: NodePort\nports:\n- { name: dns, port: 53, protocol: UDP }\n- { name: dns-tcp, port: 53, protocol: TCP, nodePort: 30053 }') +
      service('lb', 'type: LoadBalancer\nallocateLoadBalancerNodePorts: false\nports:\n- { name: a, port: 53, protocol: UDP }\n- { name: b, port: 53, protocol: TCP, nodePort: 30054 }'),
    );
    expect(svc(c, 'dns').ports.map((p) => p.nodePort)).toEqual([30053, 30053]);
    // Without node port allocation a port keeps what it asks for, and nothing else (shouldAllocateNodePorts).
    expect(svc(c, 'lb').ports.map((p) => p.nodePort)).toEqual([undefined, 30054]);
  });

  test('one node port for two ports of one protocol is refused (ValidateService: Duplicate value); across protocols it needs the same port number (initNodePorts: already allocated)', () => {
    const c = simulate(
      service('dup', 'type: NodePort\nports:\n- { name: a, port: 80, nodePort: 30080 }\n- { name: b, port: 443, nodePort: 30080 }') +
      service('cross', 'type: NodePort\nports:\n- { name: a, port: 80, nodePort: 30081 }\n- { name: b, port: 81, protocol: UDP, nodePort: 30081 }') +
      service('ok', 'type: NodePort\nports: [ { port: 80, nodePort: 30080 } ]'),
    );
    expect(c.rejected.map((r) => `${r.name}: ${r.reason}`)).toEqual([
      'dup: spec.ports[1].nodePort: Duplicate value: 30080',
      'cross: spec.ports[1].nodePort: Invalid value: 30081: provided port is already allocated',
    ]);
    // A refused Service gives back what it took (its ClusterIP and first node port): 30080 and 30081 are free for others.
    expect(svc(c, 'ok').ports[0].nodePort).toBe(30080);
    const again = simulate(service('cross', 'type: NodePort\nports:\n- { name: a, port: 80, nodePort: 30081 }\n- { name: b, port: 81, protocol: UDP, nodePort: 30081 }') + service('after', 'type: NodePort\nports: [ { port: 80, nodePort: 30081 } ]'));
    expect(svc(again, 'after').ports[0].nodePort).toBe(30081);
  });

  test('a requested healthCheckNodePort is honoured, and refused when taken (alloc.go allocHealthCheckNodePort)', () => {
    const c = simulate(
      service('a', 'type: LoadBalancer\nexternalTrafficPolicy: Local\nhealthCheckNodePort: 32000\nports: [ { port: 80 } ]') +
      service('b', 'type: LoadBalancer\nexternalTrafficPolicy: Local\nhealthCheckNodePort: 32000\nports: [ { port: 80 } ]'),
    );
    expect(svc(c, 'a').healthCheckNodePort).toBe(32000);
    expect(c.rejected.map((r) => `${r.name}: ${r.reason}`)).toEqual(['b: failed to allocate requested HealthCheck NodePort 32000: provided port is already allocated']);
  });

  test("nodePort on an ExternalName Service is accepted, kept as written and never allocated (ValidateService forbids it only for ClusterIP; txnAllocNodePorts serves NodePort and LoadBalancer)", () => {
    const c = simulate(service('x', 'type: ExternalName\nexternalName: example.com\nports: [ { port: 80, nodePort: 30001 } ]') + service('np', 'type: NodePort\nports: [ { port: 80, nodePort: 30001 } ]'));
    expect(c.rejected).toEqual([]);
    expect(svc(c, 'x').ports[0].nodePort).toBe(30001);
    // The port was not taken from the allocator: a NodePort Service may still ask for it.
    expect(svc(c, 'np').ports[0].nodePort).toBe(30001);
    // kube-proxy skips ExternalName Services (ShouldSkipService), so 30001 on a node is the NodePort Service's.
    expect(c.route({ from: 'external', to: '192.168.49.3:30001' }).results[0].service).toBe('default/np');
  });

  test('LoadBalancer: node ports unless allocateLoadBalancerNodePorts is false; healthCheckNodePort for externalTrafficPolicy Local (ServiceSpec)', () => {
    const c = simulate(
      service('lb', 'type: LoadBalancer\nports: [ { port: 80 } ]') +
      service('lb-noports', 'type: LoadBalancer\nallocateLoadBalancerNodePorts: false\nports: [ { port: 80 } ]') +
      service('lb-local', 'type: LoadBalancer\nexternalTrafficPolicy: Local\nports: [ { port: 80 } ]'),
    );
    expect(svc(c, 'lb').ports[0].nodePort).toBeGreaterThanOrEqual(30000);
    expect(svc(c, 'lb').healthCheckNodePort).toBeUndefined();
    expect(svc(c, 'lb-noports').ports[0].nodePort).toBeUndefined();
    const local = svc(c, 'lb-local');
    expect(local.healthCheckNodePort).toBeGreaterThanOrEqual(30000);
    expect(local.healthCheckNodePort).not.toBe(local.ports[0].nodePort);
  });

  test('LoadBalancer ingress stays <pending> without a provider, and comes lowest-first from a pool (MetalLB IPAddressPool)', () => {
    const lbs = service('one', 'type: LoadBalancer\nports: [ { port: 80 } ]') + service('two', 'type: LoadBalancer\nports: [ { port: 80 } ]') + service('three', 'type: LoadBalancer\nloadBalancerIP: 10.0.0.5\nports: [ { port: 80 } ]');
    const none = simulate(lbs);
    expect(svc(none, 'one').loadBalancerIngress).toBeNull();
    const pooled = simulate(lbs, { cluster: { loadBalancer: { provider: 'pool', addresses: ['192.168.49.240-192.168.49.240', '10.0.0.0/28'] } } });
    expect(svc(pooled, 'one').loadBalancerIngress).toEqual(['192.168.49.240']);
    expect(svc(pooled, 'two').loadBalancerIngress).toEqual(['10.0.0.0']);
    expect(svc(pooled, 'three').loadBalancerIngress).toEqual(['10.0.0.5']);
    expect(svc(pooled, 'kubernetes').loadBalancerIngress).toEqual([]);
  });

  test('forbidden combinations are refused: headless NodePort, ExternalName without a name, ports missing (ValidateService)', () => {
    const c = simulate(
      service('a', 'type: NodePort\nclusterIP: None\nports: [ { port: 80 } ]') +
      service('b', 'type: ExternalName') +
      service('c', 'selector: { app: x }') +
      service('d', 'ports: [ { port: 80 }, { port: 80, name: again } ]'),
    );
    expect(c.rejected.map((r) => r.reason)).toEqual([
      `spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for NodePort services`,
      'spec.externalName: Required value',
      'spec.ports: Required value',
      '[spec.ports[0].name: Required value, spec.ports[1]: Duplicate value: {"port": 80, "protocol": "TCP"}]',
    ]);
  });

  test('a Service without a name is refused (ValidateObjectMeta), and two nameless objects are not taken for one another', () => {
    const c = simulate('apiVersion: v1\nkind: Service\nmetadata: { labels: { a: b } }\nspec: { ports: [ { port: 80 } ] }\n---\napiVersion: v1\nkind: Service\nmetadata: {}\nspec: { ports: [ { port: 81 } ] }\n');
    expect(c.rejected.map((r) => r.reason)).toEqual(['metadata.name: Required value: name or generateName is required', 'metadata.name: Required value: name or generateName is required']);
  });

  test('adding an unrelated Service does not move the addresses of the others (deterministic per-Service draws)', () => {
    const base = service('web', 'ports: [ { port: 80 } ]') + deploy('web');
    const a = simulate(base);
    const b = simulate(service('other', 'type: NodePort\nports: [ { port: 80 } ]') + base);
    expect(svc(b, 'web').clusterIP).toBe(svc(a, 'web').clusterIP);
  });
});
