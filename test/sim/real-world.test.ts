/**
 * Every app of ../shared/corpus/real-world simulated on the default cluster: none may crash,
 * every pod must be scheduled, and Services must get the endpoints a real cluster would give
 * them (the files are read where they are, never copied).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { glob } from 'glob';
import { simulate } from '../../src/sim/index';
import type { SimCluster } from '../../src/sim/types';
import { describeWithShared, sharedPath } from '../helpers';

const CORPUS = sharedPath('corpus', 'real-world');

function simulateApp(app: string): SimCluster {
  const files = glob.sync('**/*.{yaml,yml}', { cwd: path.join(CORPUS, app) }).sort();
  return simulate(files.map((f) => ({ path: f, absPath: null, text: fs.readFileSync(path.join(CORPUS, app, f), 'utf8') })));
}

const endpointIPs = (c: SimCluster, ns: string, name: string) =>
  c.endpointSlices.filter((s) => s.namespace === ns && s.serviceName === name).flatMap((s) => s.endpoints.filter((e) => e.conditions.ready).flatMap((e) => e.addresses));

describeWithShared('real-world apps simulate like a cluster would run them', 'corpus/real-world/SOURCES.md', () => {
  const APPS = fs.readdirSync(CORPUS).filter((d) => fs.statSync(path.join(CORPUS, d)).isDirectory()).sort();

  test.each(APPS)('%s: every pod is scheduled and Running', (app) => {
    const c = simulateApp(app);
    expect(c.pods.filter((p) => p.phase !== 'Running').map((p) => `${p.namespace}/${p.name}: ${p.pendingReason}`)).toEqual([]);
  });

  test('sock-shop: nodeSelector beta.kubernetes.io/os: linux matches, because the kubelet still sets the beta OS/arch labels (kubelet_node_status.go initialNode)', () => {
    const c = simulateApp('sock-shop');
    const shop = c.pods.filter((p) => p.namespace === 'sock-shop');
    expect(shop.length).toBeGreaterThan(10);
    expect(shop.every((p) => p.phase === 'Running')).toBe(true);
    // Two namespaces: each Service only selects pods of its own namespace (and the cluster's own: kube-system, ingress-nginx).
    expect(new Set(c.services.map((s) => s.namespace))).toEqual(new Set(['default', 'kube-system', 'ingress-nginx', 'sock-shop', 'monitoring']));
    expect(endpointIPs(c, 'sock-shop', 'front-end')).toHaveLength(1);
  });

  test('kube-prometheus: node-exporter (DaemonSet, hostNetwork, tolerates every taint) runs on all four nodes with the node IPs, and its headless Service lists them', () => {
    const c = simulateApp('kube-prometheus');
    const exporters = c.pods.filter((p) => p.ownerKind === 'DaemonSet' && p.ownerName === 'node-exporter');
    expect(exporters.map((p) => p.nodeName).sort()).toEqual(['control-plane', 'node-1', 'node-2', 'node-3']);
    for (const p of exporters) expect(p.podIP).toBe(c.nodes.find((n) => n.name === p.nodeName)!.internalIP);
    expect(endpointIPs(c, 'monitoring', 'node-exporter').sort()).toEqual(c.nodes.map((n) => n.internalIP).sort());
  });

  test.each([['zookeeper', 'zk', 'zk-hs'], ['mysql-replicated', 'mysql', 'mysql'], ['cassandra', 'cassandra', 'cassandra']])(
    '%s: StatefulSet pods %s-0..2 with hostname and the headless Service %s as subdomain; its slice publishes the hostnames (endpointutil.ShouldSetHostname)',
    (app, set, headless) => {
      const c = simulateApp(app);
      const pods = c.pods.filter((p) => p.ownerKind === 'StatefulSet');
      expect(pods.map((p) => p.name)).toEqual([`${set}-0`, `${set}-1`, `${set}-2`]);
      expect(pods.map((p) => [p.hostname, p.spec.subdomain])).toEqual(pods.map((p) => [p.name, headless]));
      expect(c.services.find((s) => s.name === headless)!.clusterIP).toBe('None');
      const eps = c.endpointSlices.filter((s) => s.serviceName === headless).flatMap((s) => s.endpoints);
      expect(eps.map((e) => e.hostname).sort()).toEqual([`${set}-0`, `${set}-1`, `${set}-2`]);
    },
  );
});
