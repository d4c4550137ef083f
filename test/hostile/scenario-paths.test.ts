/**
 * Issue 13, points 5 and 14: a scenario folder may come from anywhere (a course downloaded from
 * the internet), so it reads only files inside its own folder, or inside a suite root the user
 * names (`svclab test --root DIR`), after following every symlink; anything else is a located
 * scenario error that never shows the file. Steps that cannot be applied are errors on the step:
 * a folder is applied like `kubectl apply -f DIR` (its manifest files, not recursively:
 * k8s.io/cli-runtime resource.FileVisitor without --recursive), and a workload whose spec is not
 * a mapping cannot be scaled or relabelled (kubectl scale fails the same way on such an object).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadScenario, type LoadError } from '../../src/scenario/load';
import { runScenario } from '../../src/scenario/run';
import { runScenarios } from '../../src/scenario/index';
import { runCli } from '../helpers';
import { scenario, WEB_DEPLOYMENT, webService } from '../scenarios/fixtures';
import { removeTempDirs, tempDir, write } from './temp';

afterAll(removeTempDirs);

const SECRET = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: learners-secret\nstringData: { password: hunter2 }\n';

/** A suite folder with a file outside the scenario that must stay unread. */
function suite(files: Record<string, string>): { root: string; dir: string } {
  const root = tempDir();
  write(root, 'private/secret.yaml', SECRET);
  for (const [rel, text] of Object.entries(files)) write(root, rel, text);
  return { root, dir: path.join(root, 's') };
}

function loadErrors(root: string, dir: string, options: { root?: string } = {}): LoadError[] {
  const loaded = loadScenario(dir, root, options);
  if (loaded.ok) return [];
  // Nothing of the file outside reaches a message.
  for (const e of loaded.errors) expect(e.message).not.toMatch(/hunter2|learners-secret/);
  return loaded.errors;
}

const lintOnly = 'expect:\n  lint: { errors: 0 }\n';

describe('scenario paths stay inside the scenario folder', () => {
  test('manifests: an absolute path elsewhere on the machine is refused at its entry', () => {
    const { root, dir } = suite({ 's/scenario.yaml': scenario(`manifests: [ /etc/passwd ]\n${lintOnly}`) });
    expect(loadErrors(root, dir)).toEqual([
      { file: 's/scenario.yaml', line: 5, column: 14, path: 'manifests[0]', message: expect.stringMatching(/^manifests: "\/etc\/passwd" leads to \/etc\/passwd, outside the scenario folder: a scenario may read only its own files \(to share files between scenarios, name a suite root with `svclab test --root DIR`\)$/) },
    ]);
  });

  test('manifests: ../ out of the folder, and a glob that climbs out, are refused', () => {
    const { root, dir } = suite({ 's/scenario.yaml': scenario(`manifests: [ ../private/secret.yaml, "../private/*.yaml", "*/../../private/*.yaml" ]\n${lintOnly}`) });
    expect(loadErrors(root, dir).map((e) => [e.path, e.message.split(',')[0]])).toEqual([
      ['manifests[0]', `manifests: "../private/secret.yaml" leads to private/secret.yaml`],
      ['manifests[1]', `manifests: "../private/*.yaml" leads to private`],
      ['manifests[2]', `manifests: "*/../../private/*.yaml" leads to private/*.yaml`],
    ]);
  });

  test('a glob over the whole disk is refused before it is searched', () => {
    const { root, dir } = suite({ 's/scenario.yaml': scenario(`manifests: [ "/**/*.yaml" ]\n${lintOnly}`) });
    const started = Date.now();
    expect(loadErrors(root, dir).map((e) => e.path)).toEqual(['manifests[0]']);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  test('symlinks: a manifest, a folder and a default manifest that lead outside are refused', () => {
    const { root, dir } = suite({ 's/scenario.yaml': scenario(`manifests: [ linked/secret.yaml, "linked/*.yaml", app.yaml ]\n${lintOnly}`), 's/app.yaml': WEB_DEPLOYMENT });
    fs.symlinkSync(path.join(root, 'private'), path.join(dir, 'linked'));
    expect(loadErrors(root, dir).map((e) => [e.path, e.message.split(':')[0]])).toEqual([
      ['manifests[0]', 'manifests'],
      ['manifests[1]', 'manifests'],
    ]);
    expect(loadErrors(root, dir)[0].message).toMatch(/leads to s\/linked\/secret\.yaml, a link to private\/secret\.yaml, outside the scenario folder/);

    const plain = suite({ 's/scenario.yaml': scenario(lintOnly), 's/app.yaml': WEB_DEPLOYMENT });
    fs.symlinkSync(path.join(plain.root, 'private', 'secret.yaml'), path.join(plain.dir, 'evil.yaml'));
    expect(loadErrors(plain.root, plain.dir)).toEqual([
      { file: 's/scenario.yaml', line: 1, column: 1, path: '', message: expect.stringMatching(/^the manifest s\/evil\.yaml leads to s\/evil\.yaml, a link to private\/secret\.yaml, outside the scenario folder/) },
    ]);
  });

  test('a link that stays inside the folder is fine', () => {
    const { root, dir } = suite({ 's/scenario.yaml': scenario(`manifests: [ alias.yaml ]\n${lintOnly}`), 's/real/app.yaml': WEB_DEPLOYMENT });
    fs.symlinkSync(path.join(dir, 'real', 'app.yaml'), path.join(dir, 'alias.yaml'));
    const loaded = loadScenario(dir, root);
    expect(loaded.ok && loaded.scenario.manifests.map((m) => m.path)).toEqual(['s/alias.yaml']);
  });

  test('steps: apply of a file outside is refused at the step entry', () => {
    const { root, dir } = suite({ 's/scenario.yaml': scenario(`steps:\n  - name: sneak\n    apply: [ ../private/secret.yaml ]\n    expect: { lint: { errors: 0 } }\n`), 's/app.yaml': WEB_DEPLOYMENT });
    expect(loadErrors(root, dir)).toEqual([{ file: 's/scenario.yaml', line: 7, column: 14, path: 'steps[0].apply[0]', message: expect.stringMatching(/^apply: "\.\.\/private\/secret\.yaml" leads to private\/secret\.yaml, outside the scenario folder/) }]);
  });

  test('a snapshot that is a link to a file outside is refused (--update would write through it)', () => {
    const { root, dir } = suite({ 's/scenario.yaml': scenario('expect:\n  get:\n    - resource: svc\n      snapshot: snap.txt\n'), 's/app.yaml': WEB_DEPLOYMENT });
    fs.symlinkSync(path.join(root, 'private', 'secret.yaml'), path.join(dir, 'snap.txt'));
    expect(loadErrors(root, dir)).toEqual([{ file: 's/scenario.yaml', line: 8, column: 17, path: 'expect.get[0].snapshot', message: expect.stringMatching(/^snapshot "snap\.txt" must be a file inside the scenario folder \(it is a link/) }]);
  });

  test('a suite root the user names (--root) may be read from; the rest of the disk still may not', async () => {
    const { root, dir } = suite({ 'shared/svc.yaml': webService(), 's/scenario.yaml': scenario(`manifests: [ app.yaml, ../shared/svc.yaml ]\nexpect:\n  endpoints:\n    - service: web\n      ready: { count: 3 }\n`), 's/app.yaml': WEB_DEPLOYMENT });
    expect(loadErrors(root, dir).map((e) => e.path)).toEqual(['manifests[1]']);
    expect(loadErrors(root, dir, { root: '.' })).toEqual([]);
    const run = await runScenarios(['s'], { cwd: root, jobs: 1, root: '.' });
    expect(run.scenarios[0].status).toBe('passed');
    expect((await runCli(['test', 's'], { cwd: root })).code).toBe(2);
    expect((await runCli(['test', 's', '--root', '.'], { cwd: root })).code).toBe(0);
    expect((await runCli(['validate', 's', '--root', '.'], { cwd: root })).code).toBe(0);
    // A root names a folder: /etc stays outside of it.
    const other = suite({ 's/scenario.yaml': scenario(`manifests: [ /etc/hostname ]\n${lintOnly}`) });
    expect(loadErrors(other.root, other.dir, { root: '.' }).map((e) => e.path)).toEqual(['manifests[0]']);
  });

  test('svclab test prints the refusal at scenario.yaml:LINE:COL and exits 2', async () => {
    const { root } = suite({ 's/scenario.yaml': scenario(`manifests: [ ../private/secret.yaml ]\n${lintOnly}`) });
    const r = await runCli(['test', 's'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/s\/scenario\.yaml:5:14 {2}manifests: "\.\.\/private\/secret\.yaml" leads to private\/secret\.yaml, outside the scenario folder/);
    expect(r.stdout).not.toMatch(/hunter2/);
  });
});

describe('steps that cannot be applied are errors on the step', () => {
  const run = (files: Record<string, string>) => {
    const { root, dir } = suite(files);
    const loaded = loadScenario(dir, root);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    return runScenario(loaded.scenario);
  };

  test('apply: a folder applies its manifest files, like kubectl apply -f DIR', () => {
    const result = run({
      's/scenario.yaml': scenario('steps:\n  - name: add the Service\n    apply: [ extra ]\n    expect:\n      endpoints:\n        - service: web\n          ready: { count: 3 }\n'),
      's/app.yaml': WEB_DEPLOYMENT,
      's/extra/svc.yaml': webService(),
      's/extra/notes.txt': 'not a manifest',
      's/extra/deeper/other.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: not-applied\n',
    });
    expect(result.expectations.map((e) => [e.kind, e.status])).toEqual([['endpoints', 'passed']]);
  });

  test('apply: a folder without manifests matches no file (a load error at the entry)', () => {
    const { root, dir } = suite({ 's/scenario.yaml': scenario('steps:\n  - name: nothing\n    apply: [ empty ]\n    expect: { lint: { errors: 0 } }\n'), 's/app.yaml': WEB_DEPLOYMENT, 's/empty/readme.txt': 'x' });
    expect(loadErrors(root, dir)).toEqual([{ file: 's/scenario.yaml', line: 7, column: 14, path: 'steps[0].apply[0]', message: 'apply: "empty" matches no file' }]);
  });

  test('scale and relabel of a workload whose spec is not a mapping: a step error at the entry, not an internal error', () => {
    const broken = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: odd\nspec: 3\n';
    const result = run({
      's/scenario.yaml': scenario('steps:\n  - name: change it\n    scale: [ { ref: Deployment/odd, replicas: 2 } ]\n    relabel: [ { ref: Deployment/odd, labels: { app: x } } ]\n    expect: { lint: { errors: 1 } }\n'),
      's/app.yaml': broken,
    });
    expect(result.expectations.map((e) => ({ kind: e.kind, status: e.status, line: e.line, column: e.column, message: e.message }))).toEqual([
      { kind: 'step', status: 'error', line: 7, column: 14, message: 'cannot scale Deployment/odd: its spec is not a mapping, so spec.replicas cannot be set; fix the manifest first' },
      { kind: 'step', status: 'error', line: 8, column: 16, message: 'cannot relabel Deployment/odd: its spec is not a mapping, so spec.template.metadata.labels cannot be set; fix the manifest first' },
    ]);
    expect(result.status).toBe('failed');
  });

  test('apply: a file that is not UTF-8 is a step error at the entry', () => {
    const { root, dir } = suite({ 's/scenario.yaml': scenario('steps:\n  - name: binary\n    apply: [ steps/blob.yaml ]\n    expect: { lint: { errors: 0 } }\n'), 's/app.yaml': WEB_DEPLOYMENT });
    write(root, 's/steps/blob.yaml', Buffer.from([0x61, 0x3a, 0x20, 0xff, 0x0a]));
    const loaded = loadScenario(dir, root);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const [e] = runScenario(loaded.scenario).expectations;
    expect(e).toMatchObject({ kind: 'step', status: 'error', line: 7, column: 14, message: 'cannot read the manifest s/steps/blob.yaml: file is not valid UTF-8 (byte 0xFF at line 1, column 4)' });
  });
});

describe('scenario.yaml that yaml can read but no scenario can be', () => {
  test('an alias inside its own anchor is a load error, not a crash', () => {
    for (const body of ['expect: &a { objects: [ { ref: Pod/x, match: *a } ] }\n', 'metadata: &m { name: x, labels: *m }\n']) {
      const { root, dir } = suite({ 's/scenario.yaml': `apiVersion: svclab.io/v1alpha1\nkind: Scenario\n${body.startsWith('metadata') ? body : `metadata:\n  name: x\n${body}`}` });
      const errors = loadErrors(root, dir);
      expect(errors.map((e) => e.message).join('\n')).toMatch(/alias inside its own anchor|cannot be read as YAML|would contain itself without end/);
    }
  });

  test('a mapping as a key writes no warning to the process (stderr stays the report\'s)', async () => {
    const { root } = suite({ 's/scenario.yaml': 'metadata:\n  name: a\n? { x: Scenario }\n: 1\n' });
    const emit = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const r = await runCli(['test', 's'], { cwd: root });
      expect(r.stdout).toMatch(/unknown key "\{ x: Scenario \}"/);
      expect(emit).not.toHaveBeenCalled();
    } finally {
      emit.mockRestore();
    }
  });
});

test('a scenario.yaml with a lone CR (no manifest shape): errors are placed on the lines YAML counts', () => {
  const { root, dir } = suite({ 's/scenario.yaml': 'ap\riVersion: svclab.io/v1alpha1\nkind: Scenario\nmetadata:\n  name: x\ncluster: 1e400\n' });
  const errors = loadErrors(root, dir);
  const cluster = errors.find((e) => e.path === 'cluster');
  expect(cluster).toMatchObject({ line: 6, column: 10 });
});
