#!/usr/bin/env node
/**
 * Simulator build benchmark: 10 namespaces, 2,000 Services, 20,000 pods (1x), and the same
 * shape scaled, to show that building the cluster (scheduling, pod IPs, ClusterIP and node port
 * allocation, every EndpointSlice and Endpoints) grows close to linearly. Run after `npm run build`:
 *
 *   node scripts/bench-sim.js                 # scales 0.1 0.5 1 2 5 10
 *   node scripts/bench-sim.js 1               # only 1x
 *   node scripts/bench-sim.js --parse 0.1 1   # also time YAML text -> model (the loader's cost)
 *   BENCH_RUNS=7 node scripts/bench-sim.js 0.5 1 2
 *
 * The objects are generated in memory and wrapped as manifests directly (no YAML text), so the
 * build figures are the simulator's alone; --parse adds a column for parsing the same input as
 * YAML. Prints, per scale, the median build time over several runs (each with another seed), the
 * first (cold) build, the median CPU time of a build (user + system: on a loaded machine the wall
 * clock also counts time waiting for a CPU), and at the end the process's peak RSS.
 * SVCLAB_DIST points at another build output (a private copy, while others rebuild dist/).
 */
const path = require('node:path');
const dist = process.env.SVCLAB_DIST ? path.resolve(process.env.SVCLAB_DIST) : path.join(__dirname, '..', 'dist');
const { manifestsOf, simulateModel } = require(path.join(dist, 'sim', 'simulate.js'));
const { buildModel } = require(path.join(dist, 'model', 'build.js'));
const { parseSourceFile } = require(path.join(dist, 'parse', 'parse-file.js'));
const { stringify } = require('yaml');

const NAMESPACES = 10;
const SERVICES_1X = 2000;
const REPLICAS = 10; // 2,000 Deployments x 10 replicas = 20,000 pods

/** The input objects: per app a Deployment and a Service selecting it (every 20th a NodePort). */
function generate(scale) {
  const services = Math.round(SERVICES_1X * scale);
  const pods = services * REPLICAS;
  const workers = Math.ceil(pods / 90); // room for kubelet's 110 pods each
  const objects = [{ apiVersion: 'svclab.io/v1alpha1', kind: 'Cluster', metadata: { name: 'bench' }, spec: { nodes: workers, podCIDR: '10.0.0.0/8' } }];
  for (let i = 0; i < services; i++) {
    const ns = `ns-${i % NAMESPACES}`;
    const app = `app-${i}`;
    objects.push({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: app, namespace: ns },
      spec: {
        replicas: REPLICAS,
        selector: { matchLabels: { app } },
        template: {
          metadata: { labels: { app, tier: 'web', team: `team-${i % 50}` } },
          spec: { containers: [{ name: 'main', image: `example/${app}:1.0`, ports: [{ name: 'http', containerPort: 8080 }, { name: 'metrics', containerPort: 9090 }] }] },
        },
      },
    });
    objects.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: app, namespace: ns },
      spec: {
        type: i % 20 === 0 ? 'NodePort' : 'ClusterIP',
        selector: { app, tier: 'web' },
        ports: [{ name: 'http', port: 80, targetPort: 'http' }, { name: 'metrics', port: 9090 }],
      },
    });
  }
  return { objects, services, pods, workers };
}

/** Wraps plain objects as manifests sharing one tiny parsed document (positions are not needed to build). */
function inMemoryManifests(objects) {
  const doc = parseSourceFile({ path: '<bench>', absPath: null, text: 'kind: Bench\n' }).documents[0];
  return objects.map((value, i) => ({
    file: '<bench>', docIndex: i, root: [], value, apiVersion: value.apiVersion, kind: value.kind,
    name: value.metadata.name, namespace: value.metadata.namespace ?? '', source: doc,
  }));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;
/** CPU time (user + system) since `start` (a process.cpuUsage() reading), in ms. */
const cpuMs = (start) => {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
};

function benchScale(scale, runs, withParse) {
  const input = generate(scale);
  let parseMs;
  let parseCpuMs;
  if (withParse) {
    const text = input.objects.map((o) => stringify(o)).join('---\n');
    const c = process.cpuUsage();
    const t = process.hrtime.bigint();
    buildModel(manifestsOf(text).manifests, 'default');
    parseMs = ms(t);
    parseCpuMs = cpuMs(c);
  }
  const model = buildModel(inMemoryManifests(input.objects), 'default');
  const times = [];
  const cpuTimes = [];
  let cluster;
  for (let r = 0; r < runs; r++) {
    cluster = undefined;
    const c = process.cpuUsage();
    const t = process.hrtime.bigint();
    // The highest pod limit: scale 10 is 200,000 pods, past the default 50,000.
    cluster = simulateModel(model, { seed: 1 + r, cluster: { maxPods: 500_000 } });
    times.push(ms(t));
    cpuTimes.push(cpuMs(c));
  }
  return {
    services: cluster.services.length,
    pods: cluster.pods.length,
    pending: cluster.pods.filter((p) => p.phase !== 'Running').length,
    rejected: cluster.rejected.length,
    nodes: cluster.nodes.length,
    slices: cluster.endpointSlices.length,
    parseMs,
    parseCpuMs,
    buildMs: median(times),
    cpuMs: median(cpuTimes),
    firstMs: times[0],
  };
}

function main() {
  const args = process.argv.slice(2);
  const withParse = args.includes('--parse');
  const scales = args.map(Number).filter((x) => x > 0);
  const list = scales.length ? scales : [0.1, 0.5, 1, 2, 5, 10];
  const runsFor = (s) => Number(process.env.BENCH_RUNS) || (s <= 2 ? 5 : 3);
  console.log(`svclab simulator build benchmark (node ${process.version}, ${NAMESPACES} namespaces, ${REPLICAS} replicas per Deployment)`);
  console.log(`scale  services    pods  nodes  slices  build ms (median)  CPU ms (median)  1st build ms  us/pod${withParse ? '  YAML parse+model ms (CPU ms)' : ''}`);
  let base;
  for (const s of list) {
    const r = benchScale(s, runsFor(s), withParse);
    if (s === 1) base = r;
    const cols = [
      String(s).padStart(5), String(r.services).padStart(8), String(r.pods).padStart(7), String(r.nodes).padStart(5), String(r.slices).padStart(6),
      r.buildMs.toFixed(0).padStart(17), r.cpuMs.toFixed(0).padStart(15), r.firstMs.toFixed(0).padStart(12), ((r.buildMs * 1000) / r.pods).toFixed(1).padStart(6),
    ];
    if (withParse) cols.push(`${r.parseMs.toFixed(0)} (${r.parseCpuMs.toFixed(0)})`.padStart(28));
    console.log(cols.join('  '));
    if (r.pending || r.rejected) console.log(`       (${r.pending} pods Pending, ${r.rejected} objects refused)`);
  }
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  if (base) console.log(`1x build (10 namespaces, 2,000 Services, 20,000 pods): ${base.buildMs.toFixed(0)} ms median (${base.cpuMs.toFixed(0)} ms CPU) ${base.buildMs < 1000 ? '(under the 1 s target)' : '(OVER the 1 s target)'}`);
}

module.exports = { generate };
if (require.main === module) main();
