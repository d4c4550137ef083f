import * as path from 'node:path';
import { findScenarios, loadScenario } from '../../src/scenario/load';
import { scenario, tempTree, WEB_DEPLOYMENT } from './fixtures';

describe('loading scenario folders', () => {
  test('a folder with scenario.yaml is a scenario; its manifests are the other YAML files and manifests/', () => {
    const root = tempTree({
      'a/scenario.yaml': scenario('expect:\n  lint: { errors: 0 }\n'),
      'a/deploy.yaml': WEB_DEPLOYMENT,
      'a/manifests/extra.yml': WEB_DEPLOYMENT.replace('name: web', 'name: web2'),
      'a/notes.txt': 'not a manifest',
      'a/steps/later.yaml': WEB_DEPLOYMENT,
    });
    const r = loadScenario(path.join(root, 'a'), root);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.manifests.map((m) => m.path)).toEqual(['a/deploy.yaml', 'a/manifests/extra.yml']);
    expect(r.scenario.name).toBe('demo');
  });

  test('discovery walks folders, skips node_modules and solution/, and sorts', async () => {
    const root = tempTree({
      'b/scenario.yaml': scenario('', 'b'),
      'a/scenario.yaml': scenario('', 'a'),
      'a/solution/scenario.yaml': scenario('', 'nested'),
      'node_modules/x/scenario.yaml': scenario('', 'x'),
    });
    const found = await findScenarios([], root);
    expect(found.dirs.map((d) => path.relative(root, d))).toEqual(['a', 'b']);
    expect((await findScenarios(['nothing-here'], root)).missing).toEqual(['nothing-here']);
    expect((await findScenarios(['*/scenario.yaml'], root)).dirs.map((d) => path.basename(d))).toEqual(['a', 'b']);
  });

  test('an unknown key is reported at scenario.yaml:LINE:COL with a did-you-mean', () => {
    const root = tempTree({ 's/scenario.yaml': scenario('expect:\n  routes:\n    - from: pod\n      to: web:8080\n      expcet: { outcome: ok }\n') });
    const r = loadScenario(path.join(root, 's'), root);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const [e] = r.errors;
    expect(e.file).toBe('s/scenario.yaml');
    expect([e.line, e.column]).toEqual([9, 7]);
    expect(e.message).toContain('unknown key "expcet"');
    expect(e.message).toContain('did you mean "expect"?');
  });

  test('a wrong enum value names the allowed values; a wrong apiVersion too', () => {
    const root = tempTree({
      's/scenario.yaml': scenario('expect:\n  routes:\n    - from: pod\n      to: web:8080\n      expect: { outcome: okay }\n'),
      't/scenario.yaml': 'apiVersion: v1\nkind: Scenario\nmetadata: { name: t }\n',
    });
    const s = loadScenario(path.join(root, 's'), root);
    expect(!s.ok && s.errors[0].message).toMatch(/outcome must be one of "ok", "refused", "dropped", "dns-error"/);
    const t = loadScenario(path.join(root, 't'), root);
    expect(!t.ok && [t.errors[0].line, t.errors[0].message]).toEqual([1, 'apiVersion must be "svclab.io/v1alpha1"']);
  });

  test('bad YAML is a load error with its position', () => {
    const root = tempTree({ 's/scenario.yaml': 'apiVersion: svclab.io/v1alpha1\nkind: Scenario\nmetadata:\n  name: [unclosed\n' });
    const r = loadScenario(path.join(root, 's'), root);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0].message).toMatch(/YAML syntax error/);
  });

  test('manifests and step files that match nothing are load errors', () => {
    const root = tempTree({ 's/scenario.yaml': scenario('manifests: [missing.yaml]\nsteps:\n  - name: one\n    apply: [steps/none.yaml]\n') });
    const r = loadScenario(path.join(root, 's'), root);
    expect(!r.ok && r.errors.map((e) => [e.line, e.message])).toEqual([
      [5, 'manifests: "missing.yaml" matches no file in s'],
      [8, 'apply: "steps/none.yaml" matches no file'],
    ]);
  });
});

describe('get snapshot paths (--update must never rewrite a manifest)', () => {
  const loadErrors = (body: string) => {
    const root = tempTree({ 's/scenario.yaml': scenario(body), 's/deploy.yaml': WEB_DEPLOYMENT });
    const r = loadScenario(path.join(root, 's'), root);
    return r.ok ? [] : r.errors;
  };

  test('a snapshot that names a manifest, scenario.yaml or a file outside the folder cannot be loaded', () => {
    for (const target of ['deploy.yaml', 'scenario.yaml', 'manifests/svc.json', '../elsewhere.txt']) {
      const errors = loadErrors(`expect:\n  get:\n    - resource: svc\n      snapshot: ${target}\n`);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ line: 8, column: 17, path: 'expect.get[0].snapshot' });
      expect(errors[0].message).toMatch(/^snapshot ".*" must/);
    }
    expect(loadErrors('expect:\n  get:\n    - resource: svc\n      snapshot: snaps/svc.txt\n')).toEqual([]);
  });

  test('two get expectations that would share one snapshot file cannot be loaded', () => {
    const errors = loadErrors('expect:\n  get:\n    - resource: svc\n    - resource: svc\n');
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/expect\.get\[1\] uses the same snapshot file __snapshots__\/start-svc.txt as expect\.get\[0\]/);
    // Step names that differ only in punctuation map to the same default file name.
    const steps = loadErrors('steps:\n  - name: Scale up!\n    expect: { get: [ { resource: pods } ] }\n  - name: scale up\n    expect: { get: [ { resource: pods } ] }\n');
    expect(steps[0].message).toMatch(/steps\[1\]\.expect\.get\[0\] uses the same snapshot file __snapshots__\/scale-up-pods.txt/);
  });
});

describe('YAML problems in scenario.yaml', () => {
  test('a key given twice is reported at its second occurrence, by name', () => {
    const root = tempTree({ 's/scenario.yaml': scenario('cluster: { nodes: 3 }\nexpect:\n  lint: { errors: 0 }\ncluster: { nodes: 2 }\n') });
    const r = loadScenario(path.join(root, 's'), root);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([{ file: 's/scenario.yaml', line: 8, column: 1, message: 'the key "cluster" appears twice in the same mapping; YAML keeps only one of them', path: 'cluster' }]);
  });
});

describe('scenario.yaml that is not a scenario at all', () => {
  const errorsOf = (text: string) => {
    const root = tempTree({ 's/scenario.yaml': text });
    const r = loadScenario(path.join(root, 's'), root);
    return r.ok ? [] : r.errors.map((e) => `${e.line}:${e.column} ${e.message}`);
  };
  test('an empty file, a list, a plain string, or a mapping where a list belongs say what was found', () => {
    expect(errorsOf('')).toEqual(['1:1 scenario.yaml is empty: it needs apiVersion: svclab.io/v1alpha1, kind: Scenario, metadata.name and expect (see docs/scenarios.md)']);
    expect(errorsOf('- a\n')).toEqual(['1:1 the scenario must be a mapping with apiVersion, kind, metadata and expect, not a list']);
    expect(errorsOf('hello\n')).toEqual(['1:1 the scenario must be a mapping with apiVersion, kind, metadata and expect, not string "hello"']);
    expect(errorsOf(scenario('expect:\n  routes: { from: pod }\n'))).toEqual(['6:11 expect.routes must be a list, not a mapping']);
  });
});
