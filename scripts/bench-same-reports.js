#!/usr/bin/env node
// Shows that a change to the parse path changes no report: runs `svclab lint --format json`
// (one thread) with this checkout's build and with another build (BASE_CLI=path/to/dist/cli/main.js,
// e.g. main's), on every benchmark corpus (generated as `npm run bench` generates them) and on
// the oracle folders (scenarios/, exercises/, each app of ../shared/corpus/real-world), and
// compares the bytes. Exit code 1 when any differ.
//   BASE_CLI=/tmp/base/dist/cli/main.js node scripts/bench-same-reports.js [name...]
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { prepareCorpora } = require('./bench-lint');

const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(ROOT, 'dist', 'cli', 'main.js');
const BASE = process.env.BASE_CLI;
if (!BASE || !fs.existsSync(BASE)) {
  console.error('BASE_CLI must name the dist/cli/main.js of the build to compare with');
  process.exit(2);
}

function lint(cli, target) {
  const r = spawnSync(process.execPath, [cli, 'lint', '--format', 'json', '--jobs', '1', '--max-file-size', '64', target], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

const targets = prepareCorpora().map((c) => ({ name: c.name, dir: c.dir }));
for (const folder of ['scenarios', 'exercises']) {
  for (const e of fs.readdirSync(path.join(ROOT, folder), { withFileTypes: true })) if (e.isDirectory()) targets.push({ name: `${folder}/${e.name}`, dir: path.join(folder, e.name) });
}
const shared = process.env.SVCLAB_SHARED ? path.resolve(process.env.SVCLAB_SHARED) : path.resolve(ROOT, '..', 'shared');
const realWorld = path.join(shared, 'corpus', 'real-world');
if (fs.existsSync(realWorld)) {
  for (const e of fs.readdirSync(realWorld, { withFileTypes: true })) if (e.isDirectory()) targets.push({ name: `real-world/${e.name}`, dir: path.join(realWorld, e.name) });
}

const only = process.argv.slice(2);
let differ = 0;
console.log('| target | findings | same bytes |');
console.log('|---|---:|---|');
for (const t of targets) {
  if (only.length && !only.some((o) => t.name.startsWith(o))) continue;
  const a = lint(CLI, t.dir);
  const b = lint(BASE, t.dir);
  const same = a.status === b.status && a.out === b.out;
  let findings = '?';
  try {
    findings = JSON.parse(a.out).findings.length;
  } catch {
    findings = `exit ${a.status}`;
  }
  if (!same) differ++;
  console.log(`| ${t.name} | ${findings} | ${same ? 'yes' : `**NO** (exit ${a.status} vs ${b.status}, ${a.out.length} vs ${b.out.length} bytes)`} |`);
}
console.log(differ ? `${differ} target(s) differ` : 'every report is byte-identical');
process.exitCode = differ ? 1 : 0;
