import * as fs from 'node:fs';

/**
 * The CLI's stdout or stderr. Into a pipe or a file the text is written straight to the file
 * descriptor, as Node's own stream does there on Linux (synchronously); a terminal gets
 * Node's stream (`process.stdout`), which knows the console's encoding on every platform.
 *
 * Why not always the stream: making `process.stdout` loads Node's stream and net modules,
 * ~3 ms of a ~25 ms one-file lint behind `node` itself (issue 14); a pipe does not need them.
 */
/** stdout could not be written (a full disk, /dev/full): said as such, not as an internal error (src/cli/run.ts). */
export class OutputError extends Error {}

export class StdOutput {
  private stream: NodeJS.WriteStream | undefined;
  private tty: boolean | undefined;
  /** The reader has gone (EPIPE): what follows is dropped, as `head` wanted. */
  private closed = false;

  constructor(
    private readonly fd: number,
    private readonly openStream: () => NodeJS.WriteStream,
    /** fs.writeSync; tests pass one that fails as a full non-blocking pipe does. */
    private readonly writeSync: (fd: number, bytes: Uint8Array, offset: number) => number = fs.writeSync,
  ) {}

  /** A terminal (a character device that is a TTY); pipes, files and sockets are not asked. */
  get isTTY(): boolean {
    if (this.tty === undefined) {
      let st: fs.Stats | undefined;
      try {
        st = fs.fstatSync(this.fd);
      } catch {
        st = undefined;
      }
      // /dev/null is a character device too: only the tty module can tell.
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loads net and stream: only for character devices
      this.tty = st !== undefined && !st.isFIFO() && !st.isFile() && !st.isSocket() && (require('node:tty') as typeof import('node:tty')).isatty(this.fd);
    }
    return this.tty;
  }

  write(text: string): void {
    if (this.stream === undefined && this.isTTY) this.toStream();
    if (this.stream !== undefined) {
      this.stream.write(text);
      return;
    }
    if (this.closed) return;
    const bytes = Buffer.from(text, 'utf8');
    for (let at = 0; at < bytes.length; ) {
      try {
        at += this.writeSync(this.fd, bytes, at);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') {
          this.closed = true;
          return;
        }
        // A pipe someone made non-blocking, full for now: Node's stream waits for the reader
        // (and keeps the process alive until it has written everything), in order.
        if (code === 'EAGAIN') {
          this.toStream().write(bytes.subarray(at));
          return;
        }
        // stderr is where a failure would be told: when it fails too, there is nowhere to say it.
        if (this.fd === 2) {
          this.closed = true;
          return;
        }
        throw new OutputError(`cannot write to stdout: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  private toStream(): NodeJS.WriteStream {
    if (this.stream === undefined) {
      this.stream = this.openStream();
      // `svclab lint . | head` closes the pipe early: that is the reader's choice, not an error,
      // so the writes that follow are dropped quietly instead of crashing with an EPIPE stack trace.
      this.stream.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') throw err;
      });
    }
    return this.stream;
  }
}
