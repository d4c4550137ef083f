/**
 * Issue 13, point 12: SIGINT (Ctrl-C) or SIGTERM while a report is written to `--output` (or a
 * snapshot under `--update`) removes the temporary file and ends with 130 / 143, 128 + the
 * signal's number, as a shell reports a process ended by it. Runs dist/ (real processes and
 * real signals): jest.config.js lists this file among the tests that rebuild a stale dist/.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { onSignal, temporaryFiles, trackTemporaryFile, writeThroughTemporaryFile } from '../../src/util/temp-files';
import { REPO_ROOT } from '../helpers';
import { removeTempDirs, tempDir, write } from './temp';

afterAll(removeTempDirs);

const DIST = path.join(REPO_ROOT, 'dist');

describe('the temporary files registry', () => {
  test('a signal removes every registered temporary file and exits with 128 + its number', () => {
    const dir = tempDir();
    const a = write(dir, '.a.tmp', 'half a report');
    const b = write(dir, '.b.tmp', 'half a snapshot');
    const releaseA = trackTemporaryFile(a);
    trackTemporaryFile(b);
    const codes: number[] = [];
    onSignal('SIGINT', (code) => codes.push(code), false);
    expect(codes).toEqual([130]);
    expect([fs.existsSync(a), fs.existsSync(b)]).toEqual([false, false]);
    expect(temporaryFiles()).toEqual([]);
    releaseA();
    onSignal('SIGTERM', (code) => codes.push(code), false);
    expect(codes).toEqual([130, 143]);
  });

  test('when another listener ends the process on the signal (svclab test --watch), the files go but the exit is left to it', () => {
    const dir = tempDir();
    const a = write(dir, '.a.tmp', 'x');
    trackTemporaryFile(a);
    const codes: number[] = [];
    onSignal('SIGINT', (code) => codes.push(code), true);
    expect(codes).toEqual([]);
    expect(fs.existsSync(a)).toBe(false);
  });

  test('a write that fails leaves no temporary file behind', () => {
    const dir = tempDir();
    const target = path.join(dir, 'missing-folder', 'report.json');
    expect(() => writeThroughTemporaryFile(target, path.join(dir, '.report.tmp'), 'x')).toThrow();
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(temporaryFiles()).toEqual([]);
  });
});

describe('real signals, real processes (dist/)', () => {
  test.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s while a temporary file exists: it is removed and the exit code is %i', (signal, code) => {
    const dir = tempDir();
    const tmp = path.join(dir, '.report.json.123.tmp');
    const script = `
      const fs = require('node:fs');
      const { trackTemporaryFile } = require(${JSON.stringify(path.join(DIST, 'util', 'temp-files.js'))});
      trackTemporaryFile(${JSON.stringify(tmp)});
      fs.writeFileSync(${JSON.stringify(tmp)}, 'x'.repeat(1 << 20));
      process.kill(process.pid, ${JSON.stringify(signal)});
      setTimeout(() => process.exit(0), 5000);
    `;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20000 });
    expect({ status: r.status, signal: r.signal, stderr: r.stderr }).toEqual({ status: code, signal: null, stderr: '' });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test('svclab lint --output interrupted at any moment leaves no temporary file', async () => {
    const dir = tempDir();
    const doc = (i: number) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${i}\nspec:\n  selector: { app: a${i} }\n  ports: [ { port: 80 } ]\n`;
    write(dir, 'many.yaml', Array.from({ length: 4000 }, (_, i) => doc(i)).join('---\n'));
    const outcomes: Array<number | string | null> = [];
    for (const delay of [150, 400, 700, 1000, 1400]) {
      const child = spawn(process.execPath, [path.join(DIST, 'cli', 'main.js'), 'lint', 'many.yaml', '--no-config', '--format', 'sarif', '--output', 'out/report.sarif'], { cwd: dir, stdio: 'ignore' });
      const timer = setTimeout(() => child.kill('SIGINT'), delay);
      const [status, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('exit', (s, sig) => resolve([s, sig])));
      clearTimeout(timer);
      outcomes.push(status ?? signal);
      // Finished (1: the Services select nothing), interrupted before writing (killed by SIGINT), or while writing (130).
      expect([1, 130, 'SIGINT']).toContain(status ?? signal);
      const left = fs.existsSync(path.join(dir, 'out')) ? fs.readdirSync(path.join(dir, 'out')).filter((f) => f.endsWith('.tmp')) : [];
      expect(left).toEqual([]);
    }
    expect(outcomes).toHaveLength(5);
  }, 120000);
});
