import * as path from 'node:path';
import type { SourceFile } from '../load/source';
import type { LintSettings } from '../rules/context';
import type { FileResult, WorkerInput, WorkerOutput } from './protocol';

/** Worker threads need compiled JavaScript: under ts-jest (sources are .ts) the serial path is used. */
export const WORKERS_AVAILABLE = path.extname(__filename) === '.js';

/** Splits files into `n` shares of about equal size, keeping each share's files in input order. */
export function shareFiles(files: SourceFile[], n: number): number[][] {
  const shares: number[][] = Array.from({ length: n }, () => []);
  const load = new Array<number>(n).fill(0);
  const order = files.map((_file, i) => i).sort((a, b) => files[b].text.length - files[a].text.length || a - b);
  for (const i of order) {
    let best = 0;
    for (let k = 1; k < n; k++) if (load[k] < load[best]) best = k;
    shares[best].push(i);
    load[best] += files[i].text.length + 200;
  }
  return shares.map((s) => s.sort((a, b) => a - b));
}

/**
 * Lints each share of `files` on its own worker thread. Resolves to one result per file of
 * each share (in share order); the caller runs on the main thread meanwhile.
 */
export async function lintSharesOnWorkers(files: SourceFile[], shares: number[][], settings: LintSettings, schemaDirs: string[], offRules: string[] = []): Promise<Map<number, FileResult>> {
  const results = new Map<number, FileResult>();
  await Promise.all(
    shares.map(
      (share) =>
        new Promise<void>((resolve, reject) => {
          const input: WorkerInput = { settings, schemaDirs, offRules, files: share.map((i) => files[i]) };
          // node:worker_threads only when a worker starts: loading it cost a one-file lint ~5 ms.
          const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads'); // eslint-disable-line @typescript-eslint/no-require-imports
          const worker = new Worker(path.join(__dirname, 'lint-worker.js'), { workerData: input });
          worker.once('message', (out: WorkerOutput) => {
            if (!out.ok) reject(new Error(`lint worker failed: ${out.error}`));
            else {
              out.results.forEach((r, k) => results.set(share[k], r));
              resolve();
            }
            void worker.terminate();
          });
          worker.once('error', reject);
        }),
    ),
  );
  return results;
}
