/**
 * The CLI's stdout and stderr (src/cli/std-output.ts): into a pipe or a file, straight to the
 * file descriptor; a terminal, a reader that has gone and a full non-blocking pipe as Node's
 * stream would take them.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { OutputError, StdOutput } from '../../src/cli/std-output';

/** A stand-in for process.stdout that keeps what it is given. */
function recordingStream(): { stream: NodeJS.WriteStream; written: () => string; errors: (err: NodeJS.ErrnoException) => void } {
  const chunks: Buffer[] = [];
  const w = new Writable({ write: (chunk: Buffer, _enc, done) => (chunks.push(Buffer.from(chunk)), done()) });
  return { stream: w as unknown as NodeJS.WriteStream, written: () => Buffer.concat(chunks).toString('utf8'), errors: (err) => w.emit('error', err) };
}

describe('StdOutput', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-std-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('into a file: the text, UTF-8, in order, without making the stream; a file is not a terminal', () => {
    const file = path.join(dir, 'out.txt');
    const fd = fs.openSync(file, 'w');
    let opened = 0;
    try {
      const out = new StdOutput(fd, () => (opened++, recordingStream().stream));
      expect(out.isTTY).toBe(false);
      out.write('서비스 web\n');
      out.write('second line\n');
    } finally {
      fs.closeSync(fd);
    }
    expect(fs.readFileSync(file, 'utf8')).toBe('서비스 web\nsecond line\n');
    expect(opened).toBe(0);
  });

  test('a short write goes on from where it stopped', () => {
    const got: number[] = [];
    const out = new StdOutput(99, () => recordingStream().stream, (_fd, bytes, offset) => {
      const n = Math.min(3, bytes.length - offset);
      got.push(...bytes.subarray(offset, offset + n));
      return n;
    });
    Object.defineProperty(out, 'isTTY', { value: false });
    out.write('abcdefgh');
    expect(Buffer.from(got).toString()).toBe('abcdefgh');
  });

  test('a full non-blocking pipe (EAGAIN): the rest, and every later write, go to the stream in order', () => {
    const rec = recordingStream();
    const direct: string[] = [];
    let calls = 0;
    const out = new StdOutput(99, () => rec.stream, (_fd, bytes, offset) => {
      calls++;
      if (calls === 2) throw Object.assign(new Error('EAGAIN'), { code: 'EAGAIN' });
      direct.push(Buffer.from(bytes.subarray(offset, offset + 4)).toString());
      return 4;
    });
    Object.defineProperty(out, 'isTTY', { value: false });
    out.write('1234567890');
    out.write('later');
    expect(direct).toEqual(['1234']);
    expect(rec.written()).toBe('567890later');
  });

  const failing = (fd: number, code: string) => {
    const out = new StdOutput(fd, () => recordingStream().stream, () => {
      throw Object.assign(new Error(`${code}: it failed, write`), { code });
    });
    Object.defineProperty(out, 'isTTY', { value: false });
    return out;
  };

  test('a reader that has gone (EPIPE): the rest is dropped quietly', () => {
    const out = failing(1, 'EPIPE');
    expect(() => out.write('dropped')).not.toThrow();
    expect(() => out.write('dropped too')).not.toThrow();
  });

  test('another failure of stdout (a full disk) is an OutputError that says so; of stderr, nowhere to be said, it is dropped', () => {
    expect(() => failing(1, 'ENOSPC').write('x')).toThrow(new OutputError('cannot write to stdout: ENOSPC: it failed, write'));
    expect(() => failing(2, 'ENOSPC').write('x')).not.toThrow();
  });

  test('a terminal gets the stream, whose EPIPE is dropped and whose other errors are thrown', () => {
    const rec = recordingStream();
    const out = new StdOutput(99, () => rec.stream, () => {
      throw new Error('not for a terminal');
    });
    Object.defineProperty(out, 'isTTY', { value: true });
    out.write('to the terminal');
    expect(rec.written()).toBe('to the terminal');
    expect(() => rec.errors(Object.assign(new Error('EPIPE'), { code: 'EPIPE' }))).not.toThrow();
    expect(() => rec.errors(Object.assign(new Error('EIO'), { code: 'EIO' }))).toThrow('EIO');
  });

  test('a closed file descriptor is not a terminal', () => {
    expect(new StdOutput(987654, () => recordingStream().stream).isTTY).toBe(false);
  });
});
