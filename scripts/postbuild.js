// Makes the CLI entry executable after tsc, so `npx svclab` works straight after `npm ci`.
const fs = require('node:fs');
const path = require('node:path');
const main = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
if (fs.existsSync(main)) fs.chmodSync(main, 0o755);
