/*
 * The V8 flags the CLI's loader (dist/cli/main.js, written by scripts/bundle.js) sets after its
 * code cache is read, and under which scripts/compile-schemas.js also writes the validators'
 * code caches, so that V8 accepts them in the CLI. Why this value: see the loader.
 */
'use strict';
module.exports = { CLI_V8_FLAGS: '--interrupt-budget=500000' };
