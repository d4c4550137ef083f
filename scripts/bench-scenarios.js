#!/usr/bin/env node
/*
 * Benchmark of `svclab test` (run `npm run build` first; uses dist/):
 *  1. 1,000 generated scenarios, each ~10 objects and 10 expectations, with default --jobs;
 *  2. one small scenario, as a fresh process (startup included).
 * Each is run several times; medians are printed. Also checks that --jobs 1 and the default
 * give identical JSON reports. Scenarios are generated into a temp folder, removed at the end.
 *   node scripts/bench-scenarios.js [--scenarios 1000] [--runs 3] [--generate DIR]
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
// SVCLAB_DIST points at another build output (a private copy, while others rebuild dist/).
const CLI = path.join(process.env.SVCLAB_DIST ? path.resolve(process.env.SVCLAB_DIST) : path.join(ROOT, 'dist'), 'cli', 'main.js');
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const COUNT = arg('scenarios', 1000);
const RUNS = arg('runs', 3);

if (!fs.existsSync(CLI)) {
  process.stderr.write('dist/ is missing: run `npm run build` first\n');
  process.exit(2);
}

/** One scenario: 2 Deployments, 3 Services, 1 StatefulSet + headless Service (~10 objects with the built-ins), 10 expectations. */
function scenarioFiles(i) {
  const app = `app-${i}`;
  const deploy = (name, label, port) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name} }
spec:
  replicas: 2
  selector: { matchLabels: { app: ${label} } }
  template:
    metadata: { labels: { app: ${label} } }
    spec:
      containers:
      - name: c
        image: example/app:1
        ports: [ { name: http, containerPort: ${port} } ]
`;
  const svc = (name, label, port, target, type = 'ClusterIP') => `apiVersion: v1
kind: Service
metadata: { name: ${name} }
spec:
  type: ${type}
  selector: { app: ${label} }
  ports: [ { name: http, port: ${port}, targetPort: ${target} } ]
`;
  const manifests = [
    deploy(`${app}-web`, `${app}-web`, 80),
    deploy(`${app}-api`, `${app}-api`, 8080),
    svc(`${app}-web`, `${app}-web`, 80, 80),
    svc(`${app}-api`, `${app}-api`, 8080, 'http'),
    svc(`${app}-np`, `${app}-web`, 80, 80, 'NodePort'),
    `apiVersion: v1
kind: Service
metadata: { name: ${app}-db }
spec:
  clusterIP: None
  selector: { app: ${app}-db }
  ports: [ { name: pg, port: 5432 } ]
`,
    `apiVersion: apps/v1
kind: StatefulSet
metadata: { name: ${app}-db }
spec:
  serviceName: ${app}-db
  replicas: 2
  selector: { matchLabels: { app: ${app}-db } }
  template:
    metadata: { labels: { app: ${app}-db } }
    spec:
      containers: [ { name: pg, image: postgres, ports: [ { containerPort: 5432 } ] } ]
`,
  ].join('---\n');
  const scenario = `apiVersion: svclab.io/v1alpha1
kind: Scenario
metadata: { name: bench-${i} }
expect:
  lint: { errors: 0 }
  objects:
    - ref: Service/${app}-web
      match: { spec: { clusterIP: { inCIDR: 10.96.0.0/12 } } }
    - ref: Service/${app}-np
      match: { spec: { ports: [ { nodePort: { inRange: [30000, 32767] } } ] } }
  endpoints:
    - service: ${app}-web
      ready: { workload: Deployment/${app}-web, port: 80 }
    - service: ${app}-api
      ready: { workload: Deployment/${app}-api, port: 8080 }
  routes:
    - from: pod
      to: http://${app}-web
      count: 30
      expect: { outcome: ok, reaches: { workload: Deployment/${app}-web }, spread: all }
    - from: external
      to: \${node:node-1}:\${nodePort:${app}-np}
      expect: { outcome: ok }
  dns:
    - from: pod
      name: ${app}-api
      expect: { rcode: NOERROR, a: [ { service: ${app}-api } ] }
    - from: pod
      name: ${app}-db-0.${app}-db
      expect: { rcode: NOERROR }
    - from: node/node-1
      name: ${app}-web
      expect: { rcode: NXDOMAIN }
`;
  return { 'scenario.yaml': scenario, 'manifests.yaml': manifests };
}

function generate(dir, n) {
  for (let i = 0; i < n; i++) {
    const d = path.join(dir, `s${String(i).padStart(4, '0')}`);
    fs.mkdirSync(d, { recursive: true });
    for (const [name, text] of Object.entries(scenarioFiles(i))) fs.writeFileSync(path.join(d, name), text);
  }
}

/**
 * Runs `svclab test ARGS` as a fresh process: wall time, and CPU time (user + system of every
 * thread, workers included) written by a preloaded exit hook, since this machine is often
 * shared and wall time alone says little.
 */
function timeRun(args, cwd) {
  const cpuFile = path.join(cwd, `cpu-${process.pid}.json`);
  const hook = path.join(cwd, 'cpu-hook.js');
  if (!fs.existsSync(hook)) fs.writeFileSync(hook, "process.on('exit', () => require('node:fs').writeFileSync(process.env.SVCLAB_BENCH_CPU, JSON.stringify(process.cpuUsage())));\n");
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', hook, CLI, 'test', ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: '', SVCLAB_BENCH_CPU: cpuFile }, maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const cpu = JSON.parse(fs.readFileSync(cpuFile, 'utf8'));
  fs.rmSync(cpuFile);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// `--generate DIR` only writes the suite (for profiling by hand).
const generateOnly = process.argv.indexOf('--generate');
if (generateOnly >= 0) {
  generate(path.resolve(process.argv[generateOnly + 1]), COUNT);
  process.exit(0);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-bench-'));
try {
  generate(path.join(tmp, 'suite'), COUNT);
  generate(path.join(tmp, 'one'), 1);
  const suite = [];
  const suiteCpu = [];
  let report = null;
  for (let r = 0; r < RUNS; r++) {
    const res = timeRun(['suite', '--format', 'json'], tmp);
    if (res.code !== 0) throw new Error(`suite run failed (exit ${res.code}): ${res.stderr}\n${res.stdout.slice(0, 2000)}`);
    suite.push(res.ms);
    suiteCpu.push(res.cpuMs);
    report = JSON.parse(res.stdout);
  }
  const serial = timeRun(['suite', '--format', 'json', '--jobs', '1'], tmp);
  const strip = (j) => JSON.stringify(j);
  const identical = strip(JSON.parse(serial.stdout)) === strip(report);
  const one = [];
  const oneCpu = [];
  // Startup time is noisy: take more samples than for the suite.
  for (let r = 0; r < Math.max(RUNS * 3, 11); r++) {
    const res = timeRun(['one'], tmp);
    if (res.code !== 0) throw new Error(`small scenario failed: ${res.stdout}`);
    one.push(res.ms);
    oneCpu.push(res.cpuMs);
  }
  const s = report.summary;
  process.stdout.write(
    [
      `svclab test benchmark (${os.cpus().length} CPUs, node ${process.version})`,
      `  ${s.scenarios} scenarios, ${s.expectations} expectations, default --jobs: median ${(median(suite) / 1000).toFixed(2)} s wall, ${(median(suiteCpu) / 1000).toFixed(2)} s CPU (wall runs: ${suite.map((x) => (x / 1000).toFixed(2)).join(', ')}; target < 10 s wall)`,
      `  same suite with --jobs 1: ${(serial.ms / 1000).toFixed(2)} s wall, ${(serial.cpuMs / 1000).toFixed(2)} s CPU; reports identical: ${identical}`,
      `  one small scenario, fresh process: median ${median(one).toFixed(0)} ms wall, ${median(oneCpu).toFixed(0)} ms CPU (wall runs: ${one.map((x) => x.toFixed(0)).join(', ')}; target < 500 ms wall)`,
      '',
    ].join('\n'),
  );
  if (!identical) process.exitCode = 1;
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
