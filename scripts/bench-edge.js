#!/usr/bin/env node
/*
 * HTTP routing at the edge (issue 10): the 2,000-Service bench cluster of bench-route-dns.js
 * (10 namespaces, 20,000 pods, 200 nodes) plus 1,000 Ingresses (one host each, two paths) and
 * 1,000 HTTPRoutes on 10 Gateways (one per namespace; each route a host, a path rule with a
 * header match and a weighted split). Times 100,000 HTTP requests from outside (half through
 * ingress-nginx, half through the Gateways), several rounds, and prints medians. Target: < 1.5 s.
 *
 *   npm run build && node scripts/bench-edge.js [--rounds 5]
 */
'use strict';
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { simulate } = require(path.join(process.env.SVCLAB_DIST ? path.resolve(process.env.SVCLAB_DIST) : path.join(__dirname, '..', 'dist'), 'index.js'));

const args = process.argv.slice(2);
const ROUNDS = (() => {
  const i = args.indexOf('--rounds');
  return i >= 0 ? Number(args[i + 1]) : 5;
})();
const NAMESPACES = 10;
const SERVICES = 2000;
const NODES = 200;
const OPS = 100000;

function objects() {
  const out = [{ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass', metadata: { name: 'bench' }, spec: { controllerName: 'example.net/bench' } }];
  for (let n = 0; n < NAMESPACES; n++) {
    out.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: `ns-${n}` } });
    out.push({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'gw', namespace: `ns-${n}` }, spec: { gatewayClassName: 'bench', listeners: [{ name: 'http', port: 80, protocol: 'HTTP', hostname: `*.gw-${n}.example.com` }] } });
  }
  for (let i = 0; i < SERVICES; i++) {
    const ns = `ns-${i % NAMESPACES}`;
    const labels = { app: `app-${i}` };
    out.push({
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: `app-${i}`, namespace: ns },
      spec: { replicas: 10, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'app', image: 'example/app', ports: [{ containerPort: 8080, name: 'http' }] }] } } },
    });
    out.push({ apiVersion: 'v1', kind: 'Service', metadata: { name: `svc-${i}`, namespace: ns }, spec: { selector: labels, ports: [{ name: 'http', port: 80, targetPort: 'http' }] } });
  }
  for (let i = 0; i < 1000; i++) {
    const ns = `ns-${i % NAMESPACES}`;
    const backend = (s) => ({ service: { name: `svc-${s}`, port: { number: 80 } } });
    out.push({
      apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: `ing-${i}`, namespace: ns },
      spec: { rules: [{ host: `ing-${i}.example.com`, http: { paths: [{ path: '/api', pathType: 'Prefix', backend: backend(i) }, { path: '/', pathType: 'Prefix', backend: backend(i + NAMESPACES) }] } }] },
    });
    out.push({
      apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: `route-${i}`, namespace: ns },
      spec: {
        parentRefs: [{ name: 'gw' }], hostnames: [`r-${i}.gw-${i % NAMESPACES}.example.com`],
        rules: [
          { matches: [{ path: { type: 'PathPrefix', value: '/v2' }, headers: [{ name: 'x-canary', value: 'yes' }] }], backendRefs: [{ name: `svc-${i + 1000}`, port: 80 }] },
          { backendRefs: [{ name: `svc-${i}`, port: 80, weight: 90 }, { name: `svc-${i + 1000}`, port: 80, weight: 10 }] },
        ],
      },
    });
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

const t0 = performance.now();
const cluster = simulate(objects(), { cluster: clusterOverride() });
console.log(`edge cluster: ${cluster.services.length} Services, ${cluster.pods.length} pods, 1000 Ingresses, 1000 HTTPRoutes, 10 Gateways; built in ${(performance.now() - t0).toFixed(0)} ms`);

const requests = [];
for (let i = 0; i < 1000; i++) {
  const k = (i * 7919) % 1000;
  if (i % 2) requests.push({ from: 'external', to: `http://ing-${k}.example.com/${i % 4 === 1 ? 'api/items' : 'index.html'}` });
  else requests.push({ from: 'external', to: `http://r-${k}.gw-${k % NAMESPACES}.example.com/v2/x`, headers: i % 4 === 0 ? ['X-Canary: yes'] : [] });
}
const times = [];
let ok = 0;
for (let r = 0; r < ROUNDS; r++) {
  const start = performance.now();
  ok = 0;
  for (let i = 0; i < OPS; i++) if (cluster.route(requests[i % requests.length]).results[0].status === 200) ok++;
  times.push(performance.now() - start);
}
console.log(`edge: ${OPS} HTTP requests (Ingress and HTTPRoute, ${ok} answered 200): median ${median(times).toFixed(0)} ms over ${ROUNDS} rounds (target < 1500 ms)`);
