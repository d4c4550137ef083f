#!/usr/bin/env node
/*
 * Throughput of the schema stage alone, next to YAML parsing (the floor of `svclab lint`).
 * Usage: npm run build && node scripts/bench-schema.js [documents=10000]
 *
 * Uses the lint benchmark's corpus (scripts/bench-corpus.js), parses it once with `yaml`,
 * then times schema validation of every object through the same stage `svclab lint` uses
 * (dist/schema, precompiled validators).
 */
'use strict';
const path = require('node:path');
const { parseAllDocuments } = require('yaml');
const { corpusTexts } = require('./bench-corpus');

const DIST = path.resolve(__dirname, '..', 'dist');
const { createSchemaValidator } = require(path.join(DIST, 'schema', 'index.js'));
const { parseSourceFile } = require(path.join(DIST, 'parse', 'parse-file.js'));

function main() {
  const documents = Number(process.argv[2] ?? 10000);
  // The same documents the lint benchmark uses (scripts/bench-corpus.js).
  const files = corpusTexts(documents).map(({ name, text }) => ({ path: name, absPath: null, text }));

  let t = process.hrtime.bigint();
  let docs = 0;
  for (const f of files) for (const d of parseAllDocuments(f.text)) { d.toJS(); docs++; }
  const floorMs = Number(process.hrtime.bigint() - t) / 1e6;

  const manifests = files.flatMap((f) => parseSourceFile(f).manifests);
  const validate = createSchemaValidator({ schemaDirs: [], defaultNamespace: 'default' });
  t = process.hrtime.bigint();
  validate(manifests[0]); // first use of a kind loads its validator: counted apart
  validate(manifests[1]);
  validate(manifests[2]);
  const loadMs = Number(process.hrtime.bigint() - t) / 1e6;
  t = process.hrtime.bigint();
  let findings = 0;
  for (const m of manifests) findings += validate(m).length;
  const schemaMs = Number(process.hrtime.bigint() - t) / 1e6;

  process.stdout.write(
    `${docs} documents in ${files.length} files\n` +
      `yaml parseAllDocuments + toJS (floor): ${floorMs.toFixed(0)} ms\n` +
      `schema stage: ${schemaMs.toFixed(0)} ms for ${manifests.length} objects ` +
      `(${Math.round(manifests.length / (schemaMs / 1000)).toLocaleString('en')} objects/s, ` +
      `${((schemaMs / floorMs) * 100).toFixed(1)}% of the floor); loading 3 validators: ${loadMs.toFixed(0)} ms; findings: ${findings}\n`,
  );
}

main();
