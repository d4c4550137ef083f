import * as fs from 'node:fs';
import * as path from 'node:path';
import { globModule, isGlobPattern } from '../load/glob';
import { MANIFEST_EXTENSIONS } from '../load/files';
import { UsageError } from './args';
import { writeThroughTemporaryFile } from '../util/temp-files';
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
 * reader never sees half a report; a signal meanwhile removes the temp file), refusing to replace any input file, also through a
 * symlink; without `--output`, prints it.
 */
export function writeReport(io: CliIO, text: string, output: string | undefined, inputs: ReadonlySet<string> = new Set()): void {
  if (!output) {
    io.stdout.write(text);
    return;
  }
  const abs = path.resolve(io.cwd, output);
  if (inputs.has(abs) || [...inputs].some((i) => realOrSelf(i) === realOrSelf(abs))) {
    throw new UsageError(`--output ${output} is one of the input files; svclab never writes over its input`);
  }
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.tmp`);
  try {
    makeParents(path.dirname(abs));
    // SIGINT or SIGTERM while it is written removes the temporary file (exit 130 / 143).
    writeThroughTemporaryFile(abs, tmp, text);
  } catch (err) {
    const code = err && typeof err === 'object' && 'code' in err ? String((err as { code: unknown }).code) : String(err);
    throw new UsageError(`cannot write --output ${output}: ${code}`);
  }
}

/**
 * Creates `dir` and its missing parents one level at a time. Not `mkdirSync(dir, { recursive:
 * true })`: under /proc that call never returns (Node retries ENOENT forever), and a report
 * path must fail, not hang.
 */
function makeParents(dir: string): void {
  const missing: string[] = [];
  for (let d = dir; !fs.existsSync(d); d = path.dirname(d)) {
    missing.push(d);
    if (path.dirname(d) === d) break; // a root that does not exist: mkdir below reports it
  }
  for (const d of missing.reverse()) fs.mkdirSync(d);
}

function isInside(child: string, dir: string): boolean {
  const rel = path.relative(dir, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * Whether writing `target` could replace an input of this run: a file that was linted
 * (`known`), an operand, a manifest file under an operand folder (even an empty one, which
 * leaves no trace in the results), or a glob match. Only existing files can be inputs.
 */
export async function isLintInput(target: string, operands: string[], cwd: string, known: ReadonlySet<string>): Promise<boolean> {
  if (!fs.existsSync(target)) return false;
  const real = realOrSelf(target);
  if (known.has(target) || [...known].some((k) => realOrSelf(k) === real)) return true;
  for (const operand of operands) {
    if (operand === '-') continue;
    const abs = path.resolve(cwd, operand);
    if (abs === target || realOrSelf(abs) === real) return true;
    let isDir = false;
    try {
      isDir = fs.statSync(abs).isDirectory();
    } catch {
      isDir = false;
    }
    if (isDir) {
      if ((isInside(target, abs) || isInside(real, realOrSelf(abs))) && MANIFEST_EXTENSIONS.includes(path.extname(target).toLowerCase())) return true;
    } else if (!fs.existsSync(abs) && isGlobPattern(operand)) {
      const matches = await globModule().glob(operand, { cwd, absolute: true, nodir: true });
      if (matches.some((m) => m === target || realOrSelf(m) === real)) return true;
    }
  }
  return false;
}
