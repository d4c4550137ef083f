/**
 * The temporary files this process is writing (an `--output` report, a `get` snapshot under
 * `--update`: each written beside its target and renamed over it, so that no reader sees half a
 * file), kept so that SIGINT (Ctrl-C) or SIGTERM removes them before the process ends, with
 * exit code 130 or 143 (128 + the signal number, what a shell reports for a process ended by
 * it). The handlers are installed with the first temporary file only: until then a signal ends
 * svclab at once, as if there were none, also in the middle of a long computation.
 */
import * as fs from 'node:fs';

const live = new Set<string>();
let installed = false;

/** 128 + the signal's number (SIGINT 2, SIGTERM 15). */
export const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
export type CleanupSignal = keyof typeof SIGNAL_EXIT_CODES;

/**
 * What a signal does once temporary files exist: remove them, then end with 128 + its number;
 * unless another listener takes the signal as its way to stop (`svclab test --watch` ends on
 * Ctrl-C with the last run's verdict), which then ends the process. `exit` is injected by tests.
 */
export function onSignal(signal: CleanupSignal, exit: (code: number) => void = (code) => process.exit(code), othersListening = process.listenerCount(signal) > 1): void {
  for (const file of live) {
    try {
      fs.rmSync(file, { force: true });
    } catch {
      // a file that cannot be removed now cannot be removed at all: end anyway
    }
  }
  live.clear();
  if (!othersListening) exit(SIGNAL_EXIT_CODES[signal]);
}

/** Registers a temporary file (installing the signal handlers on first use); call the returned function once it is renamed or removed. */
export function trackTemporaryFile(file: string): () => void {
  if (!installed) {
    installed = true;
    for (const signal of Object.keys(SIGNAL_EXIT_CODES) as CleanupSignal[]) process.on(signal, () => onSignal(signal));
  }
  live.add(file);
  return () => void live.delete(file);
}

/** The temporary files registered now (for tests). */
export function temporaryFiles(): string[] {
  return [...live];
}

/**
 * Writes `file` atomically: `text` into `tmp` (beside it, so that the rename stays on one file
 * system), then a rename over `file`. A failure removes `tmp` and throws; a signal meanwhile
 * removes it too (see onSignal).
 */
export function writeThroughTemporaryFile(file: string, tmp: string, text: string): void {
  const release = trackTemporaryFile(tmp);
  try {
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
  } catch (err) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // nothing left to clean up
    }
    throw err;
  } finally {
    release();
  }
}
