#!/usr/bin/env node
/*
 * The long fuzz run of issue 13 (`npm run fuzz`): 100,000 mutated manifests and scenario folders
 * through the built library (dist/, rebuilt first when stale), checked by test/fuzz/harness.js
 * for crashes, positions outside their file, output that differs between two runs, the fast
 * YAML parser disagreeing with `yaml`, and files read from outside a scenario. Cases run on
 * worker threads; a case that takes longer than --timeout is a hang (the worker is replaced),
 * one that needs more than --memory MB of heap is unbounded memory. The seed is printed first;
 * a case is replayed with `npm run fuzz -- --seed S --only I`.
 *
 *   node scripts/fuzz.js [--runs 100000] [--seed S] [--jobs N] [--timeout 30000] [--memory 1024] [--only I]
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { Worker, isMainThread, parentPort, workerData } = require('node:worker_threads');

const ROOT = path.resolve(__dirname, '..');
const HARNESS = path.join(ROOT, 'test', 'fuzz', 'harness.js');
const DIST = process.env.SVCLAB_DIST ? path.resolve(process.env.SVCLAB_DIST) : path.join(ROOT, 'dist');

if (!isMainThread) {
  // A worker: the library and the corpus once, then one case per message.
  const H = require(HARNESS);
  const lib = H.libraryAt(DIST);
  const corpus = H.loadCorpus(ROOT);
  parentPort.on('message', ({ index, c }) => {
    const started = process.hrtime.bigint();
    let problems;
    try {
      problems = H.checkCase(lib, corpus, c, 'full');
    } catch (err) {
      problems = [`crash: the harness itself threw ${err && err.stack}`];
    }
    parentPort.postMessage({ index, problems, ms: Number(process.hrtime.bigint() - started) / 1e6 });
  });
  parentPort.postMessage({ ready: true });
  return;
}

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const RUNS = arg('runs', 100_000);
const SEED = arg('seed', Date.now() % 2 ** 31);
const JOBS = Math.max(1, arg('jobs', Math.min(4, os.availableParallelism())));
const TIMEOUT = arg('timeout', 30_000);
const MEMORY = arg('memory', 1024);
const ONLY = arg('only', -1);

function ensureBuilt() {
  if (process.env.SVCLAB_DIST) return;
  const { distState } = require('./build-stamp');
  if (distState(ROOT) === 'fresh') return;
  process.stderr.write('fuzz: dist/ is missing or older than src/; running npm run build\n');
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (build.status !== 0) process.exit(2);
}

function main() {
  ensureBuilt();
  const fc = require('fast-check');
  const H = require(HARNESS);
  const corpus = H.loadCorpus(ROOT);
  const all = fc.sample(H.arbitraries(fc, corpus).any, { seed: SEED, numRuns: ONLY >= 0 ? ONLY + 1 : RUNS });
  const queue = ONLY >= 0 ? [[ONLY, all[ONLY]]] : all.map((c, i) => [i, c]);
  const total = queue.length;
  process.stdout.write(`fuzz: ${total} input${total === 1 ? '' : 's'}, seed ${SEED} (replay one: npm run fuzz -- --seed ${SEED} --only INDEX), ${JOBS} worker${JOBS === 1 ? '' : 's'}, ${TIMEOUT} ms and ${MEMORY} MB per input\n`);

  const tally = { crash: 0, hang: 0, memory: 0, nondeterministic: 0, position: 0, parser: 0, confinement: 0 };
  const failures = [];
  const times = [];
  let done = 0;
  let next = 0;
  const started = Date.now();
  const record = (index, problems) => {
    const kinds = new Set(problems.map(H.problemKind));
    for (const k of kinds) tally[k] = (tally[k] ?? 0) + 1;
    if (problems.length === 0) return;
    // Said at once, so that a long run can be looked into (and replayed) while it goes on.
    process.stdout.write(`#${index} ${problems.map((p) => p.split('\n')[0]).join(' | ')}\n  case: ${JSON.stringify(all[index])}\n`);
    if (failures.length < 20) failures.push({ index, problems, c: all[index] });
  };

  return new Promise((resolve) => {
    const start = () => {
      const worker = new Worker(__filename, { resourceLimits: { maxOldGenerationSizeMb: MEMORY } });
      let current = null;
      let timer = null;
      let ended = false;
      const replace = (problem) => {
        if (ended) return;
        ended = true;
        clearTimeout(timer);
        if (current) {
          record(current[0], [problem]);
          finish();
        }
        worker.terminate();
        start();
      };
      const feed = () => {
        if (next >= total) {
          ended = true;
          worker.terminate();
          return;
        }
        current = queue[next++];
        timer = setTimeout(() => replace(`hang: no answer within ${TIMEOUT} ms`), TIMEOUT);
        worker.postMessage({ index: current[0], c: current[1] });
      };
      const finish = () => {
        done++;
        if (done % 1000 === 0 || done === total) {
          const rate = done / ((Date.now() - started) / 1000);
          process.stderr.write(`fuzz: ${done}/${total} (${rate.toFixed(0)}/s), problems so far: ${Object.entries(tally).filter(([, n]) => n).map(([k, n]) => `${n} ${k}`).join(', ') || 'none'}\n`);
        }
        if (done === total) resolve({ tally, failures, times });
      };
      worker.on('message', (m) => {
        if (m.ready) return feed();
        clearTimeout(timer);
        times.push([m.ms, m.index]);
        record(m.index, m.problems);
        current = null;
        finish();
        feed();
      });
      worker.on('error', (err) => replace(err && err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `memory: the heap passed ${MEMORY} MB` : `crash: the worker died: ${err && err.message}`));
      worker.on('exit', () => {
        if (!ended && current) replace('crash: the worker exited');
      });
    };
    for (let j = 0; j < Math.min(JOBS, total); j++) start();
  });
}

const began = Date.now();
main().then(({ tally, failures, times }) => {
  times.sort((a, b) => a[0] - b[0]);
  const at = (q) => (times.length ? times[Math.min(times.length - 1, Math.floor(times.length * q))][0] : 0);
  const [median, p99] = [at(0.5), at(0.99)];
  const slowest = times.slice(-3).reverse().map(([ms, index]) => `#${index} ${ms.toFixed(0)} ms`).join(', ');
  for (const f of failures) {
    process.stdout.write(`\n#${f.index} (replay: npm run fuzz -- --seed ${SEED} --only ${f.index})\n  ${f.problems.join('\n  ').split('\n').slice(0, 12).join('\n')}\n  case: ${JSON.stringify(f.c)}\n`);
  }
  const line = `${tally.crash} crashes, ${tally.hang} hangs, ${tally.memory} out of memory, ${tally.nondeterministic} nondeterministic outputs, ${tally.position} positions outside their file, ${tally.parser} parser disagreements, ${tally.confinement} reads outside a scenario`;
  process.stdout.write(`\nfuzz: seed ${SEED}: ${line}; per input: median ${median.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, slowest ${slowest}; ${((Date.now() - began) / 1000).toFixed(0)} s in all\n`);
  process.exitCode = Object.values(tally).some((n) => n > 0) ? 1 : 0;
});
