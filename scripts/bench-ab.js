#!/usr/bin/env node
// Is this build faster than another one? Runs `svclab lint --format json --jobs 1` with both
// builds AT THE SAME TIME, each pinned to one of the machine's first two CPUs (swapped every
// round), on the benchmark corpora (generated as `npm run bench` generates them), and prints the
// median of the rounds' CPU and wall ratios with their range. Run one after the other, the two
// builds meet different minutes of a machine whose speed drifts by up to 30 %, and a few-per-cent
// change is lost in that; run at once, both meet the same minutes (an A/A run of one build
// against itself gives 0.99-1.00, range about 0.95-1.02). The CPU time of each process counts
// all its threads, which share its one CPU, as `npm run bench` compares with one-thread
// kubeconform.
//   BASE_CLI=/tmp/base/dist/cli/main.js [BENCH_ROUNDS=10] node scripts/bench-ab.js [corpus...]
// Corpus names: bench, block-scalar-end, published, helm, big (BENCH_BIG=0 leaves it out), and
// small: one small file, where start-up is most of the time (as `npm run bench` times it).
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { prepareCorpora } = require('./bench-lint');

const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(ROOT, 'dist', 'cli', 'main.js');
const BASE = process.env.BASE_CLI;
const ROUNDS = Number(process.env.BENCH_ROUNDS || 10);
const TIME = '/usr/bin/time';

function fail(message) {
  console.error(`bench-ab: ${message}`);
  process.exit(2);
}

if (!BASE || !fs.existsSync(BASE)) fail('BASE_CLI must name the dist/cli/main.js of the build to compare with');
if (!fs.existsSync(CLI)) fail('dist/ is missing: run `npm run build` first');
if (!fs.existsSync(TIME)) fail(`${TIME} is needed for each process's CPU time (Debian: apt-get install time)`);
if (spawnSync('taskset', ['-c', '0', 'true']).status !== 0) fail('taskset is needed to pin each build to one CPU (Debian: util-linux)');
if (require('node:os').cpus().length < 2) fail('two CPUs are needed: one for each build');

/** One lint by `cli` of `target` (a corpus folder, or the small file), pinned to `cpu`: CPU (user + system) and wall seconds. */
function lintOn(cli, target, cpu) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const lint = target.small ? ['lint', target.dir] : ['lint', '--format', 'json', '--jobs', '1', '--max-file-size', '64', target.dir];
    const args = ['-f', '__AB %U %S', 'taskset', '-c', String(cpu), process.execPath, cli, ...lint];
    const child = spawn(TIME, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('close', () => {
      const m = /__AB ([\d.]+) ([\d.]+)/.exec(err);
      resolve({ cpu: m ? Number(m[1]) + Number(m[2]) : NaN, wall: Number(process.hrtime.bigint() - started) / 1e9 });
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ratio = (xs) => `${median(xs).toFixed(3)} (${Math.min(...xs).toFixed(2)}-${Math.max(...xs).toFixed(2)})`;

async function main() {
  const only = process.argv.slice(2);
  const small = path.join(ROOT, '.bench', 'small.yaml');
  fs.mkdirSync(path.dirname(small), { recursive: true });
  fs.writeFileSync(small, require('./bench-corpus').corpusTexts(3, 1)[0].text);
  const wanted = (name) => only.length === 0 || only.includes(name);
  const corpora = (only.length === 1 && only[0] === 'small' ? [] : prepareCorpora()).filter((c) => wanted(c.name));
  if (wanted('small')) corpora.push({ name: 'small', dir: small, small: true, rounds: Math.max(ROUNDS, 21) });
  if (corpora.length === 0) fail(`no corpus named ${only.join(', ')}`);
  console.log(`## this build / ${path.relative(ROOT, BASE) || BASE}: both at once, one CPU each, ${ROUNDS} rounds (the small file: at least 21), medians (range)`);
  console.log('| corpus | base CPU s | this CPU s | CPU ratio | wall ratio |');
  console.log('|---|---:|---:|---:|---:|');
  for (const c of corpora) {
    const base = [];
    const mine = [];
    for (let i = 0; i < (c.rounds ?? ROUNDS); i++) {
      const [b, m] = await Promise.all([lintOn(BASE, c, i % 2), lintOn(CLI, c, (i + 1) % 2)]);
      base.push(b);
      mine.push(m);
    }
    const cpu = mine.map((m, i) => m.cpu / base[i].cpu);
    const wall = mine.map((m, i) => m.wall / base[i].wall);
    console.log(`| ${c.name} | ${median(base.map((b) => b.cpu)).toFixed(2)} | ${median(mine.map((m) => m.cpu)).toFixed(2)} | ${ratio(cpu)} | ${ratio(wall)} |`);
  }
}

main();
