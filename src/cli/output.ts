import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './args';
import type { CliIO } from './io';

/**
 * Writes a report to `--output FILE` atomically (temp file + rename), refusing to replace
 * any input file; without `--output`, prints it.
 */
export function writeReport(io: CliIO, text: string, output: string | undefined, inputs: ReadonlySet<string> = new Set()): void {
  if (!output) {
    io.stdout.write(text);
    return;
  }
  const abs = path.resolve(io.cwd, output);
  if (inputs.has(abs)) throw new UsageError(`--output ${output} is one of the input files; svclab never writes over its input`);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  const tmp = `${abs}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, abs);
}
