import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '../../src/config/load';
import { UsageError } from '../../src/cli/args';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-config-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function write(rel: string, text: string): string {
  const abs = path.join(root, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, text);
  return abs;
}

function errorOf(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (err) {
    if (err instanceof UsageError) return err;
    throw err;
  }
  throw new Error('expected a UsageError');
}

describe('loadConfig: finding the file', () => {
  test('none anywhere: null', () => {
    expect(loadConfig(root, undefined)).toBeNull();
  });

  test('searched upward from cwd', () => {
    const file = write('svclab.config.yaml', 'namespace: team-a\n');
    fs.mkdirSync(path.join(root, 'a', 'b'), { recursive: true });
    const cfg = loadConfig(path.join(root, 'a', 'b'), undefined);
    expect(cfg).toEqual({ file, namespace: 'team-a' });
  });

  test('the nearest one wins', () => {
    write('svclab.config.yaml', 'namespace: outer\n');
    write('a/svclab.config.yaml', 'namespace: inner\n');
    expect(loadConfig(path.join(root, 'a'), undefined)?.namespace).toBe('inner');
  });

  test('--config FILE is used instead of the search, relative to cwd', () => {
    write('svclab.config.yaml', 'namespace: found\n');
    write('ci/strict.yaml', 'namespace: explicit\n');
    expect(loadConfig(root, 'ci/strict.yaml')?.namespace).toBe('explicit');
  });

  test('--config naming a missing file is a usage error', () => {
    expect(errorOf(() => loadConfig(root, 'nope.yaml')).message).toBe('config file nope.yaml: not found');
  });

  test('an empty file is an empty config', () => {
    const file = write('svclab.config.yaml', '# nothing yet\n');
    expect(loadConfig(root, undefined)).toEqual({ file });
  });
});

describe('loadConfig: values', () => {
  test('every key, normalised', () => {
    const file = write(
      'conf/svclab.config.yaml',
      [
        'rules:',
        '  service-selector-no-match: warning',
        '  yaml-syntax: "off"',
        'namespace: shop',
        'nodePortRange: "30000-32000"',
        'serviceCIDR: [10.0.0.0/16, "fd00::/108"]',
        'clusterDomain: example.internal',
        'ignorePatterns: ["vendor/**"]',
        'schemaDirs: [crds, /abs/schemas]',
        '',
      ].join('\n'),
    );
    expect(loadConfig(path.join(root, 'conf'), undefined)).toEqual({
      file,
      rules: { 'service-selector-no-match': 'warning', 'yaml-syntax': 'off' },
      namespace: 'shop',
      nodePortRange: { min: 30000, max: 32000 },
      serviceCIDRs: ['10.0.0.0/16', 'fd00::/108'],
      clusterDomain: 'example.internal',
      ignorePatterns: ['vendor/**'],
      // Relative to the config file's folder, not to cwd.
      schemaDirs: [path.join(root, 'conf', 'crds'), '/abs/schemas'],
    });
  });

  test('nodePortRange as {min, max} and serviceCIDR as one string', () => {
    write('svclab.config.yaml', 'nodePortRange: {min: 20000, max: 22767}\nserviceCIDR: 10.100.0.0/16\n');
    const cfg = loadConfig(root, undefined);
    expect(cfg?.nodePortRange).toEqual({ min: 20000, max: 22767 });
    expect(cfg?.serviceCIDRs).toEqual(['10.100.0.0/16']);
  });
});

describe('loadConfig: errors name file:line:col', () => {
  test('unknown top-level key, with did-you-mean', () => {
    write('svclab.config.yaml', 'namespace: a\nrule:\n  yaml-syntax: error\n');
    expect(errorOf(() => loadConfig(root, undefined)).message).toMatch(/^svclab\.config\.yaml:2:1: unknown key "rule" \(did you mean "rules"\?\)/);
  });

  test('unknown rule id, with did-you-mean', () => {
    write('svclab.config.yaml', 'rules:\n  service-selecter-no-match: "off"\n');
    expect(errorOf(() => loadConfig(root, undefined)).message).toBe(
      'svclab.config.yaml:2:3: unknown rule "service-selecter-no-match" (did you mean "service-selector-no-match"?); `svclab rules` lists them',
    );
  });

  test('a severity that is not off|info|warning|error (YAML 1.2 reads off as a string)', () => {
    write('svclab.config.yaml', 'rules:\n  yaml-syntax: fatal\n  duplicate-key: off\n');
    const msg = errorOf(() => loadConfig(root, undefined)).message;
    expect(msg).toBe('svclab.config.yaml:2:16: rules.yaml-syntax must be one of off, info, warning, error');
  });

  test('bad nodePortRange forms', () => {
    write('a.yaml', 'nodePortRange: "32767-30000"\n');
    expect(errorOf(() => loadConfig(root, 'a.yaml')).message).toBe('a.yaml:1:16: nodePortRange 32767-30000 is not a port range: it needs 1 <= min <= max <= 65535');
    write('b.yaml', 'nodePortRange: {min: 1}\n');
    expect(errorOf(() => loadConfig(root, 'b.yaml')).message).toMatch(/^b\.yaml:1:16: nodePortRange is not valid: .*30000-32767/);
  });

  test('a service CIDR that is not one, located in a list', () => {
    write('svclab.config.yaml', 'serviceCIDR:\n  - 10.96.0.0/12\n  - 10.300.0.0/16\n');
    expect(errorOf(() => loadConfig(root, undefined)).message).toMatch(/^svclab\.config\.yaml:3:5: serviceCIDR "10\.300\.0\.0\/16" is not a CIDR/);
  });

  test('wrong types, all reported at once', () => {
    write('svclab.config.yaml', 'namespace: 42\nignorePatterns: "vendor/"\n');
    expect(errorOf(() => loadConfig(root, undefined)).message.split('\n')).toEqual([
      'svclab.config.yaml:1:12: namespace must be a string',
      'svclab.config.yaml:2:17: ignorePatterns must be an array',
    ]);
  });

  test('a config that is a list', () => {
    write('svclab.config.yaml', '- rules\n');
    expect(errorOf(() => loadConfig(root, undefined)).message).toBe('svclab.config.yaml:1:1: the config must be a mapping of settings');
  });

  test('YAML syntax error and duplicate key', () => {
    write('svclab.config.yaml', 'namespace: a\n\tclusterDomain: b\n');
    expect(errorOf(() => loadConfig(root, undefined)).message).toMatch(/^svclab\.config\.yaml:2:1: /);
    write('dup.yaml', 'namespace: a\nnamespace: b\n');
    expect(errorOf(() => loadConfig(root, 'dup.yaml')).message).toMatch(/^dup\.yaml:2:1: the key `namespace` appears again/);
  });

  test('two documents', () => {
    write('svclab.config.yaml', 'namespace: a\n---\nnamespace: b\n');
    expect(errorOf(() => loadConfig(root, undefined)).message).toMatch(/^svclab\.config\.yaml:3:1: a config file holds one YAML document/);
  });
});
