#!/usr/bin/env node
/*
 * Dev-time only: records what `kustomize build` prints for each fixture root of
 * test/kustomize/fixtures (test/kustomize/expected/*.yaml), with `kubectl kustomize` (kustomize
 * v5, as kubectl ships it). The tests compare svclab's build with these files; they never run
 * kubectl themselves, and svclab never needs it.
 *
 *   node scripts/kustomize-expected.js
 */
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', 'test', 'kustomize');
const { roots } = JSON.parse(fs.readFileSync(path.join(ROOT, 'expected', 'roots.json'), 'utf8'));
const version = execFileSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).split('\n').find((l) => l.startsWith('Kustomize Version'));
for (const root of roots) {
  const out = execFileSync('kubectl', ['kustomize', path.join(ROOT, 'fixtures', root)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const file = path.join(ROOT, 'expected', `${root.replace(/\//g, '__')}.yaml`);
  fs.writeFileSync(file, `# kubectl kustomize test/kustomize/fixtures/${root} (${version})\n${out}`);
  process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
}
