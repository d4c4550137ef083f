// Empties dist/ before a build: a renamed or deleted rule must not linger there, because the
// rule registry loads every rule module it finds.
require('node:fs').rmSync(require('node:path').join(__dirname, '..', 'dist'), { recursive: true, force: true });
