/**
 * Routing rules found missing or wrong in an audit against issue 3, each checked on a cluster
 * built by simulate() from manifests, with the Kubernetes rule it follows.
 */
import { simulate } from '../../src/sim/index';
import { TargetError } from '../../src/sim/proxy/request';

const web = (replicas: number, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
      - name: web
        image: example/echo
        ports:
        - containerPort: 80
${extra}`;

const pool = `apiVersion: svclab.io/v1alpha1
kind: Cluster
metadata: { name: lab }
spec:
  loadBalancer:
    provider: pool
    addresses: [ 172.18.255.200-172.18.255.210 ]
---
`;

describe('audit: routing', () => {
  test('sessionAffinity: ClientIP holds for LoadBalancer traffic too: the load balancer keeps a client on one node (GCE translateAffinityType -> CLIENT_IP), kube-proxy keeps it on one endpoint', () => {
    const c = simulate(`${pool}${web(4)}---
apiVersion: v1
kind: Service
metadata: { name: lb }
spec:
  type: LoadBalancer
  sessionAffinity: ClientIP
  selector: { app: web }
  ports: [ { port: 80 } ]
`);
    const lb = c.services.find((s) => s.name === 'lb')!;
    const ip = lb.loadBalancerIngress![0];
    const r = c.route({ from: 'external', to: `${ip}:80`, count: 40 });
    expect(r.summary.ok).toBe(40);
    expect(Object.keys(r.summary.byPod)).toHaveLength(1);
    expect(new Set(r.results.map((a) => a.sourceIP)).size).toBe(1);
    // Without affinity the same load balancer spreads the connections.
    const spread = simulate(`${pool}${web(4)}---
apiVersion: v1
kind: Service
metadata: { name: lb }
spec:
  type: LoadBalancer
  selector: { app: web }
  ports: [ { port: 80 } ]
`).route({ from: 'external', to: `${ip}:80`, count: 40 });
    expect(Object.keys(spread.summary.byPod).length).toBeGreaterThan(1);
    // candidates stay the full set, whatever the sampling.
    expect(r.candidates).toHaveLength(4);
  });

  test('headless Service: the client connects straight to the pod with the port it asked for; a refusal does not blame kube-proxy or the targetPort (headless Services get no kube-proxy rules)', () => {
    const c = simulate(`${web(2)}---
apiVersion: v1
kind: Service
metadata: { name: web-hl }
spec:
  clusterIP: None
  selector: { app: web }
  ports: [ { port: 8080, targetPort: 80 } ]
`);
    const r = c.route({ from: 'pod', to: 'web-hl:8080' });
    const a = r.results[0];
    expect(a).toMatchObject({ outcome: 'refused', service: 'default/web-hl', port: 8080 });
    expect(a.reason).toMatch(/headless Service default\/web-hl has no virtual IP/);
    expect(a.reason).not.toMatch(/kube-proxy/);
    expect(a.reason).toMatch(/its containers declare only 80\/TCP/);
    expect(c.route({ from: 'pod', to: 'web-hl:80' }).results[0].outcome).toBe('ok');
  });

  test('ExternalName: the result names the Service and the host outside sees the node IP (pod traffic leaving the cluster is masqueraded)', () => {
    const c = simulate(`apiVersion: v1
kind: Service
metadata: { name: ext }
spec:
  type: ExternalName
  externalName: example.com
`, { cluster: { upstreamDNS: { 'example.com': ['93.184.215.14'] } } });
    const r = c.route({ from: 'pod', to: 'ext:80' });
    const node = c.nodes.find((n) => r.results[0].hops[0].text.includes(`on ${n.name}`))!;
    expect(r.results[0]).toMatchObject({ outcome: 'ok', service: 'default/ext', podIP: '93.184.215.14', sourceIP: node.internalIP });
    expect(r.results[0].hops.some((h) => h.kind === 'external')).toBe(true);
  });

  test('ExternalName holding an IP address: no DNS record (CoreDNS findServices keeps only CNAME-type hosts), and the reason says so', () => {
    const c = simulate(`apiVersion: v1
kind: Service
metadata: { name: extip }
spec:
  type: ExternalName
  externalName: 1.2.3.4
`);
    const d = c.resolve({ name: 'extip', from: 'pod' });
    expect(d.rcode).toBe('NXDOMAIN');
    const r = c.route({ from: 'pod', to: 'extip:80' });
    expect(r.results[0].outcome).toBe('dns-error');
    expect(r.results[0].reason).toMatch(/ExternalName holding the IP address 1\.2\.3\.4/);
  });

  test('a hostNetwork pod with dnsPolicy ClusterFirst cannot resolve Service names (GetPodDNS falls back to Default); the reason points to ClusterFirstWithHostNet', () => {
    const c = simulate(`${web(1)}---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [ { port: 80 } ]
---
apiVersion: v1
kind: Pod
metadata: { name: agent }
spec:
  hostNetwork: true
  containers: [ { name: a, image: busybox } ]
`);
    const r = c.route({ from: 'pod/agent', to: 'web:80' });
    expect(r.results[0].outcome).toBe('dns-error');
    expect(r.results[0].reason).toMatch(/ClusterFirstWithHostNet/);
  });

  test('--from node/ without a name is a usage error that lists the nodes', () => {
    const c = simulate(web(1));
    expect(() => c.route({ from: 'node/', to: '10.96.0.1:443' })).toThrow(TargetError);
    expect(() => c.route({ from: 'node', to: '10.96.0.1:443' })).toThrow(/names no node/);
  });
});

describe('audit: memoised DNS steps and pod answers stay per source, name, port and scheme', () => {
  test('the same name from two namespaces resolves in each one (search list <ns>.svc.<domain>), repeatedly; http and plain answers of one pod differ', () => {
    const ns = (n: string) => `apiVersion: v1
kind: Pod
metadata: { name: web, namespace: ${n}, labels: { app: web } }
spec:
  containers: [ { name: web, image: example/echo } ]
---
apiVersion: v1
kind: Service
metadata: { name: web, namespace: ${n} }
spec:
  selector: { app: web }
  ports: [ { port: 80 } ]
`;
    const c = simulate(`${ns('a')}---\n${ns('b')}`);
    for (let round = 0; round < 2; round++) {
      for (const n of ['a', 'b']) {
        const r = c.route({ from: 'pod', namespace: n, to: 'http://web' });
        expect(r.resolved?.name).toBe(`web.${n}.svc.cluster.local`);
        expect(r.results[0]).toMatchObject({ outcome: 'ok', pod: `${n}/web`, body: 'Hello, web' });
        const plain = c.route({ from: `pod/${n}/web`, to: 'web:80' });
        expect(plain.results[0]).toMatchObject({ outcome: 'ok', pod: `${n}/web`, body: null });
      }
    }
    const missing = c.route({ from: 'pod', namespace: 'a', to: 'nothing:80', count: 2 });
    expect(missing.summary['dns-error']).toBe(2);
    expect(missing.results[0].hops).toEqual(missing.results[1].hops);
  });
});

describe('app model and proxy selection (audit of the simulator helpers)', () => {
  test('a sidecar (init container with restartPolicy: Always) listens on its declared ports (KEP-753 sidecars; podutil.FindPort)', () => {
    const c = simulate(`apiVersion: v1
kind: Pod
metadata: { name: meshed, labels: { app: meshed } }
spec:
  initContainers:
  - { name: proxy, image: example/proxy, restartPolicy: Always, ports: [ { name: mesh, containerPort: 15001 } ] }
  containers:
  - { name: app, image: example/app, ports: [ { containerPort: 80 } ] }
---
apiVersion: v1
kind: Service
metadata: { name: meshed }
spec:
  selector: { app: meshed }
  ports: [ { port: 15001, targetPort: mesh } ]
`);
    const r = c.route({ from: 'pod', to: 'meshed:15001' });
    expect(r.results[0]).toMatchObject({ outcome: 'ok', pod: 'default/meshed', port: 15001 });
  });

  test('the HTTP answer names the hostname the kubelet sets: a pod name cut to 63 characters', () => {
    const long = `p${'x'.repeat(70)}`;
    const c = simulate(`apiVersion: v1\nkind: Pod\nmetadata: { name: ${long} }\nspec:\n  containers: [ { name: a, image: example/echo } ]\n`);
    const pod = c.pods.find((p) => p.name === long)!;
    const r = c.route({ from: 'pod', to: `http://${pod.podIP}:80` });
    expect(r.results[0].body).toBe(`Hello, ${long.slice(0, 63)}`);
  });

  test('kube-proxy ignores Services labelled service.kubernetes.io/service-proxy-name (its informer selects noProxyName)', () => {
    const c = simulate(`${web(1)}---
apiVersion: v1
kind: Service
metadata: { name: web, labels: { service.kubernetes.io/service-proxy-name: other-proxy } }
spec:
  selector: { app: web }
  ports: [ { port: 80 } ]
`);
    const r = c.route({ from: 'pod', to: 'web:80' });
    expect(r.results[0].outcome).toBe('dropped');
    expect(r.results[0].reason).toContain('service.kubernetes.io/service-proxy-name=other-proxy');
  });
});
