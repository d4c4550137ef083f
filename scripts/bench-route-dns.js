#!/usr/bin/env node
/*
 * Routing and DNS throughput on a large simulated cluster: 10 namespaces, 2,000 Services,
 * 20,000 pods (2,000 Deployments, one per Service, 10 replicas each) on 200 nodes.
 * Times 100,000 route() calls and 100,000 resolve() calls, several rounds, and prints medians.
 *
 *   npm run build && node scripts/bench-route-dns.js [--rounds 5] [--scale 1] [--distinct]
 */
'use strict';
const path = require('node:path');
const { performance } = require('node:perf_hooks');
// SVCLAB_DIST: another build folder (the shared dist/ may be rebuilt by someone else meanwhile).
const { simulate } = require(path.join(process.env.SVCLAB_DIST ? path.resolve(process.env.SVCLAB_DIST) : path.join(__dirname, '..', 'dist'), 'index.js'));

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const ROUNDS = opt('rounds', 5);
// --distinct: 100,000 different (source, target) pairs instead of 1,000 repeated ones, so that
// the per-source plan caches rarely hit (DNS answers still repeat: there are only so many names).
const DISTINCT = args.includes('--distinct');
const SCALE = opt('scale', 1);
const NAMESPACES = 10;
const SERVICES = 2000 * SCALE;
const REPLICAS = 10;
const NODES = 200 * SCALE;
const OPS = 100000;

function objects() {
  const out = [];
  for (let n = 0; n < NAMESPACES; n++) out.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: `ns-${n}` } });
  for (let i = 0; i < SERVICES; i++) {
    const ns = `ns-${i % NAMESPACES}`;
    const labels = { app: `app-${i}` };
    out.push({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: `app-${i}`, namespace: ns },
      spec: { replicas: REPLICAS, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'app', image: 'example/app', ports: [{ containerPort: 8080, name: 'http' }] }] } } },
    });
    out.push({ apiVersion: 'v1', kind: 'Service', metadata: { name: `svc-${i}`, namespace: ns }, spec: { selector: labels, ports: [{ name: 'http', port: 80, targetPort: 'http' }] } });
  }
  return out;
}

function clusterOverride() {
  const nodes = [];
  for (let i = 0; i < NODES; i++) {
    nodes.push({ name: `node-${i + 1}`, internalIP: `192.168.${Math.floor((i + 2) / 250)}.${((i + 2) % 250) + 1}`, labels: { 'kubernetes.io/hostname': `node-${i + 1}` }, taints: [], podCIDR: `10.${100 + Math.floor(i / 256)}.${i % 256}.0/24` });
  }
  // maxPods: the highest pod limit, so that --scale can go past the default 50,000 pods.
  return { nodes, podCIDR: '10.100.0.0/14', maxPodsPerNode: 250, maxPods: 500_000, apiServer: { ip: nodes[0].internalIP, port: 6443 } };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const t0 = performance.now();
const cluster = simulate(objects(), { cluster: clusterOverride() });
const buildMs = performance.now() - t0;
const running = cluster.pods.filter((p) => p.podIP && p.namespace.startsWith('ns-'));
const services = cluster.services.filter((s) => s.namespace.startsWith('ns-'));
console.log(`cluster: ${cluster.nodes.length} nodes, ${running.length} running pods (of ${cluster.pods.length}), ${services.length} Services, ${cluster.endpointSlices.length} EndpointSlices; built in ${buildMs.toFixed(0)} ms`);

// Requests: half by ClusterIP, half by name (DNS + kube-proxy), from pods across the cluster.
const routeRequests = [];
const dnsQueries = [];
const TEMPLATES = DISTINCT ? OPS : 1000;
for (let i = 0; i < TEMPLATES; i++) {
  const pod = running[(i * 7919) % running.length];
  const svc = services[(DISTINCT ? i * 7 + Math.floor(i / running.length) : i * 104729) % services.length];
  const from = `pod/${pod.namespace}/${pod.name}`;
  routeRequests.push({ from, to: i % 2 ? `${svc.clusterIP}:80` : `${svc.name}.${svc.namespace}:80`, namespace: pod.namespace });
  // DNS mix: same-namespace short names (1 try), name.namespace (2 tries), unknown names (4 tries).
  const kind = i % 3;
  const name = kind === 0 ? svc.name : kind === 1 ? `${svc.name}.${svc.namespace}` : `missing-${i}`;
  dnsQueries.push({ name, from, namespace: pod.namespace });
}

// Wall time and CPU time (user + system) of the process: on a busy machine the CPU time is the
// steadier figure, since waiting for a core does not count.
const cpuTimes = { route: [], dns: [] };
function timeIt(fn, kind) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  fn();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  cpuTimes[kind].push((used.user + used.system) / 1000);
  return wall;
}

// Warm up (JIT, lazily built indexes).
for (let i = 0; i < (DISTINCT ? 0 : 2000); i++) {
  cluster.route(routeRequests[i % routeRequests.length]);
  cluster.resolve(dnsQueries[i % dnsQueries.length]);
}

const routeTimes = [];
const dnsTimes = [];
let ok = 0;
for (let r = 0; r < ROUNDS; r++) {
  routeTimes.push(
    timeIt(() => {
      for (let i = 0; i < OPS; i++) if (cluster.route(routeRequests[i % routeRequests.length]).summary.ok) ok++;
    }, 'route'),
  );
  dnsTimes.push(
    timeIt(() => {
      for (let i = 0; i < OPS; i++) cluster.resolve(dnsQueries[i % dnsQueries.length]);
    }, 'dns'),
  );
}
const fmt = (xs) => xs.map((t) => t.toFixed(0)).join(', ');
console.log(`route():   ${OPS} requests: median wall ${median(routeTimes).toFixed(0)} ms (${fmt(routeTimes)}), median CPU ${median(cpuTimes.route).toFixed(0)} ms (${fmt(cpuTimes.route)}); ok ${ok}/${OPS * ROUNDS}`);
console.log(`resolve(): ${OPS} lookups:  median wall ${median(dnsTimes).toFixed(0)} ms (${fmt(dnsTimes)}), median CPU ${median(cpuTimes.dns).toFixed(0)} ms (${fmt(cpuTimes.dns)})`);
console.log(`load average: ${require('node:os').loadavg().map((l) => l.toFixed(1)).join(' ')} on ${require('node:os').cpus().length} CPUs`);
console.log(`peak RSS: ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);
