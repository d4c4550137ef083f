// Empties dist/ before a build: a renamed or deleted rule must not linger there, because the
// rule registry loads every rule module it finds. Then notes what the build is about to read
// (build-stamp.js), so that the tests can tell whether dist/ is older than src/.
const path = require('node:path');
const root = path.join(__dirname, '..');
require('node:fs').rmSync(path.join(root, 'dist'), { recursive: true, force: true });
require('./build-stamp').recordBuildInputs(root);
