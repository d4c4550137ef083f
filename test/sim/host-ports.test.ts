/**
 * Host ports and host networking: the scheduler's NodePorts filter
 * (pkg/scheduler/framework/plugins/nodeports node_ports.go Filter, framework.HostPortInfo
 * CheckConflict), the API server's hostNetwork defaulting (defaultHostNetworkPorts), and a
 * Service endpoint at a node's IP reaching the hostNetwork pod that listens there, as a direct
 * connection to that address does (pkg/proxy: kube-proxy DNATs to the endpoint whatever it is).
 */
import { simulate } from '../../src/sim/index';
import { service } from './fixtures';

type Cluster = ReturnType<typeof simulate>;
const pods = (c: Cluster, prefix: string) => c.pods.filter((p) => p.namespace === 'default' && p.name.startsWith(prefix));
const daemon = (name: string, ports: string, hostNetwork = false) => `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: ${name} }
spec:
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      hostNetwork: ${hostNetwork}
      containers: [ { name: ${name}, image: example/${name}, ports: ${ports} } ]
---
`;
const deployment = (name: string, replicas: number, ports: string) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name} }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      containers: [ { name: ${name}, image: example/${name}, ports: ${ports} } ]
---
`;

describe('the scheduler\'s NodePorts filter', () => {
  test('a pod whose hostPort is taken on every node stays Pending with the scheduler\'s message; the earlier ones run, one per node', () => {
    const c = simulate(deployment('ingress', 4, '[ { containerPort: 80, hostPort: 80 } ]'));
    const [running, pending] = [pods(c, 'ingress').filter((p) => p.phase === 'Running'), pods(c, 'ingress').filter((p) => p.phase === 'Pending')];
    expect(running.map((p) => p.nodeName).sort()).toEqual(['node-1', 'node-2', 'node-3']);
    expect(pending).toHaveLength(1);
    expect(pending[0].pendingReason).toBe("0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) didn't have free ports for the requested pod ports.");
  });

  test('hostNetwork defaults hostPort to containerPort (defaultHostNetworkPorts), so two hostNetwork pods on port 9100 cannot share a node', () => {
    const c = simulate(daemon('exporter', '[ { containerPort: 9100 } ]', true) + deployment('other', 1, '[ { containerPort: 9100, hostPort: 9100 } ]'));
    expect(c.pods.find((p) => p.name.startsWith('exporter'))!.spec.containers[0].ports[0].hostPort).toBe(9100);
    const other = pods(c, 'other')[0];
    expect(other.phase).toBe('Pending');
    expect(other.pendingReason).toContain("3 node(s) didn't have free ports for the requested pod ports");
  });

  test('a DaemonSet pod is pinned to its node: a taken port there leaves it Pending, the other nodes "didn\'t match" its affinity', () => {
    const c = simulate(deployment('first', 1, '[ { containerPort: 8080, hostPort: 8080 } ]') + daemon('agent', '[ { containerPort: 8080, hostPort: 8080 } ]'));
    const first = pods(c, 'first')[0];
    const agents = pods(c, 'agent');
    expect(agents).toHaveLength(3);
    const blocked = agents.filter((p) => p.phase === 'Pending');
    expect(blocked).toHaveLength(1);
    expect(blocked[0].pendingReason).toBe("0/4 nodes are available: 1 node(s) didn't have free ports for the requested pod ports, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector.");
    expect(agents.filter((p) => p.phase === 'Running').map((p) => p.nodeName)).not.toContain(first.nodeName);
  });

  test('hostIP, protocol and port all count (HostPortInfo.CheckConflict): another IP, UDP or another port fit beside; 0.0.0.0 clashes with any IP', () => {
    const c = simulate(
      deployment('a', 3, '[ { containerPort: 53, hostPort: 53, hostIP: 10.0.0.1 } ]') +
      deployment('b', 3, '[ { containerPort: 53, hostPort: 53, hostIP: 10.0.0.2 } ]') +
      deployment('u', 3, '[ { containerPort: 53, hostPort: 53, protocol: UDP } ]') +
      deployment('any', 1, '[ { containerPort: 53, hostPort: 53 } ]'),
    );
    expect(pods(c, 'a-').concat(pods(c, 'b-'), pods(c, 'u-')).every((p) => p.phase === 'Running')).toBe(true);
    expect(pods(c, 'any')[0].phase).toBe('Pending');
  });

  test('a pod that names its node is checked by the kubelet: a taken host port there keeps it from running', () => {
    const pinnedPod = (name: string) => `apiVersion: v1
kind: Pod
metadata: { name: ${name} }
spec:
  nodeName: node-1
  containers: [ { name: p, image: example/p, ports: [ { containerPort: 80, hostPort: 80 } ] } ]
---
`;
    const c = simulate(pinnedPod('first') + pinnedPod('pinned'));
    expect(pods(c, 'first')[0].nodeName).toBe('node-1');
    const pinned = pods(c, 'pinned')[0];
    expect(pinned.phase).toBe('Pending');
    expect(pinned.pendingReason).toBe("node node-1 rejected the pod (kubelet admission): Predicate NodePorts failed: node(s) didn't have free ports for the requested pod ports");
  });

  test('init containers do not take host ports (nodeports getContainerPorts reads spec.containers)', () => {
    const c = simulate(deployment('web', 4, '[ { containerPort: 80 } ]').replace('      containers:', '      initContainers: [ { name: init, image: i, ports: [ { containerPort: 81, hostPort: 81 } ] } ]\n      containers:'));
    expect(pods(c, 'web').every((p) => p.phase === 'Running')).toBe(true);
  });
});

describe('a Service endpoint at a node IP reaches the hostNetwork pod listening there', () => {
  const exporter = daemon('exporter', '[ { name: metrics, containerPort: 9100 } ]', true);
  const slice = `apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: node-metrics-1, labels: { kubernetes.io/service-name: node-metrics } }
addressType: IPv4
ports: [ { name: metrics, port: 9100 } ]
endpoints: [ { addresses: [ 192.168.49.4 ] } ]
---
`;
  const svc = service('node-metrics', 'ports: [ { name: metrics, port: 9100 } ]');

  test('the hand-written endpoint 192.168.49.4:9100 is answered by the exporter pod on node-2, as a direct connection is', () => {
    const c = simulate(exporter + svc + slice);
    const onNode2 = c.pods.find((p) => p.name.startsWith('exporter') && p.nodeName === 'node-2')!;
    const via = c.route({ from: 'pod', to: 'node-metrics:9100' });
    const direct = c.route({ from: 'pod', to: '192.168.49.4:9100' });
    expect(via.results[0]).toMatchObject({ outcome: 'ok', pod: `default/${onNode2.name}`, node: 'node-2' });
    expect(direct.results[0]).toMatchObject({ outcome: 'ok', pod: `default/${onNode2.name}`, node: 'node-2' });
    expect(via.candidates).toEqual([{ pod: `default/${onNode2.name}`, podIP: '192.168.49.4', port: 9100, node: 'node-2' }]);
    expect(via.results[0].hops.map((h) => h.message).slice(-2)).toEqual(['dnat', 'pod-accepts']);
  });

  test('with nothing listening on that port, the node refuses it, again as a direct connection does', () => {
    const c = simulate(svc + slice);
    expect(c.route({ from: 'pod', to: 'node-metrics:9100' }).results[0]).toMatchObject({ outcome: 'refused', why: { message: 'node-not-listening' } });
    expect(c.route({ from: 'pod', to: '192.168.49.4:9100' }).results[0].outcome).toBe('refused');
  });

  test('a Service selecting hostNetwork pods has node IPs as endpoints and reaches each pod (targetRef)', () => {
    const c = simulate(exporter + service('exporter', 'selector: { app: exporter }\nports: [ { name: metrics, port: 9100 } ]'));
    const r = c.route({ from: 'pod', to: 'exporter:9100', count: 60 });
    expect(r.candidates.map((x) => x.podIP).sort()).toEqual(['192.168.49.2', '192.168.49.3', '192.168.49.4', '192.168.49.5'].filter((ip) => c.pods.some((p) => p.podIP === ip && p.name.startsWith('exporter'))));
    expect(r.summary.ok).toBe(60);
  });
});
