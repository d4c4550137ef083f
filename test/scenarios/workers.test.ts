import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from '../helpers';

// Worker threads run the compiled worker (dist/scenario/worker.js), which `npm ci` builds
// (prepare) before CI runs the tests; without a build there is nothing to test here.
const CLI = path.join(REPO_ROOT, 'dist', 'cli', 'main.js');
const built = fs.existsSync(path.join(REPO_ROOT, 'dist', 'scenario', 'worker.js'));
const svclab = (...args: string[]) => spawnSync(process.execPath, [CLI, 'test', ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, CI: '' } });

(built ? describe : describe.skip)('svclab test on worker threads (dist/)', () => {
  test('--jobs 2 (this thread + a worker) gives the same report as --jobs 1', () => {
    const parallel = svclab('scenarios', 'exercises', '--solutions', '--format', 'json', '--jobs', '2');
    const serial = svclab('scenarios', 'exercises', '--solutions', '--format', 'json', '--jobs', '1');
    expect(parallel.status).toBe(0);
    expect(JSON.parse(parallel.stdout)).toEqual(JSON.parse(serial.stdout));
    expect(JSON.parse(parallel.stdout).summary.scenarios).toBeGreaterThanOrEqual(30);
  });

  test('--bail on threads stops at the first failing scenario in input order', () => {
    const r = svclab('exercises', 'scenarios', '--format', 'json', '--jobs', '3', '--bail');
    expect(r.status).toBe(1);
    const names = JSON.parse(r.stdout).scenarios.map((s: { name: string }) => s.name);
    expect(names).toEqual(['exercise-selector-typo']);
  });
});
