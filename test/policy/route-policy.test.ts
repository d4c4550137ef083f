/**
 * NetworkPolicy in the route engine beyond the e2e suite's pod-to-pod table: SNAT of external
 * traffic (kube-proxy's masquerade for externalTrafficPolicy Cluster, pkg/proxy/nftables
 * proxier.go; the NetworkPolicy API's "traffic to and from the node where a Pod is running is
 * always allowed"), hostNetwork pods (never selected by podSelector: types.go
 * NetworkPolicySpec.PodSelector), the DNS egress a policy must allow, and the switch off.
 */
import { simulate } from '../../src/sim/simulate';
import { routeRequest } from '../../src/sim/proxy/index';
import { namespaceLabels, NAMESPACE_NAME_LABEL } from '../../src/model/network-policy';
import { truthTable, formatTruthTable } from '../../src/policy/truth-table';
import { runCli } from '../helpers';
import { tempDir } from '../e2e/seed-manifests';

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  replicas: 3
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: echo, ports: [{ containerPort: 80, name: http }] }] }
---
apiVersion: v1
kind: Service
metadata: { name: web, namespace: shop }
spec:
  type: NodePort
  externalTrafficPolicy: POLICY
  selector: { app: web }
  ports: [{ port: 80, targetPort: http, nodePort: 30080 }]
---
apiVersion: v1
kind: Pod
metadata: { name: client, namespace: shop, labels: { app: client } }
spec: { containers: [{ name: c, image: curl }] }
`;

const ALLOW_EXTERNAL = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: allow-from-internet, namespace: shop }
spec:
  podSelector: { matchLabels: { app: web } }
  ingress: [{ from: [{ ipBlock: { cidr: 203.0.113.0/24 } }] }]
`;

describe('external traffic and SNAT', () => {
  test('externalTrafficPolicy Cluster: the pod sees the forwarding node; an ipBlock for the client does not match, only the node-local allowance lets the node\'s own pods answer', () => {
    const c = simulate(WEB.replace('POLICY', 'Cluster') + ALLOW_EXTERNAL);
    const node = c.nodes.find((n) => n.name === 'node-2')!;
    const r = routeRequest(c, { from: 'external', to: `${node.internalIP}:30080`, count: 40 });
    expect(r.summary.ok + r.summary.dropped).toBe(40);
    for (const a of r.results) {
      if (a.outcome === 'ok') expect(a.node).toBe('node-2');
      else {
        expect(a.reason).toMatch(/^NetworkPolicy shop\/allow-from-internet isolates pod shop\/web-\S+ for ingress and no policy allows ingress from (\S+) on port 80\/TCP/);
        expect(a.reason).toContain(`ingress from ${node.internalIP} on port 80/TCP`);
        expect(a.reason).toMatch(/SNAT/);
        expect(a.hops[a.hops.length - 1].detail).toMatchObject({ snat: true, peerPod: null });
      }
    }
    expect(r.summary.ok).toBeGreaterThan(0);
    expect(r.summary.dropped).toBeGreaterThan(0);
    // candidates: only the endpoints the connection may reach (the ones on node-2).
    expect(r.candidates.every((cand) => cand.node === 'node-2')).toBe(true);
  });

  test('externalTrafficPolicy Local: the client IP is kept, so the ipBlock matches', () => {
    const c = simulate(WEB.replace('POLICY', 'Local') + ALLOW_EXTERNAL);
    const node = c.nodes.find((n) => n.name === 'node-2')!;
    const r = routeRequest(c, { from: 'external', to: `${node.internalIP}:30080`, count: 10 });
    expect(r.summary.ok).toBe(10);
    expect(r.results.every((a) => a.sourceIP === '203.0.113.10')).toBe(true);
  });
});

const DENY_ALL = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: default-deny, namespace: shop }
spec: { podSelector: {}, policyTypes: [Ingress, Egress] }
`;

describe('nodes and hostNetwork pods', () => {
  test('traffic from a node to its own pods is always allowed; from another node it is not', () => {
    const c = simulate(WEB.replace('POLICY', 'Cluster') + DENY_ALL);
    const pod = c.pods.find((p) => p.namespace === 'shop' && p.labels.app === 'web')!;
    const own = routeRequest(c, { from: `node/${pod.nodeName}`, to: `${pod.podIP}:80` });
    expect(own.results[0].outcome).toBe('ok');
    const other = c.nodes.find((n) => n.name !== pod.nodeName && n.name !== 'control-plane')!;
    const far = routeRequest(c, { from: `node/${other.name}`, to: `${pod.podIP}:80` });
    expect(far.results[0].outcome).toBe('dropped');
    expect(far.results[0].why).toMatchObject({ message: 'network-policy-denied', detail: { direction: 'ingress', peer: other.internalIP } });
  });

  test('a hostNetwork pod is not selected by podSelector {}: it is its node\'s address', () => {
    const c = simulate(`apiVersion: v1
kind: Pod
metadata: { name: agent, namespace: shop, labels: { app: agent } }
spec: { hostNetwork: true, nodeName: node-1, containers: [{ name: a, image: a, ports: [{ containerPort: 9100 }] }] }
---
apiVersion: v1
kind: Pod
metadata: { name: client, namespace: other }
spec: { containers: [{ name: c, image: curl }] }
${DENY_ALL}`);
    const node = c.nodes.find((n) => n.name === 'node-1')!;
    const r = routeRequest(c, { from: 'pod/other/client', to: `${node.internalIP}:9100` });
    expect(r.results[0].outcome).toBe('ok');
    expect(r.results[0].pod).toBe('shop/agent');
  });
});

describe('DNS through NetworkPolicies', () => {
  test('an egress-isolated pod without egress to CoreDNS cannot resolve names: dns-error naming the policy', () => {
    const c = simulate(WEB.replace('POLICY', 'Cluster') + DENY_ALL);
    const r = routeRequest(c, { from: 'pod/shop/client', to: 'web:80' });
    const a = r.results[0];
    expect(a.outcome).toBe('dns-error');
    expect(a.reason).toMatch(/^NetworkPolicy shop\/default-deny isolates pod shop\/client for egress and no policy allows egress to the CoreDNS pods on port 53\/UDP/);
    expect(a.hops.map((h) => h.message)).toEqual(['source', 'dns-blocked-by-network-policy']);
  });

  test('with egress to kube-system k8s-app=kube-dns on 53 the name resolves, and the connection meets the policy at the pod', () => {
    const c = simulate(WEB.replace('POLICY', 'Cluster') + DENY_ALL + `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: allow-dns, namespace: shop }
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
  - to: [{ namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: kube-system } }, podSelector: { matchLabels: { k8s-app: kube-dns } } }]
    ports: [{ port: 53, protocol: UDP }, { port: 53, protocol: TCP }]
`);
    const a = routeRequest(c, { from: 'pod/shop/client', to: 'web:80' }).results[0];
    expect(a.outcome).toBe('dropped');
    expect(a.why).toMatchObject({ detail: { direction: 'egress', policies: ['shop/default-deny', 'shop/allow-dns'] } });
  });
});

describe('the switch: networkPolicies enforce | ignore', () => {
  const dir = tempDir({ 'app.yaml': WEB.replace('POLICY', 'Cluster') + DENY_ALL });

  test('svclab curl enforces policies by default, and --ignore-network-policies routes as a plugin without them would', async () => {
    const enforced = await runCli(['curl', 'web.shop:80', '--from', 'pod/shop/client', '-f', dir, '-o', 'json']);
    expect(enforced.code).toBe(1);
    expect(JSON.parse(enforced.stdout).results[0].outcome).toBe('dns-error');
    const ignored = await runCli(['curl', 'web.shop:80', '--from', 'pod/shop/client', '-f', dir, '-o', 'json', '--ignore-network-policies']);
    expect(ignored.code).toBe(0);
    expect(JSON.parse(ignored.stdout).results[0].outcome).toBe('ok');
  });

  test('the Cluster object\'s spec.networkPolicies: ignore does the same', () => {
    const c = simulate(WEB.replace('POLICY', 'Cluster') + DENY_ALL + '---\napiVersion: svclab.io/v1alpha1\nkind: Cluster\nmetadata: { name: flannel }\nspec: { networkPolicies: ignore }\n');
    expect(c.config.networkPolicies).toBe('ignore');
    expect(routeRequest(c, { from: 'pod/shop/client', to: 'web:80' }).results[0].outcome).toBe('ok');
  });
});

describe('namespaces and the debug pod', () => {
  test('every namespace carries kubernetes.io/metadata.name, also one only implied by its objects', () => {
    expect(namespaceLabels({ namespaces: [] }, 'default')).toEqual({ [NAMESPACE_NAME_LABEL]: 'default' });
    const c = simulate('apiVersion: v1\nkind: Namespace\nmetadata: { name: team, labels: { tier: a, kubernetes.io/metadata.name: wrong } }\n');
    expect(namespaceLabels(c.model, 'team')).toEqual({ tier: 'a', [NAMESPACE_NAME_LABEL]: 'team' });
  });

  test('the debug pod (kubectl run debug: label run=debug) is selected by its namespace\'s policies', () => {
    const c = simulate(WEB.replace('POLICY', 'Cluster') + DENY_ALL);
    const pod = c.pods.find((p) => p.labels.app === 'web')!;
    const a = routeRequest(c, { from: 'pod', namespace: 'shop', to: `${pod.podIP}:80` }).results[0];
    expect(a.why).toMatchObject({ message: 'network-policy-denied', pod: 'shop/debug', detail: { direction: 'egress' } });
    expect(routeRequest(c, { from: 'pod', namespace: 'default', to: `${pod.podIP}:80` }).results[0].why).toMatchObject({ detail: { direction: 'ingress' } });
  });
});

describe('truth table (cyclonus-style)', () => {
  test('pods x pods for a port: "." allowed, "X" blocked (a pod reaching its own address is never filtered)', () => {
    const c = simulate(WEB.replace('POLICY', 'Cluster') + DENY_ALL + '---\napiVersion: v1\nkind: Pod\nmetadata: { name: outside, namespace: default }\nspec: { containers: [{ name: c, image: c }] }\n');
    const pods = c.pods.filter((p) => p.name === 'client' || p.name === 'outside');
    const t = truthTable(c, pods, 80);
    expect('\n' + formatTruthTable(t)).toBe(`
TCP/80          | shop/client | default/outside
shop/client     | .           | X
default/outside | X           | .`);
  });
});

describe('a policy the API server refuses does not exist', () => {
  test('a default-deny with an invalid port range is rejected (ValidateNetworkPolicyPort), so nothing is isolated', () => {
    const c = simulate(WEB.replace('POLICY', 'Cluster') + `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: broken, namespace: shop }
spec: { podSelector: {}, policyTypes: [Ingress], ingress: [{ ports: [{ endPort: 90 }] }] }
`);
    expect(c.rejected).toEqual([{ kind: 'NetworkPolicy', namespace: 'shop', name: 'broken', reason: 'spec.ingress[0].ports[0].port: Required value: must be specified when endPort is specified' }]);
    expect(c.model.networkPolicies).toEqual([]);
    const pod = c.pods.find((p) => p.labels.app === 'web')!;
    expect(routeRequest(c, { from: 'pod/shop/client', to: `${pod.podIP}:80` }).results[0].outcome).toBe('ok');
  });
});
