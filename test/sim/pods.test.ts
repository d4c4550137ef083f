import { simulate } from '../../src/sim/index';
import { fakeUid, safeEncodeString, podTemplateHash } from '../../src/sim/naming';
import { SAFE_ALPHABET } from '../../src/util/random';
import { podHostname } from '../../src/sim/pods';
import { deploy, SEED_HOSTNAME } from './fixtures';

// The input's pods: not those of the cluster's own Deployments (CoreDNS in kube-system, the ingress-nginx controller).
const userPods = (c: ReturnType<typeof simulate>) => c.pods.filter((p) => p.namespace !== 'kube-system' && p.namespace !== 'ingress-nginx');
const safe = `[${SAFE_ALPHABET}]`;

describe('workloads become pods', () => {
  test('Deployment pods are named <deployment>-<pod-template-hash>-<5 safe chars> (deployment controller, rand.SafeEncodeString)', () => {
    const pods = userPods(simulate(SEED_HOSTNAME));
    expect(pods).toHaveLength(3);
    const hash = pods[0].labels['pod-template-hash'];
    expect(hash).toMatch(/^[4-9bcdf]{1,10}$/);
    for (const p of pods) {
      expect(p.name).toMatch(new RegExp(`^hostname-deployment-${hash}-${safe}{5}$`));
      expect(p.ownerKind).toBe('ReplicaSet');
      expect(p.ownerName).toBe(`hostname-deployment-${hash}`);
    }
    expect(new Set(pods.map((p) => p.name)).size).toBe(3);
  });

  test('pod uids are uuid-v4-shaped, derived from seed and name, and stable from one svclab version to the next', () => {
    expect(fakeUid(1, 'default/web-0')).toBe('f4b40e07-b069-4f38-ae37-11d9f6868e81');
    expect(fakeUid(2, 'default/web-0')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(fakeUid(2, 'default/web-0')).not.toBe(fakeUid(1, 'default/web-0'));
  });

  test('SafeEncodeString maps each character by code modulo the alphabet (apimachinery rand.SafeEncodeString)', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
  });

  test('the pod-template-hash depends on the template only, not the seed (controller.ComputeHash)', () => {
    const a = userPods(simulate(SEED_HOSTNAME, { seed: 1 }));
    const b = userPods(simulate(SEED_HOSTNAME, { seed: 2 }));
    expect(a[0].labels['pod-template-hash']).toBe(b[0].labels['pod-template-hash']);
    expect(a.map((p) => p.name)).not.toEqual(b.map((p) => p.name));
    expect(podTemplateHash({ metadata: { labels: { a: '1' } } })).not.toBe(podTemplateHash({ metadata: { labels: { a: '2' } } }));
    expect(podTemplateHash({ x: 1, y: 2 })).toBe(podTemplateHash({ y: 2, x: 1 }));
  });

  test('replicas spread over the schedulable workers, least loaded first, and the tainted control plane is avoided (TaintToleration)', () => {
    const c = simulate(deploy('web', { replicas: 6 }));
    const byNode: Record<string, number> = {};
    for (const p of userPods(c)) byNode[p.nodeName] = (byNode[p.nodeName] ?? 0) + 1;
    expect(byNode).toEqual({ 'node-1': 2, 'node-2': 2, 'node-3': 2 });
  });

  test('pod IPs come from the node pod CIDR, skipping the network address and the .1 gateway (host-local IPAM)', () => {
    const c = simulate(deploy('web', { replicas: 3 }));
    for (const p of userPods(c)) {
      const node = c.nodes.find((n) => n.name === p.nodeName)!;
      const prefix = node.podCIDR.replace(/\.0\/24$/, '.');
      expect(p.podIP.startsWith(prefix)).toBe(true);
      expect(Number(p.podIP.split('.')[3])).toBeGreaterThanOrEqual(2);
      expect(p.hostIP).toBe(node.internalIP);
      expect(p.phase).toBe('Running');
    }
  });

  test('the pod hostname is the pod name cut to 63 characters without a trailing dash (kubelet GeneratePodHostNameAndDomain)', () => {
    expect(podHostname('web-0')).toBe('web-0');
    expect(podHostname(`${'a'.repeat(62)}-bcdef`)).toBe('a'.repeat(62));
    const [p] = userPods(simulate(SEED_HOSTNAME));
    expect(p.hostname).toBe(p.name);
  });

  test('a hostNetwork pod has its node IP as pod IP (PodSpec.hostNetwork)', () => {
    const c = simulate(deploy('agent', { spec: 'hostNetwork: true' }));
    const [p] = userPods(c);
    expect(p.podIP).toBe(p.hostIP);
    expect(p.podIP).toMatch(/^192\.168\.49\./);
  });

  test('nodeSelector limits the nodes (NodeAffinity filter), and no fitting node leaves the pod Pending with the scheduler message (first failing filter per node, TaintToleration before NodeAffinity)', () => {
    const zoned = simulate(deploy('web', { replicas: 2, spec: 'nodeSelector:\n  topology.kubernetes.io/zone: zone-b' }));
    expect(userPods(zoned).map((p) => p.nodeName)).toEqual(['node-2', 'node-2']);
    const none = simulate(deploy('web', { spec: 'nodeSelector:\n  disk: ssd' }));
    const [p] = userPods(none);
    expect(p.phase).toBe('Pending');
    expect(p.podIP).toBe('');
    expect(p.ready).toBe(false);
    expect(p.pendingReason).toBe("0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) didn't match Pod's node affinity/selector.");
  });

  test('required node affinity is honoured: terms ORed, expressions ANDed, matchFields on metadata.name (NodeAffinity plugin)', () => {
    const affinity = (terms: string) => `affinity:
  nodeAffinity:
    requiredDuringSchedulingIgnoredDuringExecution:
      nodeSelectorTerms:
${terms}`;
    const zoneC = simulate(deploy('web', { replicas: 2, spec: affinity('      - matchExpressions: [ { key: topology.kubernetes.io/zone, operator: In, values: [ zone-c ] } ]') }));
    expect(userPods(zoneC).map((p) => p.nodeName)).toEqual(['node-3', 'node-3']);
    const either = simulate(deploy('web', { replicas: 4, spec: affinity('      - matchFields: [ { key: metadata.name, operator: In, values: [ node-1 ] } ]\n      - matchExpressions: [ { key: topology.kubernetes.io/zone, operator: In, values: [ zone-b ] } ]') }));
    expect([...new Set(userPods(either).map((p) => p.nodeName))].sort()).toEqual(['node-1', 'node-2']);
    const none = simulate(deploy('web', { spec: affinity('      - matchExpressions: [ { key: gpu, operator: Exists } ]') }));
    expect(userPods(none)[0].pendingReason).toContain("3 node(s) didn't match Pod's node affinity/selector");
  });

  test('the control-plane taint keeps pods off unless tolerated; spec.nodeName bypasses the scheduler (kube-scheduler NodeName)', () => {
    const onlyCp = simulate(deploy('cp', { spec: 'nodeSelector:\n  node-role.kubernetes.io/control-plane: ""' }));
    expect(userPods(onlyCp)[0].pendingReason).toContain('1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }');
    const tolerated = simulate(deploy('cp', { spec: 'nodeSelector:\n  node-role.kubernetes.io/control-plane: ""\ntolerations:\n- key: node-role.kubernetes.io/control-plane\n  operator: Exists\n  effect: NoSchedule' }));
    expect(userPods(tolerated)[0].nodeName).toBe('control-plane');
    const pinned = simulate(deploy('pin', { replicas: 2, spec: 'nodeName: node-3' }));
    expect(userPods(pinned).map((p) => p.nodeName)).toEqual(['node-3', 'node-3']);
  });

  test('a StatefulSet makes <name>-0..n-1 with hostname = pod name and subdomain = serviceName (StatefulSet controller)', () => {
    const c = simulate(`apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db }
spec:
  serviceName: db-headless
  replicas: 3
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec:
      containers: [ { name: db, image: postgres, ports: [ { containerPort: 5432 } ] } ]
`);
    const pods = userPods(c);
    expect(pods.map((p) => p.name)).toEqual(['db-0', 'db-1', 'db-2']);
    expect(pods.map((p) => [p.spec.hostname, p.spec.subdomain, p.labels['statefulset.kubernetes.io/pod-name']])).toEqual([
      ['db-0', 'db-headless', 'db-0'], ['db-1', 'db-headless', 'db-1'], ['db-2', 'db-headless', 'db-2'],
    ]);
  });

  test('StatefulSet OrderedReady waits for each pod to be Ready before creating the next (podManagementPolicy)', () => {
    const sts = (policy: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db }
spec:
  serviceName: db
  replicas: 3
  podManagementPolicy: ${policy}
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec: { containers: [ { name: db, image: postgres } ] }
`;
    const cluster = { readiness: { 'db-1': false } };
    expect(userPods(simulate(sts('OrderedReady'), { cluster })).map((p) => p.name)).toEqual(['db-0', 'db-1']);
    expect(userPods(simulate(sts('Parallel'), { cluster })).map((p) => p.name)).toEqual(['db-0', 'db-1', 'db-2']);
    // A terminating pod also holds the next one back (processReplica: "waiting for Pod to Terminate").
    const terminating = sts('OrderedReady').replace('metadata: { labels: { app: db } }', 'metadata: { labels: { app: db }, annotations: { svclab.io/terminating: "true" } }');
    expect(userPods(simulate(terminating)).map((p) => p.name)).toEqual(['db-0']);
  });

  test('a DaemonSet runs one pod on each eligible node, not on the tainted control plane unless tolerated (DaemonSet controller)', () => {
    const ds = (tolerations: string) => `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent }
spec:
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec:
      ${tolerations}
      containers: [ { name: a, image: agent } ]
`;
    expect(userPods(simulate(ds(''))).map((p) => p.nodeName)).toEqual(['node-1', 'node-2', 'node-3']);
    const all = userPods(simulate(ds('tolerations: [ { operator: Exists } ]')));
    expect(all.map((p) => p.nodeName)).toEqual(['control-plane', 'node-1', 'node-2', 'node-3']);
    expect(all[0].name).toMatch(new RegExp(`^agent-${safe}{5}$`));
  });

  test('DaemonSet pods tolerate cordoned and pressured nodes, where other pods are not scheduled (daemon/util AddOrUpdateDaemonPodTolerations)', () => {
    const nodes = [
      { name: 'ok', internalIP: '192.168.49.3', labels: {}, taints: [] },
      { name: 'cordoned', internalIP: '192.168.49.4', labels: {}, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' as const }] },
      { name: 'dedicated', internalIP: '192.168.49.5', labels: {}, taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' as const }] },
    ];
    const ds = `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent }
spec:
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec: { containers: [ { name: a, image: agent } ] }
`;
    const c = simulate(ds + '---\n' + deploy('web', { replicas: 3 }), { cluster: { nodes } });
    expect(c.pods.filter((p) => p.ownerKind === 'DaemonSet' && p.ownerName === 'agent').map((p) => p.nodeName)).toEqual(['ok', 'cordoned']);
    expect(new Set(c.pods.filter((p) => p.name.startsWith('web-')).map((p) => p.nodeName))).toEqual(new Set(['ok']));
  });

  test('a Pod with neither name nor generateName is refused (ValidateObjectMeta: name or generateName is required); generateName gets 5 random characters (names.SimpleNameGenerator)', () => {
    const c = simulate('apiVersion: v1\nkind: Pod\nmetadata: { labels: { app: x } }\nspec: { containers: [ { name: c, image: x } ] }\n---\napiVersion: v1\nkind: Pod\nmetadata: { generateName: debug- }\nspec: { containers: [ { name: c, image: x } ] }\n');
    expect(c.rejected.map((r) => [r.kind, r.reason])).toEqual([['Pod', 'metadata.name: Required value: name or generateName is required']]);
    expect(userPods(c).map((p) => p.name)).toEqual([expect.stringMatching(new RegExp(`^debug-${safe}{5}$`))]);
  });

  test('dnsPolicy None without dnsConfig or nameservers is refused, so no pod runs (validatePodDNSConfig)', () => {
    const c = simulate(`apiVersion: v1
kind: Pod
metadata: { name: nodns }
spec:
  dnsPolicy: None
  containers: [ { name: c, image: x } ]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      dnsPolicy: None
      dnsConfig: { searches: [ svc.cluster.local ] }
      containers: [ { name: c, image: x } ]
`);
    expect(c.rejected.map((r) => `${r.kind}/${r.name}: ${r.reason}`)).toEqual([
      'Pod/nodns: spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None',
      'Deployment/web: spec.template.spec.dnsConfig.nameservers: Required value: must provide at least one DNS nameserver when `dnsPolicy` is None',
    ]);
    expect(userPods(c)).toEqual([]);
  });

  test('a Deployment whose selector misses its template labels is refused, so no pod exists (ValidateDeploymentSpec)', () => {
    const c = simulate(`apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: webserver } }
    spec: { containers: [ { name: c, image: x } ] }
---
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent }
spec:
  template:
    metadata: { labels: { app: agent } }
    spec: { containers: [ { name: c, image: x } ] }
`);
    expect(userPods(c)).toEqual([]);
    expect(c.rejected.map((r) => `${r.kind}/${r.name}: ${r.reason}`)).toEqual([
      'Deployment/web: spec.template.metadata.labels: Invalid value: {"app":"webserver"}: `selector` does not match template `labels`',
      'DaemonSet/agent: spec.selector: Required value',
    ]);
  });

  test('bare Pods keep their name; ReplicaSets, ReplicationControllers and Jobs generate <name>-<5 chars>; a CronJob runs nothing without a clock', () => {
    const c = simulate(`apiVersion: v1
kind: Pod
metadata: { name: debug, labels: { run: debug } }
spec: { containers: [ { name: c, image: busybox } ] }
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: { name: rs }
spec:
  replicas: 2
  selector: { matchLabels: { app: rs } }
  template: { metadata: { labels: { app: rs } }, spec: { containers: [ { name: c, image: x } ] } }
---
apiVersion: v1
kind: ReplicationController
metadata: { name: rc }
spec:
  replicas: 1
  template: { metadata: { labels: { app: rc } }, spec: { containers: [ { name: c, image: x } ] } }
---
apiVersion: batch/v1
kind: Job
metadata: { name: job }
spec:
  parallelism: 3
  completions: 2
  template: { spec: { restartPolicy: Never, containers: [ { name: c, image: x } ] } }
---
apiVersion: batch/v1
kind: CronJob
metadata: { name: cron }
spec:
  schedule: "* * * * *"
  jobTemplate: { spec: { template: { spec: { containers: [ { name: c, image: x } ] } } } }
`);
    const names = userPods(c).map((p) => p.name);
    expect(names[0]).toBe('debug');
    expect(names.filter((n) => /^rs-\w{5}$/.test(n))).toHaveLength(2);
    expect(names.filter((n) => /^rc-\w{5}$/.test(n))).toHaveLength(1);
    // Job: min(parallelism, completions) pods run at once.
    expect(names.filter((n) => /^job-\w{5}$/.test(n))).toHaveLength(2);
    expect(names.some((n) => n.startsWith('cron'))).toBe(false);
    expect(userPods(c).find((p) => p.name.startsWith('job-'))!.labels['job-name']).toBe('job');
  });

  test('pods are Ready unless svclab.io/ready is "false" or the Cluster object says otherwise; svclab.io/terminating marks them terminating', () => {
    const c = simulate(deploy('a', { annotations: { 'svclab.io/ready': 'false' } }) + deploy('b', { replicas: 2 }) + deploy('t', { annotations: { 'svclab.io/terminating': 'true' } }) + `apiVersion: svclab.io/v1alpha1
kind: Cluster
metadata: { name: lab }
spec:
  readiness: { "Deployment/b": false }
`);
    const byPrefix = (p: string) => userPods(c).filter((x) => x.name.startsWith(`${p}-`));
    expect(byPrefix('a').map((p) => p.ready)).toEqual([false]);
    expect(byPrefix('b').map((p) => p.ready)).toEqual([false, false]);
    expect(byPrefix('t').map((p) => [p.ready, p.terminating])).toEqual([[true, true]]);
    const one = userPods(simulate(deploy('b', { replicas: 2 }))).map((p) => p.name)[1];
    const c2 = simulate(deploy('b', { replicas: 2 }), { cluster: { readiness: { [one]: false } } });
    expect(userPods(c2).map((p) => p.ready)).toEqual([true, false]);
  });

  test('a node takes at most maxPods pods (kubelet maxPods, NodeResourcesFit "Too many pods")', () => {
    const c = simulate(deploy('web', { replicas: 10 }), { cluster: { maxPodsPerNode: 3 } });
    const pods = userPods(c);
    // Workers hold 3 pods each, and CoreDNS already takes one slot on node-1: 8 run, 2 wait.
    expect(pods.filter((p) => p.phase === 'Running')).toHaveLength(8);
    const pending = pods.filter((p) => p.phase === 'Pending');
    expect(pending).toHaveLength(2);
    expect(pending[0].pendingReason).toBe('0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Too many pods.');
  });
});
