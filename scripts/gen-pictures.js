#!/usr/bin/env node
// `npm run gen:pictures`: the pictures README shows, written by the tool itself (dist/, so run
// `npm run build` first). test/pictures.test.ts fails when a committed picture is not what these
// commands print now.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
/** File under docs/img/ -> the `svclab` arguments that draw it (also read by the test). */
const PICTURES = {
  'seed-000.svg': ['graph', '-f', 'examples/seed-000/', '--route', 'http://hostname-svc-clusterip:8080 --from pod'],
  'seed-002.svg': ['graph', '-f', 'examples/seed-002/', '--route', '192.168.219.152:31000 --from external'],
};
module.exports = { PICTURES };

if (require.main === module) {
  for (const [file, args] of Object.entries(PICTURES)) {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli', 'main.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) {
      process.stderr.write(`svclab ${args.join(' ')} failed:\n${r.stderr}`);
      process.exit(1);
    }
    fs.writeFileSync(path.join(ROOT, 'docs', 'img', file), r.stdout);
    process.stdout.write(`docs/img/${file}\n`);
  }
}
