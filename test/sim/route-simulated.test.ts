/**
 * Routing and DNS on clusters built by the simulator from manifests (simulate()), so the
 * EndpointSlices, readiness and allocation come from the real builder, not a fixture.
 */
import { simulate } from '../../src/sim/index';

const statefulSet = `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  clusterIP: None
  selector: { app: db }
  ports:
  - name: pg
    port: 5432
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 3
  selector:
    matchLabels: { app: db }
  template:
    metadata:
      labels: { app: db }
    spec:
      containers:
      - name: pg
        image: postgres
        ports:
        - name: pg
          containerPort: 5432
`;

describe('through simulate()', () => {
  test('StatefulSet pods get <hostname>.<subdomain> records and SRV targets (spec 2.4.1)', () => {
    const c = simulate(statefulSet);
    const db1 = c.pods.find((p) => p.name === 'db-1')!;
    const a = c.resolve({ name: 'db-1.db', from: 'pod' });
    expect(a.rcode).toBe('NOERROR');
    expect(a.answers).toEqual([{ name: 'db-1.db.default.svc.cluster.local.', type: 'A', ttl: 30, data: db1.podIP }]);
    const srv = c.resolve({ name: '_pg._tcp.db', type: 'SRV', from: 'pod' });
    expect(srv.answers.map((x) => x.data).sort()).toEqual(['0 33 5432 db-0.db.default.svc.cluster.local.', '0 33 5432 db-1.db.default.svc.cluster.local.', '0 33 5432 db-2.db.default.svc.cluster.local.']);
    const r = c.route({ from: 'pod', to: 'db-2.db:5432' });
    expect(r.results[0]).toMatchObject({ outcome: 'ok', pod: 'default/db-2', service: null });
  });

  test('svclab.io/ready: "false" pods are not endpoints: the ClusterIP rejects', () => {
    const c = simulate(`apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata:
      labels: { app: web }
      annotations: { svclab.io/ready: "false" }
    spec:
      containers: [ { name: web, image: nginx, ports: [ { containerPort: 80 } ] } ]
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [ { port: 80 } ]
`);
    const r = c.route({ from: 'pod', to: 'web:80' });
    expect(r.results[0].outcome).toBe('refused');
    expect(r.results[0].reason).toMatch(/not ready/);
    // The ClusterIP Service still resolves.
    expect(c.resolve({ name: 'web', from: 'pod' }).rcode).toBe('NOERROR');
  });

  test('externalTrafficPolicy: Local on a NodePort: only the nodes running a pod answer from outside', () => {
    const c = simulate(`apiVersion: v1
kind: Pod
metadata: { name: solo, labels: { app: solo } }
spec:
  nodeName: node-2
  containers: [ { name: app, image: nginx } ]
---
apiVersion: v1
kind: Service
metadata: { name: solo }
spec:
  type: NodePort
  externalTrafficPolicy: Local
  selector: { app: solo }
  ports: [ { port: 80, nodePort: 30500 } ]
`);
    const outcomes = Object.fromEntries(c.nodes.map((n) => [n.name, c.route({ from: 'external', to: `${n.internalIP}:30500` }).results[0].outcome]));
    expect(outcomes).toEqual({ 'control-plane': 'dropped', 'node-1': 'dropped', 'node-2': 'ok', 'node-3': 'dropped' });
    expect(c.route({ from: 'external', to: `${c.nodes[2].internalIP}:30500` }).results[0].sourceIP).toBe('203.0.113.10');
  });

  test('a LoadBalancer without a provider stays <pending>: only its node ports answer', () => {
    const c = simulate(`apiVersion: v1
kind: Pod
metadata: { name: web, labels: { app: web } }
spec:
  containers: [ { name: app, image: nginx } ]
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  type: LoadBalancer
  selector: { app: web }
  ports: [ { port: 80, nodePort: 30600 } ]
`);
    const svc = c.services.find((s) => s.name === 'web')!;
    expect(svc.loadBalancerIngress).toBeNull();
    expect(c.route({ from: 'external', to: '192.168.49.3:30600' }).results[0].outcome).toBe('ok');
  });

  test('ExternalName from the default cluster upstream table', () => {
    const c = simulate(`apiVersion: v1
kind: Service
metadata: { name: docs }
spec: { type: ExternalName, externalName: example.org }
`);
    expect(c.resolve({ name: 'docs', from: 'pod' }).answers.map((a) => `${a.type} ${a.data}`)).toEqual(['CNAME example.org.', 'A 93.184.215.14']);
    expect(c.route({ from: 'pod', to: 'http://docs' }).results[0]).toMatchObject({ outcome: 'ok', podIP: '93.184.215.14', pod: null });
  });

  test('the built-in kube-dns Service reaches the CoreDNS pods on 53/UDP', () => {
    const c = simulate('');
    const r = c.route({ from: 'pod', to: '10.96.0.10:53', protocol: 'UDP', count: 10 });
    expect(r.summary.ok).toBe(10);
    expect(Object.keys(r.summary.byPod).every((p) => p.startsWith('kube-system/coredns-'))).toBe(true);
  });

  test('a terminating pod (svclab.io/terminating) serves only while no other pod is ready (KEP-1669)', () => {
    const yaml = (otherReady: boolean) => `apiVersion: v1
kind: Pod
metadata: { name: old, labels: { app: web }, annotations: { svclab.io/terminating: "true" } }
spec:
  containers: [ { name: web, image: nginx } ]
---
apiVersion: v1
kind: Pod
metadata: { name: new, labels: { app: web }, annotations: { svclab.io/ready: "${otherReady}" } }
spec:
  containers: [ { name: web, image: nginx } ]
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [ { port: 80 } ]
`;
    expect(simulate(yaml(true)).route({ from: 'pod', to: 'web:80', count: 10 }).summary.byPod).toEqual({ 'default/new': 10 });
    const fallback = simulate(yaml(false)).route({ from: 'pod', to: 'web:80', count: 5 });
    expect(fallback.summary.byPod).toEqual({ 'default/old': 5 });
  });

  test('allocateLoadBalancerNodePorts: false: the pool address answers, node ports do not exist', () => {
    const c = simulate(
      `apiVersion: v1
kind: Pod
metadata: { name: web, labels: { app: web } }
spec:
  containers: [ { name: web, image: nginx } ]
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  type: LoadBalancer
  allocateLoadBalancerNodePorts: false
  selector: { app: web }
  ports: [ { port: 80 } ]
`,
      { cluster: { loadBalancer: { provider: 'pool', addresses: ['172.18.255.10'] } } },
    );
    const svc = c.services.find((s) => s.name === 'web')!;
    expect(svc.ports[0].nodePort).toBeUndefined();
    expect(svc.loadBalancerIngress).toEqual(['172.18.255.10']);
    expect(c.route({ from: 'external', to: '172.18.255.10:80', count: 5 }).summary.ok).toBe(5);
  });

  test('from outside, a ClusterIP is dropped and the last hop says why', () => {
    const c = simulate('');
    const r = c.route({ from: 'external', to: '10.96.0.1:443' });
    expect(r.results[0].outcome).toBe('dropped');
    expect(r.results[0].hops.map((h) => h.kind)).toEqual(['source', 'external']);
  });
});
