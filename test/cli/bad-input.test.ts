import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../helpers';
import { findExcessiveNesting, MAX_NESTING_DEPTH } from '../../src/parse/nesting';
import { GOOD, parseJson, snapshot, tempDir, write, type JsonReport } from './fixtures';

/*
 * Bad input, one test each: every case writes the bad file next to a good one in a fresh temp
 * folder and lints the folder. Each must give a clear finding (or message) with a location,
 * still lint the good file, never print a stack trace, exit non-zero, and leave every input
 * byte-identical.
 */
let dir: string;
let before: Map<string, string>;

beforeEach(() => {
  dir = tempDir('svclab-bad-');
  write(dir, 'good.yaml', GOOD);
});
afterEach(() => {
  // Undo chmod/symlink tricks so the folder can be removed.
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Outcome {
  code: number;
  stderr: string;
  report: JsonReport;
  ms: number;
}

async function lintDir(args: string[] = ['.']): Promise<Outcome> {
  before = snapshot(dir);
  const start = Date.now();
  const r = await runCli(['lint', ...args, '--format', 'json', '--no-config'], { cwd: dir });
  const ms = Date.now() - start;
  expect(r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/); // no stack trace
  expect(r.stderr).not.toMatch(/internal error/);
  expect(snapshot(dir)).toEqual(before); // no write to any input
  return { code: r.code, stderr: r.stderr, report: parseJson(r.stdout), ms };
}

/** The good file's Deployment and Service were linted too. */
function expectGoodLinted(o: Outcome): void {
  expect(o.report.summary.objects).toBeGreaterThanOrEqual(2);
  expect(o.report.findings.filter((f) => f.file === 'good.yaml')).toEqual([]);
}

function findingsFor(o: Outcome, file: string) {
  return o.report.findings.filter((f) => f.file === file);
}

test('broken YAML: yaml-syntax at the position', async () => {
  write(dir, 'broken.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports: [{port: 80}\n');
  const o = await lintDir();
  expect(findingsFor(o, 'broken.yaml')).toEqual([expect.objectContaining({ ruleId: 'yaml-syntax', severity: 'error', line: 7 })]);
  expectGoodLinted(o);
  expect(o.code).toBe(1);
});

test('tabs in the indentation', async () => {
  write(dir, 'tabs.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: cfg\n');
  const o = await lintDir();
  expect(findingsFor(o, 'tabs.yaml')).toEqual([
    expect.objectContaining({ ruleId: 'yaml-syntax', line: 4, column: 1, message: 'tabs are not allowed for indentation in YAML' }),
  ]);
  expectGoodLinted(o);
  expect(o.code).toBe(1);
});

test('a document that is a list, and one that is a scalar', async () => {
  write(dir, 'list.yaml', '- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n');
  write(dir, 'scalar.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n---\njust text\n');
  const o = await lintDir();
  expect(findingsFor(o, 'list.yaml')).toEqual([expect.objectContaining({ ruleId: 'not-an-object', line: 1, column: 1, message: expect.stringContaining('is a list') })]);
  expect(findingsFor(o, 'scalar.yaml')).toEqual([expect.objectContaining({ ruleId: 'not-an-object', line: 5, column: 1, message: expect.stringContaining('is a string') })]);
  expectGoodLinted(o);
  expect(o.code).toBe(1);
});

test('missing kind', async () => {
  write(dir, 'nokind.yaml', 'apiVersion: v1\nmetadata:\n  name: web\n');
  const o = await lintDir();
  expect(findingsFor(o, 'nokind.yaml')).toEqual([expect.objectContaining({ ruleId: 'missing-kind', line: 1, message: expect.stringContaining('no kind') })]);
  expectGoodLinted(o);
  expect(o.code).toBe(1);
});

test('unknown apiVersion (a group svclab has no schema for): unknown-kind at the kind, fatal on request', async () => {
  write(dir, 'crd.yaml', 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n');
  const o = await lintDir();
  expect(findingsFor(o, 'crd.yaml')).toEqual([expect.objectContaining({ ruleId: 'unknown-kind', severity: 'info', line: 2, message: expect.stringContaining('example.com/v1') })]);
  expectGoodLinted(o);
  // Information by default (the issue: "a kind without a schema gets one unknown-kind info
  // finding"); a CI that wants unknown kinds to fail says so.
  expect(o.code).toBe(0);
  expect((await lintDir(['.', '--rule', 'unknown-kind=error'])).code).toBe(1);
});

/*
 * KNOWN GAP (reported to the lead): a built-in kind under an apiVersion that never existed
 * (`apiVersion: v2`, `kind: Service`; kubectl: no matches for kind "Service" in version "v2")
 * gets no finding: src/schema/index.ts noSchema() leaves built-in kinds to deprecated-api,
 * which only knows removed versions. `test.failing` keeps the case visible; when a rule starts
 * reporting it, this test fails and `.failing` must be removed.
 */
test('unknown apiVersion of a built-in kind (v2 Service) is an error at the apiVersion', async () => {
  write(dir, 'v2.yaml', 'kind: Service\napiVersion: v2\nmetadata:\n  name: other\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n    targetPort: http\n');
  const o = await lintDir();
  const found = findingsFor(o, 'v2.yaml').filter((f) => /\bv2\b/.test(f.message));
  expect(found).toEqual([expect.objectContaining({ severity: 'error', line: 2 })]);
  expectGoodLinted(o);
  expect(o.code).toBe(1);
});

test('binary file: file-unreadable with the position of the first NUL byte', async () => {
  write(dir, 'logo.yaml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
  const o = await lintDir();
  expect(findingsFor(o, 'logo.yaml')).toEqual([
    expect.objectContaining({ ruleId: 'file-unreadable', line: 3, column: 1, message: 'file is binary (it contains NUL bytes, the first at line 3, column 1), not YAML or JSON' }),
  ]);
  expectGoodLinted(o);
  expect(o.code).toBe(2);
});

test('empty file: skipped silently, like empty documents (the good file decides the exit code)', async () => {
  write(dir, 'empty.yaml', '');
  write(dir, 'comments.yaml', '# nothing here\n---\n---\n');
  const o = await lintDir();
  expect(findingsFor(o, 'empty.yaml')).toEqual([]);
  expect(findingsFor(o, 'comments.yaml')).toEqual([]);
  expect(o.report.summary.files).toBe(3);
  expectGoodLinted(o);
  // Not a failure: "empty documents are skipped silently" (issue 2); an empty file is one.
  expect(o.code).toBe(0);
});

test('a 50 MB file: reported by size at once, not parsed', async () => {
  const line = 'key: value value value value value value value value value\n';
  const fd = fs.openSync(path.join(dir, 'huge.yaml'), 'w');
  const chunk = line.repeat(Math.ceil((1024 * 1024) / line.length));
  for (let i = 0; i < 50; i++) fs.writeSync(fd, chunk);
  fs.closeSync(fd);
  const o = await lintDir();
  expect(findingsFor(o, 'huge.yaml')).toEqual([expect.objectContaining({ ruleId: 'file-unreadable', message: expect.stringMatching(/^file is 50\.\d MB, larger than the 8 MB limit/) })]);
  expectGoodLinted(o);
  expect(o.code).toBe(2);
  expect(o.ms).toBeLessThan(5000);
}, 30_000);

test('an alias bomb (billion laughs) is refused, not expanded', async () => {
  const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const prev = String.fromCharCode(96 + i);
    levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  write(dir, 'lol.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n${levels.map((l) => `  ${l}`).join('\n')}\n`);
  const o = await lintDir();
  expect(findingsFor(o, 'lol.yaml')).toEqual([expect.objectContaining({ ruleId: 'yaml-syntax', line: 1, message: expect.stringContaining('billion laughs') })]);
  expectGoodLinted(o);
  expect(o.code).toBe(1);
  expect(o.ms).toBeLessThan(5000);
});

test('deep nesting: 100,000 [ is refused before parsing, at the level that passes the limit', async () => {
  write(dir, 'deep.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata:\n  x: ${'['.repeat(100_000)}\n`);
  write(dir, 'deep-block.yaml', `${'- '.repeat(20_000)}x\n`);
  const o = await lintDir();
  expect(findingsFor(o, 'deep.yaml')).toEqual([
    expect.objectContaining({ ruleId: 'yaml-syntax', line: 5, column: 6 + MAX_NESTING_DEPTH, message: `the file is not read: it has brackets ([ or {) nested more than ${MAX_NESTING_DEPTH} levels deep` }),
  ]);
  expect(findingsFor(o, 'deep-block.yaml')).toEqual([expect.objectContaining({ ruleId: 'yaml-syntax', line: 1, message: expect.stringContaining('indentation more than') })]);
  expectGoodLinted(o);
  expect(o.code).toBe(1);
  expect(o.ms).toBeLessThan(5000);
});

test('__proto__ keys do not pollute Object.prototype', async () => {
  write(dir, 'proto.yaml', '__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes\n');
  write(
    dir,
    'proto-labels.yaml',
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: p\n  labels:\n    __proto__: x\n  annotations:\n    __proto__: "{\\"polluted\\": true}"\ndata:\n  __proto__: y\n',
  );
  const o = await lintDir();
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  expect(findingsFor(o, 'proto.yaml')).toEqual([expect.objectContaining({ ruleId: 'missing-kind', line: 1, column: 1 })]);
  // The ConfigMap with __proto__ keys is an ordinary object: linted, counted.
  expect(o.report.summary.objects).toBe(3);
  expect(o.code).toBe(1);
});

test('a symlink loop in a folder is walked once', async () => {
  write(dir, 'k8s/bad.yaml', 'apiVersion: v1\nmetadata: {name: x}\n');
  fs.symlinkSync(dir, path.join(dir, 'k8s', 'loop'));
  fs.symlinkSync(path.join(dir, 'k8s'), path.join(dir, 'k8s', 'again'));
  const o = await lintDir();
  // Each file once, whatever the number of paths that lead to it.
  expect(o.report.summary.files).toBe(2);
  expect(findingsFor(o, 'k8s/bad.yaml')).toEqual([expect.objectContaining({ ruleId: 'missing-kind', line: 1 })]);
  expectGoodLinted(o);
  expect(o.code).toBe(1);
});

// walkDirectory asks realpath only for the folder named and for linked folders; a folder under
// a real one is known by its parent's real path and its name.
test('a folder named through a symbolic link, with a link inside it back to its real path, is walked once', async () => {
  write(dir, 'real/app/bad.yaml', 'apiVersion: v1\nmetadata: {name: x}\n');
  fs.symlinkSync(path.join(dir, 'real'), path.join(dir, 'via'));
  fs.symlinkSync(path.join(dir, 'real'), path.join(dir, 'real', 'app', 'up'));
  const o = await lintDir(['via']);
  expect(o.report.summary.files).toBe(1);
  expect(findingsFor(o, 'via/app/bad.yaml')).toEqual([expect.objectContaining({ ruleId: 'missing-kind', line: 1 })]);
  expect(o.code).toBe(1);
});

// An unreadable file (chmod 000) is tested on the built binary in lint-cli.test.ts, as user
// nobody when the tests run as root (root reads a chmod 000 file anyway).

// A read that fails even for root: /proc/self/mem cannot be read at offset 0 (EIO).
(process.platform === 'linux' && fs.existsSync('/proc/self/mem') ? test : test.skip)('an unreadable file: a read that fails even as root (/proc/self/mem; skipped where Linux /proc is missing)', async () => {
  fs.symlinkSync('/proc/self/mem', path.join(dir, 'mem.yaml'));
  const o = await lintDir();
  expect(findingsFor(o, 'mem.yaml')).toEqual([
    expect.objectContaining({ ruleId: 'file-unreadable', line: 1, column: 1, message: expect.stringMatching(/^cannot read file: E[A-Z]+$/) }),
  ]);
  expectGoodLinted(o);
  expect(o.code).toBe(2);
});

test('an unreadable path: a path component that is a file', async () => {
  const o = await lintDir(['.', 'good.yaml/child.yaml']);
  expect(o.stderr).toBe('svclab: no such file, directory or glob match: good.yaml/child.yaml\n');
  expectGoodLinted(o);
  expect(o.code).toBe(2);
});

test('a non-UTF-8 file: file-unreadable naming the byte and its position', async () => {
  write(dir, 'latin1.yaml', Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cafe}\ndata:\n  greeting: "d\xe9j\xe0 vu"\n', 'latin1'));
  const o = await lintDir();
  expect(findingsFor(o, 'latin1.yaml')).toEqual([
    expect.objectContaining({ ruleId: 'file-unreadable', message: 'file is not valid UTF-8 (byte 0xE9 at line 5, column 15)', hint: expect.stringContaining('iconv') }),
  ]);
  expectGoodLinted(o);
  expect(o.code).toBe(2);
});

test('--debug is the only way to get a stack trace', async () => {
  // An internal error cannot be provoked from outside without a bug; the run must at least
  // accept --debug and behave normally with it.
  const r = await runCli(['lint', '.', '--debug', '--no-config'], { cwd: dir });
  expect(r.code).toBe(0);
});

describe('findExcessiveNesting (the guard in front of the YAML parser)', () => {
  test('real manifests pass', () => {
    expect(findExcessiveNesting(GOOD)).toBeNull();
    expect(findExcessiveNesting('a: [[[1]]]\nb: {c: {d: [e]}}\n', 3)).toBeNull();
  });
  test('brackets inside quotes and comments do not count; apostrophes in words do not open quotes', () => {
    expect(findExcessiveNesting(`a: "[[[[["\nb: '{{{{{'\n# [[[[[[\nc: it's [ok]\nd: [x]\n`, 2)).toBeNull();
  });
  test('a new document starts afresh', () => {
    expect(findExcessiveNesting('a: [[\n---\nb: [[\n', 2)).toBeNull();
  });
  test('flow and block depth past the limit are found with their offset', () => {
    expect(findExcessiveNesting('x: [[[[1]]]]', 3)).toEqual({ offset: 6, kind: 'flow' });
    expect(findExcessiveNesting('- - - - x', 3)).toEqual({ offset: 6, kind: 'block' });
  });
});
