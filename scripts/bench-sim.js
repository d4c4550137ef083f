#!/usr/bin/env node
/**
 * Simulator build benchmark: 10 namespaces, 2,000 Services, 20,000 pods (1x), and the same
 * shape scaled, to show that building the cluster (scheduling, IPs, allocation, every
 * EndpointSlice and Endpoints) grows close to linearly. Run after `npm run build`:
 *
 *   node scripts/bench-sim.js            # scales 0.1 0.5 1 2 5 10
 *   node scripts/bench-sim.js 1          # only 1x
 *   BENCH_RUNS=7 node scripts/bench-sim.js 0.5 1 2
 *
 * Prints, per scale, the median of several runs of: parse + model (YAML text -> Model) and
 * build (Model -> simulated cluster, each run with another seed), the first (cold) build, and
 * the process's peak RSS.
 */
const path = require('node:path');
const dist = path.join(__dirname, '..', 'dist');
const { manifestsOf, simulateModel } = require(path.join(dist, 'sim', 'simulate.js'));
const { buildModel } = require(path.join(dist, 'model', 'build.js'));

const NAMESPACES = 10;
const SERVICES_1X = 2000;
const REPLICAS = 10; // 2,000 Deployments x 10 replicas = 20,000 pods

/** The input as YAML text: per app a Deployment and a Service selecting it (every 10th a NodePort). */
function generate(scale) {
  const services = Math.round(SERVICES_1X * scale);
  const pods = services * REPLICAS;
  // Enough workers for kubelet's 110 pods each, with room to spare.
  const workers = Math.ceil(pods / 90);
  const docs = [`apiVersion: svclab.io/v1alpha1
kind: Cluster
metadata: { name: bench }
spec:
  nodes: ${workers}
  podCIDR: 10.0.0.0/8
`];
  for (let i = 0; i < services; i++) {
    const ns = `ns-${i % NAMESPACES}`;
    const app = `app-${i}`;
    const team = `team-${i % 50}`;
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata: { name: ${app}, namespace: ${ns} }
spec:
  replicas: ${REPLICAS}
  selector: { matchLabels: { app: ${app} } }
  template:
    metadata: { labels: { app: ${app}, tier: web, team: ${team} } }
    spec:
      containers:
      - name: main
        image: example/${app}:1.0
        ports: [ { name: http, containerPort: 8080 }, { name: metrics, containerPort: 9090 } ]
`);
    docs.push(`apiVersion: v1
kind: Service
metadata: { name: ${app}, namespace: ${ns} }
spec:
  ${i % 10 === 0 ? 'type: NodePort' : 'type: ClusterIP'}
  selector: { app: ${app}, tier: web }
  ports: [ { name: http, port: 80, targetPort: http }, { name: metrics, port: 9090 } ]
`);
  }
  return { text: docs.join('---\n'), services, pods, workers };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function ms(start) {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function benchScale(scale, runs) {
  const input = generate(scale);
  const parseTimes = [];
  const buildTimes = [];
  let model;
  for (let r = 0; r < Math.min(runs, 3); r++) {
    model = undefined;
    const t = process.hrtime.bigint();
    const { manifests } = manifestsOf(input.text);
    model = buildModel(manifests, 'default');
    parseTimes.push(ms(t));
  }
  let cluster;
  for (let r = 0; r < runs; r++) {
    cluster = undefined;
    const t = process.hrtime.bigint();
    cluster = simulateModel(model, { seed: 1 + r });
    buildTimes.push(ms(t));
  }
  const running = cluster.pods.filter((p) => p.phase === 'Running').length;
  return {
    scale,
    services: cluster.services.length,
    pods: cluster.pods.length,
    running,
    nodes: cluster.nodes.length,
    slices: cluster.endpointSlices.length,
    parseMs: median(parseTimes),
    buildMs: median(buildTimes),
    firstBuildMs: buildTimes[0],
  };
}

function main() {
  const scales = process.argv.slice(2).map(Number).filter((x) => x > 0);
  const list = scales.length ? scales : [0.1, 0.5, 1, 2, 5, 10];
  const runsFor = (s) => Number(process.env.BENCH_RUNS) || (s <= 1 ? 5 : s <= 2 ? 3 : 2);
  console.log(`svclab simulator build benchmark (node ${process.version}, ${NAMESPACES} namespaces, ${REPLICAS} replicas per Deployment)`);
  console.log('scale  services    pods  nodes  slices  parse+model ms  build ms  1st build ms  build us/pod');
  let base;
  for (const s of list) {
    const r = benchScale(s, runsFor(s));
    if (s === 1) base = r;
    console.log(
      `${String(s).padStart(5)}  ${String(r.services).padStart(8)}  ${String(r.pods).padStart(6)}  ${String(r.nodes).padStart(5)}  ${String(r.slices).padStart(6)}  ${r.parseMs.toFixed(0).padStart(14)}  ${r.buildMs.toFixed(0).padStart(8)}  ${r.firstBuildMs.toFixed(0).padStart(12)}  ${((r.buildMs * 1000) / r.pods).toFixed(2).padStart(12)}`,
    );
    if (r.running !== r.pods) console.log(`       (${r.pods - r.running} pods Pending)`);
  }
  const peak = process.resourceUsage().maxRSS / 1024;
  console.log(`peak RSS: ${peak.toFixed(0)} MB`);
  if (base) console.log(`1x build (10 namespaces, ~2,000 Services, ~20,000 pods): ${base.buildMs.toFixed(0)} ms ${base.buildMs < 1000 ? '(under the 1 s target)' : '(OVER the 1 s target)'}`);
}

module.exports = { generate };
if (require.main === module) main();
