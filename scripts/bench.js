#!/usr/bin/env node
// `npm run bench`: the performance figures the issues name, as medians of several runs.
// Lint (scripts/bench-lint.js): svclab lint on every corpus (the bench corpus, block scalars at
// the end of files, published apps replicated, Helm-style output, one 50 MB file) beside yaml's
// parse + toJS and kubeconform, CPU and wall, one small file with startup, peak memory. Then
// the simulator, routing/DNS and scenario benchmarks, and `svclab graph` of the bench cluster. Needs `npm run build` first (npm ci does it).
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const only = process.argv.slice(2);

function other(script) {
  const p = path.join(__dirname, script);
  if (!fs.existsSync(p)) return;
  const r = spawnSync(process.execPath, [p], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = 1;
}

const want = (name) => only.length === 0 || only.includes(name);
if (want('lint')) require('./bench-lint').lintBench();
if (want('sim')) other('bench-sim.js');
if (want('route-dns')) other('bench-route-dns.js');
if (want('netpol')) other('bench-netpol.js');
if (want('scenarios')) other('bench-scenarios.js');
if (want('edge')) other('bench-edge.js');
if (want('graph')) other('bench-graph.js');
