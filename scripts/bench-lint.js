#!/usr/bin/env node
// `npm run bench lint` (issue 14): svclab lint on every corpus users have, one thread, CPU and
// wall medians, beside two references on the same files: `yaml`'s parse + toJS() (the floor of
// any linter built on it) and kubeconform -strict (GOMAXPROCS=1 -n 1) with svclab's schemas
// (schemas/k8s/, named as kubeconform expects). kubeconform is used when KUBECONFORM names it
// or it is on PATH; build 0.6.3 from source, never commit it. Its repository vendors its
// modules, so it builds offline with Debian's golang-go, in a clone of yannh/kubeconform:
//   git archive v0.6.3 go.mod go.sum cmd pkg vendor | tar -x -C /tmp/kc && cd /tmp/kc &&
//   GOFLAGS=-mod=vendor GOPROXY=off CGO_ENABLED=0 go build ./cmd/kubeconform
// Also: one small file (startup included) and `node -e 0`.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const corpus = require('./bench-corpus');

const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(ROOT, 'dist', 'cli', 'main.js');
const RUNS = Number(process.env.BENCH_RUNS || 5);
const OUT = path.join(ROOT, '.bench', 'corpora');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The corpora of the table, written under .bench/corpora/NAME (the 50 MB file only when BENCH_BIG is not 0). */
function prepareCorpora() {
  const list = [
    { name: 'bench', label: 'the bench corpus (scripts/bench-corpus.js)', texts: () => corpus.corpusTexts() },
    { name: 'block-scalar-end', label: 'the same apps, each file ending in a `config.yaml: |` block', texts: () => corpus.blockScalarTexts() },
    { name: 'published', label: 'published apps (shared/corpus/real-world), replicated', texts: () => corpus.publishedTexts() },
    { name: 'helm', label: 'Helm-style output (`# Source:`, folded strings, anchors, CRLF)', texts: () => corpus.helmTexts() },
  ];
  if (process.env.BENCH_BIG !== '0') list.push({ name: 'big', label: 'one 50 MB multi-document file, mixed', texts: () => [{ name: 'big.yaml', text: corpus.bigText() }] });
  const out = [];
  for (const c of list) {
    const texts = c.texts();
    if (!texts) continue; // no shared folder
    const dir = path.join(OUT, c.name);
    const stats = corpus.writeTexts(dir, texts);
    out.push({ ...c, dir, ...stats });
  }
  return out;
}

const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** One run of a command: wall and CPU (user + system) seconds, peak RSS in MB. */
function runOnce(cmd, args, env = {}) {
  const t = process.hrtime.bigint();
  const full = TIME ? [TIME, ['-f', '__BENCH_TIME %U %S %M', cmd, ...args]] : [cmd, args];
  const r = spawnSync(full[0], full[1], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, ...env } });
  const wall = Number(process.hrtime.bigint() - t) / 1e9;
  const m = /__BENCH_TIME ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr || '');
  return { wall, cpu: m ? Number(m[1]) + Number(m[2]) : NaN, rss: m ? Number(m[3]) / 1024 : 0, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Medians of wall and CPU (user + system) seconds and max peak RSS in MB of several commands,
 * run in turn, `runs` rounds (A B C, A B C, ...), so that each sees the same
 * minutes of a machine whose speed drifts (this one's by up to 30 % from minute to minute); a
 * ratio of two of them is then the median of the rounds' ratios (`ratioWithRange`), not a ratio of
 * medians taken minutes apart. `runs` may differ per command (`c.runs`, at most `runs`).
 */
function measureTogether(cmds, runs = RUNS) {
  const all = cmds.map(() => []);
  for (let i = 0; i < runs; i++) {
    cmds.forEach((c, j) => {
      if (i < (c.runs ?? runs)) all[j].push(runOnce(c.cmd, c.args, c.env));
    });
  }
  return all.map((rs) => {
    const cpus = rs.map((r) => r.cpu).filter(Number.isFinite);
    const last = rs[rs.length - 1];
    return { wall: median(rs.map((r) => r.wall)), cpu: cpus.length ? median(cpus) : NaN, rss: Math.max(0, ...rs.map((r) => r.rss)), runs: rs, status: last.status, stdout: last.stdout, stderr: last.stderr };
  });
}

/** a.cpu / b.cpu of each round both ran. */
function roundRatios(a, b) {
  const n = Math.min(a.runs.length, b.runs.length);
  const ratios = [];
  for (let i = 0; i < n; i++) if (Number.isFinite(a.runs[i].cpu) && b.runs[i].cpu > 0) ratios.push(a.runs[i].cpu / b.runs[i].cpu);
  return ratios;
}

/**
 * The paired ratio with the range of the rounds' ratios, `0.62 (0.55-0.71)`: on a machine whose
 * speed drifts, the range says how far one median can be trusted.
 */
function ratioWithRange(a, b) {
  const ratios = roundRatios(a, b);
  if (!ratios.length) return '';
  return `${median(ratios).toFixed(2)} (${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)})`;
}

function kubeconformPath() {
  if (process.env.KUBECONFORM) return fs.existsSync(process.env.KUBECONFORM) ? process.env.KUBECONFORM : null;
  const which = spawnSync('sh', ['-c', 'command -v kubeconform'], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() : null;
}

const FLOOR = `
  const fs = require('node:fs'); const path = require('node:path');
  const { parseAllDocuments } = require('yaml');
  const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]);
  let n = 0;
  for (const f of walk(process.argv[1]).sort()) for (const d of parseAllDocuments(fs.readFileSync(f, 'utf8'))) { d.toJS({ maxAliasCount: 1000 }); n++; }
  if (n === 0) throw new Error('no documents');`;

function lintBench() {
  if (!fs.existsSync(CLI)) throw new Error('dist/ is missing: run `npm run build` first');
  const corpora = prepareCorpora();
  const kc = kubeconformPath();
  const load = os.loadavg()[0].toFixed(1);
  console.log(`\n## svclab lint on every corpus (${os.cpus().length} cores, load ${load}, ${RUNS} runs, medians, one thread)`);
  console.log('Each row runs svclab, yaml parse + toJS and kubeconform in turn, round after round; a ratio is the median of the rounds\' ratios (in brackets: the lowest and highest).');
  console.log(kc ? `kubeconform: ${kc} -strict -n 1 (GOMAXPROCS=1), schemas/k8s` : 'kubeconform: not found (set KUBECONFORM); the target is then <= 0.6x of yaml parse + toJS');
  console.log('| corpus | files | documents | MB | yaml parse+toJS CPU s | svclab CPU s | svclab wall s | svclab peak MB | kubeconform CPU s | svclab / kubeconform | svclab / yaml |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const c of corpora) {
    const cmds = [
      { cmd: process.execPath, args: [CLI, 'lint', '--format', 'json', '--jobs', '1', '--max-file-size', '64', c.dir] },
      { cmd: process.execPath, args: ['-e', FLOOR, c.dir], runs: Math.min(RUNS, 3) },
    ];
    if (kc) cmds.push({ cmd: kc, args: ['-strict', '-n', '1', '-summary', '-ignore-missing-schemas', '-schema-location', 'schemas/k8s/{{ .ResourceKind }}{{ .KindSuffix }}.json', c.dir], env: { GOMAXPROCS: '1' } });
    const [svclab, floor, kube = null] = measureTogether(cmds);
    if (svclab.status !== 0 && svclab.status !== 1) console.log(`  warning: svclab exited ${svclab.status}: ${svclab.stderr.slice(0, 300)}`);
    const f = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '');
    console.log(
      `| ${c.label} | ${c.files} | ${c.documents} | ${(c.bytes / 1048576).toFixed(1)} | ${f(floor.cpu)} | ${f(svclab.cpu)} | ${f(svclab.wall)} | ${svclab.rss.toFixed(0)} | ${kube ? f(kube.cpu) : ''} | ${kube ? ratioWithRange(svclab, kube) : ''} | ${ratioWithRange(svclab, floor)} |`,
    );
  }
  const small = path.join(ROOT, '.bench', 'small.yaml');
  fs.writeFileSync(small, corpus.corpusTexts(3, 1)[0].text);
  const [one, node] = measureTogether([{ cmd: process.execPath, args: [CLI, 'lint', small] }, { cmd: process.execPath, args: ['-e', '0'] }], Math.max(RUNS, 7));
  console.log(`\none small file (3 documents), startup included: ${f3(one.wall)} s wall, ${f3(one.cpu)} s CPU; node -e 0: ${f3(node.wall)} s wall, ${f3(node.cpu)} s CPU`);
  console.log('Targets (issue 14): every row <= 0.7x kubeconform CPU (<= 0.6x yaml parse + toJS without it); the 50 MB file <= 6 s and <= 1 GB; one small file <= 0.12 s wall.');
}

function f3(x) {
  return Number.isFinite(x) ? x.toFixed(3) : '?';
}

module.exports = { prepareCorpora, lintBench };

if (require.main === module) lintBench();
