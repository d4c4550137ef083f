/**
 * Jest globalSetup of the tests that run the build (jest.config.js, project "dist"): worker
 * threads and real processes run dist/, not src/. When dist/ is missing, or was built from
 * sources other than those in the tree now (scripts/build-stamp.js), this runs `npm run build`
 * once, before any of those tests; when the build fails, the run fails with its output. After
 * `npm ci` (which builds) and with nothing changed since, it does nothing.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { distState } from '../../scripts/build-stamp';

const ROOT = path.resolve(__dirname, '..', '..');

export default function freshDist(): void {
  const state = distState(ROOT);
  if (state === 'fresh') return;
  process.stderr.write(`\nsvclab tests: dist/ is ${state === 'missing' ? 'not built (no dist/.build-stamp)' : 'older than src/'}; running npm run build for the tests that run dist/\n`);
  // No stdin (CI has none) and no TTY needed: the output is shown only when the build fails.
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (build.status !== 0) {
    const why = build.error ? build.error.message : `exit code ${build.status ?? build.signal}`;
    throw new Error(`npm run build failed (${why}), so the tests that run dist/ cannot run:\n${build.stdout ?? ''}${build.stderr ?? ''}`);
  }
  if (distState(ROOT) !== 'fresh') throw new Error('src/ changed while dist/ was being built; run the tests again');
}
