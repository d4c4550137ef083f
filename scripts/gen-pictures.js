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
  // Also shown in README as a ```mermaid block (GitHub renders it), between <!-- mermaid:seed-000 --> markers.
  'seed-000.mmd': ['graph', '-f', 'examples/seed-000/', '--format', 'mermaid'],
};
const MERMAID_IN = path.join(ROOT, 'docs', 'readme', 'pictures.md');

/** Replaces the ```mermaid block between the markers of `name` in `text`. */
function withMermaid(text, name, mermaid) {
  const start = `<!-- mermaid:${name} -->`;
  const end = `<!-- /mermaid:${name} -->`;
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`docs/readme/pictures.md has no ${start} ... ${end} markers`);
  return `${text.slice(0, a + start.length)}\n\`\`\`mermaid\n${mermaid}\`\`\`\n${text.slice(b)}`;
}
module.exports = { PICTURES, withMermaid };

if (require.main === module) {
  for (const [file, args] of Object.entries(PICTURES)) {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli', 'main.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) {
      process.stderr.write(`svclab ${args.join(' ')} failed:\n${r.stderr}`);
      process.exit(1);
    }
    fs.writeFileSync(path.join(ROOT, 'docs', 'img', file), r.stdout);
    process.stdout.write(`docs/img/${file}\n`);
    if (file.endsWith('.mmd')) {
      fs.writeFileSync(MERMAID_IN, withMermaid(fs.readFileSync(MERMAID_IN, 'utf8'), path.basename(file, '.mmd'), r.stdout));
      process.stdout.write('docs/readme/pictures.md (then: npm run readme)\n');
    }
  }
}
