#!/usr/bin/env node
// `npm run bench`: the performance figures the issues name, as medians of several runs.
// Lint: generates the 10,000-document corpus, measures the floor (read + yaml's
// parseAllDocuments), `svclab lint` single-threaded and with worker threads, one small file
// (startup included), and peak memory. Then runs the simulator, routing/DNS and scenario
// benchmarks when they exist. Needs `npm run build` first (npm ci does it).
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { generateCorpus } = require('./bench-corpus');

const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(ROOT, 'dist', 'cli', 'main.js');
const RUNS = Number(process.env.BENCH_RUNS || 5);
const only = process.argv.slice(2);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Runs a node command `runs` times; returns median wall ms and max peak RSS in MB. */
function timeNode(args, runs = RUNS) {
  const walls = [];
  let rss = 0;
  let last;
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    last = spawnSync(process.execPath, ['-r', path.join(__dirname, 'bench-rss.js'), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    walls.push(Number(process.hrtime.bigint() - t) / 1e6);
    const m = /__BENCH_MAXRSS_KB=(\d+)/.exec(last.stderr || '');
    if (m) rss = Math.max(rss, Number(m[1]) / 1024);
  }
  return { ms: median(walls), rssMB: rss, status: last.status, stdout: last.stdout, stderr: last.stderr };
}

function lintBench() {
  if (!fs.existsSync(CLI)) throw new Error('dist/ is missing: run `npm run build` first');
  const dir = path.join(ROOT, '.bench', 'corpus');
  const { files, documents } = generateCorpus(dir);
  console.log(`\n## svclab lint (${documents} documents in ${files} files, ${os.cpus().length} cores, ${RUNS} runs, medians)`);

  const floorScript = `
    const fs = require('node:fs'); const path = require('node:path');
    const { parseAllDocuments, LineCounter } = require('yaml');
    const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]);
    let n = 0; for (const f of walk(${JSON.stringify(dir)}).sort()) n += parseAllDocuments(fs.readFileSync(f, 'utf8'), { lineCounter: new LineCounter() }).length;
    if (n !== ${documents}) throw new Error('floor parsed ' + n);`;
  const floor = timeNode(['-e', floorScript]);
  const serial = timeNode([CLI, 'lint', '--format', 'json', '--jobs', '1', dir]);
  const byDefault = timeNode([CLI, 'lint', '--format', 'json', dir]);
  const parallel = timeNode([CLI, 'lint', '--format', 'json', '--jobs', String(Math.max(2, os.cpus().length)), dir]);
  for (const [name, r] of [['serial', serial], ['default', byDefault], ['parallel', parallel]]) {
    if (r.status !== 0) {
      const out = r.stdout ? JSON.parse(r.stdout) : null;
      console.log(`  warning: ${name} run exited ${r.status}; first findings:`, out ? out.findings.slice(0, 3) : r.stderr.slice(0, 500));
    }
  }
  const small = path.join(ROOT, '.bench', 'small.yaml');
  fs.writeFileSync(small, fs.readFileSync(path.join(dir, 'ns-0', 'app-0000.yaml'), 'utf8').split('---\n').slice(0, 2).join('---\n'));
  const one = timeNode([CLI, 'lint', small], Math.max(RUNS, 7));
  const node = timeNode(['-e', '0'], Math.max(RUNS, 7));
  const rows = [
    ['floor: read + yaml parseAllDocuments', floor.ms, documents / (floor.ms / 1000), '', floor.rssMB],
    ['svclab lint --jobs 1', serial.ms, documents / (serial.ms / 1000), (serial.ms / floor.ms).toFixed(2) + 'x floor', serial.rssMB],
    [`svclab lint (default: ${os.cpus().length} CPUs)`, byDefault.ms, documents / (byDefault.ms / 1000), (byDefault.ms / floor.ms).toFixed(2) + 'x floor', byDefault.rssMB],
    [`svclab lint --jobs ${Math.max(2, os.cpus().length)} (worker threads forced)`, parallel.ms, documents / (parallel.ms / 1000), (parallel.ms / floor.ms).toFixed(2) + 'x floor', parallel.rssMB],
    ['svclab lint one small file', one.ms, '', '', one.rssMB],
    ['node -e 0 (startup floor)', node.ms, '', '', node.rssMB],
  ];
  console.log('| run | wall (ms) | documents/s | vs floor | peak RSS (MB) |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [n, ms, dps, ratio, rss] of rows) console.log(`| ${n} | ${ms.toFixed(0)} | ${dps === '' ? '' : Math.round(dps)} | ${ratio} | ${rss.toFixed(0)} |`);
  console.log('Targets: --jobs 1 <= 1.3x floor; default run <= 1500 ms (kubeconform 0.6.3 here); one file < 250 ms; peak < 400 MB.');
}

function other(script) {
  const p = path.join(__dirname, script);
  if (!fs.existsSync(p)) return;
  const r = spawnSync(process.execPath, [p], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = 1;
}

const want = (name) => only.length === 0 || only.includes(name);
if (want('lint')) lintBench();
if (want('sim')) other('bench-sim.js');
if (want('route-dns')) other('bench-route-dns.js');
if (want('scenarios')) other('bench-scenarios.js');
