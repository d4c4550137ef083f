import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, runCli } from '../helpers';
import { RULES } from '../../src/rules/index';
import { BROKEN_SELECTOR, BROKEN_SELECTOR_LINE, GOOD, OPTED_OUT, parseJson, snapshot, tempDir, write } from './fixtures';

/** A Service port whose targetPort no container declares: a warning (target-port-no-container-port). */
const WARNS = GOOD.replace('    targetPort: http\n', '    targetPort: 8080\n');

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const lintIn = (args: string[], options: { env?: Record<string, string>; stdin?: string } = {}) => runCli(['lint', ...args], { cwd: dir, ...options });

describe('exit codes', () => {
  test('0 when clean', async () => {
    write(dir, 'app.yaml', GOOD);
    const r = await lintIn(['.']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe('✓ no problems in 1 file (2 objects)\n');
  });

  test('1 when there is an error, at its line', async () => {
    write(dir, 'app.yaml', BROKEN_SELECTOR);
    const r = await lintIn(['app.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^app\\.yaml\\n {2}${BROKEN_SELECTOR_LINE}:5 {2}error {2}Service/default/web spec\\.selector: .*service-selector-no-match$`, 'm'));
  });

  test('warnings pass unless --max-warnings is exceeded', async () => {
    write(dir, 'app.yaml', WARNS);
    const plain = await lintIn(['app.yaml', '--format', 'json']);
    const warnings = parseJson(plain.stdout).summary.warnings;
    expect(warnings).toBeGreaterThan(0);
    expect(plain.code).toBe(0);
    expect((await lintIn(['app.yaml', '--max-warnings', String(warnings)])).code).toBe(0);
    const over = await lintIn(['app.yaml', '--max-warnings', String(warnings - 1)]);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain(`${warnings} warning${warnings === 1 ? ' exceeds' : 's exceed'} --max-warnings ${warnings - 1}`);
  });

  test('--rule id=off silences a rule; --rule id=warning softens it', async () => {
    write(dir, 'app.yaml', BROKEN_SELECTOR);
    const off = await lintIn(['app.yaml', '--rule', 'service-selector-no-match=off', '--format', 'json']);
    expect(parseJson(off.stdout).findings.map((f) => f.ruleId)).not.toContain('service-selector-no-match');
    const soft = await lintIn(['app.yaml', '--rule=service-selector-no-match=warning', '--format', 'json']);
    expect(parseJson(soft.stdout).findings.find((f) => f.ruleId === 'service-selector-no-match')?.severity).toBe('warning');
  });

  test('2 for an unknown rule id, with did-you-mean', async () => {
    write(dir, 'app.yaml', GOOD);
    const r = await lintIn(['app.yaml', '--rule', 'service-selecter-no-match=off']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('svclab lint: --rule: unknown rule "service-selecter-no-match" (did you mean service-selector-no-match?); `svclab rules` lists them\n');
    expect(r.stdout).toBe('');
  });

  test('2 for a bad severity', async () => {
    write(dir, 'app.yaml', GOOD);
    const r = await lintIn(['app.yaml', '--rule', 'yaml-syntax=fatal']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('severity must be one of off, info, warning, error');
  });

  test('2 for an unknown flag, with did-you-mean', async () => {
    const r = await lintIn(['.', '--formt', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('svclab lint: unknown option --formt (did you mean --format?)\n');
  });

  test('2 for an unknown format and for no path at all', async () => {
    expect((await lintIn(['.', '--format', 'xml'])).stderr).toMatch(/unknown format "xml"; choose one of stylish, json, sarif, junit, github/);
    const none = await lintIn([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/needs at least one path/);
  });

  test('2 for a missing path, but the other paths are still linted and reported', async () => {
    write(dir, 'app.yaml', BROKEN_SELECTOR);
    const r = await lintIn(['app.yaml', 'nope/', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('svclab: no such file, directory or glob match: nope/\n');
    expect(parseJson(r.stdout).summary.objects).toBe(2);
  });

  test('2 for a glob that matches nothing', async () => {
    const r = await lintIn(['k8s/**/*.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no such file, directory or glob match: k8s/**/*.yaml');
  });

  test('--help exits 0 and lists every flag', async () => {
    const r = await lintIn(['--help']);
    expect(r.code).toBe(0);
    for (const flag of ['--format', '--output', '--namespace', '--rule', '--max-warnings', '--ignore-pattern', '--config', '--color']) expect(r.stdout).toContain(flag);
  });
});

describe('--format', () => {
  beforeEach(() => {
    write(dir, 'app.yaml', BROKEN_SELECTOR);
  });

  test('json', async () => {
    const r = await lintIn(['app.yaml', '--format', 'json']);
    const report = parseJson(r.stdout);
    expect(report.findings[0]).toMatchObject({ ruleId: 'service-selector-no-match', file: 'app.yaml', line: BROKEN_SELECTOR_LINE, path: 'spec.selector' });
    expect(report.summary).toMatchObject({ files: 1, objects: 2 });
  });

  test('sarif', async () => {
    const r = await lintIn(['app.yaml', '-o', 'sarif']);
    const log = JSON.parse(r.stdout) as { version: string; runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results[0].ruleId).toBe('service-selector-no-match');
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('app.yaml');
  });

  test('junit lists the passing Deployment and the failing Service', async () => {
    const r = await lintIn(['app.yaml', '--format=junit']);
    expect(r.stdout).toContain('<testcase classname="app.yaml" name="Deployment/default/web"/>');
    expect(r.stdout).toMatch(/<testcase classname="app\.yaml" name="Service\/default\/web">\s*<failure /);
  });

  test('github', async () => {
    const r = await lintIn(['app.yaml', '--format', 'github']);
    expect(r.stdout).toMatch(new RegExp(`^::error file=app\\.yaml,line=${BROKEN_SELECTOR_LINE},col=5,endLine=\\d+,endColumn=\\d+,title=service-selector-no-match::`));
  });
});

describe('--output', () => {
  test('writes the report to the file, not stdout, and leaves no temp file', async () => {
    write(dir, 'app.yaml', BROKEN_SELECTOR);
    const r = await lintIn(['app.yaml', '--format', 'json', '--output', 'out/report.json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(parseJson(fs.readFileSync(path.join(dir, 'out', 'report.json'), 'utf8')).summary.errors).toBeGreaterThan(0);
    expect(fs.readdirSync(path.join(dir, 'out'))).toEqual(['report.json']);
  });

  test('stylish to a file has no colour even when forced', async () => {
    write(dir, 'app.yaml', BROKEN_SELECTOR);
    await lintIn(['app.yaml', '--output', 'report.txt'], { env: { FORCE_COLOR: '1' } });
    expect(fs.readFileSync(path.join(dir, 'report.txt'), 'utf8')).not.toMatch(/\u001b\[/);
  });

  test.each([
    ['the linted file itself', ['app.yaml'], 'app.yaml'],
    ['a file inside a linted folder', ['.'], 'app.yaml'],
    ['an empty manifest inside a linted folder', ['.'], 'empty.yaml'],
    ['a glob match', ['*.yaml'], 'empty.yaml'],
    ['the same file through a symlink', ['app.yaml'], 'link.yaml'],
  ])('never replaces an input: %s', async (_what, operands, output) => {
    write(dir, 'app.yaml', BROKEN_SELECTOR);
    write(dir, 'empty.yaml', '');
    fs.symlinkSync(path.join(dir, 'app.yaml'), path.join(dir, 'link.yaml'));
    const before = snapshot(dir);
    const r = await lintIn([...operands, '--format', 'json', '--output', output]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--output ${output} is one of the input files`);
    expect(snapshot(dir)).toEqual(before);
  });

  test('--output creates missing folders, several levels deep', async () => {
    write(dir, 'app.yaml', GOOD);
    const r = await lintIn(['app.yaml', '--format', 'json', '--output', 'reports/lint/2024/out.json']);
    expect(r.code).toBe(0);
    expect(parseJson(fs.readFileSync(path.join(dir, 'reports/lint/2024/out.json'), 'utf8')).summary.objects).toBe(2);
  });

  test('an unwritable output is a usage error, not a crash', async () => {
    write(dir, 'app.yaml', GOOD);
    write(dir, 'blocker', 'a file where a folder should be');
    const r = await lintIn(['app.yaml', '--output', 'blocker/report.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^svclab lint: cannot write --output blocker\/report\.txt: E[A-Z]+\n$/);
  });
});

describe('`svclab lint .` at a repository root', () => {
  beforeEach(() => {
    write(dir, 'k8s/app.yaml', GOOD);
    write(dir, 'package.json', '{"name": "shop", "version": "1.0.0"}');
    write(dir, 'tsconfig.build.json', '{"compilerOptions": {}}');
    write(dir, 'docker-compose.yml', 'services:\n  web:\n    image: nginx\n');
    write(dir, '.github/workflows/ci.yml', 'name: ci\non: [push]\njobs: {}\n');
    write(dir, 'chart/Chart.yaml', 'apiVersion: v2\nname: shop\nversion: 0.1.0\n');
    write(dir, 'chart/values.yaml', 'replicaCount: 1\n');
  });

  test('passes over hidden folders and files that are never manifests', async () => {
    const r = await lintIn(['.', '--format', 'json']);
    const out = parseJson(r.stdout);
    expect(out.findings.map((f) => `${f.file} ${f.ruleId}`)).toEqual([]);
    expect(r.code).toBe(0);
    expect(out.summary.files).toBe(1);
  });

  test('still reads such a file when it is named on the command line', async () => {
    const r = await lintIn(['package.json', '--format', 'json']);
    expect(parseJson(r.stdout).findings.map((f) => f.ruleId)).toEqual(['missing-kind']);
  });
});

test('--namespace sets the namespace of objects that have none', async () => {
  write(dir, 'app.yaml', BROKEN_SELECTOR);
  const r = await lintIn(['app.yaml', '--namespace', 'team-a', '--format', 'json']);
  const f = parseJson(r.stdout).findings.find((x) => x.ruleId === 'service-selector-no-match');
  expect(f?.object).toEqual({ apiVersion: 'v1', kind: 'Service', namespace: 'team-a', name: 'web' });
  expect(f?.message).toContain('namespace team-a');
});

describe('colours', () => {
  const red = /\u001b\[31m/;
  beforeEach(() => {
    write(dir, 'app.yaml', BROKEN_SELECTOR);
  });
  test('off when stdout is not a terminal', async () => {
    expect((await lintIn(['app.yaml'])).stdout).not.toMatch(red);
  });
  test('FORCE_COLOR=1 turns them on, FORCE_COLOR=0 off', async () => {
    expect((await lintIn(['app.yaml'], { env: { FORCE_COLOR: '1' } })).stdout).toMatch(red);
    expect((await lintIn(['app.yaml'], { env: { FORCE_COLOR: '0' } })).stdout).not.toMatch(red);
  });
  test('NO_COLOR wins over FORCE_COLOR (no-color.org)', async () => {
    expect((await lintIn(['app.yaml'], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } })).stdout).not.toMatch(red);
  });
  test('--color and --no-color win over the environment', async () => {
    expect((await lintIn(['app.yaml', '--color'], { env: { NO_COLOR: '1' } })).stdout).toMatch(red);
    expect((await lintIn(['app.yaml', '--no-color'], { env: { FORCE_COLOR: '1' } })).stdout).not.toMatch(red);
  });
  test('never in machine formats', async () => {
    expect((await lintIn(['app.yaml', '--format', 'json', '--color'])).stdout).not.toMatch(/\u001b\[/);
  });
});

describe('inputs', () => {
  test('stdin via -', async () => {
    const r = await lintIn(['-', '--format', 'json'], { stdin: BROKEN_SELECTOR });
    expect(r.code).toBe(1);
    expect(parseJson(r.stdout).findings[0]).toMatchObject({ file: '<stdin>', line: BROKEN_SELECTOR_LINE });
  });

  test('stdin together with files: cross-object rules see both', async () => {
    const [deployment, service] = GOOD.split('---\n');
    write(dir, 'deploy.yaml', deployment);
    const r = await lintIn(['deploy.yaml', '-'], { stdin: service });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('✓ no problems in 2 files (2 objects)\n');
  });

  test('--ignore-pattern skips files and folders', async () => {
    write(dir, 'app.yaml', GOOD);
    write(dir, 'vendor/broken.yaml', BROKEN_SELECTOR);
    write(dir, 'other/broken.yml', BROKEN_SELECTOR);
    expect((await lintIn(['.'])).code).toBe(1);
    const r = await lintIn(['.', '--ignore-pattern', 'vendor/', '--ignore-pattern', '**/broken.yml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('in 1 file');
  });

  test('.svclabignore in the working directory', async () => {
    write(dir, 'app.yaml', GOOD);
    write(dir, 'generated/broken.yaml', BROKEN_SELECTOR);
    write(dir, '.svclabignore', '# generated by CI\ngenerated/\n');
    const r = await lintIn(['.']);
    expect(r.code).toBe(0);
  });

  test('svclab.io/ignore annotation opts one object out of the listed rules', async () => {
    write(dir, 'app.yaml', OPTED_OUT);
    const r = await lintIn(['app.yaml', '--format', 'json']);
    expect(parseJson(r.stdout).findings.map((f) => f.ruleId)).not.toContain('service-selector-no-match');
    expect(r.code).toBe(0);
  });
});

describe('config file', () => {
  test('found upward from cwd: rule severities and namespace apply', async () => {
    write(dir, 'svclab.config.yaml', 'rules:\n  service-selector-no-match: "off"\nnamespace: shop\n');
    write(dir, 'k8s/app.yaml', BROKEN_SELECTOR);
    const r = await runCli(['lint', 'app.yaml', '--format', 'json'], { cwd: path.join(dir, 'k8s') });
    expect(r.code).toBe(0);
    expect(parseJson(r.stdout).findings.map((f) => f.ruleId)).not.toContain('service-selector-no-match');
  });

  test('--rule on the command line wins over the config', async () => {
    write(dir, 'svclab.config.yaml', 'rules:\n  service-selector-no-match: "off"\n');
    write(dir, 'app.yaml', BROKEN_SELECTOR);
    expect((await lintIn(['app.yaml', '--rule', 'service-selector-no-match=error'])).code).toBe(1);
  });

  test('--config FILE and --no-config', async () => {
    write(dir, 'strict.yaml', 'rules:\n  service-selector-no-match: "off"\n');
    write(dir, 'svclab.config.yaml', 'rules:\n  bogus: error\n');
    write(dir, 'app.yaml', BROKEN_SELECTOR);
    expect((await lintIn(['app.yaml', '--config', 'strict.yaml'])).code).toBe(0);
    expect((await lintIn(['app.yaml', '--no-config'])).code).toBe(1);
  });

  test('an invalid config is exit 2 with file:line:col and did-you-mean', async () => {
    write(dir, 'svclab.config.yaml', 'namespace: shop\nnodeportRange: "30000-32767"\n');
    write(dir, 'app.yaml', GOOD);
    const r = await lintIn(['app.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^svclab lint: svclab\.config\.yaml:2:1: unknown key "nodeportRange" \(did you mean "nodePortRange"\?\)/);
    expect(r.stdout).toBe('');
  });

  test('nodePortRange from the config reaches the rules', async () => {
    write(dir, 'svclab.config.yaml', 'nodePortRange: "20000-22767"\n');
    write(dir, 'np.yaml', GOOD.replace('  - name: http\n    port: 80\n', '  - name: http\n    port: 80\n    nodePort: 31000\n').replace('spec:\n  selector:\n    app: web\n  ports:', 'spec:\n  type: NodePort\n  selector:\n    app: web\n  ports:'));
    const r = await lintIn(['np.yaml', '--format', 'json']);
    const ids = parseJson(r.stdout).findings.map((f) => f.ruleId);
    expect(ids).toContain('nodeport-out-of-range');
    expect((await lintIn(['np.yaml', '--no-config'])).code).toBe(0);
  });
});

describe('svclab rules / explain', () => {
  test('rules lists every rule with its severity', async () => {
    const r = await runCli(['rules']);
    expect(r.code).toBe(0);
    for (const rule of RULES) expect(r.stdout).toMatch(new RegExp(`^${rule.meta.id} +${rule.meta.severity} +\\S`, 'm'));
  });

  test('rules --format json', async () => {
    const list = JSON.parse((await runCli(['rules', '--format', 'json'])).stdout) as Array<{ id: string }>;
    expect(list.map((x) => x.id).sort()).toEqual(RULES.map((x) => x.meta.id).sort());
  });

  test('explain prints the rule doc', async () => {
    const r = await runCli(['explain', 'service-selector-no-match']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('# service-selector-no-match');
    expect(r.stdout).toContain('## How to fix');
  });

  test('explain with an unknown id is exit 2 with did-you-mean', async () => {
    const r = await runCli(['explain', 'yaml-sintax']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('svclab explain: unknown rule "yaml-sintax" (did you mean yaml-syntax?); `svclab rules` lists them\n');
  });

  test('an unknown command is exit 2 with did-you-mean', async () => {
    const r = await runCli(['lnt', '.']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^svclab: unknown command "lnt" \(did you mean `svclab lint`\?\)/);
  });
});

// dist/ is rebuilt when older than src/ by this file's jest project (test/setup/fresh-dist.ts).
describe('the built binary', () => {
  const main = path.join(REPO_ROOT, 'dist', 'cli', 'main.js');

  test('node dist/cli/main.js lint: exit codes, stdout and stderr of a real process', () => {
    write(dir, 'good.yaml', GOOD);
    write(dir, 'bad.yaml', BROKEN_SELECTOR.replace('name: web', 'name: web2').replace(/name: web\n/g, 'name: web2\n'));
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.FORCE_COLOR;
    const ok = spawnSync(process.execPath, [main, 'lint', 'good.yaml'], { cwd: dir, encoding: 'utf8', env });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('no problems');
    const bad = spawnSync(process.execPath, [main, 'lint', '.', '--format', 'json'], { cwd: dir, encoding: 'utf8', env });
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout).summary.errors).toBeGreaterThan(0);
    const usage = spawnSync(process.execPath, [main, 'lint', '--nope'], { cwd: dir, encoding: 'utf8', env });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('unknown option --nope');
    expect(usage.stderr).not.toMatch(/\n\s+at /);
  });

  (fs.existsSync('/dev/full') ? test : test.skip)('stdout on a full disk (/dev/full): said on stderr, exit 2, no stack trace (skipped where /dev/full is missing)', () => {
    write(dir, 'app.yaml', GOOD);
    const r = spawnSync('/bin/sh', ['-c', `"${process.execPath}" "${main}" lint app.yaml --no-config > /dev/full`], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('svclab lint: cannot write to stdout: ENOSPC: no space left on device, write\n');
  });

  test('a reader that closes the pipe early (`svclab rules | head -1`) gets no EPIPE stack trace', () => {
    // The shell closes the read end as soon as `head` has its line; here the pipe is closed
    // before the CLI writes at all, which makes every write fail with EPIPE.
    const r = spawnSync('/bin/sh', ['-c', `exec 3>&1; ("${process.execPath}" "${main}" rules; echo "status=$?" >&3) | true`], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(r.stdout).toMatch(/status=0/);
  });

  (fs.existsSync('/proc/self') ? test : test.skip)('--output into a missing folder under /proc fails at once instead of hanging (skipped where /proc is missing)', () => {
    // fs.mkdirSync(..., { recursive: true }) loops forever there; a real process with a timeout shows it.
    write(dir, 'app.yaml', GOOD);
    const r = spawnSync(process.execPath, [main, 'lint', 'app.yaml', '--output', '/proc/svclab-nope/report.txt'], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot write --output \/proc\/svclab-nope\/report\.txt: E[A-Z]+/);
  }, 30_000);

  test('an unreadable file (chmod 000): file-unreadable EACCES at 1:1, the other file linted, exit 2 (as root, run as user nobody: root reads it anyway)', () => {
    write(dir, 'good.yaml', GOOD);
    const secret = write(dir, 'secret.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: s}\n');
    fs.chmodSync(secret, 0o000);
    const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    // mkdtemp makes the folder 0700: user nobody must be able to enter it and read good.yaml.
    if (asRoot) fs.chmodSync(dir, 0o755);
    try {
      const r = spawnSync(process.execPath, [main, 'lint', '.', '--format', 'json', '--no-config'], { cwd: dir, encoding: 'utf8', ...(asRoot ? { uid: 65534, gid: 65534 } : {}) });
      expect(r.error).toBeUndefined();
      expect(r.stderr).not.toMatch(/\n\s+at /);
      const report = parseJson(r.stdout);
      expect(report.findings).toEqual([expect.objectContaining({ ruleId: 'file-unreadable', file: 'secret.yaml', line: 1, column: 1, message: 'cannot read file: EACCES' })]);
      expect(report.summary.objects).toBe(2); // good.yaml's Deployment and Service
      expect(r.status).toBe(2);
    } finally {
      fs.chmodSync(secret, 0o644);
    }
  });

  test('stdin through a pipe', () => {
    const r = spawnSync(process.execPath, [main, 'lint', '-', '--format', 'json'], { cwd: dir, input: GOOD, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).summary.objects).toBe(2);
  });
});
