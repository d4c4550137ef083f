import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import Ajv from 'ajv';
import { REPO_ROOT } from '../helpers';

const SCHEMA = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas/scenario.schema.json'), 'utf8'));

describe('schemas/scenario.schema.json', () => {
  test('compiles with ajv in strict mode', () => {
    expect(() => new Ajv({ strict: true, allowUnionTypes: true }).compile(SCHEMA)).not.toThrow();
  });

  test('every object is closed (additionalProperties: false) and every key has a description and examples', () => {
    const problems: string[] = [];
    const walk = (s: Record<string, unknown>, where: string) => {
      if (s.type === 'object' && s.properties && s.additionalProperties !== false) problems.push(`${where}: open object`);
      for (const [key, prop] of Object.entries((s.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        if (!prop.$ref && (!prop.description || !prop.examples)) problems.push(`${where}.${key}: no description/examples`);
        walk(prop, `${where}.${key}`);
      }
      for (const k of ['items', 'additionalProperties']) if (s[k] && typeof s[k] === 'object') walk(s[k] as Record<string, unknown>, `${where}[]`);
      for (const k of ['oneOf', 'anyOf']) for (const b of (s[k] as Array<Record<string, unknown>> | undefined) ?? []) walk(b, where);
      for (const [name, d] of Object.entries((s.definitions ?? {}) as Record<string, Record<string, unknown>>)) walk(d, `#${name}`);
    };
    walk(SCHEMA, '$');
    expect(problems).toEqual([]);
  });

  test('is generated from the types in src/scenario/spec/ and up to date (npm run gen:scenario-schema)', () => {
    expect(() => execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts/gen-scenario-schema.js'), '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  test('editors keep working: $schema, $id, title and a description at the top', () => {
    expect(SCHEMA).toMatchObject({ $schema: 'http://json-schema.org/draft-07/schema#', $id: 'https://svclab.io/schemas/scenario.schema.json', title: 'svclab Scenario' });
    expect(SCHEMA.description).toContain('yaml-language-server: $schema=');
  });

  test('the precompiled validator is up to date (node scripts/compile-scenario-schema.js)', () => {
    expect(() => execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts/compile-scenario-schema.js'), '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});

/**
 * What the hand-written schema accepted and refused, one case per constraint. (When the schema
 * became generated, the two were compared on every scenario and exercise of the repository and
 * on ~134,000 mutations of them: every key set to values of other types, deleted, duplicated,
 * and an unknown key added to every mapping; they agreed on all.)
 */
describe('the generated schema accepts and refuses what the hand-written one did', () => {
  const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(SCHEMA);
  const scenario = (fields: Record<string, unknown>) => ({ apiVersion: 'svclab.io/v1alpha1', kind: 'Scenario', metadata: { name: 's' }, ...fields });
  const route = (expect: Record<string, unknown>, more: Record<string, unknown> = {}) => scenario({ expect: { routes: [{ from: 'pod', to: 'web:80', expect, ...more }] } });
  const dnsA = (a: unknown) => scenario({ expect: { dns: [{ name: 'web', from: 'pod', expect: { a } }] } });

  test.each([
    ['a minimal scenario', scenario({})],
    ['nodes as a count', scenario({ cluster: { nodes: 3 } })],
    ['nodes as a list', scenario({ cluster: { nodes: [{ name: 'n1', taints: [{ key: 'k', effect: 'NoSchedule' }] }] } })],
    ['reaches: none', route({ reaches: 'none' })],
    ['reaches: a pod set', route({ reaches: { workload: 'Deployment/web' } })],
    ['a list with a match mode', scenario({ expect: { lint: { findings: { contain: [{ rule: 'x', message: { regex: 'y' } }] } } } })],
    ['addresses as strings and objects', dnsA(['10.0.0.1', { service: 'web' }])],
    ['a port by number or name', scenario({ expect: { endpoints: [{ service: 'web', port: 'http' }, { service: 'web', port: 80 }] } })],
    ['an empty ready set (no minProperties there)', scenario({ expect: { endpoints: [{ service: 'web', ready: {} }] } })],
    ['a matrix table', scenario({ expect: { matrix: [{ from: ['pod'], to: ['web:80'], table: [['ok']] }] } })],
  ])('accepts %s', (_what, doc) => {
    expect(validate(doc)).toBe(true);
  });

  test.each([
    ['an unknown top-level key', scenario({ expcet: {} })],
    ['an unknown key in a step', scenario({ steps: [{ name: 'a', sclae: [] }] })],
    ['a wrong apiVersion (const)', { ...scenario({}), apiVersion: 'v1' }],
    ['no metadata.name (required)', { ...scenario({}), metadata: {} }],
    ['an empty metadata.name (minLength)', { ...scenario({}), metadata: { name: '' } }],
    ['a seed that is not an integer', scenario({ seed: 1.5 })],
    ['0 nodes (minimum)', scenario({ cluster: { nodes: 0 } })],
    ['1001 nodes (maximum)', scenario({ cluster: { nodes: 1001 } })],
    ['an empty node list (minItems)', scenario({ cluster: { nodes: [] } })],
    ['a node port range that is not min-max (pattern)', scenario({ cluster: { nodePortRange: '30000:32767' } })],
    ['a load balancer provider that does not exist (enum)', scenario({ cluster: { loadBalancer: { provider: 'metallb' } } })],
    ['a lint severity that does not exist', scenario({ lintRules: { x: 'fatal' } })],
    ['a negative error count', scenario({ expect: { lint: { errors: -1 } } })],
    ['line 0 (minimum 1)', scenario({ expect: { lint: { findings: [{ line: 0 }] } } })],
    ['an empty match mode (minProperties)', scenario({ expect: { lint: { findings: {} } } })],
    ['an unknown match mode', scenario({ expect: { lint: { findings: { some: [] } } } })],
    ['an address with two objects (maxProperties)', dnsA([{ service: 'a', pod: 'b' }])],
    ['an empty pod set (minProperties)', route({ reachesAll: {} })],
    ['reaches: a string other than none', route({ reaches: 'all' })],
    ['an outcome that does not exist', route({ outcome: 'timeout' })],
    ['a route without expect (required)', scenario({ expect: { routes: [{ from: 'pod', to: 'web:80' }] } })],
    ['count 0 (minimum 1)', route({}, { count: 0 })],
    ['count above 100000', route({}, { count: 100001 })],
    ['an endpoint port above 65535', scenario({ expect: { endpoints: [{ service: 'web', ready: { port: 65536 } }] } })],
    ['a port that is a float', scenario({ expect: { endpoints: [{ service: 'web', port: 80.5 }] } })],
    ['a DNS type that does not exist', scenario({ expect: { dns: [{ name: 'a', from: 'pod', type: 'MX', expect: {} }] } })],
    ['a get resource that does not exist', scenario({ expect: { get: [{ resource: 'deployments' }] } })],
    ['a matrix without sources (minItems)', scenario({ expect: { matrix: [{ from: [], to: ['a'] }] } })],
    ['a matrix cell without outcome (required)', scenario({ expect: { matrix: [{ from: ['pod'], to: ['a'], except: [{ from: 'pod', to: 'a' }] }] } })],
    ['a readiness change without ready (required)', scenario({ steps: [{ name: 'a', setReady: [{ ref: 'Deployment/web' }] }] })],
    ['a negative replica count', scenario({ steps: [{ name: 'a', scale: [{ ref: 'Deployment/web', replicas: -1 }] }] })],
    ['a selector with a non-string value', scenario({ steps: [{ name: 'a', relabel: [{ ref: 'Service/web', selector: { app: 1 } }] }] })],
  ])('refuses %s', (_what, doc) => {
    expect(validate(doc)).toBe(false);
  });
});

