#!/usr/bin/env node
/*
 * NetworkPolicy at scale (issue 9, Performance): the routing benchmark's cluster (10 namespaces,
 * 2,000 Services, 20,000 pods on 200 nodes) with 500 NetworkPolicies: per namespace a
 * default-deny for ingress and egress and a DNS allowance, plus 480 allow rules by pod label and
 * by namespace. Times, as medians of several rounds: building the cluster (simulate()), 100,000
 * routed requests (half by name, half by ClusterIP), and a pods x pods truth table of 200 pods.
 *
 *   npm run build && node scripts/bench-netpol.js [--rounds 5]    (NP_IGNORE=1: the same cluster, policies ignored)
 */
'use strict';
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const dist = process.env.SVCLAB_DIST ? path.resolve(process.env.SVCLAB_DIST) : path.join(__dirname, '..', 'dist');
const { simulate } = require(path.join(dist, 'index.js'));
const { truthTable } = require(path.join(dist, 'policy', 'truth-table.js'));

const args = process.argv.slice(2);
const ROUNDS = (() => {
  const i = args.indexOf('--rounds');
  return i >= 0 ? Number(args[i + 1]) : 5;
})();
const NAMESPACES = 10;
const SERVICES = 2000;
const REPLICAS = 10;
const NODES = 200;
const OPS = 100000;
const NS_LABEL = 'kubernetes.io/metadata.name';

function policy(name, namespace, spec) {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace }, spec };
}

function objects() {
  const out = [];
  for (let n = 0; n < NAMESPACES; n++) out.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: `ns-${n}`, labels: { tier: n % 2 ? 'back' : 'front' } } });
  for (let i = 0; i < SERVICES; i++) {
    const ns = `ns-${i % NAMESPACES}`;
    const labels = { app: `app-${i}`, group: `g-${i % 40}` };
    out.push({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: `app-${i}`, namespace: ns },
      spec: { replicas: REPLICAS, selector: { matchLabels: { app: labels.app } }, template: { metadata: { labels }, spec: { containers: [{ name: 'app', image: 'example/app', ports: [{ containerPort: 8080, name: 'http' }] }] } } },
    });
    out.push({ apiVersion: 'v1', kind: 'Service', metadata: { name: `svc-${i}`, namespace: ns }, spec: { selector: { app: labels.app }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] } });
  }
  // 20: a default-deny and a DNS allowance per namespace.
  for (let n = 0; n < NAMESPACES; n++) {
    const ns = `ns-${n}`;
    out.push(policy('default-deny', ns, { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }));
    out.push(policy('allow-dns', ns, {
      podSelector: {}, policyTypes: ['Egress'],
      egress: [{ to: [{ namespaceSelector: { matchLabels: { [NS_LABEL]: 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }] }],
    }));
  }
  // 480: allow rules by label (ingress to a group from another group, egress to it) and by namespace.
  for (let k = 0; k < 480; k++) {
    const ns = `ns-${k % NAMESPACES}`;
    const group = `g-${k % 40}`;
    if (k % 3 === 0) {
      out.push(policy(`ingress-from-tier-${k}`, ns, { podSelector: { matchLabels: { group } }, policyTypes: ['Ingress'], ingress: [{ from: [{ namespaceSelector: { matchLabels: { tier: k % 2 ? 'front' : 'back' } } }], ports: [{ port: 'http' }] }] }));
    } else if (k % 3 === 1) {
      out.push(policy(`ingress-from-group-${k}`, ns, { podSelector: { matchLabels: { group } }, policyTypes: ['Ingress'], ingress: [{ from: [{ namespaceSelector: {}, podSelector: { matchLabels: { group: `g-${(k + 1) % 40}` } } }], ports: [{ port: 8080 }] }] }));
    } else {
      out.push(policy(`egress-to-all-${k}`, ns, { podSelector: { matchExpressions: [{ key: 'group', operator: 'In', values: [group, `g-${(k + 7) % 40}`] }] }, policyTypes: ['Egress'], egress: [{ to: [{ namespaceSelector: {} }], ports: [{ port: 8080, protocol: 'TCP' }] }] }));
    }
  }
  return out;
}

function clusterOverride() {
  const nodes = [];
  for (let i = 0; i < NODES; i++) {
    nodes.push({ name: `node-${i + 1}`, internalIP: `192.168.${Math.floor((i + 2) / 250)}.${((i + 2) % 250) + 1}`, labels: { 'kubernetes.io/hostname': `node-${i + 1}` }, taints: [], podCIDR: `10.${100 + Math.floor(i / 256)}.${i % 256}.0/24` });
  }
  return { nodes, podCIDR: '10.100.0.0/14', maxPodsPerNode: 250, maxPods: 500_000, apiServer: { ip: nodes[0].internalIP, port: 6443 } };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs) => xs.map((t) => t.toFixed(0)).join(', ');

const input = objects();
const override = { ...clusterOverride(), ...(process.env.NP_IGNORE ? { networkPolicies: "ignore" } : {}) };
const policies = input.filter((o) => o.kind === 'NetworkPolicy').length;
const buildTimes = [];
let cluster;
for (let r = 0; r < Math.min(ROUNDS, 3); r++) {
  const t0 = performance.now();
  cluster = simulate(input, { cluster: override });
  buildTimes.push(performance.now() - t0);
}
const running = cluster.pods.filter((p) => p.podIP && p.namespace.startsWith('ns-'));
const services = cluster.services.filter((s) => s.namespace.startsWith('ns-'));
console.log(`netpol cluster: ${cluster.nodes.length} nodes, ${running.length} running pods, ${services.length} Services, ${policies} NetworkPolicies`);
console.log(`build:     median wall ${median(buildTimes).toFixed(0)} ms (${fmt(buildTimes)})`);

const requests = [];
for (let i = 0; i < 1000; i++) {
  const pod = running[(i * 7919) % running.length];
  const svc = services[(i * 104729) % services.length];
  requests.push({ from: `pod/${pod.namespace}/${pod.name}`, to: i % 2 ? `${svc.clusterIP}:80` : `${svc.name}.${svc.namespace}:80`, namespace: pod.namespace });
}
for (let i = 0; i < 2000; i++) cluster.route(requests[i % requests.length]);
const routeTimes = [];
const tally = { ok: 0, dropped: 0, other: 0 };
for (let r = 0; r < ROUNDS; r++) {
  const t0 = performance.now();
  for (let i = 0; i < OPS; i++) {
    const s = cluster.route(requests[i % requests.length]).summary;
    if (r === 0) {
      if (s.ok) tally.ok++;
      else if (s.dropped) tally.dropped++;
      else tally.other++;
    }
  }
  routeTimes.push(performance.now() - t0);
}
console.log(`route():   ${OPS} requests: median wall ${median(routeTimes).toFixed(0)} ms (${fmt(routeTimes)}); one round: ${tally.ok} ok, ${tally.dropped} dropped by policy, ${tally.other} other`);

// The truth table on a fresh cluster each round, so that no verdict is cached from the round before.
const tableTimes = [];
let cells = 0;
let allowed = 0;
for (let r = 0; r < ROUNDS; r++) {
  const fresh = r === 0 ? cluster : simulate(input, { cluster: override });
  const all = fresh.pods.filter((p) => p.podIP && p.namespace.startsWith('ns-'));
  // 200 pods spread over every namespace and many apps and groups.
  const pods = Array.from({ length: 200 }, (_, j) => all[(j * 1013) % all.length]);
  const t0 = performance.now();
  const t = truthTable(fresh, pods, 8080);
  tableTimes.push(performance.now() - t0);
  cells = t.pods.length * t.pods.length;
  allowed = t.allowed.flat().filter(Boolean).length;
}
console.log(`truth table: ${cells} cells (200 pods x 200 pods, ${allowed} allowed): median wall ${median(tableTimes).toFixed(1)} ms (${tableTimes.map((t) => t.toFixed(1)).join(', ')})`);
console.log(`load average: ${require('node:os').loadavg().map((l) => l.toFixed(1)).join(' ')} on ${require('node:os').cpus().length} CPUs`);
