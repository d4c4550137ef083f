import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readBounded, readRegularFile } from '../../src/load/read';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-read-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(size: number): { abs: string; bytes: Buffer } {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = 97 + (i % 26);
  const abs = path.join(dir, `f${size}.yaml`);
  fs.writeFileSync(abs, bytes);
  return { abs, bytes };
}

describe('reading a regular file', () => {
  test.each([0, 1, 100, 65535, 65536, 65537, 200_000])('%d bytes: every byte, once', (size) => {
    const { abs, bytes } = file(size);
    const out = readRegularFile(abs, 1 << 20);
    expect('bytes' in out && Buffer.compare(out.bytes, bytes)).toBe(0);
  });

  test('a file larger than the limit is too large, read no further than the limit', () => {
    const { abs } = file(5000);
    expect(readRegularFile(abs, 4999)).toEqual({ tooLarge: 5000 });
  });

  // A size hint short of the file (it grew after fstat): the reads go on to the end. One past it
  // (it was cut): the short read is not taken for the end; the next read (0 bytes) is.
  test.each([
    ['grew after its size was taken', 70_000, 1000],
    ['was cut after its size was taken', 3000, 5000],
  ])('a file that %s is read to its end as it is now', (_, size, hint) => {
    const { abs, bytes } = file(size);
    const fd = fs.openSync(abs, 'r');
    try {
      expect(Buffer.compare(readBounded(fd, 1 << 20, hint, true), bytes)).toBe(0);
    } finally {
      fs.closeSync(fd);
    }
  });
});
