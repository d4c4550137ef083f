import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './args';
import type { CliIO } from './io';

function realOrSelf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

/**
 * Writes a report to `--output FILE` atomically (temp file in the same folder + rename, so a
 * reader never sees half a report), refusing to replace any input file, also through a
 * symlink; without `--output`, prints it.
 */
export function writeReport(io: CliIO, text: string, output: string | undefined, inputs: ReadonlySet<string> = new Set()): void {
  if (!output) {
    io.stdout.write(text);
    return;
  }
  const abs = path.resolve(io.cwd, output);
  const realInputs = new Set([...inputs].map(realOrSelf));
  if (inputs.has(abs) || realInputs.has(realOrSelf(abs))) {
    throw new UsageError(`--output ${output} is one of the input files; svclab never writes over its input`);
  }
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.tmp`);
  try {
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, abs);
  } catch (err) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // nothing left to clean up
    }
    const code = err && typeof err === 'object' && 'code' in err ? String((err as { code: unknown }).code) : String(err);
    throw new UsageError(`cannot write --output ${output}: ${code}`);
  }
}
