/**
 * lint()'s onInput hook (src/lint.ts): called once every input file is read and before any is
 * linted, with how many files and characters. The CLI decides by it whether a lint of small
 * files is long enough to raise V8's interrupt budget (src/util/v8-flags.ts).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lint } from '../../src/lint';

describe('lint onInput', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-on-input-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('once, with the files read and their characters, before the lint; unreadable files and missing paths are not counted', async () => {
    const a = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n';
    const b = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: caf\u00e9}\n';
    fs.writeFileSync(path.join(dir, 'a.yaml'), a);
    fs.writeFileSync(path.join(dir, 'b.yaml'), b);
    fs.writeFileSync(path.join(dir, 'bin.yaml'), Buffer.from([0, 1, 2, 3]));
    const calls: Array<{ files: number; characters: number }> = [];
    const run = await lint([dir, path.join(dir, 'missing.yaml')], { cwd: dir, onInput: (input) => calls.push(input) });
    expect(calls).toEqual([{ files: 2, characters: a.length + b.length }]);
    expect(run.missing).toEqual([path.join(dir, 'missing.yaml')]);
    expect(run.findings.map((f) => f.ruleId)).toContain('file-unreadable');
  });
});
