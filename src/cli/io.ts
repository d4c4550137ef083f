/** Everything the CLI touches outside itself, so that `run` can be tested with fakes. */
export interface CliIO {
  stdout: { write(text: string): void; isTTY?: boolean };
  stderr: { write(text: string): void; isTTY?: boolean };
  cwd: string;
  env: Record<string, string | undefined>;
  /**
   * Reads stdin, at most `maxBytes + 1` bytes (more is reported as too large); only called for
   * the operand `-`. Bytes are decoded like a file's; a string (tests) goes through the same checks.
   */
  readStdin: (maxBytes: number) => string | Uint8Array;
  /**
   * Tunes the process for a long run (the binary raises V8's interrupt budget:
   * src/util/v8-flags.ts); left out by tests and other hosts of `run`.
   */
  longRun?: () => void;
}

/** Colour: `--color`/`--no-color` first, then NO_COLOR, then FORCE_COLOR (`0` = off), then the TTY. */
export function useColor(flag: boolean | undefined, stream: { isTTY?: boolean }, env: CliIO['env']): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return stream.isTTY === true && env.TERM !== 'dumb';
}
