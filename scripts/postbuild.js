// Makes the CLI entry executable after tsc, so `npx svclab` works straight after `npm ci`, and
// stamps dist/ with the inputs tsc compiled (build-stamp.js).
const fs = require('node:fs');
const path = require('node:path');
const root = path.join(__dirname, '..');
const main = path.join(root, 'dist', 'cli', 'main.js');
if (fs.existsSync(main)) fs.chmodSync(main, 0o755);
require('./build-stamp').stampBuild(root);
