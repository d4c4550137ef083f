/**
 * Issue 11, point 1: `svclab test --watch` re-runs after every way an editor saves a file. Node's
 * recursive fs.watch on Linux watches inodes, so a save that replaces the file (rename-replace as
 * `sed -i` and most editors do, vim's backup-and-write, `git checkout`) used to be missed after the
 * first time; chokidar re-arms (chokidar's own tests: "should detect unlink and re-add" / atomic
 * writes). Runs dist/ as a real process: listed in jest.config.js among the tests that rebuild it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers';
import { scenario, tempTree, WEB_DEPLOYMENT, webService } from '../scenarios/fixtures';

const MAIN = path.join(REPO_ROOT, 'dist', 'cli', 'main.js');

function waitFor(read: () => string, re: RegExp, ms = 15000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (re.test(read())) return resolve();
      if (Date.now() - started > ms) return reject(new Error(`timed out waiting for ${re}; output so far:\n${read()}`));
      setTimeout(tick, 50);
    };
    tick();
  });
}

function waitUntil(done: () => boolean, shown: () => string, ms = 15000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (done()) return resolve();
      if (Date.now() - started > ms) return reject(new Error(`timed out; output so far:\n${shown()}`));
      setTimeout(tick, 50);
    };
    tick();
  });
}

describe('svclab test --watch (a real process, real saves)', () => {
  let child: ChildProcess | null = null;
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGINT');
  });

  test('saving in place, rename-replace and backup-and-write each re-run, numbered, with the time', async () => {
    const root = tempTree({ 'bad/scenario.yaml': scenario('expect:\n  endpoints:\n    - service: web\n      ready: { count: 3 }\n', 'bad'), 'bad/d.yaml': WEB_DEPLOYMENT, 'bad/s.yaml': webService('wbe') });
    const file = path.join(root, 'bad', 's.yaml');
    let out = '';
    let err = '';
    child = spawn(process.execPath, [MAIN, 'test', 'bad', '--watch', '--no-color'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d: Buffer) => void (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => void (err += d.toString()));
    await waitFor(() => err, /watching 1 scenario folder/);

    // The re-runs printed so far, each once its summary line is out: broken (a scenario failed) or not.
    const reruns = () => out.split(/re-run #\d+ at/).slice(1).filter((r) => /scenarios? (passed|failed)/.test(r)).map((r) => /\b1 failed\b|✗|FAIL/i.test(r));
    // After a save, a re-run must report the file as saved. A late event of the save before may
    // add a re-run of its own (chokidar's atomic mode holds an unlink back 100 ms): it may come
    // first, so the wait is for a re-run with the new state among those after the save.
    const save = async (write: () => void, broken: boolean) => {
      const seen = out.split(/re-run #\d+ at/).length - 1;
      write();
      await waitUntil(() => reruns().slice(seen).includes(broken), () => out);
    };
    // 1. In place: the same inode is truncated and written.
    await save(() => fs.writeFileSync(file, webService()), false);
    expect(out).toMatch(/re-run #1 at \d\d:\d\d:\d\d: re-ran 1 scenario after a change/);
    // 2. Rename-replace (sed -i, VS Code, git checkout): a new file renamed over the old one.
    await save(() => {
      fs.writeFileSync(`${file}.tmp-new`, webService('wbe'));
      fs.renameSync(`${file}.tmp-new`, file);
    }, true);
    // 3. Backup-and-write (vim without backupcopy): the file is moved to s.yaml~, a new one written.
    await save(() => {
      fs.renameSync(file, `${file}~`);
      fs.writeFileSync(file, webService());
    }, false);
    fs.rmSync(`${file}~`);
    // 4. And in place once more: the watch is still armed after the replacements.
    await save(() => fs.writeFileSync(file, webService('wbe')), true);
    // Each save was followed by a re-run of its state: fixed, broken, fixed, broken, numbered in order.
    const numbers = [...out.matchAll(/re-run #(\d+) at/g)].map((m) => Number(m[1]));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(numbers.length).toBeGreaterThanOrEqual(4);
    child.kill('SIGINT');
    await new Promise((r) => child!.once('exit', r));
  }, 60000);
});
