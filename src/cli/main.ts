#!/usr/bin/env node
import { run } from './run';
import { readBounded } from '../load/read';
import { StdOutput } from './std-output';
import { raiseInterruptBudget } from '../util/v8-flags';

const stdout = new StdOutput(1, () => process.stdout);
const stderr = new StdOutput(2, () => process.stderr);

run(process.argv.slice(2), {
  stdout,
  stderr,
  cwd: process.cwd(),
  env: process.env,
  // Bytes, bounded: the loader decodes them like a file's (BOM, NUL, UTF-8 checks).
  readStdin: (maxBytes) => readBounded(0, maxBytes),
  longRun: raiseInterruptBudget,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    stderr.write(`svclab: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
