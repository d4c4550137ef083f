import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { runCli } from '../helpers';
import { SEED_COUNTER, SEED_HOSTNAME } from '../sim/fixtures';

let dir: string;
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
};

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-get-'));
  file('hostname.yaml', SEED_HOSTNAME);
  file('counter.yaml', SEED_COUNTER);
  file('lonely.yaml', 'apiVersion: v1\nkind: Service\nmetadata: { name: lonely }\nspec: { selector: { app: none }, ports: [ { port: 80 } ] }\n');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const get = (...args: string[]) => runCli(['get', ...args], { cwd: dir });
const lines = (text: string) => text.trimEnd().split('\n');

describe('svclab get (seed replays)', () => {
  test('get svc shows the new ClusterIP Service beside the built-in kubernetes one (kubectl get svc columns)', async () => {
    const r = await get('svc', '-f', 'hostname.yaml');
    expect(r.code).toBe(0);
    const [header, ...rows] = lines(r.stdout);
    expect(header.split(/\s{2,}/)).toEqual(['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE']);
    expect(rows[0]).toMatch(/^hostname-svc-clusterip\s+ClusterIP\s+10\.\d+\.\d+\.\d+\s+<none>\s+8080\/TCP\s+<unknown>$/);
    expect(rows[1]).toMatch(/^kubernetes\s+ClusterIP\s+10\.96\.0\.1\s+<none>\s+443\/TCP\s+<unknown>$/);
    expect(rows).toHaveLength(2);
  });

  test('get endpoints lists the three podIP:80 of hostname-deployment and the API server for kubernetes (kubectl formatEndpoints)', async () => {
    const eps = await get('endpoints', '-f', 'hostname.yaml');
    const row = lines(eps.stdout).find((l) => l.startsWith('hostname-svc-clusterip'))!;
    const list = row.split(/\s+/)[1].split(',');
    expect(list).toHaveLength(3);
    for (const e of list) expect(e).toMatch(/^10\.244\.\d+\.\d+:80$/);
    const pods = await get('pods', '-o', 'wide', '-f', 'hostname.yaml');
    const podIPs = lines(pods.stdout).slice(1).map((l) => l.split(/\s+/)[5]);
    expect(list.map((e) => e.replace(/:80$/, '')).sort()).toEqual(podIPs.sort());
    expect(lines(eps.stdout).find((l) => l.startsWith('kubernetes'))).toMatch(/^kubernetes\s+192\.168\.49\.2:6443\s+<unknown>$/);
  });

  test('counter-np shows 3000:31000/TCP and redis 6379/TCP (NodePort PORT(S) column)', async () => {
    const r = await get('services', '-f', 'counter.yaml');
    expect(lines(r.stdout).find((l) => l.startsWith('counter-np'))).toMatch(/^counter-np\s+NodePort\s+10\.\S+\s+<none>\s+3000:31000\/TCP\s+<unknown>$/);
    expect(lines(r.stdout).find((l) => l.startsWith('redis'))).toMatch(/\s6379\/TCP\s/);
  });

  test('same input and seed print byte-identical output; another --seed changes pod names', async () => {
    const a = await get('pods', '-A', '-o', 'wide', '-f', 'hostname.yaml', '--seed', '7');
    const b = await get('pods', '-A', '-o', 'wide', '-f', 'hostname.yaml', '--seed', '7');
    const c = await get('pods', '-A', '-o', 'wide', '-f', 'hostname.yaml', '--seed', '8');
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).not.toBe(c.stdout);
    const names = (s: string) => lines(s).slice(1).map((l) => l.split(/\s+/)[1]);
    expect(names(a.stdout).filter((n) => names(c.stdout).includes(n))).toEqual([]);
  });
});

describe('svclab get tables', () => {
  test('pods: NAME READY STATUS RESTARTS AGE, and -o wide adds IP NODE NOMINATED NODE READINESS GATES', async () => {
    const r = await get('po', '-f', 'hostname.yaml');
    expect(lines(r.stdout)[0]).toBe('NAME                                   READY   STATUS    RESTARTS   AGE');
    expect(lines(r.stdout)[1]).toMatch(/^hostname-deployment-[4-9bcdf]+-\w{5}\s+1\/1\s+Running\s+0\s+<unknown>$/);
    const wide = await get('pod', '-o', 'wide', '-f', 'hostname.yaml');
    expect(lines(wide.stdout)[0].split(/\s{2,}/)).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']);
    expect(lines(wide.stdout)[1]).toMatch(/\s10\.244\.\d+\.\d+\s+node-\d\s+<none>\s+<none>$/);
  });

  test('-A adds the NAMESPACE column and shows kube-system (CoreDNS, kube-dns truncated after 3 endpoints: "+ 3 more...")', async () => {
    const r = await get('ep', '-A', '-f', 'hostname.yaml');
    expect(lines(r.stdout)[0].split(/\s{2,}/)).toEqual(['NAMESPACE', 'NAME', 'ENDPOINTS', 'AGE']);
    expect(lines(r.stdout).find((l) => l.startsWith('kube-system'))).toMatch(/^kube-system\s+kube-dns\s+10\.244\.\d+\.\d+:53,10\.244\.\d+\.\d+:53,10\.244\.\d+\.\d+:53 \+ 3 more\.\.\.\s+<unknown>$/);
  });

  test('endpointslices: NAME ADDRESSTYPE PORTS ENDPOINTS AGE; an empty placeholder shows <unset>', async () => {
    const r = await get('endpointslice', '-f', 'hostname.yaml', '-f', 'lonely.yaml');
    expect(lines(r.stdout)[0].split(/\s{2,}/)).toEqual(['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE']);
    expect(lines(r.stdout).find((l) => l.startsWith('hostname-svc-clusterip-'))).toMatch(/\s+IPv4\s+80\s+10\.244\.\d+\.\d+,10\.244\.\d+\.\d+,10\.244\.\d+\.\d+\s+<unknown>$/);
    expect(lines(r.stdout).find((l) => l.startsWith('lonely-'))).toMatch(/\s+IPv4\s+<unset>\s+<unset>\s+<unknown>$/);
    expect(lines(r.stdout).find((l) => l.startsWith('kubernetes '))).toMatch(/\s+IPv4\s+6443\s+192\.168\.49\.2\s+/);
  });

  test('nodes: NAME STATUS ROLES AGE VERSION, and -o wide adds INTERNAL-IP and the rest', async () => {
    const r = await get('no', '-f', 'hostname.yaml');
    expect(lines(r.stdout)).toEqual([
      'NAME            STATUS   ROLES           AGE         VERSION',
      'control-plane   Ready    control-plane   <unknown>   v1.33.1',
      'node-1          Ready    <none>          <unknown>   v1.33.1',
      'node-2          Ready    <none>          <unknown>   v1.33.1',
      'node-3          Ready    <none>          <unknown>   v1.33.1',
    ]);
    const wide = await get('nodes', '-o', 'wide', '-f', 'hostname.yaml');
    expect(lines(wide.stdout)[0].split(/\s{2,}/)).toEqual(['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION', 'INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME']);
    expect(lines(wide.stdout)[2]).toMatch(/^node-1\s+Ready\s+<none>\s+<unknown>\s+v1\.33\.1\s+192\.168\.49\.3\s+<none>/);
  });

  test('LoadBalancer EXTERNAL-IP is <pending> without a provider, an address with a pool (--cluster FILE); ExternalName shows its name', async () => {
    file('lb.yaml', `apiVersion: v1
kind: Service
metadata: { name: web-lb }
spec: { type: LoadBalancer, selector: { app: web }, ports: [ { port: 80, nodePort: 30080 } ] }
---
apiVersion: v1
kind: Service
metadata: { name: db }
spec: { type: ExternalName, externalName: db.example.com }
`);
    file('cluster.yaml', 'apiVersion: svclab.io/v1alpha1\nkind: Cluster\nmetadata: { name: lab }\nspec:\n  loadBalancer: { provider: pool, addresses: [ 192.168.49.240-192.168.49.250 ] }\n');
    const pending = await get('svc', '-f', 'lb.yaml');
    expect(lines(pending.stdout).find((l) => l.startsWith('web-lb'))).toMatch(/^web-lb\s+LoadBalancer\s+10\.\S+\s+<pending>\s+80:30080\/TCP\s+<unknown>$/);
    expect(lines(pending.stdout).find((l) => l.startsWith('db'))).toMatch(/^db\s+ExternalName\s+<none>\s+db\.example\.com\s+<none>\s+<unknown>$/);
    const pooled = await get('svc', '-f', 'lb.yaml', '--cluster', 'cluster.yaml');
    expect(lines(pooled.stdout).find((l) => l.startsWith('web-lb'))).toMatch(/\s192\.168\.49\.240\s+80:30080\/TCP/);
  });

  test('-n lists one namespace; an empty list says "No resources found in NS namespace." on stderr (kubectl)', async () => {
    const r = await get('pods', '-n', 'nothing-here', '-f', 'lonely.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.endsWith('No resources found in nothing-here namespace.\n')).toBe(true);
    const sys = await get('svc', '-n', 'kube-system', '-f', 'lonely.yaml');
    expect(lines(sys.stdout).map((l) => l.split(/\s+/)[0])).toEqual(['NAME', 'kube-dns', 'lonely']);
  });

  test('several resources at once (svc,ep) print one table each, names prefixed by the resource, as kubectl does', async () => {
    const r = await get('svc,ep', '-f', 'hostname.yaml');
    const blocks = r.stdout.trimEnd().split('\n\n');
    expect(blocks).toHaveLength(2);
    expect(lines(blocks[0]).map((l) => l.split(/\s+/)[0])).toEqual(['NAME', 'service/hostname-svc-clusterip', 'service/kubernetes']);
    expect(lines(blocks[1]).map((l) => l.split(/\s+/)[0])).toEqual(['NAME', 'endpoints/hostname-svc-clusterip', 'endpoints/kubernetes']);
    const json = JSON.parse((await get('svc,ep', 'kubernetes', '-o', 'json', '-f', 'hostname.yaml')).stdout);
    expect(json.items.map((i: { kind: string }) => i.kind)).toEqual(['Service', 'Endpoints']);
  });

  test('get endpoints warns on stderr that v1 Endpoints is deprecated, as a v1.33+ API server makes kubectl print (KEP-4974); not on older versions or for other resources', async () => {
    const warning = 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n';
    expect((await get('ep', '-f', 'hostname.yaml')).stderr).toBe(warning);
    expect((await get('svc,ep', '-f', 'hostname.yaml')).stderr).toBe(warning);
    expect((await get('svc', '-f', 'hostname.yaml')).stderr).toBe('');
    file('v132.yaml', 'apiVersion: svclab.io/v1alpha1\nkind: Cluster\nmetadata: { name: old }\nspec: { kubernetesVersion: v1.32.4 }\n');
    expect((await get('ep', '-f', 'hostname.yaml', '--cluster', 'v132.yaml')).stderr).toBe('');
  });

  test('names after the resource filter the list; an unknown one is NotFound (exit 1)', async () => {
    const r = await get('svc', 'kubernetes', '-f', 'hostname.yaml');
    expect(lines(r.stdout)).toHaveLength(2);
    const missing = await get('svc', 'nope', '-f', 'hostname.yaml');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('Error from server (NotFound): services "nope" not found\n');
  });
});

describe('svclab get inputs', () => {
  test('-f - reads the manifests from stdin; -o wide adds the SELECTOR column to services', async () => {
    const r = await runCli(['get', 'svc', '-o', 'wide', '-f', '-'], { cwd: dir, stdin: SEED_COUNTER });
    expect(r.code).toBe(0);
    expect(lines(r.stdout)[0].split(/\s{2,}/)).toEqual(['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE', 'SELECTOR']);
    expect(lines(r.stdout).find((l) => l.startsWith('redis'))).toMatch(/\sapp=counter,tier=db$/);
    expect(lines(r.stdout).find((l) => l.startsWith('kubernetes'))).toMatch(/\s<none>$/);
  });

  test('a Cluster object among the manifests changes the cluster (nodes: 5)', async () => {
    file('five.yaml', 'apiVersion: svclab.io/v1alpha1\nkind: Cluster\nmetadata: { name: lab }\nspec: { nodes: 5 }\n');
    const r = await get('nodes', '-f', 'five.yaml');
    expect(lines(r.stdout).map((l) => l.split(/\s+/)[0])).toEqual(['NAME', 'control-plane', 'node-1', 'node-2', 'node-3', 'node-4', 'node-5']);
  });
});

describe('svclab get -o json|yaml', () => {
  test('a kubectl-style List of Services with clusterIP, clusterIPs and nodePorts filled', async () => {
    const r = await get('svc', '-o', 'json', '-f', 'counter.yaml');
    expect(r.stdout.startsWith('{\n    "apiVersion": "v1",')).toBe(true);
    const list = JSON.parse(r.stdout);
    expect([list.apiVersion, list.kind]).toEqual(['v1', 'List']);
    const np = list.items.find((i: { metadata: { name: string } }) => i.metadata.name === 'counter-np');
    expect(np.spec).toMatchObject({ type: 'NodePort', externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster', sessionAffinity: 'None', ipFamilies: ['IPv4'], ports: [{ name: 'http', port: 3000, protocol: 'TCP', targetPort: 3000, nodePort: 31000 }] });
    expect(np.spec.clusterIPs).toEqual([np.spec.clusterIP]);
    expect(np.metadata.namespace).toBe('default');
    expect(np.status).toEqual({ loadBalancer: {} });
  });

  test('Pods carry podIP/podIPs/hostIP/phase/conditions and their ReplicaSet owner; Nodes their addresses and podCIDR', async () => {
    const pods = parse((await get('pods', '-o', 'yaml', '-f', 'hostname.yaml')).stdout);
    const pod = pods.items[0];
    expect(pod.status).toMatchObject({ phase: 'Running', podIP: expect.stringMatching(/^10\.244\./), hostIP: expect.stringMatching(/^192\.168\.49\./) });
    expect(pod.status.podIPs).toEqual([{ ip: pod.status.podIP }]);
    expect(pod.status.conditions.find((c: { type: string }) => c.type === 'Ready').status).toBe('True');
    expect(pod.metadata.ownerReferences[0]).toMatchObject({ apiVersion: 'apps/v1', kind: 'ReplicaSet', controller: true, name: expect.stringMatching(/^hostname-deployment-/) });
    expect(pod.metadata.labels['pod-template-hash']).toBeDefined();
    expect(pod.spec.nodeName).toMatch(/^node-/);
    const nodes = JSON.parse((await get('nodes', '-o', 'json', '-f', 'hostname.yaml')).stdout);
    expect(nodes.items[1].status.addresses).toEqual([{ type: 'InternalIP', address: '192.168.49.3' }, { type: 'Hostname', address: 'node-1' }]);
    expect(nodes.items[1].spec).toEqual({ podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'] });
  });

  test('Endpoints subsets and EndpointSlice endpoints, with the service-name label', async () => {
    const eps = JSON.parse((await get('ep', '-o', 'json', '-f', 'hostname.yaml')).stdout);
    const ep = eps.items.find((i: { metadata: { name: string } }) => i.metadata.name === 'hostname-svc-clusterip');
    expect(ep.subsets[0].addresses).toHaveLength(3);
    expect(ep.subsets[0].ports).toEqual([{ name: 'web-port', port: 80, protocol: 'TCP' }]);
    expect(ep.subsets[0].notReadyAddresses).toBeUndefined();
    const slices = parse((await get('endpointslices', '-o', 'yaml', '-f', 'hostname.yaml')).stdout);
    const slice = slices.items.find((i: { metadata: { name: string } }) => i.metadata.name.startsWith('hostname-svc-clusterip-'));
    expect(slice).toMatchObject({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4', metadata: { labels: { 'kubernetes.io/service-name': 'hostname-svc-clusterip', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' } } });
    expect(slice.endpoints[0]).toMatchObject({ conditions: { ready: true, serving: true, terminating: false }, nodeName: expect.stringMatching(/^node-/) });
  });
});

describe('svclab get -o json|yaml: objects as the API server returns them', () => {
  const items = async (resource: string, text: string) => JSON.parse((await runCli(['get', resource, '-A', '-o', 'json', '-f', '-'], { cwd: dir, stdin: text })).stdout).items as Array<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test access into parsed JSON
  const keysSorted = (v: unknown): boolean => Array.isArray(v) ? v.every(keysSorted) : v !== null && typeof v === 'object' ? Object.keys(v).join() === Object.keys(v).sort().join() && Object.values(v).every(keysSorted) : true;

  test('every mapping has its keys sorted, as kubectl prints the unstructured objects it gets (encoding/json sorts map keys)', async () => {
    for (const r of ['pods', 'svc', 'ep', 'endpointslices', 'nodes']) expect(keysSorted(await items(r, SEED_HOSTNAME))).toBe(true);
  });

  test('pod specs carry the API server defaults: container port protocol, imagePullPolicy, serviceAccountName, default tolerations (SetDefaults_PodSpec, SetDefaults_Container, ServiceAccount and DefaultTolerationSeconds admission)', async () => {
    const pod = (await items('pods', SEED_HOSTNAME)).find((p) => p.metadata.name.startsWith('hostname-deployment-'))!;
    expect(pod.spec.containers[0]).toMatchObject({ imagePullPolicy: 'IfNotPresent', ports: [{ containerPort: 80, protocol: 'TCP' }], terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' });
    expect(pod.spec).toMatchObject({ serviceAccountName: 'default', terminationGracePeriodSeconds: 30, restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler', priority: 0 });
    expect(pod.spec.tolerations).toEqual([
      { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
      { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
    ]);
  });

  test('a terminating pod has a deletionTimestamp and keeps its Ready condition; its slice endpoint is ready:false serving:true terminating:true and the Endpoints drop it (podToEndpoint, KEP-1669)', async () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: { name: old, labels: { app: w }, annotations: { svclab.io/terminating: "true" } }\nspec: { containers: [ { name: c, image: nginx:1.27 } ] }\n---\napiVersion: v1\nkind: Service\nmetadata: { name: w }\nspec: { selector: { app: w }, ports: [ { port: 80 } ] }\n';
    const pod = (await items('pods', text)).find((p) => p.metadata.name === 'old')!;
    expect(pod.metadata).toMatchObject({ deletionTimestamp: '1970-01-01T00:00:00Z', deletionGracePeriodSeconds: 30 });
    expect(pod.status.conditions.find((c: { type: string }) => c.type === 'Ready').status).toBe('True');
    const table = await runCli(['get', 'pods', 'old', '-f', '-'], { cwd: dir, stdin: text });
    expect(lines(table.stdout)[1]).toMatch(/^old\s+1\/1\s+Terminating\s/);
    const slice = (await items('endpointslices', text)).find((x) => x.metadata.labels['kubernetes.io/service-name'] === 'w')!;
    expect(slice.endpoints[0].conditions).toEqual({ ready: false, serving: true, terminating: true });
    expect((await items('ep', text)).find((x) => x.metadata.name === 'w')!.subsets).toBeUndefined();
  });

  test('slices and Endpoints of a headless Service carry service.kubernetes.io/headless; the kubernetes slice of the API server only service-name, its Endpoints skip-mirror (setEndpointSliceLabels, endpointsadapter)', async () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata: { name: hl, labels: { team: a } }\nspec: { clusterIP: None, selector: { app: x }, ports: [ { port: 80 } ] }\n';
    const slices = await items('endpointslices', text);
    expect(slices.find((x) => x.metadata.name.startsWith('hl-'))!.metadata.labels).toEqual({ team: 'a', 'kubernetes.io/service-name': 'hl', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'service.kubernetes.io/headless': '' });
    const k = slices.find((x) => x.metadata.name === 'kubernetes')!;
    expect(k.metadata.labels).toEqual({ 'kubernetes.io/service-name': 'kubernetes' });
    expect(k.metadata.ownerReferences).toBeUndefined();
    const eps = await items('ep', text);
    expect(eps.find((x) => x.metadata.name === 'hl')!.metadata.labels).toEqual({ team: 'a', 'service.kubernetes.io/headless': '' });
    expect(eps.find((x) => x.metadata.name === 'kubernetes')!.metadata.labels).toEqual({ 'endpointslice.kubernetes.io/skip-mirror': 'true' });
  });

  test('a slice mirrored from hand-written Endpoints is owned by the Endpoints (endpointslicemirroring newEndpointSlice)', async () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata: { name: db }\nspec: { ports: [ { port: 5432 } ] }\n---\napiVersion: v1\nkind: Endpoints\nmetadata: { name: db, labels: { from: hand } }\nsubsets: [ { addresses: [ { ip: 10.0.0.5 } ], ports: [ { port: 5432 } ] } ]\n';
    const slice = (await items('endpointslices', text)).find((x) => x.metadata.name.startsWith('db-'))!;
    expect(slice.metadata.ownerReferences[0]).toMatchObject({ kind: 'Endpoints', name: 'db' });
    expect(slice.metadata.labels).toEqual({ from: 'hand', 'kubernetes.io/service-name': 'db', 'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io' });
  });

  test('a ClusterIP Service with externalIPs is externally accessible: externalTrafficPolicy defaults to Cluster (SetDefaults_Service, ExternallyAccessible)', async () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata: { name: ext }\nspec: { externalIPs: [ 203.0.113.7 ], selector: { app: x }, ports: [ { port: 80 } ] }\n';
    const svc = (await items('svc', text)).find((x) => x.metadata.name === 'ext')!;
    expect(svc.spec.externalTrafficPolicy).toBe('Cluster');
    expect((await items('svc', SEED_HOSTNAME)).find((x) => x.metadata.name === 'hostname-svc-clusterip')!.spec.externalTrafficPolicy).toBeUndefined();
  });
});

describe('svclab get input handling', () => {
  test('lint errors are a short notice on stderr and do not block the listing', async () => {
    file('bad.yaml', 'apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec: { selector: { app: nothing-matches }, ports: [ { port: 80 } ] }\n');
    const r = await get('svc', '-f', 'bad.yaml');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('svclab: 1 lint error in the input; run `svclab lint` to see it\n');
    expect(r.stdout).toContain('web ');
  });

  test('unparseable YAML exits 2 with the position', async () => {
    file('broken.yaml', 'apiVersion: v1\nkind: Service\nmetadata: { name: web\n');
    const r = await get('svc', '-f', 'broken.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.yaml:\d+:\d+: /);
    expect(r.stdout).toBe('');
  });

  test('usage errors: no resource, unknown resource (with a suggestion), no -f, unknown -o, missing file', async () => {
    expect((await get()).code).toBe(2);
    const unknown = await get('servics', '-f', 'hostname.yaml');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('did you mean services?');
    expect((await get('svc')).stderr).toContain('-f PATH');
    expect((await get('svc', '-o', 'xml', '-f', 'hostname.yaml')).code).toBe(2);
    expect((await get('svc', '-f', 'nope.yaml')).stderr).toContain('nope.yaml');
  });

  test('a Service the API server would refuse is named in a warning and left out', async () => {
    file('clash.yaml', 'apiVersion: v1\nkind: Service\nmetadata: { name: a }\nspec: { type: NodePort, ports: [ { port: 80, nodePort: 31000 } ] }\n---\napiVersion: v1\nkind: Service\nmetadata: { name: b }\nspec: { type: NodePort, ports: [ { port: 80, nodePort: 31000 } ] }\n');
    const r = await get('svc', '-f', 'clash.yaml');
    expect(r.stderr).toContain('Warning: the API server would refuse Service default/b: spec.ports[0].nodePort: Invalid value: 31000: provided port is already allocated');
    expect(lines(r.stdout).map((l) => l.split(/\s+/)[0])).toEqual(['NAME', 'a', 'kubernetes']);
  });

  test('--cluster FILE is checked against the Cluster schema: a misspelt field is a usage error, not silently ignored (schemas/cluster-svclab-v1alpha1.json)', async () => {
    file('typo-cluster.yaml', 'apiVersion: svclab.io/v1alpha1\nkind: Cluster\nmetadata: { name: x }\nspec:\n  nodePortRang: 30000-30100\n');
    const r = await get('svc', '-f', 'hostname.yaml', '--cluster', 'typo-cluster.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--cluster typo-cluster.yaml:5:3: ');
    expect(r.stderr).toContain('nodePortRange');
  });

  test('--cluster with a bad Cluster object is a usage error', async () => {
    file('badcluster.yaml', 'apiVersion: svclab.io/v1alpha1\nkind: Cluster\nmetadata: { name: x }\nspec: { serviceCIDR: nope }\n');
    const r = await get('svc', '-f', 'hostname.yaml', '--cluster', 'badcluster.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('serviceCIDR "nope"');
  });
});
