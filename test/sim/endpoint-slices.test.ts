import { simulate } from '../../src/sim/index';
import { MAX_ENDPOINTS_PER_SLICE } from '../../src/sim/endpoint-slices';
import { deploy, SEED_HOSTNAME, service } from './fixtures';

type Cluster = ReturnType<typeof simulate>;
const slicesOf = (c: Cluster, name: string, ns = 'default') => c.endpointSlices.filter((s) => s.serviceName === name && s.namespace === ns);
const endpointsOf = (c: Cluster, name: string, ns = 'default') => c.endpoints.find((e) => e.name === name && e.namespace === ns)!;
const podIP = (c: Cluster, prefix: string) => c.pods.filter((p) => p.name.startsWith(prefix)).map((p) => p.podIP);

describe('EndpointSlices (EndpointSlice controller)', () => {
  test('the seed Service gets one slice with the three pods on targetPort 80, named <service>-<5 chars>', () => {
    const c = simulate(SEED_HOSTNAME);
    const [slice, ...rest] = slicesOf(c, 'hostname-svc-clusterip');
    expect(rest).toEqual([]);
    expect(slice.name).toMatch(/^hostname-svc-clusterip-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice.ports).toEqual([{ name: 'web-port', port: 80, protocol: 'TCP' }]);
    expect(slice.endpoints.map((e) => e.addresses[0]).sort()).toEqual(podIP(c, 'hostname-deployment').sort());
    expect(slice.endpoints[0]).toMatchObject({ conditions: { ready: true, serving: true, terminating: false }, targetRef: { kind: 'Pod', namespace: 'default' } });
    expect(slice.endpoints.map((e) => e.zone).sort()).toEqual(['zone-a', 'zone-b', 'zone-c']);
    expect(slice.managedBy).toBe('endpointslice-controller.k8s.io');
  });

  test('only pods in the Service namespace are selected (Service selectors are namespaced)', () => {
    const c = simulate(deploy('web', { ns: 'other' }) + deploy('web') + service('web', 'selector: { app: web }\nports: [ { port: 80 } ]'));
    const ips = slicesOf(c, 'web').flatMap((s) => s.endpoints.map((e) => e.addresses[0]));
    expect(ips).toEqual(c.pods.filter((p) => p.namespace === 'default' && p.name.startsWith('web-')).map((p) => p.podIP));
  });

  test('not-ready pods are ready=false serving=false; terminating pods stay as ready=false serving=true terminating=true (podToEndpoint)', () => {
    const c = simulate(
      deploy('nr', { labels: { app: 'x', v: 'nr' }, annotations: { 'svclab.io/ready': 'false' } }) +
      deploy('term', { labels: { app: 'x', v: 'term' }, annotations: { 'svclab.io/terminating': 'true' } }) +
      service('x', 'selector: { app: x }\nports: [ { port: 80 } ]'),
    );
    const eps = slicesOf(c, 'x')[0].endpoints;
    expect(eps.map((e) => [e.targetRef!.name.split('-')[0], e.conditions])).toEqual([
      ['nr', { ready: false, serving: false, terminating: false }],
      ['term', { ready: false, serving: true, terminating: true }],
    ]);
  });

  test('publishNotReadyAddresses makes not-ready endpoints ready (podToEndpoint) and lists them under addresses (Endpoints controller)', () => {
    const c = simulate(
      deploy('nr', { labels: { app: 'x' }, annotations: { 'svclab.io/ready': 'false' } }) +
      service('x', 'publishNotReadyAddresses: true\nselector: { app: x }\nports: [ { port: 80 } ]'),
    );
    expect(slicesOf(c, 'x')[0].endpoints[0].conditions).toEqual({ ready: true, serving: false, terminating: false });
    expect(endpointsOf(c, 'x').subsets[0].addresses).toHaveLength(1);
  });

  test('named targetPorts are resolved per pod; a pod without the name is left out of that port and slices are grouped by port set (FindPort, reconciler)', () => {
    const c = simulate(
      deploy('v1', { labels: { app: 'x', v: '1' }, ports: '        - { name: http, containerPort: 8080 }' }) +
      deploy('v2', { labels: { app: 'x', v: '2' }, ports: '        - { name: http, containerPort: 9090 }' }) +
      deploy('v3', { labels: { app: 'x', v: '3' }, ports: '        - { containerPort: 80 }' }) +
      service('x', 'selector: { app: x }\nports: [ { name: web, port: 80, targetPort: http } ]'),
    );
    const byPorts = slicesOf(c, 'x').map((s) => [s.ports.map((p) => p.port), s.endpoints.map((e) => e.targetRef!.name.split('-')[0])]);
    expect(byPorts).toEqual([[[8080], ['v1']], [[9090], ['v2']], [[], ['v3']]]);
    // The legacy Endpoints leave v3 out altogether (no port to list it under).
    expect(endpointsOf(c, 'x').subsets.map((s) => [s.ports[0].port, s.addresses.length])).toEqual([[8080, 1], [9090, 1]]);
  });

  test('a named targetPort is also found on a sidecar (init container with restartPolicy: Always), not on a plain init container (podutil.FindPort)', () => {
    const c = simulate(
      deploy('side', { labels: { app: 'x', v: 's' }, spec: 'initContainers:\n- { name: proxy, image: envoy, restartPolicy: Always, ports: [ { name: proxy, containerPort: 15001 } ] }' }) +
      deploy('init', { labels: { app: 'x', v: 'i' }, spec: 'initContainers:\n- { name: setup, image: busybox, ports: [ { name: proxy, containerPort: 15002 } ] }' }) +
      service('x', 'selector: { app: x }\nports: [ { name: p, port: 80, targetPort: proxy } ]'),
    );
    const byPorts = slicesOf(c, 'x').map((s) => [s.ports.map((p) => p.port), s.endpoints.map((e) => e.targetRef!.name.split('-')[0])]);
    expect(byPorts).toEqual([[[15001], ['side']], [[], ['init']]]);
  });

  test('a numeric targetPort is taken as it is, declared by a container or not (containerPort is informational)', () => {
    const c = simulate(deploy('web') + service('web', 'selector: { app: web }\nports: [ { port: 80, targetPort: 8080 } ]'));
    expect(slicesOf(c, 'web')[0].ports).toEqual([{ name: '', port: 8080, protocol: 'TCP' }]);
  });

  test('the slice ports carry the Service port name, protocol and appProtocol (reconciler getEndpointPorts)', () => {
    const c = simulate(deploy('web') + service('web', 'selector: { app: web }\nports: [ { name: h2, port: 443, targetPort: 8443, appProtocol: kubernetes.io/h2c } ]'));
    expect(slicesOf(c, 'web')[0].ports).toEqual([{ name: 'h2', port: 8443, protocol: 'TCP', appProtocol: 'kubernetes.io/h2c' }]);
  });

  test('hostname is set for pods whose subdomain is the Service (endpointutil.ShouldSetHostname)', () => {
    const c = simulate(`apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db }
spec:
  serviceName: db
  replicas: 2
  selector: { matchLabels: { app: db } }
  template: { metadata: { labels: { app: db } }, spec: { containers: [ { name: db, image: x } ] } }
---
` + service('db', 'clusterIP: None\nselector: { app: db }\nports: [ { port: 5432 } ]') + service('db-public', 'selector: { app: db }\nports: [ { port: 5432 } ]'));
    expect(slicesOf(c, 'db')[0].endpoints.map((e) => e.hostname)).toEqual(['db-0', 'db-1']);
    expect(slicesOf(c, 'db-public')[0].endpoints.map((e) => e.hostname)).toEqual([undefined, undefined]);
    expect(endpointsOf(c, 'db').subsets[0].addresses.map((a) => a.hostname)).toEqual(['db-0', 'db-1']);
  });

  test('a Service whose selector matches nothing keeps one empty placeholder slice and empty Endpoints (reconciler placeholder)', () => {
    const c = simulate(service('lonely', 'selector: { app: nobody }\nports: [ { port: 80 } ]'));
    expect(slicesOf(c, 'lonely').map((s) => [s.ports, s.endpoints])).toEqual([[[], []]]);
    expect(endpointsOf(c, 'lonely').subsets).toEqual([]);
  });

  test('Pending pods (no IP) are never endpoints (ShouldPodBeInEndpoints)', () => {
    const c = simulate(deploy('web', { spec: 'nodeSelector: { disk: ssd }' }) + service('web', 'selector: { app: web }\nports: [ { port: 80 } ]'));
    expect(slicesOf(c, 'web')[0].endpoints).toEqual([]);
  });

  test(`at most ${MAX_ENDPOINTS_PER_SLICE} endpoints per slice (--max-endpoints-per-slice default)`, () => {
    const c = simulate(deploy('web', { replicas: 250 }) + service('web', 'selector: { app: web }\nports: [ { port: 80 } ]'), { cluster: { nodes: Array.from({ length: 4 }, (_, i) => ({ name: `n${i}`, internalIP: `192.168.1.${i + 10}`, labels: {}, taints: [] })) } });
    expect(slicesOf(c, 'web').map((s) => s.endpoints.length)).toEqual([100, 100, 50]);
    expect(new Set(slicesOf(c, 'web').map((s) => s.name)).size).toBe(3);
  });

  test('a Service without selector keeps the Endpoints written by hand, mirrored into a slice (EndpointSlice mirroring controller)', () => {
    const c = simulate(service('ext-db', 'ports: [ { name: pg, port: 5432 } ]') + `apiVersion: v1
kind: Endpoints
metadata: { name: ext-db }
subsets:
- addresses: [ { ip: 192.168.10.5 } ]
  notReadyAddresses: [ { ip: 192.168.10.6 } ]
  ports: [ { name: pg, port: 5432 } ]
`);
    expect(endpointsOf(c, 'ext-db').subsets[0].addresses).toEqual([{ ip: '192.168.10.5' }]);
    const [mirrored] = slicesOf(c, 'ext-db');
    expect(mirrored.managedBy).toBe('endpointslicemirroring-controller.k8s.io');
    expect(mirrored.ports).toEqual([{ name: 'pg', port: 5432, protocol: 'TCP' }]);
    expect(mirrored.endpoints.map((e) => [e.addresses[0], e.conditions.ready])).toEqual([['192.168.10.5', true], ['192.168.10.6', false]]);
  });

  test('EndpointSlices written by hand are kept for their Service (kubernetes.io/service-name label)', () => {
    const c = simulate(service('manual', 'ports: [ { port: 80 } ]') + `apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: manual-1
  labels: { kubernetes.io/service-name: manual }
addressType: IPv4
ports: [ { port: 8080 } ]
endpoints: [ { addresses: [ 10.1.2.3 ] } ]
`);
    expect(slicesOf(c, 'manual').map((s) => [s.name, s.managedBy, s.endpoints[0].addresses[0], s.ports[0].port])).toEqual([['manual-1', 'user', '10.1.2.3', 8080]]);
  });

  test('ExternalName Services get no EndpointSlices or Endpoints, even with a selector (both controllers skip them, kubernetes issue 105986)', () => {
    const c = simulate(deploy('web') + service('ext', 'type: ExternalName\nexternalName: web.example.com\nselector: { app: web }\nports: [ { port: 80 } ]'));
    expect(slicesOf(c, 'ext')).toEqual([]);
    expect(c.endpoints.find((e) => e.name === 'ext')).toBeUndefined();
  });

  test('default/kubernetes points at the API server, and kube-dns at the two CoreDNS pods (apiserver endpoint reconciler)', () => {
    const c = simulate('');
    expect(endpointsOf(c, 'kubernetes').subsets).toEqual([{ addresses: [{ ip: '192.168.49.2' }], notReadyAddresses: [], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }]);
    const dns = slicesOf(c, 'kube-dns', 'kube-system');
    expect(dns).toHaveLength(1);
    expect(dns[0].ports.map((p) => `${p.port}/${p.protocol}`)).toEqual(['53/UDP', '53/TCP', '9153/TCP']);
    expect(dns[0].endpoints.map((e) => e.targetRef!.name)).toEqual(c.pods.filter((p) => p.name.startsWith('coredns-')).map((p) => p.name));
  });
});

describe('Endpoints (Endpoints controller, RepackSubsets)', () => {
  test('ready pods under addresses, not-ready under notReadyAddresses, sorted by IP; terminating pods left out', () => {
    const c = simulate(
      deploy('ok', { labels: { app: 'x', v: 'ok' }, replicas: 2 }) +
      deploy('nr', { labels: { app: 'x', v: 'nr' }, annotations: { 'svclab.io/ready': 'false' } }) +
      deploy('term', { labels: { app: 'x', v: 'term' }, annotations: { 'svclab.io/terminating': 'true' } }) +
      service('x', 'selector: { app: x }\nports: [ { name: http, port: 80 } ]'),
    );
    const [subset, ...rest] = endpointsOf(c, 'x').subsets;
    expect(rest).toEqual([]);
    const ips = subset.addresses.map((a) => a.ip);
    expect(ips).toEqual([...ips].sort());
    expect(subset.addresses.map((a) => a.targetRef!.name.split('-')[0])).toEqual(['ok', 'ok']);
    expect(subset.notReadyAddresses.map((a) => a.targetRef!.name.split('-')[0])).toEqual(['nr']);
    expect(subset.ports).toEqual([{ name: 'http', port: 80, protocol: 'TCP' }]);
  });

  test('ports are grouped by the set of addresses serving them, not addresses by port set (pkg/api/v1/endpoints RepackSubsets)', () => {
    // both declares http and metrics, web only http: http -> {both, web}, metrics -> {both}.
    const c = simulate(
      deploy('both', { labels: { app: 'x', v: 'both' }, ports: '        - { name: http, containerPort: 8080 }\n        - { name: metrics, containerPort: 9090 }' }) +
      deploy('web', { labels: { app: 'x', v: 'web' }, ports: '        - { name: http, containerPort: 8080 }' }) +
      service('x', 'selector: { app: x }\nports: [ { name: http, port: 80, targetPort: http }, { name: metrics, port: 9090, targetPort: metrics } ]'),
    );
    const subsets = endpointsOf(c, 'x').subsets.map((s) => [s.ports.map((p) => p.name), s.addresses.map((a) => a.targetRef!.name.split('-')[0]).sort()]);
    expect(subsets).toEqual([[['http'], ['both', 'web']], [['metrics'], ['both']]]);
  });
});
