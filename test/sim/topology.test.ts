/**
 * Topology-aware routing, end to end: the zone (and node) hints the EndpointSlice controller
 * writes (staging/src/k8s.io/endpointslice reconciler.go: trafficdist/trafficdist.go
 * preferCloseHeuristic for spec.trafficDistribution, topologycache/topologycache.go AddHints for
 * the topology-mode annotation) and how kube-proxy uses them (pkg/proxy/topology.go
 * CategorizeEndpoints / topologyModeFromHints): traffic stays in the client node's zone when every
 * ready endpoint is hinted and one is hinted for that zone, else it goes to every endpoint.
 */
import { simulate } from '../../src/sim/index';
import { cpuRatiosByZone, hintsEnabled } from '../../src/sim/topology-hints';
import { endpointSliceObject } from '../../src/views/objects';
import { deploy, service } from './fixtures';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers';

type Cluster = ReturnType<typeof simulate>;
const slicesOf = (c: Cluster, name: string) => c.endpointSlices.filter((s) => s.serviceName === name && s.namespace === 'default');
/** pod name -> the zones its endpoint is hinted for. */
const hintsByPod = (c: Cluster, name: string) =>
  Object.fromEntries(slicesOf(c, name).flatMap((s) => s.endpoints.map((e) => [e.targetRef!.name, e.hints?.forZones?.map((z) => z.name) ?? null])));
const podsOn = (c: Cluster, node: string, prefix = 'web') => c.pods.filter((p) => p.nodeName === node && p.name.startsWith(prefix)).map((p) => `default/${p.name}`).sort();
/** The pods a client on `node` reaches through the Service's ClusterIP (count connections). */
function reached(c: Cluster, from: string, to = 'web:80', count = 60): string[] {
  const r = c.route({ from, to, count, seed: 3 });
  return Object.keys(r.summary.byPod).sort();
}
const debugOn = (node: string) => `apiVersion: v1\nkind: Pod\nmetadata: { name: client-${node}, labels: { app: client } }\nspec:\n  nodeName: ${node}\n  containers: [ { name: c, image: curl } ]\n---\n`;
const clients = ['node-1', 'node-2', 'node-3'].map(debugOn).join('');

describe('trafficDistribution (EndpointSlice controller preferCloseHeuristic, kube-proxy topologyModeFromHints)', () => {
  const web = (extra: string, replicas = 6) => deploy('web', { replicas }) + service('web', `selector: { app: web }\nports: [ { port: 80 } ]\n${extra}`) + clients;

  test('PreferClose: every ready endpoint is hinted for its own zone, and a client reaches only the endpoints of its zone', () => {
    const c = simulate(web('trafficDistribution: PreferClose'));
    for (const s of slicesOf(c, 'web')) for (const e of s.endpoints) expect(e.hints).toEqual({ forZones: [{ name: e.zone }] });
    expect(reached(c, 'pod/client-node-2')).toEqual(podsOn(c, 'node-2'));
    expect(reached(c, 'pod/client-node-3')).toEqual(podsOn(c, 'node-3'));
    const dnat = c.route({ from: 'pod/client-node-2', to: 'web:80' }).results[0].hops.find((h) => h.message === 'dnat')!;
    expect(dnat.detail.topology).toEqual({ mode: 'PreferSameZone', zone: 'zone-b' });
    expect(dnat.text).toMatch(/one of 2 usable endpoints, picked at random\); topology hints keep the traffic in zone zone-b/);
  });

  test('PreferSameZone means the same as PreferClose; without trafficDistribution no endpoint is hinted', () => {
    expect(hintsByPod(simulate(web('trafficDistribution: PreferSameZone')), 'web')).toEqual(hintsByPod(simulate(web('trafficDistribution: PreferClose')), 'web'));
    const plain = simulate(web(''));
    expect(Object.values(hintsByPod(plain, 'web')).every((h) => h === null)).toBe(true);
    expect(reached(plain, 'pod/client-node-2')).toHaveLength(6);
  });

  test('PreferSameNode hints each endpoint for its node too; a node with an endpoint keeps the traffic, one without falls back to its zone', () => {
    const on = (node: string) => deploy(`web-${node}`, { labels: { app: 'web', node }, spec: `nodeSelector: { kubernetes.io/hostname: ${node} }` });
    const cp = debugOn('control-plane').replace('containers:', 'tolerations: [ { operator: Exists } ]\n  containers:');
    const c = simulate(on('node-1') + on('node-2') + service('web', 'selector: { app: web }\nports: [ { port: 80 } ]\ntrafficDistribution: PreferSameNode') + clients + cp);
    const slice = slicesOf(c, 'web')[0];
    for (const e of slice.endpoints) expect(e.hints).toEqual({ forZones: [{ name: e.zone }], forNodes: [{ name: e.nodeName }] });
    expect(reached(c, 'pod/client-node-1')).toEqual(podsOn(c, 'node-1'));
    expect(reached(c, 'pod/client-node-2')).toEqual(podsOn(c, 'node-2'));
    // control-plane (zone-a) runs no endpoint: no node hint for it, so the zone hints decide (node-1 is in zone-a).
    expect(reached(c, 'pod/client-control-plane')).toEqual(podsOn(c, 'node-1'));
    // node-3 (zone-c) has neither: every endpoint.
    expect(reached(c, 'pod/client-node-3')).toHaveLength(2);
    const dnat = c.route({ from: 'pod/client-node-3', to: 'web:80' }).results[0].hops.find((h) => h.message === 'dnat')!;
    expect(dnat.detail.topology).toEqual({ mode: 'ignored', why: 'no-hint-for-zone', zone: 'zone-c' });
    expect(dnat.text).toMatch(/topology hints ignored: no endpoint is hinted for zone zone-c, so any endpoint may be picked/);
    const nodeHop = c.route({ from: 'pod/client-node-1', to: 'web:80' }).results[0].hops.find((h) => h.message === 'dnat')!;
    expect(nodeHop.detail.topology).toEqual({ mode: 'PreferSameNode', node: 'node-1' });
  });

  test('not-ready endpoints get no hint, and do not stop the ready ones from being used by zone (only ready endpoints count)', () => {
    const c = simulate(
      deploy('web', { replicas: 3 }) +
      deploy('web-nr', { labels: { app: 'web', v: 'nr' }, annotations: { 'svclab.io/ready': 'false' } }) +
      service('web', 'selector: { app: web }\nports: [ { port: 80 } ]\ntrafficDistribution: PreferClose') + clients,
    );
    const nr = slicesOf(c, 'web')[0].endpoints.find((e) => e.targetRef!.name.startsWith('web-nr'))!;
    expect(nr.conditions.ready).toBe(false);
    expect(nr.hints).toBeUndefined();
    expect(reached(c, 'pod/client-node-2')).toEqual(podsOn(c, 'node-2').filter((p) => !p.includes('web-nr')));
  });

  test('kube-proxy falls back to every endpoint when one ready endpoint has no zone hint (hand-written EndpointSlice)', () => {
    const slice = (hintB: string) => `apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: ext-1, labels: { kubernetes.io/service-name: ext } }
addressType: IPv4
ports: [ { port: 80 } ]
endpoints:
- { addresses: [ 10.0.0.1 ], zone: zone-a, hints: { forZones: [ { name: zone-a } ] } }
- { addresses: [ 10.0.0.2 ], zone: zone-b${hintB} }
---
`;
    const svc = service('ext', 'ports: [ { port: 80 } ]');
    const hinted = simulate(svc + slice(', hints: { forZones: [ { name: zone-b } ] }') + clients);
    const ips = (c: Cluster, from: string) => [...new Set(c.route({ from, to: 'ext:80', count: 40 }).results.map((a) => a.hops.find((h) => h.message === 'dnat')!.endpoint!.split(':')[0]))].sort();
    expect(ips(hinted, 'pod/client-node-1')).toEqual(['10.0.0.1']);
    expect(ips(hinted, 'pod/client-node-2')).toEqual(['10.0.0.2']);
    const partly = simulate(svc + slice('') + clients);
    expect(ips(partly, 'pod/client-node-1')).toEqual(['10.0.0.1', '10.0.0.2']);
    const dnat = partly.route({ from: 'pod/client-node-1', to: 'ext:80' }).results[0].hops.find((h) => h.message === 'dnat')!;
    expect(dnat.detail.topology).toEqual({ mode: 'ignored', why: 'missing-hints', zone: 'zone-a' });
  });

  test('the Local traffic policies ignore hints (only CategorizeEndpoints\' Cluster endpoints use topology)', () => {
    const c = simulate(web('trafficDistribution: PreferClose\ninternalTrafficPolicy: Local'));
    const dnat = c.route({ from: 'pod/client-node-2', to: 'web:80' }).results[0].hops.find((h) => h.message === 'dnat')!;
    expect(dnat.detail).toMatchObject({ policy: 'internal-local', topology: null });
  });

  test('node ports: kube-proxy on the node that receives the traffic uses its own zone', () => {
    const c = simulate(deploy('web', { replicas: 6 }) + service('web', 'type: NodePort\nselector: { app: web }\nports: [ { port: 80, nodePort: 30080 } ]\ntrafficDistribution: PreferClose'));
    const r = c.route({ from: 'external', to: '192.168.49.5:30080', count: 40 });
    expect(Object.keys(r.summary.byPod).sort()).toEqual(podsOn(c, 'node-3'));
  });

  test('kubectl shows the hints: -o yaml of the EndpointSlice carries endpoints[].hints.forZones', async () => {
    const c = simulate(web('trafficDistribution: PreferClose', 3));
    const obj = endpointSliceObject(slicesOf(c, 'web')[0], c) as { endpoints: Array<{ hints?: unknown; zone?: string }> };
    expect(obj.endpoints.map((e) => e.hints)).toEqual(obj.endpoints.map((e) => ({ forZones: [{ name: e.zone }] })));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-topology-'));
    fs.writeFileSync(path.join(dir, 'web.yaml'), web('trafficDistribution: PreferClose', 3));
    const out = await runCli(['get', 'endpointslices', '-f', dir, '-o', 'yaml']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/hints:\n\s+forZones:\n\s+- name: zone-a/);
    // svclab curl -v names the zone in the DNAT hop, and every connection reaches a pod of that zone.
    fs.writeFileSync(path.join(dir, 'web.yaml'), web('trafficDistribution: PreferClose', 6));
    const curl = await runCli(['curl', 'web:80', '--from', 'pod/client-node-2', '--count', '6', '-v', '-f', dir]);
    expect(curl.code).toBe(0);
    expect(curl.stdout).toMatch(/kube-proxy on node-2 DNATs \S+ to \S+ \(one of 2 usable endpoints, picked at random\); topology hints keep the traffic in zone zone-b/);
  });
});

describe('topology-aware hints (service.kubernetes.io/topology-mode: Auto; topologycache AddHints)', () => {
  const auto = (annotation = 'service.kubernetes.io/topology-mode: Auto') => `apiVersion: v1
kind: Service
metadata: { name: web, annotations: { ${annotation} } }
spec: { selector: { app: web }, ports: [ { port: 80 } ] }
---
`;
  /** Two zones: zone-a has one worker, zone-b three, so zone-a gets 1/4 of the endpoints. */
  const twoZones = `apiVersion: svclab.io/v1alpha1
kind: Cluster
metadata: { name: zones }
spec:
  nodes:
  - { name: control-plane, internalIP: 192.168.49.2, zone: zone-a, labels: { node-role.kubernetes.io/control-plane: "" }, taints: [ { key: node-role.kubernetes.io/control-plane, effect: NoSchedule } ] }
  - { name: a-1, internalIP: 192.168.49.3, zone: zone-a }
  - { name: b-1, internalIP: 192.168.49.4, zone: zone-b }
  - { name: b-2, internalIP: 192.168.49.5, zone: zone-b }
  - { name: b-3, internalIP: 192.168.49.6, zone: zone-b }
---
`;
  const inZone = (zone: string) => deploy(`web-${zone}`, { replicas: 4, labels: { app: 'web', zone }, spec: `nodeSelector: { topology.kubernetes.io/zone: ${zone} }` });

  test('hintsEnabled: the deprecated topology-aware-hints annotation wins over topology-mode; Auto or auto', () => {
    expect(hintsEnabled({ 'service.kubernetes.io/topology-mode': 'Auto' })).toBe(true);
    expect(hintsEnabled({ 'service.kubernetes.io/topology-mode': 'auto' })).toBe(true);
    expect(hintsEnabled({ 'service.kubernetes.io/topology-mode': 'PreferZone' })).toBe(false);
    expect(hintsEnabled({ 'service.kubernetes.io/topology-mode': 'Auto', 'service.kubernetes.io/topology-aware-hints': 'Disabled' })).toBe(false);
  });

  test('the cache counts each zone\'s share of the workers (every node as the same CPU); the control plane does not count (SetNodes, hasExcludedLabels)', () => {
    const c = simulate(twoZones);
    expect(Object.fromEntries(cpuRatiosByZone(c.nodes)!)).toEqual({ 'zone-a': 0.25, 'zone-b': 0.75 });
    expect(cpuRatiosByZone(simulate('').nodes)!.size).toBe(3);
  });

  test('endpoints are moved from an over-served zone to an under-served one (getGivingAndReceivingZones, redistributeHints)', () => {
    // 8 ready endpoints, 4 per zone: zone-a should serve 2 (1/4), zone-b 6 -> two zone-a endpoints are hinted for zone-b.
    const c = simulate(twoZones + inZone('zone-a') + inZone('zone-b') + auto());
    const hints = Object.values(hintsByPod(c, 'web')).map((h) => h![0]);
    expect(hints.filter((z) => z === 'zone-a')).toHaveLength(2);
    expect(hints.filter((z) => z === 'zone-b')).toHaveLength(6);
    const pod = (from: string) => `apiVersion: v1\nkind: Pod\nmetadata: { name: client-${from} }\nspec: { nodeName: ${from}, containers: [ { name: c, image: curl } ] }\n---\n`;
    const withClients = simulate(twoZones + inZone('zone-a') + inZone('zone-b') + auto() + pod('a-1') + pod('b-1'));
    expect(reached(withClients, 'pod/client-a-1', 'web:80', 80)).toHaveLength(2);
    const fromB = reached(withClients, 'pod/client-b-1', 'web:80', 200);
    expect(fromB).toHaveLength(6);
    expect(fromB.filter((p) => p.includes('web-zone-a'))).toHaveLength(2);
  });

  test('no hints when a zone would be overloaded, with fewer endpoints than zones, or when a node has no zone (getAllocations, SetNodes)', () => {
    // Default cluster, 4 endpoints over 3 zones: each zone needs at least ceil(4/3 / 1.2) = 2, 6 > 4.
    const overloaded = simulate(deploy('web', { replicas: 4 }) + auto());
    expect(Object.values(hintsByPod(overloaded, 'web')).every((h) => h === null)).toBe(true);
    const few = simulate(deploy('web', { replicas: 2 }) + auto());
    expect(Object.values(hintsByPod(few, 'web')).every((h) => h === null)).toBe(true);
    const noZone = simulate(twoZones.replace('{ name: b-3, internalIP: 192.168.49.6, zone: zone-b }', '{ name: b-3, internalIP: 192.168.49.6 }') + inZone('zone-a') + inZone('zone-b') + auto());
    expect(Object.values(hintsByPod(noZone, 'web')).every((h) => h === null)).toBe(true);
  });

  test('one endpoint per zone: each serves its own zone; the annotation wins over trafficDistribution', () => {
    const c = simulate(deploy('web', { replicas: 3 }) + auto().replace('ports: [ { port: 80 } ]', 'ports: [ { port: 80 } ], trafficDistribution: PreferSameNode'));
    for (const s of slicesOf(c, 'web')) for (const e of s.endpoints) expect(e.hints).toEqual({ forZones: [{ name: e.zone }] });
  });
});
