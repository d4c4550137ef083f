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

  test('the precompiled validator is up to date (node scripts/compile-scenario-schema.js)', () => {
    expect(() => execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts/compile-scenario-schema.js'), '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
