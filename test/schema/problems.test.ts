/**
 * One schema-error renderer (src/schema/problems.ts) for the three files svclab checks against a
 * JSON schema: manifests, svclab.config.yaml and scenario.yaml. Each caller words the problems
 * for its readers; what a problem is (did-you-mean for keys and enum values, oneOf collapsing,
 * every error in one pass) is decided once.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import { loadScenario } from '../../src/scenario/load';
import { loadConfig } from '../../src/config/load';
import { schemaProblems } from '../../src/schema/problems';
import { schemaAtPath } from '../../src/schema/walk';
import { findingsOf, runCli } from '../helpers';
import { scenario, tempTree } from '../scenarios/fixtures';

function scenarioErrors(body: string): string[] {
  const root = tempTree({ 's/scenario.yaml': scenario(body) });
  const r = loadScenario(path.join(root, 's'), root);
  return r.ok ? [] : r.errors.map((e) => `${e.line}:${e.column} ${e.message}`);
}

function configErrors(text: string): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-problems-'));
  fs.writeFileSync(path.join(dir, 'svclab.config.yaml'), text);
  try {
    loadConfig(dir, undefined);
    return [];
  } catch (err) {
    return (err as Error).message.split('\n');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const SERVICE = (port: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports:\n  - ${port}\n`;

describe('did-you-mean for enum values, in all three files', () => {
  test('a manifest: protocol: TPC -> use TCP', () => {
    const [f] = findingsOf(SERVICE('port: 80\n    protocol: TPC'), 'schema');
    expect(f.message).toBe('Service spec.ports[0].protocol must be one of TCP, UDP, SCTP, but it is "TPC"');
    expect(f.hint).toBe('Use `TCP` (values are case-sensitive).');
  });

  test('svclab.config.yaml: a severity one letter off', () => {
    expect(configErrors('rules:\n  yaml-syntax: eror\n')).toEqual(['svclab.config.yaml:2:16: rules.yaml-syntax must be one of off, info, warning, error (did you mean "error"?)']);
  });

  test('scenario.yaml: an outcome and an rcode written in the wrong case', () => {
    expect(scenarioErrors('expect:\n  routes:\n    - { from: pod, to: web:80, expect: { outcome: Refused } }\n  dns:\n    - { name: web, from: pod, expect: { rcode: nxdomain } }\n')).toEqual([
      '7:51 expect.routes[0].expect.outcome must be one of "ok", "refused", "dropped", "dns-error" (did you mean "refused"?)',
      '9:48 expect.dns[0].expect.rcode must be one of "NOERROR", "NXDOMAIN", "SERVFAIL" (did you mean "NXDOMAIN"?)',
    ]);
  });
});

describe('oneOf collapsing', () => {
  test('a value that fits no form is one problem naming the forms (and the closest constant)', () => {
    expect(scenarioErrors('expect:\n  routes:\n    - { from: pod, to: web:80, expect: { reaches: nnoe } }\n')).toEqual([
      '7:51 expect.routes[0].expect.reaches must be a mapping or "none", not string "nnoe" (did you mean "none"?)',
    ]);
  });

  test('a value that fits one form has the problems inside that form, not the other forms\' shape mismatches', () => {
    expect(scenarioErrors('expect:\n  lint:\n    findings: [ { rule: a, sevrity: error } ]\n')).toEqual([
      '7:28 unknown key "sevrity" in expect.lint.findings[0] (did you mean "severity"?); allowed: rule, severity, object, file, line, path, message',
    ]);
    expect(scenarioErrors('expect:\n  routes:\n    - { from: pod, to: web:80, expect: { reaches: { workload: a, pod: b } } }\n')).toEqual([
      '7:66 unknown key "pod" in expect.routes[0].expect.reaches (did you mean "pods"?); allowed: workload, workloads, pods, count',
    ]);
  });

  test('svclab.config.yaml: the field\'s description, then what is wrong inside the form that fits', () => {
    expect(configErrors('nodePortRange: {min: 1}\n')).toEqual([
      'svclab.config.yaml:1:16: nodePortRange is not valid: The API server\'s --service-node-port-range, bounds inclusive (default 30000-32767).',
      'svclab.config.yaml:1:16: nodePortRange needs "max"',
    ]);
  });

  test('branches behind a $ref are told apart by position, not by schema path', () => {
    const schema = {
      definitions: { set: { type: 'object', additionalProperties: false, properties: { workload: { type: 'string' } } } },
      type: 'object',
      properties: { reaches: { oneOf: [{ $ref: '#/definitions/set' }, { const: 'none' }] } },
    };
    const validate = new Ajv({ allErrors: true }).compile(schema);
    const value = { reaches: { workloads: 'a' } };
    validate(value);
    const problems = schemaProblems(validate.errors ?? [], value, (p) => schemaAtPath(schema, p));
    expect(problems).toEqual([
      { kind: 'forms', keyword: 'oneOf', path: ['reaches'], expected: ['"none"'], actual: { workloads: 'a' }, ambiguous: false, suggestion: undefined, inner: [{ kind: 'unknown-key', path: ['reaches'], key: 'workloads', allowed: ['workload'], suggestion: 'workload' }] },
    ]);
  });
});

describe('every error of a file in one pass', () => {
  test('scenario.yaml: 14 unknown keys are 14 errors (it used to stop after 10), in file order', () => {
    const keys = Array.from({ length: 14 }, (_, i) => `extra${i}: 1`);
    const errors = scenarioErrors(`${keys.join('\n')}\nexpect: { lint: { errors: 0 } }\n`);
    expect(errors).toHaveLength(14);
    expect(errors.map((e) => Number(e.split(':')[0]))).toEqual(Array.from({ length: 14 }, (_, i) => i + 5));
  });

  test('scenario.yaml: a misspelt required key is one mistake, said once (not also "missing expect")', () => {
    expect(scenarioErrors('expect:\n  routes:\n    - { from: pod, to: web:80, expcet: { outcome: ok } }\n')).toEqual([
      '7:32 unknown key "expcet" in expect.routes[0] (did you mean "expect"?); allowed: name, hint, from, namespace, to, count, protocol, method, headers, path, expect',
    ]);
  });

  test('--cluster FILE: every schema error of the Cluster object (it used to show the first 3)', async () => {
    const dir = tempTree({
      'cluster.yaml': 'apiVersion: svclab.io/v1alpha1\nkind: Cluster\nmetadata: {name: lab}\nspec:\n  nodez: 1\n  podCidr: 10.0.0.0/16\n  serviceCidr: 10.96.0.0/12\n  domain: x\n',
      'app.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}\n',
    });
    const r = await runCli(['get', 'svc', '-f', 'app.yaml', '--cluster', 'cluster.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n').map((l) => l.replace(/^svclab get: /, '').split(': ')[0])).toEqual([
      '--cluster cluster.yaml:5:3',
      '--cluster cluster.yaml:6:3',
      '--cluster cluster.yaml:7:3',
      '--cluster cluster.yaml:8:3',
    ]);
  });
});
