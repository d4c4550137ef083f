/**
 * Issue 13, points 8 and 10: what is read, and how it is decoded.
 *  - only regular files are read: a device (`/dev/zero` never ends), a FIFO (blocks until a
 *    writer comes) and a socket are file-unreadable findings, also when named on the command
 *    line (kubectl likewise reads `-f` paths as files: a FIFO there blocks it, which svclab
 *    refuses instead of hanging);
 *  - standard input, files and the text a library caller passes go through one decoder: a
 *    leading byte order mark is dropped (as k8s.io/apimachinery's YAML decoder drops it,
 *    utilyaml.NewYAMLOrJSONDecoder via unicode.BOMOverride), and NUL bytes, UTF-16 and bytes
 *    that are not UTF-8 are file-unreadable with the position of the first offending one.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { lint, lintSources } from '../../src/lint';
import { simulate, SimulateInputError } from '../../src/sim/simulate';
import { analyze } from '../../src/pipeline';
import { decodeBytes, decodeText } from '../../src/load/decode';
import { readBounded } from '../../src/load/read';
import { loadScenario } from '../../src/scenario/load';
import { runCli } from '../helpers';
import { removeTempDirs, tempDir, write } from './temp';

const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: { app: web }\n  ports: [ { port: 80 } ]\n';
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

afterAll(removeTempDirs);

async function lintJson(argv: string[], options: Parameters<typeof runCli>[1] = {}) {
  const started = Date.now();
  const r = await runCli(['lint', ...argv, '--no-config', '-o', 'json'], options);
  const report = JSON.parse(r.stdout) as { findings: Array<{ ruleId: string; file: string; line: number; column: number; message: string }> };
  return { ...r, report, ms: Date.now() - started };
}

describe('non-regular files are file-unreadable, never read', () => {
  test('/dev/zero named directly: a character device, at once', async () => {
    const dir = tempDir();
    write(dir, 'svc.yaml', SERVICE);
    const r = await lintJson(['/dev/zero', 'svc.yaml'], { cwd: dir });
    expect(r.ms).toBeLessThan(5000);
    expect(r.report.findings.filter((f) => f.ruleId === 'file-unreadable')).toEqual([
      expect.objectContaining({ file: '/dev/zero', line: 1, column: 1, message: 'not a regular file but a character device: svclab reads only files' }),
    ]);
    // The other file is linted as usual.
    expect(r.report.findings.some((f) => f.file === 'svc.yaml' && f.ruleId === 'service-selector-no-match')).toBe(true);
    expect(r.code).toBe(2); // unreadable input, as documented by svclab lint --help
  });

  test('a FIFO named directly does not block; inside a folder it is passed over', async () => {
    const dir = tempDir();
    execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    const direct = await lintJson(['pipe.yaml'], { cwd: dir });
    expect(direct.report.findings.map((f) => f.message)).toEqual(['not a regular file but a named pipe (FIFO): svclab reads only files']);
    const folder = await lintJson(['.'], { cwd: dir });
    expect(folder.report.findings).toEqual([]);
  });

  test('a socket and a link to a device are refused the same way', async () => {
    const dir = tempDir();
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(path.join(dir, 'sock.yaml'), resolve));
    fs.symlinkSync('/dev/urandom', path.join(dir, 'random.yaml'));
    try {
      const r = await lintJson(['sock.yaml', 'random.yaml'], { cwd: dir });
      expect(r.report.findings.map((f) => `${f.file}: ${f.message}`).sort()).toEqual([
        'random.yaml: not a regular file but a character device: svclab reads only files',
        'sock.yaml: not a regular file but a socket: svclab reads only files',
      ]);
    } finally {
      server.close();
    }
  });

  test('get|curl|dig -f /dev/zero and --cluster /dev/zero: a usage error that says why', async () => {
    const dir = tempDir();
    write(dir, 'svc.yaml', SERVICE);
    for (const argv of [['get', 'svc', '-f', '/dev/zero'], ['curl', 'web:80', '-f', '/dev/zero'], ['dig', 'web', '-f', '/dev/zero'], ['get', 'svc', '-f', 'svc.yaml', '--cluster', '/dev/zero']]) {
      const r = await runCli(argv, { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/not a regular file but a character device/);
    }
  });

  test('a scenario manifest that is a FIFO is a load error at the file, not a hang', () => {
    const root = tempDir();
    write(root, 's/scenario.yaml', 'apiVersion: svclab.io/v1alpha1\nkind: Scenario\nmetadata:\n  name: s\nexpect:\n  lint: { errors: 0 }\n');
    execFileSync('mkfifo', [path.join(root, 's', 'app.yaml')]);
    const loaded = loadScenario(path.join(root, 's'), root);
    expect(!loaded.ok && loaded.errors).toEqual([{ file: 's/app.yaml', line: 1, column: 1, path: '', message: 'cannot read the manifest s/app.yaml: not a regular file but a named pipe (FIFO): svclab reads only files' }]);
  });

  test('readBounded stops after the limit, whatever the input would still give', () => {
    const fd = fs.openSync('/dev/zero', 'r');
    try {
      expect(readBounded(fd, 100_000).length).toBe(100_001);
    } finally {
      fs.closeSync(fd);
    }
  });
});

describe('one decoder for standard input, files and in-memory text', () => {
  test('stdin with a byte order mark: dropped, so the first key stays apiVersion', async () => {
    const r = await lintJson(['-'], { stdin: Buffer.concat([BOM, Buffer.from(SERVICE)]) });
    expect(r.report.findings.map((f) => f.ruleId)).toEqual(['service-selector-no-match']);
    const asText = await lintJson(['-'], { stdin: `\uFEFF${SERVICE}` });
    expect(asText.report.findings).toEqual(r.report.findings);
  });

  test('stdin in Latin-1: not UTF-8, at the byte, as for a file', async () => {
    const bytes = Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: caf\xe9}\n', 'latin1');
    const dir = tempDir();
    write(dir, 'latin1.yaml', bytes);
    const fromStdin = await lintJson(['-'], { stdin: bytes });
    const fromFile = await lintJson(['latin1.yaml'], { cwd: dir });
    const expected = { ruleId: 'file-unreadable', line: 3, column: 21, message: 'file is not valid UTF-8 (byte 0xE9 at line 3, column 21)' };
    expect(fromStdin.report.findings).toEqual([expect.objectContaining({ ...expected, file: '<stdin>' })]);
    expect(fromFile.report.findings).toEqual([expect.objectContaining({ ...expected, file: 'latin1.yaml' })]);
    expect(fromStdin.code).toBe(2);
  });

  test('stdin in UTF-16 (with or without a byte order mark) and with NUL bytes', async () => {
    const utf16 = Buffer.from(`\uFEFF${SERVICE}`, 'utf16le');
    expect((await lintJson(['-'], { stdin: utf16 })).report.findings.map((f) => f.message)).toEqual(['file is UTF-16 little-endian text, not UTF-8']);
    expect((await lintJson(['-'], { stdin: Buffer.from(SERVICE, 'utf16le') })).report.findings.map((f) => f.message)).toEqual(['file is UTF-16 little-endian text, not UTF-8']);
    const nul = await lintJson(['-'], { stdin: `${SERVICE}x: \u0000\n` });
    expect(nul.report.findings).toEqual([expect.objectContaining({ ruleId: 'file-unreadable', line: 8, column: 4 })]);
  });

  test('stdin larger than --max-file-size is reported, not parsed', async () => {
    const r = await lintJson(['-', '--max-file-size', '0.001'], { stdin: 'a: b\n'.repeat(1000) });
    expect(r.report.findings.map((f) => f.message)).toEqual(['standard input holds more than the 0.001 MB limit']);
  });

  test('lintSources() and analyze(): the same decoder for in-memory text', () => {
    const plain = lintSources([{ path: 'a.yaml', absPath: null, text: SERVICE }]).findings;
    expect(lintSources([{ path: 'a.yaml', absPath: null, text: `\uFEFF${SERVICE}` }]).findings).toEqual(plain);
    const [nul] = lintSources([{ path: 'a.yaml', absPath: null, text: `kind: \u0000` }]).findings;
    expect(nul).toMatchObject({ ruleId: 'file-unreadable', line: 1, column: 7, message: 'file is binary (it contains NUL bytes, the first at line 1, column 7), not YAML or JSON' });
    const [lone] = analyze([{ path: 'a.yaml', absPath: null, text: 'name: "\uD83D"\n' }]).lint.findings;
    expect(lone).toMatchObject({ ruleId: 'file-unreadable', line: 1, column: 8, message: 'text holds half of a UTF-16 surrogate pair (U+D83D) at line 1, column 8, which no UTF-8 file can hold' });
    // A whole pair (an emoji) is text like any other.
    expect(lintSources([{ path: 'a.yaml', absPath: null, text: `${SERVICE}# 😀\n` }]).findings).toEqual(plain);
  });

  test('simulate(text): a BOM is dropped; text that is not UTF-8 is a SimulateInputError', () => {
    expect(simulate(`\uFEFF${SERVICE}`).services.map((s) => s.name)).toContain('web');
    expect(() => simulate(`${SERVICE}\u0000`)).toThrow(SimulateInputError);
    expect(() => simulate(`${SERVICE}\u0000`)).toThrow(/<input>:8:1: file is binary/);
  });

  test('lint(): files with a BOM, UTF-16 and UTF-32 byte order marks', async () => {
    const dir = tempDir();
    write(dir, 'bom.yaml', Buffer.concat([BOM, Buffer.from(SERVICE)]));
    write(dir, 'utf16be.yaml', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(SERVICE, 'utf16le').swap16()]));
    write(dir, 'utf32.yaml', Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x61, 0x00, 0x00, 0x00]));
    const run = await lint(['.'], { cwd: dir, useIgnoreFile: false });
    expect(run.findings.map((f) => `${f.file} ${f.ruleId}: ${f.message}`)).toEqual([
      'bom.yaml service-selector-no-match: selector app=web matches no pod in namespace default (there is no workload in this namespace)',
      'utf16be.yaml file-unreadable: file is UTF-16 big-endian text, not UTF-8',
      'utf32.yaml file-unreadable: file is UTF-32 little-endian text, not UTF-8',
    ]);
  });

  test('positions count lines as YAML does: LF, CRLF and a lone CR each end one', () => {
    for (const text of ['a: 1\rb: 2\r\nc: \u0000\n', 'a: 1\nb: 2\rc: \u0000']) {
      expect(decodeText(text, 'x', null)).toMatchObject({ line: 3, column: 4 });
      expect(decodeBytes(Buffer.from(text), 'x', null)).toMatchObject({ line: 3, column: 4 });
    }
    expect(decodeBytes(Buffer.from([0x61, 0x0d, 0x0d, 0x0a, 0xc3, 0xa9, 0xff]), 'x', null)).toMatchObject({ line: 3, column: 2, reason: 'file is not valid UTF-8 (byte 0xFF at line 3, column 2)' });
  });

  test('decodeBytes and decodeText agree on the same content', () => {
    for (const text of [SERVICE, `\uFEFF${SERVICE}`, 'a: é\n', `a: \u0000`]) {
      const fromBytes = decodeBytes(Buffer.from(text), 'x', null);
      const fromText = decodeText(text, 'x', null);
      expect(fromText).toEqual(fromBytes);
    }
  });
});

test('a .svclabignore that is a FIFO is passed over, not waited on', async () => {
  const dir = tempDir();
  write(dir, 'svc.yaml', SERVICE);
  execFileSync('mkfifo', [path.join(dir, '.svclabignore')]);
  const r = await runCli(['lint', '.', '--no-config', '-o', 'json'], { cwd: dir });
  expect((JSON.parse(r.stdout) as { summary: { files: number } }).summary.files).toBe(1);
});
