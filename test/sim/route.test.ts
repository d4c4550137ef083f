/**
 * kube-proxy routing on hand-built clusters. Each test names the kube-proxy rule it checks
 * (kubernetes/kubernetes pkg/proxy/iptables/proxier.go, pkg/proxy/nftables/proxier.go,
 * pkg/proxy/topology.go).
 */
import { routeRequest } from '../../src/sim/proxy/index';
import { TargetError } from '../../src/sim/proxy/request';
import { fixture, hostnameCluster } from './fixtures-routing';

const POD_A = 'default/hostname-deployment-7b57c676b9-8sxjp';
const POD_B = 'default/hostname-deployment-7b57c676b9-sqzx5';
const POD_C = 'default/hostname-deployment-7b57c676b9-8qbch';

describe('ClusterIP', () => {
  test('from a pod: every connection goes to one ready endpoint, spread over all of them (statistic --probability / numgen random)', () => {
    const c = hostnameCluster((f) => f.pod({ name: 'client', labels: { app: 'client' } }));
    const r = routeRequest(c, { from: 'pod/client', to: '10.101.178.212:8080', count: 300, seed: 7 });
    expect(r.summary.ok).toBe(300);
    expect(Object.keys(r.summary.byPod).sort()).toEqual([POD_A, POD_C, POD_B].sort());
    for (const n of Object.values(r.summary.byPod)) expect(n).toBeGreaterThan(60);
    expect(r.candidates.map((x) => x.pod)).toEqual([POD_A, POD_C, POD_B].sort());
    expect(r.candidates.every((x) => x.port === 80)).toBe(true);
    const a = r.results[0];
    expect(a.service).toBe('default/hostname-svc-clusterip');
    expect(a.port).toBe(80);
    expect(a.sourceIP).toBe(c.pods.find((p) => p.name === 'client')!.podIP);
    expect(a.hops.map((h) => h.kind)).toEqual(['source', 'service', 'node', 'pod']);
  });

  test('the same seed gives the same answers; another seed may differ', () => {
    const c = hostnameCluster();
    const one = routeRequest(c, { from: 'node/node-1', to: '10.101.178.212:8080', count: 20, seed: 3 });
    const two = routeRequest(c, { from: 'node/node-1', to: '10.101.178.212:8080', count: 20, seed: 3 });
    expect(two.results.map((r) => r.pod)).toEqual(one.results.map((r) => r.pod));
  });

  test('from a node: reachable, source is the node IP', () => {
    const c = hostnameCluster();
    const r = routeRequest(c, { from: 'node/node-2', to: 'http://10.101.178.212:8080/', count: 5 });
    expect(r.summary.ok).toBe(5);
    expect(r.results[0].sourceIP).toBe('192.168.49.4');
    expect(r.results[0].body).toMatch(/^Hello, hostname-deployment-7b57c676b9-/);
  });

  test('from outside the cluster: a ClusterIP is not routable (dropped)', () => {
    const r = routeRequest(hostnameCluster(), { from: 'external', to: '10.101.178.212:8080', count: 2 });
    expect(r.summary.dropped).toBe(2);
    expect(r.results[0].reason).toMatch(/only inside the cluster/);
    expect(r.candidates).toEqual([]);
  });

  test('a port the Service does not define is rejected (nftables "Reject traffic to invalid ports of ClusterIPs")', () => {
    const r = routeRequest(hostnameCluster(), { from: 'pod', to: '10.101.178.212:80' });
    expect(r.results[0].outcome).toBe('refused');
    expect(r.results[0].reason).toMatch(/has no port 80\/TCP; it exposes 8080\/TCP \(web-port\)/);
  });

  test('an unallocated address in the service CIDR is dropped (nftables "Drop traffic to unallocated ClusterIPs")', () => {
    const r = routeRequest(hostnameCluster(), { from: 'pod', to: '10.96.200.200:80' });
    expect(r.results[0].outcome).toBe('dropped');
    expect(r.results[0].reason).toMatch(/no Service has this ClusterIP/);
  });

  test('no endpoints at all: REJECT ("has no endpoints")', () => {
    const c = fixture().service({ name: 'empty', clusterIP: '10.96.5.5', ports: [{ port: 80 }], selector: { app: 'nothing' } }).build();
    const r = routeRequest(c, { from: 'pod', to: '10.96.5.5:80', count: 3 });
    expect(r.summary.refused).toBe(3);
    expect(r.results[0].reason).toMatch(/selector app=nothing matches no running pod/);
  });

  test('sessionAffinity: ClientIP keeps a client on one endpoint (recent --rcheck --seconds)', () => {
    const c = hostnameCluster((f) => {
      f.services.find((s) => s.name === 'hostname-svc-clusterip')!.spec.sessionAffinity = 'ClientIP';
    });
    const r = routeRequest(c, { from: 'pod', to: '10.101.178.212:8080', count: 50, seed: 11 });
    expect(Object.keys(r.summary.byPod)).toHaveLength(1);
    expect(r.candidates).toHaveLength(3);
    expect(r.results[0].hops.find((h) => h.kind === 'node')!.text).toMatch(/sessionAffinity: ClientIP/);
  });

  test('internalTrafficPolicy: Local uses only endpoints on the source node; none there = DROP ("has no local endpoints")', () => {
    const c = hostnameCluster((f) => {
      f.services.find((s) => s.name === 'hostname-svc-clusterip')!.spec.internalTrafficPolicy = 'Local';
      f.pod({ name: 'client-1', node: 'node-1', labels: { app: 'c' } });
      f.pod({ name: 'client-cp', node: 'control-plane', labels: { app: 'c' } });
    });
    const near = routeRequest(c, { from: 'pod/client-1', to: '10.101.178.212:8080', count: 10 });
    expect(near.summary.byPod).toEqual({ [POD_A]: 10 });
    expect(near.candidates.map((x) => x.pod)).toEqual([POD_A]);
    const far = routeRequest(c, { from: 'pod/client-cp', to: '10.101.178.212:8080', count: 2 });
    expect(far.summary.dropped).toBe(2);
    expect(far.results[0].reason).toMatch(/internalTrafficPolicy: Local/);
  });

  test('terminating-but-serving endpoints are used only when none is ready (topology.go CategorizeEndpoints, KEP-1669)', () => {
    const build = (readyToo: boolean) => {
      const f = fixture();
      f.pod({ name: 'web-old', node: 'node-1', labels: { app: 'web' }, terminating: true });
      if (readyToo) f.pod({ name: 'web-new', node: 'node-2', labels: { app: 'web' } });
      f.service({ name: 'web', clusterIP: '10.96.7.7', ports: [{ port: 80 }] });
      const c = f.build();
      // A terminating pod that still passes readiness: serving=true, ready=false.
      for (const s of c.endpointSlices) for (const e of s.endpoints) if (e.conditions.terminating) e.conditions.serving = true;
      return c;
    };
    expect(routeRequest(build(true), { from: 'pod', to: '10.96.7.7:80', count: 20 }).summary.byPod).toEqual({ 'default/web-new': 20 });
    expect(routeRequest(build(false), { from: 'pod', to: '10.96.7.7:80', count: 5 }).summary.byPod).toEqual({ 'default/web-old': 5 });
  });

  test('not-ready pods are not endpoints, unless publishNotReadyAddresses makes them ready', () => {
    const build = (publish: boolean) =>
      fixture().pod({ name: 'slow', labels: { app: 'web' }, ready: false }).service({ name: 'web', clusterIP: '10.96.7.8', ports: [{ port: 80 }], publishNotReadyAddresses: publish }).build();
    expect(routeRequest(build(false), { from: 'pod', to: '10.96.7.8:80' }).results[0].outcome).toBe('refused');
    expect(routeRequest(build(true), { from: 'pod', to: '10.96.7.8:80' }).results[0].pod).toBe('default/slow');
  });

  test('a pod reaching itself through its Service is masqueraded (hairpin, KUBE-SEP -s <ep> -j KUBE-MARK-MASQ)', () => {
    const c = fixture().pod({ name: 'solo', node: 'node-2', labels: { app: 'solo' } }).service({ name: 'solo', clusterIP: '10.96.7.9', ports: [{ port: 80 }] }).build();
    const r = routeRequest(c, { from: 'pod/solo', to: '10.96.7.9:80' });
    expect(r.results[0].sourceIP).toBe('192.168.49.4');
  });
});

describe('application model', () => {
  test('targetPort that no container declares: kube-proxy still delivers, the pod refuses and the reason names the declared ports', () => {
    const c = hostnameCluster((f) => {
      f.services.find((s) => s.name === 'hostname-svc-clusterip')!.ports[0].targetPort = 8080;
      f.services.find((s) => s.name === 'hostname-svc-clusterip')!.spec.ports[0].targetPort = 8080;
    });
    // Re-derive slices with the new targetPort: the fixture computes them at build time, so rebuild.
    for (const s of c.endpointSlices) if (s.serviceName === 'hostname-svc-clusterip') s.ports = [{ name: 'web-port', port: 8080, protocol: 'TCP' }];
    const r = routeRequest(c, { from: 'pod', to: '10.101.178.212:8080', count: 3 });
    expect(r.summary.refused).toBe(3);
    const a = r.results[0];
    expect(a.pod).toMatch(/^default\/hostname-deployment-/);
    expect(a.podIP).toMatch(/^10\.244\./);
    expect(a.port).toBe(8080);
    expect(a.reason).toMatch(/its containers declare only 80\/TCP/);
    expect(a.reason).toMatch(/targetPort must be a port the container listens on/);
  });

  test('a pod that declares no ports is assumed to listen on any', () => {
    const c = fixture().pod({ name: 'any', labels: { app: 'any' } }).service({ name: 'any', clusterIP: '10.96.8.1', ports: [{ port: 80, targetPort: 9999 }] }).build();
    expect(routeRequest(c, { from: 'pod', to: '10.96.8.1:80' }).results[0].outcome).toBe('ok');
  });

  test('a direct pod IP goes straight to the pod; not from outside the cluster', () => {
    const c = hostnameCluster();
    const ip = c.pods.find((p) => p.name.endsWith('sqzx5'))!.podIP;
    const r = routeRequest(c, { from: 'node/node-1', to: `http://${ip}` });
    expect(r.results[0]).toMatchObject({ outcome: 'ok', pod: POD_B, service: null, body: 'Hello, hostname-deployment-7b57c676b9-sqzx5' });
    expect(r.candidates).toEqual([{ pod: POD_B, podIP: ip, port: 80, node: 'node-2' }]);
    expect(routeRequest(c, { from: 'pod', to: `${ip}:81` }).results[0].outcome).toBe('refused');
    expect(routeRequest(c, { from: 'external', to: `${ip}:80` }).results[0].outcome).toBe('dropped');
  });
});

describe('NodePort and LoadBalancer', () => {
  const npCluster = (policy: 'Cluster' | 'Local') =>
    fixture()
      .pod({ name: 'counter-a', node: 'node-1', labels: { app: 'counter' }, ports: [3000] })
      .pod({ name: 'counter-b', node: 'node-2', labels: { app: 'counter' }, ports: [3000] })
      .service({ name: 'counter-np', type: 'NodePort', clusterIP: '10.96.9.9', ports: [{ port: 3000, nodePort: 31000 }], selector: { app: 'counter' }, externalTrafficPolicy: policy })
      .build();

  test('a NodePort is open on every node IP, the control plane included (KUBE-NODEPORTS for --dst-type LOCAL)', () => {
    const c = npCluster('Cluster');
    for (const n of c.nodes) {
      const r = routeRequest(c, { from: 'external', to: `${n.internalIP}:31000`, count: 4 });
      expect(r.summary.ok).toBe(4);
      // externalTrafficPolicy: Cluster masquerades: the pod sees the receiving node's IP.
      expect(r.results.every((a) => a.sourceIP === n.internalIP)).toBe(true);
      expect(r.candidates.map((x) => x.pod)).toEqual(['default/counter-a', 'default/counter-b']);
    }
  });

  test('a NodePort Service also has a ClusterIP', () => {
    expect(routeRequest(npCluster('Cluster'), { from: 'pod', to: '10.96.9.9:3000' }).results[0].outcome).toBe('ok');
  });

  test('externalTrafficPolicy: Local: only local endpoints, client IP preserved, no local endpoint = DROP', () => {
    const c = npCluster('Local');
    const r1 = routeRequest(c, { from: 'external', to: '192.168.49.3:31000', count: 5 });
    expect(r1.summary.byPod).toEqual({ 'default/counter-a': 5 });
    expect(r1.results[0].sourceIP).toBe('203.0.113.10');
    const r3 = routeRequest(c, { from: 'external', to: '192.168.49.5:31000', count: 2 });
    expect(r3.summary.dropped).toBe(2);
    expect(r3.candidates).toEqual([]);
    // From a pod, the EXT chain short-circuits to the Cluster policy: any endpoint, pod IP kept.
    const fromPod = routeRequest(c, { from: 'pod', to: '192.168.49.5:31000', count: 30 });
    expect(fromPod.summary.ok).toBe(30);
  });

  test('a node port nobody owns: nothing listens (refused)', () => {
    const r = routeRequest(npCluster('Cluster'), { from: 'external', to: '192.168.49.3:31001' });
    expect(r.results[0].outcome).toBe('refused');
  });

  test('ClientIP affinity applies to NodePort traffic too', () => {
    const c = npCluster('Cluster');
    c.services.find((s) => s.name === 'counter-np')!.spec.sessionAffinity = 'ClientIP';
    const r = routeRequest(c, { from: 'external', to: '192.168.49.3:31000', count: 30, seed: 5 });
    expect(Object.keys(r.summary.byPod)).toHaveLength(1);
  });

  test('LoadBalancer ingress address: pending = nothing answers; assigned = load balanced, control plane excluded', () => {
    const f = fixture()
      .pod({ name: 'web-a', node: 'node-1', labels: { app: 'web' } })
      .service({ name: 'web', type: 'LoadBalancer', clusterIP: '10.96.9.10', ports: [{ port: 80, nodePort: 30080 }], loadBalancerIngress: ['172.18.255.1'] });
    const c = f.build();
    const r = routeRequest(c, { from: 'external', to: 'http://172.18.255.1', count: 20 });
    expect(r.summary.ok).toBe(20);
    expect(new Set(r.results.map((a) => a.sourceIP)).has('192.168.49.2')).toBe(false);
    expect(routeRequest(c, { from: 'external', to: '192.168.49.4:30080' }).results[0].outcome).toBe('ok');
  });

  test('LoadBalancer with externalTrafficPolicy: Local only sends to nodes with a local endpoint (health check)', () => {
    const c = fixture()
      .pod({ name: 'web-a', node: 'node-3', labels: { app: 'web' } })
      .service({ name: 'web', type: 'LoadBalancer', clusterIP: '10.96.9.11', ports: [{ port: 80, nodePort: 30081 }], loadBalancerIngress: ['172.18.255.2'], externalTrafficPolicy: 'Local' })
      .build();
    const r = routeRequest(c, { from: 'external', to: '172.18.255.2:80', count: 10 });
    expect(r.summary.ok).toBe(10);
    expect(r.results.every((a) => a.sourceIP === '203.0.113.10')).toBe(true);
  });

  test('externalIPs are served like an external address', () => {
    const c = fixture()
      .pod({ name: 'web-a', node: 'node-1', labels: { app: 'web' } })
      .service({ name: 'web', clusterIP: '10.96.9.12', ports: [{ port: 80 }], externalIPs: ['198.51.100.7'] })
      .build();
    expect(routeRequest(c, { from: 'external', to: '198.51.100.7:80', count: 3 }).summary.ok).toBe(3);
  });
});

describe('special cases', () => {
  test('hostNetwork pods have the node IP', () => {
    const c = fixture().pod({ name: 'agent', node: 'node-3', hostNetwork: true, labels: { app: 'agent' }, ports: [9100] }).service({ name: 'agent', clusterIP: '10.96.9.20', ports: [{ port: 9100 }] }).build();
    const r = routeRequest(c, { from: 'pod', to: '10.96.9.20:9100' });
    expect(r.results[0]).toMatchObject({ outcome: 'ok', pod: 'default/agent', podIP: '192.168.49.5' });
    expect(routeRequest(c, { from: 'node/node-1', to: '192.168.49.5:9100' }).results[0].pod).toBe('default/agent');
  });

  test('the kubernetes Service reaches the API server on the control plane', () => {
    const r = routeRequest(fixture().build(), { from: 'pod', to: '10.96.0.1:443' });
    expect(r.results[0]).toMatchObject({ outcome: 'ok', podIP: '192.168.49.2', port: 6443, node: 'control-plane' });
  });

  test('malformed sources and targets throw TargetError with a hint', () => {
    const c = hostnameCluster();
    expect(() => routeRequest(c, { from: 'pod/nope', to: '1.2.3.4:80' })).toThrow(TargetError);
    expect(() => routeRequest(c, { from: 'node/node-9', to: '1.2.3.4:80' })).toThrow(/no node named "node-9"/);
    expect(() => routeRequest(c, { from: 'pods', to: '1.2.3.4:80' })).toThrow(TargetError);
    expect(() => routeRequest(c, { from: 'pod', to: '10.96.0.1' })).toThrow(/has no port/);
    expect(() => routeRequest(c, { from: 'pod', to: '10.96.0.1:99999' })).toThrow(/not a port number/);
    expect(() => routeRequest(c, { from: 'pod', to: 'ftp://x' })).toThrow(/unsupported scheme/);
    expect(() => routeRequest(c, { from: 'pod', to: '300.1.1.1:80' })).toThrow(/not a valid IP/);
    try {
      routeRequest(c, { from: 'node/node1', to: '1.2.3.4:80' });
    } catch (e) {
      expect((e as TargetError).hint).toBe('did you mean node/node-1?');
    }
  });

  test('pod/NAME also accepts a workload name (first pod of it)', () => {
    const r = routeRequest(hostnameCluster(), { from: 'pod/hostname-deployment', to: '10.101.178.212:8080' });
    expect(r.results[0].hops[0].text).toMatch(/^pod default\/hostname-deployment-7b57c676b9-8qbch/);
  });

  test('the ad-hoc debug pod: a schedulable worker, a free address at the top of its pod CIDR, the same every time', () => {
    const c = hostnameCluster();
    const a = routeRequest(c, { from: 'pod', to: '10.101.178.212:8080', namespace: 'team' });
    const b = routeRequest(c, { from: 'pod', to: '10.101.178.212:8080', namespace: 'team' });
    const text = a.results[0].hops[0].text;
    expect(text).toBe(b.results[0].hops[0].text);
    const m = /^debug pod team\/debug \((10\.244\.(\d+)\.254) on (node-\d)\)/.exec(text)!;
    expect(m).not.toBeNull();
    expect(c.nodes.find((n) => n.name === m[3])!.podCIDR).toBe(`10.244.${m[2]}.0/24`);
    expect(a.results[0].sourceIP).toBe(m[1]);
  });
});
