/**
 * `get:` expectations: text snapshots of kubectl-style tables, stored next to the scenario.
 * A missing snapshot is a failure (run `svclab test --update` to write it); --update rewrites
 * the file atomically and never touches anything else.
 */
import { plainText } from '../i18n/lang';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FieldPath } from '../types';
import { displayPath, readSource } from '../load/files';
import { writeThroughTemporaryFile } from '../util/temp-files';
import { CannotEvaluate, makeResult, type EvalContext } from './context';
import { getText } from './get-text';
import { snapshotFile, snapshotProblem } from './snapshot-path';
import type { ExpectationResult, Mismatch } from './result';
import type { GetSpec } from './spec';

/** A snapshot's text, null when there is none yet; a snapshot that is not a readable text file cannot be compared. */
function readSnapshot(file: string): string | null {
  if (!fs.existsSync(file)) return null;
  const read = readSource(file, path.dirname(file), MAX_SNAPSHOT_BYTES);
  if ('reason' in read) throw new CannotEvaluate(`the snapshot ${path.basename(file)} cannot be read: ${read.reason}`);
  return read.text;
}

/** A kubectl table of the largest cluster is a few megabytes at most. */
const MAX_SNAPSHOT_BYTES = 16 * 1024 * 1024;

export function snapshotPath(ctx: EvalContext, spec: GetSpec): string {
  return snapshotFile(ctx.scenario.dir, ctx.step, spec);
}

export function writeAtomically(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeThroughTemporaryFile(file, `${file}.${process.pid}.${Date.now()}.tmp`, text);
}

/** A line diff good enough for tables: `-` expected, `+` actual. */
export function lineDiff(expected: string, actual: string): string[] {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const out: string[] = [];
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] === b[i]) {
      if (a[i] !== undefined && a[i] !== '') out.push(`  ${a[i]}`);
      continue;
    }
    if (a[i] !== undefined && a[i] !== '') out.push(`- ${a[i]}`);
    if (b[i] !== undefined && b[i] !== '') out.push(`+ ${b[i]}`);
  }
  return out;
}

export function evaluateGet(ctx: EvalContext, spec: GetSpec, at: FieldPath): ExpectationResult {
  const title = plainText(spec.name) ?? `get ${spec.resource}${spec.wide ? ' -o wide' : ''} matches its snapshot`;
  return makeResult(ctx, 'get', at, title, plainText(spec.hint), () => {
    const text = getText(ctx.sim(), spec, ctx.namespace);
    const file = snapshotPath(ctx, spec);
    // The loader refuses such paths already; this guard keeps a library caller from writing a manifest too.
    const problem = snapshotProblem(ctx.scenario.dir, file);
    if (problem) throw new CannotEvaluate(`snapshot ${spec.snapshot ?? file} ${problem}`);
    const shown = displayPath(file, ctx.scenario.cwd);
    const stored = readSnapshot(file);
    const mismatches: Mismatch[] = [];
    if (stored === text) return { mismatches, expected: stored, actual: text };
    if (ctx.update) {
      writeAtomically(file, text);
      return { mismatches, expected: text, actual: text, message: `${title} (snapshot ${stored === null ? 'written' : 'updated'}: ${shown})` };
    }
    if (stored === null) mismatches.push({ path: '', message: `there is no snapshot ${shown}; run \`svclab test --update\` to write it`, expected: null, actual: text });
    else mismatches.push({ path: '', message: `differs from ${shown} (run \`svclab test --update\` if the change is intended):\n${lineDiff(stored, text).join('\n')}`, expected: stored, actual: text });
    return { mismatches, expected: stored, actual: text };
  });
}
