/**
 * The built CLI is one script with its V8 code cache (scripts/bundle.js, issue 14: start-up).
 * These run dist/ in child processes: the bundle must behave as the modules it was made of,
 * load none of dist/'s modules through Node's loader on a lint, and its cache must be accepted.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers';

const MAIN = path.join(REPO_ROOT, 'dist', 'cli', 'main.js');
const BUNDLE = path.join(REPO_ROOT, 'dist', 'cli', 'svclab.bundle.js');

function node(args: string[], cwd = REPO_ROOT) {
  return spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
}

describe('the bundled CLI', () => {
  test('is ASCII (read as a one-byte string), and this Node accepts its code cache', () => {
    const text = fs.readFileSync(BUNDLE, 'latin1');
    expect(/[^\x00-\x7f]/.test(text)).toBe(false);
    const probe = `
      const fs = require('node:fs'); const vm = require('node:vm');
      const s = new vm.Script(fs.readFileSync(${JSON.stringify(BUNDLE)}, 'latin1'), { filename: ${JSON.stringify(BUNDLE)}, cachedData: fs.readFileSync(${JSON.stringify(BUNDLE.replace(/\.js$/, '.cache'))}) });
      process.stdout.write(String(s.cachedDataRejected));`;
    expect(node(['-e', probe]).stdout).toBe('false');
  });

  test('the loader raises V8\'s interrupt budget only after the code cache is read, and never over one the user set', () => {
    const loader = fs.readFileSync(MAIN, 'utf8');
    const read = loader.indexOf('new vm.Script(');
    const flags = loader.indexOf('setFlagsFromString(');
    expect(read).toBeGreaterThan(0);
    expect(flags).toBeGreaterThan(read);
    expect(loader.indexOf('runInThisContext')).toBeGreaterThan(flags);
    // With the user's own budget (a Node flag), the loader leaves it: same report, nothing on stderr about flags.
    const plain = node([MAIN, 'lint', 'examples/seed-000', '--format', 'json']);
    const own = node(['--interrupt-budget=20000', MAIN, 'lint', 'examples/seed-000', '--format', 'json']);
    expect({ status: own.status, stdout: own.stdout, stderr: own.stderr }).toEqual({ status: plain.status, stdout: plain.stdout, stderr: plain.stderr });
    expect(plain.stderr).not.toMatch(/flag/i);
    // Each validator has a code cache for Node's default flags (the library) and one for the CLI's.
    const tags = (flags: string[]) => node([...flags, '-e', 'process.stdout.write(require("node:v8").cachedDataVersionTag().toString(16))']).stdout;
    const validator = path.join(REPO_ROOT, 'dist', 'schema', 'compiled', 'service-v1');
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the build's own list of flags
    const { CLI_V8_FLAGS } = require('../../scripts/cli-v8-flags') as { CLI_V8_FLAGS: string };
    const both = [tags([]), tags(CLI_V8_FLAGS.split(' '))];
    expect(both[0]).not.toBe(both[1]);
    for (const tag of both) expect(fs.existsSync(`${validator}.${tag}.cache`)).toBe(true);
  });

  test.each([
    ['lint', 'examples/seed-000', '--format', 'json'],
    ['lint', 'scenarios', '--format', 'sarif'],
    ['lint', 'examples/seed-002'],
    // picocolors is bundled but run only for colour (src/report/colors.ts).
    ['lint', 'examples/seed-002', '--color'],
    ['rules'],
    ['lint', '--nope'],
    // Commands other than lint are loaded from disk and share the bundle's modules (one UsageError class).
    ['test', '--nope'],
    ['get', 'pods', '-f', 'examples/seed-000'],
  ])('gives what the unbundled modules give: %s %s %s %s', (...argv) => {
    const bundled = node([MAIN, ...argv]);
    // The same run through dist/cli/run.js, the modules tsc wrote, loaded by Node one by one.
    const probe = `
      const { run } = require(${JSON.stringify(path.join(REPO_ROOT, 'dist', 'cli', 'run.js'))});
      run(${JSON.stringify(argv)}, { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env, readStdin: () => Buffer.alloc(0) })
        .then((code) => { process.exitCode = code; });`;
    const modules = node(['-e', probe]);
    expect({ status: bundled.status, stdout: bundled.stdout, stderr: bundled.stderr }).toEqual({ status: modules.status, stdout: modules.stdout, stderr: modules.stderr });
  });

  test('a lint into a pipe makes no Node stream for its output: neither tty nor net is loaded (src/cli/std-output.ts)', () => {
    const probe = `
      process.argv = [process.argv[0], ${JSON.stringify(MAIN)}, 'lint', 'examples/seed-002'];
      process.on('exit', () => { require('node:fs').writeSync(2, '\\nLOADED ' + JSON.stringify(process.moduleLoadList)); });
      require(${JSON.stringify(MAIN)});`;
    const r = node(['-e', probe]);
    expect(r.stdout).toMatch(/no problems in 3 files/);
    const loaded = JSON.parse(/LOADED (.*)$/.exec(r.stderr)![1]) as string[];
    expect(loaded).toContain('NativeModule fs');
    expect(loaded.filter((m) => /^NativeModule (tty|net)$/.test(m))).toEqual([]);
    // The bundle has no tsc namespace copies of built-ins left (scripts/bundle.js).
    expect(fs.readFileSync(BUNDLE, 'latin1')).not.toMatch(/__importStar\(require\("node:/);
  });

  test('a lint loads no module of dist/ through Node (only the loader, the bundle and validators by vm)', () => {
    const probe = `
      const Module = require('node:module');
      const seen = [];
      const load = Module._load;
      Module._load = function (request, parent, isMain) {
        const file = Module._resolveFilename(request, parent, isMain);
        if (file.includes(${JSON.stringify(`${path.sep}dist${path.sep}`)})) seen.push(file);
        return load.apply(this, arguments);
      };
      process.argv = [process.argv[0], ${JSON.stringify(MAIN)}, 'lint', 'examples/seed-000'];
      process.on('exit', () => { process.stderr.write('\\nLOADED ' + JSON.stringify(seen)); });
      require(${JSON.stringify(MAIN)});`;
    const r = node(['-e', probe]);
    const loaded = JSON.parse(/LOADED (.*)$/.exec(r.stderr)![1]) as string[];
    expect(loaded).toEqual([MAIN]);
  });
});
