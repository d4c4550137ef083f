import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lint } from '../../src/lint';
import { decodeSource, readSource } from '../../src/load/files';
import { RULES_BY_ID } from '../../src/rules/index';

/*
 * file-unreadable is reported by the loader, before any YAML exists, so the inline-YAML
 * ruleTester cannot feed it: these tests write real files. The valid and invalid cases below
 * play the same roles as ruleTester's (test/rules/meta.test.ts allows this one rule to do so).
 */
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-unreadable-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return name;
}

async function unreadableFindings(names: string[], maxFileBytes?: number) {
  const run = await lint(names, { cwd: dir, useIgnoreFile: false, maxFileBytes });
  return run.findings.filter((f) => f.ruleId === 'file-unreadable');
}

describe('file-unreadable', () => {
  test('is a registered, documented error rule', () => {
    expect(RULES_BY_ID.get('file-unreadable')?.meta.severity).toBe('error');
  });

  describe('valid', () => {
    test('valid #1: a UTF-8 manifest (with a BOM) is read', async () => {
      const name = write('ok.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: café}\n')]));
      expect(await unreadableFindings([name])).toEqual([]);
    });
  });

  describe('invalid', () => {
    test('invalid #1: not UTF-8 (Latin-1 é)', async () => {
      const name = write('latin1.yaml', Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: caf\xe9}\n', 'latin1'));
      const [f] = await unreadableFindings([name]);
      expect(f).toMatchObject({ file: 'latin1.yaml', line: 3, column: 21, severity: 'error', message: 'file is not valid UTF-8 (byte 0xE9 at line 3, column 21)' });
      expect(f.hint).toMatch(/iconv/);
    });

    test('invalid #2: binary (NUL bytes)', async () => {
      const name = write('image.yaml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
      expect((await unreadableFindings([name]))[0].message).toMatch(/binary/);
    });

    test('invalid #3: larger than the limit', async () => {
      const name = write('big.yaml', 'a: b\n'.repeat(1000));
      expect((await unreadableFindings([name], 100))[0].message).toMatch(/larger than the .* limit/);
    });

    test('invalid #4: a path through a file (ENOTDIR) cannot be read', () => {
      write('plain.yaml', 'a: b\n');
      // Running as root, permissions cannot make a read fail; a path through a file can.
      const r = readSource(path.join(dir, 'plain.yaml', 'child.yaml'), dir, 1 << 20);
      expect(r).toMatchObject({ path: 'plain.yaml/child.yaml', reason: 'cannot read file: ENOTDIR' });
    });
  });

  test('decodeSource: UTF-16 with a BOM is not UTF-8 either', () => {
    const r = decodeSource(Buffer.from([0xff, 0xfe, 0x61, 0x00]), 'x.yaml', null);
    expect('reason' in r && r.reason).toMatch(/binary|UTF-8/);
  });
});
