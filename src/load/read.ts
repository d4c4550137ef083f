/**
 * Reading input with bounds. Only regular files are read: a device never ends (`/dev/zero`,
 * `/dev/urandom`), a FIFO blocks until something writes to it, a socket cannot be read as a
 * file at all; each is a `file-unreadable` finding instead, whether a folder search found it or
 * it was named on the command line (or by a scenario). A file, or standard input, is never read
 * past the size limit: what is larger is reported, not parsed.
 */
import * as fs from 'node:fs';

export type ReadOutcome = { bytes: Buffer } | { tooLarge: number } | { notRegular: string } | { error: string };

/** open(2) of a FIFO with O_NONBLOCK returns at once instead of waiting for a writer (0 where the flag does not exist). */
const O_NONBLOCK = fs.constants.O_NONBLOCK ?? 0;

/** What a stat describes, in words, when it is not a regular file; null for a regular file. */
export function nonRegularType(st: fs.Stats): string | null {
  if (st.isFile()) return null;
  if (st.isDirectory()) return 'a directory';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

export function errorCode(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err) return String((err as { code: unknown }).code);
  return err instanceof Error ? err.message : 'unknown error';
}

/**
 * The bytes of a regular file of at most `maxBytes`, or why there are none. The type is checked
 * before the file is opened (a socket cannot be opened) and again on the open descriptor (the
 * path may have been replaced in between), and the read stops after `maxBytes + 1` bytes even
 * when the file grows while it is read. `seenRegular`: a folder search has just seen a regular
 * file at this path, so only the check on the descriptor is made.
 */
export function readRegularFile(abs: string, maxBytes: number, seenRegular = false): ReadOutcome {
  if (!seenRegular) {
    try {
      const type = nonRegularType(fs.statSync(abs));
      if (type) return { notRegular: type };
    } catch (err) {
      return { error: errorCode(err) };
    }
  }
  let fd: number;
  try {
    fd = fs.openSync(abs, fs.constants.O_RDONLY | O_NONBLOCK);
  } catch (err) {
    return { error: errorCode(err) };
  }
  try {
    const st = fs.fstatSync(fd);
    const type = nonRegularType(st);
    if (type) return { notRegular: type };
    if (st.size > maxBytes) return { tooLarge: st.size };
    const bytes = readBounded(fd, maxBytes, st.size, true);
    return bytes.length > maxBytes ? { tooLarge: bytes.length } : { bytes };
  } catch (err) {
    return { error: errorCode(err) };
  } finally {
    fs.closeSync(fd);
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Reads a descriptor to its end, or until it has given more than `maxBytes`: the result is at
 * most `maxBytes + 1` bytes long, and longer than `maxBytes` when the input is too large. A
 * non-blocking descriptor with nothing to read yet (standard input from a slow pipe: EAGAIN) is
 * waited for, 10 ms at a time. `sizeHint` (a regular file's size) sizes the first buffer, so
 * that a file is read into one buffer of its own size (one more byte to see its end) instead of
 * 64 KiB pieces copied together: reading a thousand small files allocated 128 KiB each.
 * `regularFile`: a read that gives fewer bytes than asked for, having reached the size fstat
 * gave (`sizeHint`), has met the end of the file, so no second read is made to see it return 0:
 * one system call less per file (3,990 files in the published corpus). A short read before that
 * size (a file system that reads in pieces, a file cut meanwhile) reads on as before.
 */
export function readBounded(fd: number, maxBytes: number, sizeHint = 1 << 16, regularFile = false): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  let chunk = Buffer.allocUnsafe(Math.max(1, Math.min(sizeHint + 1, maxBytes + 1)));
  let filled = 0;
  for (;;) {
    if (filled === chunk.length) {
      chunks.push(chunk);
      chunk = Buffer.allocUnsafe(Math.min(1 << 16, maxBytes + 1 - total));
      filled = 0;
    }
    let n: number;
    try {
      n = fs.readSync(fd, chunk, filled, chunk.length - filled, null);
    } catch (err) {
      if (errorCode(err) === 'EAGAIN') {
        Atomics.wait(pause, 0, 0, 10);
        continue;
      }
      if (errorCode(err) === 'EOF') break; // Windows: the other end of the pipe closed
      throw err;
    }
    if (n === 0) break;
    const short = n < chunk.length - filled;
    filled += n;
    total += n;
    if (total > maxBytes || (regularFile && short && total >= sizeHint)) break;
  }
  const last = chunk.subarray(0, filled);
  if (chunks.length === 0) return last;
  chunks.push(last);
  return Buffer.concat(chunks, total);
}
