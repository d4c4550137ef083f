/**
 * Issue 13, points 1 and 2: names of Object.prototype members (`__proto__`, `toString`,
 * `constructor`, `hasOwnProperty`, `valueOf`) are ordinary text in a manifest, and a mapping
 * with a `toString:` key where a string is expected is an ordinary wrong value. Kubernetes
 * itself reads them as plain keys and values (Go maps and structs have no prototype: an unknown
 * kind is "no matches for kind", a label `constructor: x` is a label like any other). Every
 * command and the library must treat them so: findings for the wrong values, the other files'
 * findings kept, no internal error.
 */
import { lintSources } from '../../src/lint';
import { simulate } from '../../src/sim/simulate';
import { dict, dictOf, own, strMap, textOf } from '../../src/model/guards';
import { runCli } from '../helpers';
import { removeTempDirs, tempDir, write } from './temp';

const NAMES = ['__proto__', 'toString', 'constructor', 'hasOwnProperty', 'valueOf'];

const GOOD_SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: { app: web }
  ports: [ { port: 80 } ]
`;

const deployment = (labels: string, env = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: ${labels}
  template:
    metadata:
      labels: ${labels}
    spec:
      containers:
      - name: web
        image: nginx
        ports: [ { containerPort: 80 } ]${env}
`;

describe('helpers: user text is looked up and printed without touching Object.prototype', () => {
  test.each(NAMES)('dict/own/strMap: "%s" is a key like any other', (name) => {
    const d = dict<string>([[name, 'x']]);
    expect(own(d, name)).toBe('x');
    expect(Object.keys(d)).toEqual([name]);
    expect(own(dict<string>(), name)).toBeUndefined();
    expect(own({}, name)).toBeUndefined();
    const labels = strMap({ [name]: 'v' });
    expect(Object.keys(labels)).toEqual([name]);
    expect(labels[name]).toBe('v');
    expect(strMap({})[name]).toBeUndefined();
    // Nothing inherited either: `in` and a plain look-up see only own keys (dictOf too).
    expect(name in dict<string>()).toBe(false);
    expect(dict<string>()[name]).toBeUndefined();
    expect(dictOf<string>({ a: 'b' })[name]).toBeUndefined();
    const set = dict<string>();
    set[name] = 'y';
    expect(Object.keys(set)).toEqual([name]);
    expect(dict<string>()[name]).toBeUndefined();
  });

  test('strMap keeps a __proto__ label that YAML wrote as a key', () => {
    const value = JSON.parse('{"__proto__":"x","app":"web"}') as Record<string, unknown>;
    expect(Object.keys(strMap(value))).toEqual(['__proto__', 'app']);
  });

  test('textOf never calls a toString (or valueOf) the input defines', () => {
    expect(textOf({ toString: 'x' })).toBe('{"toString":"x"}');
    expect(textOf({ valueOf: 1, toString: 2 })).toBe('{"valueOf":1,"toString":2}');
    expect(textOf(['a', { toString: 'x' }])).toBe('["a",{"toString":"x"}]');
    expect(textOf(8080)).toBe('8080');
    expect(textOf(true)).toBe('true');
    expect(textOf(null)).toBe('null');
    expect(textOf(undefined)).toBe('');
    expect(textOf(new Date('2001-12-14T00:00:00Z'))).toBe('2001-12-14T00:00:00.000Z');
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(textOf(cycle)).toBe('[circular]');
  });
});

describe('lint: prototype names as kind, apiVersion, keys and values', () => {
  test.each(NAMES)('kind: %s is a kind v1 does not serve ("no matches for kind"), and the Service beside it is still linted', (name) => {
    const run = lintSources([
      { path: 'odd.yaml', absPath: null, text: `apiVersion: v1\nkind: ${name}\nmetadata:\n  name: a\n` },
      { path: 'svc.yaml', absPath: null, text: GOOD_SERVICE },
    ]);
    expect(run.findings.filter((f) => f.file === 'odd.yaml').map((f) => f.ruleId)).toEqual(['unserved-api']);
    expect(run.findings.filter((f) => f.file === 'svc.yaml').map((f) => f.ruleId)).toContain('service-selector-no-match');
  });

  test.each(NAMES)('apiVersion: %s is an unserved API version of Service', (name) => {
    const run = lintSources([{ path: 'a.yaml', absPath: null, text: `apiVersion: ${name}\nkind: Service\nmetadata:\n  name: a\n` }]);
    expect(run.findings.map((f) => f.ruleId)).toContain('unserved-api');
  });

  test.each(NAMES.filter((n) => n !== '__proto__'))('a label and selector key %s selects like any other key (SelectorFromSet)', (name) => {
    const run = lintSources([{ path: 'a.yaml', absPath: null, text: `${deployment(`{ "${name}": web }`)}---\n${GOOD_SERVICE.replace('{ app: web }', `{ "${name}": web }`)}` }]);
    expect(run.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('a label key __proto__ is invalid (a name part starts and ends with a letter or digit, IsQualifiedName) and still a key', () => {
    const run = lintSources([{ path: 'a.yaml', absPath: null, text: `${deployment('{ "__proto__": web }')}---\n${GOOD_SERVICE.replace('{ app: web }', '{ "__proto__": web }')}` }]);
    expect(run.findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId} ${f.path}`)).toEqual([
      'invalid-label spec.selector.matchLabels.__proto__',
      'invalid-label spec.template.metadata.labels.__proto__',
      'invalid-label spec.selector.__proto__',
    ]);
  });

  test.each(NAMES)('a selector key %s that no pod carries is reported as matching nothing', (name) => {
    const run = lintSources([{ path: 'a.yaml', absPath: null, text: `${deployment('{ app: web }')}---\n${GOOD_SERVICE.replace('{ app: web }', `{ "${name}": web }`)}` }]);
    expect(run.findings.map((f) => f.ruleId)).toContain('service-selector-no-match');
  });

  test('a mapping with a toString key where a string is expected is a schema finding, not a crash', () => {
    const text = `${GOOD_SERVICE.replace('ports: [ { port: 80 } ]', 'ports: [ { port: 80, name: { toString: x } } ]')}---\n${deployment('{ app: web }', '\n        env: [ { name: X, value: { toString: x } } ]')}`;
    const run = lintSources([{ path: 'a.yaml', absPath: null, text }]);
    const schema = run.findings.filter((f) => f.ruleId === 'schema');
    expect(schema.map((f) => f.path).sort()).toEqual(['spec.ports[0].name', 'spec.template.spec.containers[0].env[0].value']);
  });
});

describe('simulate and the commands: prototype names reach every lookup', () => {
  // ValidateService and ValidateDeployment (pkg/apis/core/validation, pkg/apis/apps/validation)
  // check label and selector keys as qualified names: `__proto__` starts with '_', so the API
  // server refuses both objects; the simulator refuses them the same way.
  test('simulate(): a Deployment labelled __proto__ and a Service selecting it are refused as the API server refuses them (not a crash)', () => {
    const cluster = simulate(`${deployment('{ "__proto__": web }')}---\n${GOOD_SERVICE.replace('{ app: web }', '{ "__proto__": web }')}`);
    expect(cluster.rejected).toEqual([
      expect.objectContaining({ kind: 'Deployment', name: 'web', reason: expect.stringContaining('spec.template.metadata.labels: Invalid value: "__proto__"') }),
      expect.objectContaining({ kind: 'Service', name: 'web', reason: expect.stringContaining('spec.selector: Invalid value: "__proto__"') }),
    ]);
    expect(cluster.pods.filter((p) => p.namespace === 'default')).toHaveLength(0);
    expect(cluster.route({ from: 'pod', to: 'web:80', count: 1 }).summary.ok).toBe(0);
  });

  test.each(NAMES.filter((n) => n !== '__proto__'))('simulate(): a workload labelled %s is selected by a Service with that selector', (name) => {
    const cluster = simulate(`${deployment(`{ "${name}": web }`)}---\n${GOOD_SERVICE.replace('{ app: web }', `{ "${name}": web }`)}`);
    const slice = cluster.endpointSlices.find((s) => s.serviceName === 'web');
    expect(slice?.endpoints).toHaveLength(2);
    expect(cluster.route({ from: 'pod', to: 'web:80', count: 4 }).summary.ok).toBe(4);
  });

  test('simulate(): env values written as mappings with a toString key do not crash the pod model', () => {
    const cluster = simulate(deployment('{ app: web }', '\n        env: [ { name: X, value: { toString: x } } ]'));
    expect(cluster.pods.filter((p) => p.namespace === 'default')).toHaveLength(2);
  });

  test.each(NAMES)('CLI: svclab lint|get|curl|dig with %s everywhere ends without an internal error', async (name) => {
    const dir = tempDir('svclab-proto-');
    const text = `apiVersion: v1\nkind: ${name}\nmetadata:\n  name: ${name.toLowerCase().replace(/_/g, 'x')}\n  labels: { "${name}": x }\n---\n${deployment(`{ "${name}": web }`, '\n        env: [ { name: X, value: { toString: x } } ]')}---\n${GOOD_SERVICE.replace('{ app: web }', `{ "${name}": web }`)}`;
    write(dir, 'm.yaml', text);
    for (const argv of [
      ['lint', 'm.yaml', '--no-config'],
      ['lint', 'm.yaml', '--no-config', '-o', 'json'],
      ['get', 'pods,svc,endpoints,endpointslices,nodes', '-f', 'm.yaml'],
      ['get', 'pods', '-o', 'yaml', '-f', 'm.yaml'],
      ['curl', 'web:80', '-f', 'm.yaml'],
      ['dig', 'web', '-f', 'm.yaml'],
      ['dig', name, '-f', 'm.yaml'],
      ['curl', `${name}:80`, '-f', 'm.yaml'],
      ['get', 'pods', name, '-f', 'm.yaml'],
    ]) {
      const r = await runCli(argv, { cwd: dir });
      expect({ argv, stderr: r.stderr }).not.toEqual({ argv, stderr: expect.stringMatching(/internal error/) });
      expect(r.code).toBeLessThan(2 + (argv[0] === 'curl' || argv[0] === 'dig' ? 1 : 0));
    }
  });

  test.each(NAMES)('CLI: a command, a resource or a format named %s is a usage error', async (name) => {
    const dir = tempDir('svclab-proto-');
    write(dir, 'm.yaml', GOOD_SERVICE);
    for (const argv of [[name], ['get', name, '-f', 'm.yaml'], ['lint', 'm.yaml', '-o', name], ['curl', 'web:80', '-o', name, '-f', 'm.yaml'], ['test', '--format', name, '.']]) {
      const r = await runCli(argv, { cwd: dir });
      expect({ argv, code: r.code }).toEqual({ argv, code: 2 });
      expect(r.stderr).not.toMatch(/internal error/);
    }
  });
});

afterAll(removeTempDirs);

describe('views: objects keep user keys that are prototype names', () => {
  test('get -o json and -o yaml keep an annotation __proto__ and a label constructor', async () => {
    const dir = tempDir('svclab-proto-');
    write(dir, 'm.yaml', deployment('{ app: web, constructor: x }').replace('    metadata:\n      labels:', '    metadata:\n      annotations: { "__proto__": kept }\n      labels:'));
    const json = await runCli(['get', 'pods', '-o', 'json', '-f', 'm.yaml'], { cwd: dir });
    const pod = (JSON.parse(json.stdout) as { items: Array<{ metadata: { labels: Record<string, string>; annotations: Record<string, string> } }> }).items[0];
    expect(Object.keys(pod.metadata.annotations)).toContain('__proto__');
    expect(pod.metadata.labels.constructor).toBe('x');
    const yaml = await runCli(['get', 'pods', '-o', 'yaml', '-f', 'm.yaml'], { cwd: dir });
    expect(yaml.stdout).toMatch(/__proto__: kept/);
  });
});
