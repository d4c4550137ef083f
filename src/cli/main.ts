#!/usr/bin/env node
import { run } from './run';
import { readBounded } from '../load/read';

// `svclab lint . | head` closes the pipe early: that is the reader's choice, not an error, so
// the writes that follow are dropped quietly instead of crashing with an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') throw err;
  });
}

run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
  // Bytes, bounded: the loader decodes them like a file's (BOM, NUL, UTF-8 checks).
  readStdin: (maxBytes) => readBounded(0, maxBytes),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`svclab: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
