import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { distState } from '../../scripts/build-stamp';
import { REPO_ROOT } from '../helpers';

// Worker threads run the compiled worker (dist/scenario/worker.js): this file is in the jest
// project whose globalSetup (test/setup/fresh-dist.ts) builds dist/ when it is older than src/.
const CLI = path.join(REPO_ROOT, 'dist', 'cli', 'main.js');
const svclab = (...args: string[]) => spawnSync(process.execPath, [CLI, 'test', ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, CI: '' } });

describe('svclab test on worker threads (dist/)', () => {
  test('dist/ was built from the sources as they are now', () => {
    expect(distState(REPO_ROOT)).toBe('fresh');
  });

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
