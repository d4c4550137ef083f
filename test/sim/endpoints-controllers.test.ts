/**
 * The Endpoints controller's capacity limit (pkg/controller/endpoint/endpoints_controller.go
 * syncService, truncateEndpoints, the endpoints.kubernetes.io/over-capacity annotation) and the
 * EndpointSlice mirroring controller (pkg/controller/endpointslicemirroring: shouldMirror,
 * reconciler.go reconcile, utils.go addressToEndpoint) — and that kube-proxy reads only
 * EndpointSlices, so Endpoints that are not mirrored route nowhere.
 */
import { simulate } from '../../src/sim/index';
import { MAX_ENDPOINTS_CAPACITY, OVER_CAPACITY_ANNOTATION, truncateEndpoints } from '../../src/sim/endpoints';
import { MIRRORING_CONTROLLER } from '../../src/sim/endpoint-slices';
import { endpointsObject } from '../../src/views/objects';
import type { SimEndpointsSubset } from '../../src/sim/types';
import { deploy, service } from './fixtures';

type Cluster = ReturnType<typeof simulate>;
const endpointsOf = (c: Cluster, name: string) => c.endpoints.find((e) => e.name === name && e.namespace === 'default')!;
const slicesOf = (c: Cluster, name: string) => c.endpointSlices.filter((s) => s.serviceName === name && s.namespace === 'default');
const big = `apiVersion: svclab.io/v1alpha1
kind: Cluster
metadata: { name: big }
spec: { nodes: 5, maxPodsPerNode: 250 }
---
`;

describe('Endpoints controller: at most 1000 addresses (truncateEndpoints)', () => {
  test('1005 ready pods: 1000 addresses are kept, the annotation says truncated; the EndpointSlices keep all 1005', () => {
    const c = simulate(big + deploy('web', { replicas: 1005 }) + service('web', 'selector: { app: web }\nports: [ { port: 80 } ]'));
    const ep = endpointsOf(c, 'web');
    expect(ep.subsets.reduce((n, s) => n + s.addresses.length + s.notReadyAddresses.length, 0)).toBe(MAX_ENDPOINTS_CAPACITY);
    expect(ep.annotations).toEqual({ [OVER_CAPACITY_ANNOTATION]: 'truncated' });
    expect(slicesOf(c, 'web').reduce((n, s) => n + s.endpoints.length, 0)).toBe(1005);
    // kubectl -o yaml shows the annotation.
    expect((endpointsObject(ep, c).metadata as { annotations: unknown }).annotations).toEqual({ 'endpoints.kubernetes.io/over-capacity': 'truncated' });
    // kube-proxy reads the slices: all 1005 pods stay reachable.
    expect(c.route({ from: 'pod', to: 'web:80' }).candidates).toHaveLength(1005);
  });

  test('ready addresses are kept first: 990 ready and 20 not ready keep the 990 and 10 of the others', () => {
    const c = simulate(
      big + deploy('ready', { replicas: 990, labels: { app: 'web', v: 'r' } }) +
      deploy('unready', { replicas: 20, labels: { app: 'web', v: 'n' }, annotations: { 'svclab.io/ready': 'false' } }) +
      service('web', 'selector: { app: web }\nports: [ { port: 80 } ]'),
    );
    const [subset] = endpointsOf(c, 'web').subsets;
    expect([subset.addresses.length, subset.notReadyAddresses.length]).toEqual([990, 10]);
  });

  test('1000 or fewer: nothing is cut and there is no annotation', () => {
    const c = simulate(big + deploy('web', { replicas: 1000 }) + service('web', 'selector: { app: web }\nports: [ { port: 80 } ]'));
    expect(endpointsOf(c, 'web').annotations).toBeUndefined();
    expect(endpointsOf(c, 'web').subsets[0].addresses).toHaveLength(1000);
  });

  test('the addresses kept are shared between subsets in proportion, rounded up (the last subset gets what is left)', () => {
    const addr = (n: number, p: string) => Array.from({ length: n }, (_, i) => ({ ip: `${p}.${Math.floor(i / 250)}.${i % 250}` }));
    const subsets: SimEndpointsSubset[] = [
      { addresses: addr(700, '10.1'), notReadyAddresses: addr(5, '10.9'), ports: [{ port: 80, protocol: 'TCP' }] },
      { addresses: addr(701, '10.2'), notReadyAddresses: [], ports: [{ port: 81, protocol: 'TCP' }] },
    ];
    expect(truncateEndpoints(subsets)).toBe(true);
    // ceil(700/1401 * 1000) = 500, then min(ceil(701/1401 * 1000), 500) = 500; not-ready addresses are dropped.
    expect(subsets.map((s) => [s.addresses.length, s.notReadyAddresses.length])).toEqual([[500, 0], [500, 0]]);
    expect(subsets[0].addresses[0].ip).toBe('10.1.0.0');
  });
});

describe('EndpointSlice mirroring controller', () => {
  const selectorless = service('db', 'ports: [ { name: pg, port: 5432 } ]');
  const endpoints = (extra = '', subsets = '- addresses: [ { ip: 10.0.0.5 }, { ip: 10.0.0.6 } ]\n  notReadyAddresses: [ { ip: 10.0.0.7 } ]\n  ports: [ { name: pg, port: 5432 } ]') => `apiVersion: v1
kind: Endpoints
metadata:
  name: db${extra}
subsets:
${subsets}
---
`;

  test('hand-written Endpoints of a Service without selector are mirrored: ready = addresses, not ready = notReadyAddresses', () => {
    const c = simulate(selectorless + endpoints());
    const [slice, ...more] = slicesOf(c, 'db');
    expect(more).toEqual([]);
    expect(slice.managedBy).toBe(MIRRORING_CONTROLLER);
    expect(slice.endpoints.map((e) => [e.addresses[0], e.conditions.ready])).toEqual([['10.0.0.5', true], ['10.0.0.6', true], ['10.0.0.7', false]]);
    expect(c.route({ from: 'pod', to: 'db:5432', count: 20 }).candidates.map((x) => x.podIP)).toEqual(['10.0.0.5', '10.0.0.6']);
  });

  test('Endpoints labelled endpointslice.kubernetes.io/skip-mirror: "true" are not mirrored, and kube-proxy (which reads only EndpointSlices) finds no endpoint', () => {
    const c = simulate(selectorless + endpoints('\n  labels: { endpointslice.kubernetes.io/skip-mirror: "true" }'));
    expect(slicesOf(c, 'db')).toEqual([]);
    expect(endpointsOf(c, 'db').subsets[0].addresses).toHaveLength(2);
    const a = c.route({ from: 'pod', to: 'db:5432' }).results[0];
    expect(a.outcome).toBe('refused');
    expect(a.why).toMatchObject({ message: 'no-endpoints', detail: { why: { cause: 'skip-mirror', label: 'endpointslice.kubernetes.io/skip-mirror' } } });
    expect(a.reason).toMatch(/its hand-written Endpoints are labelled endpointslice.kubernetes.io\/skip-mirror: "true", so no EndpointSlice mirrors them \(kube-proxy reads only EndpointSlices\)/);
    // Any other value of the label mirrors (skipMirror compares with "true").
    expect(slicesOf(simulate(selectorless + endpoints('\n  labels: { endpointslice.kubernetes.io/skip-mirror: "false" }')), 'db')).toHaveLength(1);
  });

  test('leader-election Endpoints (control-plane.alpha.kubernetes.io/leader) are not mirrored either (hasLeaderElection)', () => {
    expect(slicesOf(simulate(selectorless + endpoints('\n  annotations: { control-plane.alpha.kubernetes.io/leader: "{}" }')), 'db')).toEqual([]);
  });

  test('subsets with the same ports share one slice (desiredCalc keys slices by address type and ports)', () => {
    const subsets = '- addresses: [ { ip: 10.0.0.5 } ]\n  ports: [ { name: pg, port: 5432 } ]\n- addresses: [ { ip: 10.0.0.6 } ]\n  ports: [ { name: pg, port: 5432 } ]\n- addresses: [ { ip: 10.0.0.7 } ]\n  ports: [ { name: other, port: 6432 } ]';
    const c = simulate(selectorless + endpoints('', subsets));
    expect(slicesOf(c, 'db').map((s) => [s.ports.map((p) => p.port), s.endpoints.map((e) => e.addresses[0])])).toEqual([
      [[5432], ['10.0.0.5', '10.0.0.6']],
      [[6432], ['10.0.0.7']],
    ]);
  });

  test('at most 1000 addresses of a subset are mirrored, in one slice (maxEndpointsPerSubset)', () => {
    const ips = Array.from({ length: 1100 }, (_, i) => `{ ip: 10.1.${Math.floor(i / 250)}.${(i % 250) + 1} }`).join(', ');
    const c = simulate(selectorless + endpoints('', `- addresses: [ ${ips} ]\n  ports: [ { name: pg, port: 5432 } ]`));
    expect(slicesOf(c, 'db').map((s) => s.endpoints.length)).toEqual([1000]);
  });

  test('a Service with a selector is not mirrored, and an ExternalName Service without selector is (the mirroring controller checks only the selector)', () => {
    const withSelector = simulate(service('db', 'selector: { app: db }\nports: [ { name: pg, port: 5432 } ]') + endpoints());
    expect(slicesOf(withSelector, 'db').every((s) => s.managedBy !== MIRRORING_CONTROLLER)).toBe(true);
    const ext = simulate(service('db', 'type: ExternalName\nexternalName: db.example.com\nports: [ { name: pg, port: 5432 } ]') + endpoints());
    expect(slicesOf(ext, 'db').map((s) => s.managedBy)).toEqual([MIRRORING_CONTROLLER]);
    // kube-proxy skips ExternalName Services: the name is still a CNAME.
    expect(ext.resolve({ name: 'db', type: 'A', from: 'pod' }).answers[0]).toMatchObject({ type: 'CNAME', data: 'db.example.com.' });
  });
});
