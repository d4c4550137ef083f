import * as fs from 'node:fs';
import * as path from 'node:path';
import { ClusterConfigError, clusterOverridesFromObject, defaultClusterConfig, simulate, simulateModel } from '../../src/sim/index';
import { buildModel } from '../../src/model/build';
import { deploy, SEED_HOSTNAME } from './fixtures';

describe('the embedded default cluster', () => {
  test('a tainted control plane and three workers in three zones, pod CIDR split /24 per node in node order', () => {
    const c = simulate('');
    expect(c.nodes.map((n) => [n.name, n.internalIP, n.podCIDR, n.zone])).toEqual([
      ['control-plane', '192.168.49.2', '10.244.0.0/24', 'zone-a'],
      ['node-1', '192.168.49.3', '10.244.1.0/24', 'zone-a'],
      ['node-2', '192.168.49.4', '10.244.2.0/24', 'zone-b'],
      ['node-3', '192.168.49.5', '10.244.3.0/24', 'zone-c'],
    ]);
    expect(c.nodes[0].taints).toEqual([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);
    expect(c.nodes[0].labels['node-role.kubernetes.io/control-plane']).toBe('');
    expect(c.nodes[2].labels).toMatchObject({ 'kubernetes.io/hostname': 'node-2', 'kubernetes.io/os': 'linux', 'topology.kubernetes.io/zone': 'zone-b' });
    const cfg = defaultClusterConfig();
    expect([cfg.serviceCIDR, cfg.clusterDomain, cfg.nodePortRange, cfg.loadBalancer, cfg.apiServer]).toEqual(['10.96.0.0/12', 'cluster.local', { min: 30000, max: 32767 }, { provider: 'none' }, { ip: '192.168.49.2', port: 6443 }]);
  });

  test('built-in Services: default/kubernetes (10.96.0.1, https 443 -> 6443, no selector) and kube-system/kube-dns (10.96.0.10, 53/UDP, 53/TCP, 9153/TCP)', () => {
    const c = simulate('');
    const k = c.services.find((s) => s.name === 'kubernetes')!;
    expect([k.namespace, k.clusterIP, k.builtIn, k.spec.selector, k.ports.map((p) => [p.name, p.port, p.protocol, p.targetPort])]).toEqual(['default', '10.96.0.1', true, null, [['https', 443, 'TCP', 6443]]]);
    const dns = c.services.find((s) => s.name === 'kube-dns')!;
    expect([dns.namespace, dns.clusterIP, dns.spec.selector, dns.ports.map((p) => `${p.name} ${p.port}/${p.protocol}`)]).toEqual(['kube-system', '10.96.0.10', { 'k8s-app': 'kube-dns' }, ['dns 53/UDP', 'dns-tcp 53/TCP', 'metrics 9153/TCP']]);
    const coredns = c.pods.filter((p) => p.namespace === 'kube-system');
    expect(coredns.map((p) => p.name)).toEqual([expect.stringMatching(/^coredns-[4-9bcdf]+-\w{5}$/), expect.stringMatching(/^coredns-[4-9bcdf]+-\w{5}$/)]);
    expect(coredns.every((p) => p.ready && p.phase === 'Running')).toBe(true);
  });
});

describe('the Cluster object (svclab.io/v1alpha1)', () => {
  const clusterYaml = (spec: string) => `apiVersion: svclab.io/v1alpha1
kind: Cluster
metadata: { name: lab }
spec:
${spec.split('\n').map((l) => `  ${l}`).join('\n')}
---
`;

  test('overrides nodes, CIDRs, domain, node port range and the load balancer pool', () => {
    const c = simulate(clusterYaml(`nodes:
- { name: w1, internalIP: 172.18.0.2, zone: east, labels: { disk: ssd } }
- { name: w2, internalIP: 172.18.0.3, taints: [ { key: dedicated, value: db, effect: NoSchedule } ] }
podCIDR: 10.10.0.0/16
serviceCIDR: 10.20.0.0/16
clusterDomain: example.local
nodePortRange: 31000-31999
loadBalancer: { provider: pool, addresses: [ 172.18.255.200-172.18.255.250 ] }`) + deploy('web', { replicas: 2 }));
    expect(c.nodes.map((n) => [n.name, n.podCIDR, n.zone, n.labels.disk ?? '', n.labels['kubernetes.io/hostname']])).toEqual([['w1', '10.10.0.0/24', 'east', 'ssd', 'w1'], ['w2', '10.10.1.0/24', undefined, '', 'w2']]);
    expect(c.config.clusterDomain).toBe('example.local');
    expect(c.config.nodePortRange).toEqual({ min: 31000, max: 31999 });
    expect(c.config.loadBalancer).toEqual({ provider: 'pool', addresses: ['172.18.255.200-172.18.255.250'] });
    expect(c.services.find((s) => s.name === 'kubernetes')!.clusterIP).toBe('10.20.0.1');
    // w2's taint is not tolerated: both replicas land on w1.
    expect(c.pods.filter((p) => p.name.startsWith('web-')).map((p) => p.nodeName)).toEqual(['w1', 'w1']);
  });

  test('`nodes: N` means N default workers (node-1..node-N) besides the control plane', () => {
    const c = simulate(clusterYaml('nodes: 5'));
    expect(c.nodes.map((n) => n.name)).toEqual(['control-plane', 'node-1', 'node-2', 'node-3', 'node-4', 'node-5']);
    expect(c.nodes[5]).toMatchObject({ internalIP: '192.168.49.7', podCIDR: '10.244.5.0/24', zone: 'zone-b' });
  });

  test('SimulateOptions.cluster wins over a Cluster object, which wins over the default', () => {
    const model = buildModel([], 'default');
    expect(simulateModel(model, { cluster: { clusterDomain: 'x.local' } }).config.clusterDomain).toBe('x.local');
    const c = simulate(clusterYaml('clusterDomain: obj.local\nnodePortRange: 30000-30100'), { cluster: { clusterDomain: 'opt.local' } });
    expect(c.config.clusterDomain).toBe('opt.local');
    expect(c.config.nodePortRange).toEqual({ min: 30000, max: 30100 });
  });

  test('nodes given through SimulateOptions still get the kubelet labels, so CoreDNS (nodeSelector kubernetes.io/os) runs', () => {
    const c = simulate('', { cluster: { nodes: [{ name: 'solo', internalIP: '10.1.0.5', labels: {}, taints: [] }] } });
    expect(c.nodes[0].labels).toMatchObject({ 'kubernetes.io/hostname': 'solo', 'kubernetes.io/os': 'linux' });
    expect(c.pods.filter((p) => p.namespace === 'kube-system').map((p) => [p.phase, p.nodeName])).toEqual([['Running', 'solo'], ['Running', 'solo']]);
  });

  test('the kubernetes Service follows the control-plane node when the nodes change and apiServer is not given (kubeadm: the API server runs on the control plane)', () => {
    const cluster = (spec: string) => `apiVersion: svclab.io/v1alpha1\nkind: Cluster\nmetadata: { name: lab }\nspec:\n${spec}`;
    const nodes = '  nodes:\n  - { name: cp, internalIP: 10.0.0.10, labels: { node-role.kubernetes.io/control-plane: "" } }\n  - { name: w1, internalIP: 10.0.0.11 }\n';
    const epIP = (c: ReturnType<typeof simulate>) => c.endpoints.find((e) => e.name === 'kubernetes')!.subsets[0].addresses[0].ip;
    expect(epIP(simulate(cluster(nodes)))).toBe('10.0.0.10');
    expect(epIP(simulate(cluster(nodes + '  apiServer: { ip: 10.0.0.99 }\n')))).toBe('10.0.0.99');
    expect(epIP(simulate(cluster('  nodes:\n  - { name: solo, internalIP: 10.1.0.5 }\n')))).toBe('10.1.0.5');
    expect(epIP(simulate(''))).toBe('192.168.49.2');
  });

  test('the Cluster JSON schema and the reader agree: every spec field the schema allows is read (schemas/cluster-svclab-v1alpha1.json)', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../schemas/cluster-svclab-v1alpha1.json'), 'utf8'));
    const full = {
      nodes: [{ name: 'n1', internalIP: '192.168.49.3', labels: { disk: 'ssd' }, taints: [{ key: 'k', value: 'v', effect: 'NoExecute' }], zone: 'z', podCIDR: '10.244.7.0/24' }],
      podCIDR: '10.244.0.0/16', serviceCIDR: '10.96.0.0/12', clusterDomain: 'c.local', nodePortRange: '30000-30100',
      loadBalancer: { provider: 'pool', addresses: ['192.168.49.240'] }, apiServer: { ip: '192.168.49.3', port: 6443 },
      upstreamDNS: { 'example.net': ['1.2.3.4'] }, readiness: { 'Deployment/x': false }, maxPodsPerNode: 10, maxPods: 1000, kubernetesVersion: 'v1.30.0', networkPolicies: 'ignore',
      ingressController: 'none', gatewayControllers: ['example.net/gateway-controller'],
    };
    expect(Object.keys(full).sort()).toEqual(Object.keys(schema.definitions.ClusterSpec.properties).sort());
    const read = clusterOverridesFromObject({ apiVersion: 'svclab.io/v1alpha1', kind: 'Cluster', metadata: { name: 'lab' }, spec: full });
    expect(Object.keys(read).sort()).toEqual([...Object.keys(full), 'name'].sort());
    expect(Object.keys(full.nodes[0]).sort()).toEqual(Object.keys(schema.definitions.Node.properties).sort());
    expect(read.nodes![0]).toMatchObject({ name: 'n1', internalIP: '192.168.49.3', zone: 'z', podCIDR: '10.244.7.0/24', taints: [{ key: 'k', value: 'v', effect: 'NoExecute' }] });
    expect(read.nodes![0].labels).toMatchObject({ disk: 'ssd', 'topology.kubernetes.io/zone': 'z' });
    expect(read.loadBalancer).toEqual({ provider: 'pool', addresses: ['192.168.49.240'] });
  });

  test('an unusable Cluster object is a ClusterConfigError with a readable message', () => {
    expect(() => simulate(clusterYaml('podCIDR: banana'))).toThrow(ClusterConfigError);
    expect(() => simulate(clusterYaml('podCIDR: banana'))).toThrow('podCIDR "banana" is not an IPv4 CIDR');
    expect(() => simulate(clusterYaml('nodePortRange: 40000-30000'))).toThrow('not a valid port range');
    expect(() => simulate(clusterYaml('nodes: [ { name: a, internalIP: 1.2.3.4 }, { name: a, internalIP: 1.2.3.5 } ]'))).toThrow('node "a" is defined twice');
  });
});

describe('determinism and the library API', () => {
  test('same input and seed give identical clusters; another seed changes generated names', () => {
    const strip = (c: ReturnType<typeof simulate>) => JSON.stringify({ pods: c.pods.map((p) => [p.name, p.podIP, p.nodeName, p.uid]), services: c.services.map((s) => [s.name, s.clusterIP, s.ports]), slices: c.endpointSlices });
    expect(strip(simulate(SEED_HOSTNAME, { seed: 42 }))).toBe(strip(simulate(SEED_HOSTNAME, { seed: 42 })));
    expect(strip(simulate(SEED_HOSTNAME, { seed: 42 }))).not.toBe(strip(simulate(SEED_HOSTNAME, { seed: 43 })));
  });

  test('simulate() accepts YAML text, source files and plain objects alike', () => {
    const fromText = simulate(SEED_HOSTNAME);
    const fromFiles = simulate([{ path: 'seed.yaml', absPath: null, text: SEED_HOSTNAME }]);
    const fromObjects = simulate([
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'hostname-svc-clusterip' }, spec: { ports: [{ name: 'web-port', port: 8080, targetPort: 80 }], selector: { app: 'webserver' }, type: 'ClusterIP' } },
    ]);
    expect(fromFiles.services.map((s) => s.clusterIP)).toEqual(fromText.services.map((s) => s.clusterIP));
    const svc = fromObjects.services.find((s) => s.name === 'hostname-svc-clusterip')!;
    expect(svc.clusterIP).toBe(fromText.services.find((s) => s.name === 'hostname-svc-clusterip')!.clusterIP);
    // Plain objects still carry source positions: each is one line of JSON (JSON is YAML) in `<objects>`.
    const at = svc.object!.manifest.source.locate(['spec', 'ports']);
    expect([svc.object!.manifest.file, at.line]).toEqual(['<objects>', 1]);
    expect(at.column).toBeGreaterThan(40);
    // A value JSON cannot write (BigInt) still goes through, as YAML.
    expect(simulate([{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'big' }, spec: { ports: [{ port: 80 }], sessionAffinityConfig: { clientIP: { timeoutSeconds: BigInt(60) } } } }]).services.some((s) => s.name === 'big')).toBe(true);
    expect(() => simulate('a: [unclosed')).toThrow(/YAML|cannot/);
  });

  test('route() and resolve() are bound to the cluster they came from', () => {
    const c = simulate(SEED_HOSTNAME);
    const svc = c.services.find((s) => s.name === 'hostname-svc-clusterip')!;
    const dns = c.resolve({ name: 'hostname-svc-clusterip', type: 'A', from: 'pod' });
    expect(dns.answers.map((a) => a.data)).toEqual([svc.clusterIP]);
    const route = c.route({ from: 'node/node-1', to: `${svc.clusterIP}:8080` });
    expect(route.candidates.map((x) => x.podIP).sort()).toEqual(c.pods.filter((p) => p.name.startsWith('hostname-deployment-')).map((p) => p.podIP).sort());
  });
});
