#!/usr/bin/env node
/*
 * Generates schemas/scenario.schema.json from the TypeScript types of the scenario format
 * (src/scenario/spec/, type ScenarioSpec) with ts-json-schema-generator: a key's JSDoc is its
 * description, `@examples` its examples, `@asType integer`, `@minimum`, `@pattern`... its
 * constraints; every interface is a closed object (additionalProperties: false). Then re-runs
 * scripts/compile-scenario-schema.js, which precompiles the validator `svclab test` loads.
 *
 * `--check` writes nothing and exits 1 when the committed schema is not what the types give
 * (test/scenarios/schema.test.ts runs it).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { createGenerator } = require('ts-json-schema-generator');

const ROOT = path.resolve(__dirname, '..');
const TYPES = path.join(ROOT, 'src', 'scenario', 'spec', 'index.ts');
const OUT = path.join(ROOT, 'schemas', 'scenario.schema.json');

function generate() {
  const schema = createGenerator({
    path: TYPES,
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    type: 'ScenarioSpec',
    schemaId: 'https://svclab.io/schemas/scenario.schema.json',
    // Exported types become definitions (referenced by $ref); helper aliases are inlined.
    expose: 'export',
    topRef: false,
    jsDoc: 'extended',
    // Keys in the order the types declare them: error messages list the allowed keys that way.
    sortProps: false,
    additionalProperties: false,
    // `npx tsc --noEmit` type-checks the sources; the generator only reads them.
    skipTypeCheck: true,
  }).createSchema('ScenarioSpec');
  return `${JSON.stringify(schema, null, 2)}\n`;
}

const text = generate();
if (process.argv.includes('--check')) {
  const current = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
  if (current !== text) {
    process.stderr.write(`${path.relative(ROOT, OUT)} is stale: the types in ${path.relative(ROOT, TYPES)} changed; run npm run gen:scenario-schema\n`);
    process.exit(1);
  }
} else {
  fs.writeFileSync(OUT, text);
  process.stdout.write(`wrote ${path.relative(ROOT, OUT)} from ${path.relative(ROOT, TYPES)}\n`);
  execFileSync(process.execPath, [path.join(__dirname, 'compile-scenario-schema.js')], { stdio: 'inherit' });
}
