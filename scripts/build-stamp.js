/*
 * What dist/ was built from: a SHA-256 over every file `npm run build` reads (src/, schemas/,
 * the tsconfigs, package.json and the build scripts). clean.js records it as the build starts
 * (dist/.build-inputs); postbuild.js renames it to dist/.build-stamp once tsc has succeeded.
 * Taken at the start, the stamp names the sources tsc read even when a file changes during
 * the build, and a build that fails leaves no stamp. The tests that run dist/ compare it with
 * the sources as they are now (test/setup/fresh-dist.ts) and rebuild when they differ.
 */
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const INPUTS = [
  'src', 'schemas', 'tsconfig.json', 'tsconfig.build.json', 'package.json',
  'scripts/clean.js', 'scripts/postbuild.js', 'scripts/compile-schemas.js', 'scripts/bundle.js', 'scripts/build-stamp.js',
];
const PENDING = path.join('dist', '.build-inputs');
const STAMP = path.join('dist', '.build-stamp');

/** Files under `rel` (a file or a folder), as sorted paths relative to `root`. */
function filesUnder(root, rel) {
  const abs = path.join(root, rel);
  if (!fs.existsSync(abs)) return [];
  if (!fs.statSync(abs).isDirectory()) return [rel];
  return fs
    .readdirSync(abs)
    .sort()
    .flatMap((name) => filesUnder(root, path.join(rel, name)));
}

/** The digest of the build's inputs under `root`: each file's path and content. */
function inputsDigest(root) {
  const hash = crypto.createHash('sha256');
  for (const rel of INPUTS.flatMap((input) => filesUnder(root, input))) {
    hash.update(`${rel.split(path.sep).join('/')}\0`);
    hash.update(fs.readFileSync(path.join(root, rel)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** clean.js: notes the inputs as the build starts. */
function recordBuildInputs(root) {
  fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(root, PENDING), `${inputsDigest(root)}\n`);
}

/** postbuild.js: tsc succeeded, so dist/ now holds what the recorded inputs compile to. */
function stampBuild(root) {
  if (fs.existsSync(path.join(root, PENDING))) fs.renameSync(path.join(root, PENDING), path.join(root, STAMP));
}

/** 'fresh' when dist/ was built from the inputs as they are now, 'stale' when from others, 'missing' without a stamp. */
function distState(root) {
  const stamp = path.join(root, STAMP);
  if (!fs.existsSync(stamp)) return 'missing';
  return fs.readFileSync(stamp, 'utf8').trim() === inputsDigest(root) ? 'fresh' : 'stale';
}

module.exports = { inputsDigest, recordBuildInputs, stampBuild, distState };
