#!/usr/bin/env node
/**
 * `svclab graph` benchmark: the 2,000-Service / 20,000-pod cluster of bench-sim.js written as
 * one YAML file, drawn by the CLI (`svclab graph -f FILE -A --output OUT.svg`, a new process
 * each run: load, lint, simulate, picture, layout, SVG), and the SVG checked (well-formed, one
 * element per Service and per workload stack). The issue's bar: under 2 s. Run after
 * `npm run build`; BENCH_RUNS sets the number of runs (default 5), the median is printed.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { stringify } = require('yaml');

const ROOT = path.resolve(__dirname, '..');
const dist = process.env.SVCLAB_DIST ? path.resolve(process.env.SVCLAB_DIST) : path.join(ROOT, 'dist');
const argv = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const scale = Number(argv[0] ?? 1);
const runs = Number(process.env.BENCH_RUNS ?? 5);

/** A tag-balance check: every element closed in order, attributes quoted, no stray `<` or `&`. */
function wellFormed(svg) {
  const stack = [];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|<!--[\s\S]*?-->|([<&])/g;
  const body = svg.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, '');
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    if (m[5]) return `a stray "${m[5]}" at ${m.index}`;
    if (!m[2]) continue;
    if (m[1]) {
      if (stack.pop() !== m[2]) return `</${m[2]}> closes the wrong element at ${m.index}`;
    } else if (!m[4]) stack.push(m[2]);
  }
  return stack.length ? `unclosed <${stack[stack.length - 1]}>` : null;
}

const { generate } = require('./bench-sim');
const { objects, services, pods } = generate(scale);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-bench-graph-'));
const input = path.join(dir, 'cluster.yaml');
fs.writeFileSync(input, objects.map((o) => stringify(o)).join('---\n'));
const out = path.join(dir, 'out.svg');
const times = [];
for (let r = 0; r < runs; r++) {
  const t = process.hrtime.bigint();
  const res = spawnSync(process.execPath, [path.join(dist, 'cli', 'main.js'), 'graph', '-f', input, '-A', '--output', out, '--max-pods', '500000'], { encoding: 'utf8' });
  times.push(Number(process.hrtime.bigint() - t) / 1e6);
  if (res.status !== 0) {
    console.error(res.stderr);
    process.exit(1);
  }
}
const svg = fs.readFileSync(out, 'utf8');
const problem = wellFormed(svg);
const drawnServices = (svg.match(/data-kind="service"/g) ?? []).length;
const stacks = (svg.match(/data-kind="stack"/g) ?? []).length;
const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
console.log(`graph: ${services} Services, ${pods} pods -> ${(svg.length / 1e6).toFixed(1)} MB SVG, ${drawnServices} Services and ${stacks} stacks drawn; median ${median.toFixed(0)} ms over ${runs} runs (bar: 2000 ms)${problem ? `; NOT well-formed: ${problem}` : ', well-formed'}`);
fs.rmSync(dir, { recursive: true, force: true });
if (problem || drawnServices !== services || median > 2000) process.exitCode = 1;
