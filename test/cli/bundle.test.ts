/**
 * The built CLI is one script with its V8 code cache (scripts/bundle.js, issue 14: start-up).
 * These run dist/ in child processes: the bundle must behave as the modules it was made of,
 * load none of dist/'s modules through Node's loader on a lint, and its cache must be accepted.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
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

  // src/util/v8-flags.ts: the binary raises V8's interrupt budget for a lint of 16 KiB or more
  // and for the other commands, never over one the user set; a smaller lint loads no node:v8.
  // Raising it changes V8's cachedDataVersionTag, which the probe reads as the run ends.
  describe('V8\'s interrupt budget', () => {
    const probe = (argv: string[]) => `
      process.argv = [process.argv[0], ${JSON.stringify(MAIN)}, ...${JSON.stringify(argv)}];
      process.on('exit', () => {
        const loaded = process.moduleLoadList.includes('NativeModule v8');
        require('node:fs').writeSync(2, '\\nPROBE ' + JSON.stringify({ loaded, tag: require('node:v8').cachedDataVersionTag().toString(16) }));
      });
      require(${JSON.stringify(MAIN)});`;
    const runProbe = (argv: string[], nodeFlags: string[] = []) => {
      const r = node([...nodeFlags, '-e', probe(argv)]);
      return { ...(JSON.parse(/PROBE (.*)$/.exec(r.stderr)![1]) as { loaded: boolean; tag: string }), status: r.status, stdout: r.stdout };
    };
    const tagUnder = (flags: string[]) => node([...flags, '-e', 'process.stdout.write(require("node:v8").cachedDataVersionTag().toString(16))']).stdout;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- dist's own module, as the build uses it
    const { CLI_V8_FLAGS, LONG_RUN_CHARS } = require(path.join(REPO_ROOT, 'dist', 'util', 'v8-flags.js')) as { CLI_V8_FLAGS: string; LONG_RUN_CHARS: number };
    const plainTag = tagUnder([]);
    const cliTag = tagUnder(CLI_V8_FLAGS.split(' '));
    let dir: string;
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-budget-'));
      const doc = (i: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\ndata:\n  k: "${'v'.repeat(200)}"\n---\n`;
      fs.writeFileSync(path.join(dir, 'small.yaml'), doc(0));
      fs.writeFileSync(path.join(dir, 'large.yaml'), Array.from({ length: Math.ceil(LONG_RUN_CHARS / 250) + 1 }, (_, i) => doc(i)).join(''));
      expect(fs.statSync(path.join(dir, 'large.yaml')).size).toBeGreaterThanOrEqual(LONG_RUN_CHARS);
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    test('the two flag sets have different tags, and the build recorded the default one beside the validators', () => {
      expect(plainTag).not.toBe(cliTag);
      const compiled = path.join(REPO_ROOT, 'dist', 'schema', 'compiled');
      expect(fs.readFileSync(path.join(compiled, 'v8-default-tag.txt'), 'utf8').trim()).toBe(plainTag);
      // Each validator has a code cache for each, which V8 accepts under those flags.
      for (const [flags, tag] of [[[], plainTag], [CLI_V8_FLAGS.split(' '), cliTag]] as const) {
        const file = path.join(compiled, 'service-v1.js');
        const accepted = `
          const fs = require('node:fs'); const vm = require('node:vm');
          const code = '(function (exports, require, module, __filename, __dirname) {' + fs.readFileSync(${JSON.stringify(file)}, 'latin1') + '\\n})';
          process.stdout.write(String(!new vm.Script(code, { filename: ${JSON.stringify(file)}, cachedData: fs.readFileSync(${JSON.stringify(file.replace(/\.js$/, `.${tag}.cache`))}) }).cachedDataRejected));`;
        expect(node([...flags, '-e', accepted]).stdout).toBe('true');
      }
    });

    test('a lint under 16 KiB keeps Node\'s budget and never loads node:v8', () => {
      const r = runProbe(['lint', path.join(dir, 'small.yaml')]);
      expect(r).toMatchObject({ loaded: false, tag: plainTag, status: 0 });
    });

    test('a lint of a folder, a glob or stdin raises it before reading; one of small files after, by their size', () => {
      expect(runProbe(['lint', dir])).toMatchObject({ loaded: true, tag: cliTag });
      expect(runProbe(['lint', path.join(dir, '*.yaml')])).toMatchObject({ loaded: true, tag: cliTag });
      const smalls = Array.from({ length: 3 }, (_, i) => path.join(dir, `small-${i}.yaml`));
      for (const f of smalls) fs.copyFileSync(path.join(dir, 'small.yaml'), f);
      expect(runProbe(['lint', ...smalls])).toMatchObject({ loaded: false, tag: plainTag, status: 0 });
    });

    test('a lint of 16 KiB or more raises it, with the same report', () => {
      const raised = runProbe(['lint', path.join(dir, 'large.yaml'), '--format', 'json']);
      expect(raised).toMatchObject({ tag: cliTag, status: 0 });
      const own = runProbe(['lint', path.join(dir, 'large.yaml'), '--format', 'json'], ['--interrupt-budget=20000']);
      // With the user's own budget (a Node flag) it stays the user's.
      expect(own.tag).toBe(tagUnder(['--interrupt-budget=20000']));
      expect(own.stdout).toBe(raised.stdout);
    });

    test('the other commands raise it at once', () => {
      expect(runProbe(['get', 'pods', '-f', 'examples/seed-000'])).toMatchObject({ tag: cliTag, status: 0 });
    });
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

  test('a small lint into a pipe makes no Node stream for its output: none of stream, tty, net is loaded (src/cli/std-output.ts)', () => {
    const probe = `
      process.argv = [process.argv[0], ${JSON.stringify(MAIN)}, 'lint', 'examples/seed-002/counter-redis.yaml'];
      process.on('exit', () => { require('node:fs').writeSync(2, '\\nLOADED ' + JSON.stringify(process.moduleLoadList)); });
      require(${JSON.stringify(MAIN)});`;
    const r = node(['-e', probe]);
    expect(r.stdout).toMatch(/no problems in 1 file \(3 objects\)/);
    const loaded = JSON.parse(/LOADED (.*)$/.exec(r.stderr)![1]) as string[];
    expect(loaded).toContain('NativeModule fs');
    expect(loaded.filter((m) => /^NativeModule (stream|tty|net)$/.test(m))).toEqual([]);
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
