/**
 * The rule list is explicit: src/rules/registry.generated.ts, written by scripts/gen-rules.js
 * (`npm run gen:rules`). These tests fail while the committed list is stale, and prove that the
 * generator refuses a rule whose meta.id is not its file name instead of dropping it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RULES } from '../../src/rules/index';
import { REPO_ROOT } from '../helpers';

const SCRIPT = path.join(REPO_ROOT, 'scripts', 'gen-rules.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the generator is a plain Node script
const { generate } = require(SCRIPT) as { generate: (dir: string) => string };

const rule = (id: string) => `import { defineRule } from './rule';\nexport default defineRule({ meta: { id: '${id}', severity: 'error', description: 'x', category: 'input', messages: {} } });\n`;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-gen-rules-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
}

test('the committed registry is what `npm run gen:rules` writes (--check)', () => {
  expect(() => execFileSync(process.execPath, [SCRIPT, '--check'], { cwd: REPO_ROOT, stdio: 'pipe' })).not.toThrow();
});

test('the registry holds every rule module of src/rules, alphabetical by id', () => {
  const ids = RULES.map((r) => r.meta.id);
  expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  const text = fs.readFileSync(path.join(REPO_ROOT, 'src', 'rules', 'registry.generated.ts'), 'utf8');
  expect([...text.matchAll(/^ {2}'([a-z0-9-]+)': /gm)].map((m) => m[1])).toEqual(ids);
});

test('a rule whose meta.id differs from its file name fails the generator with exit 1 and says which', () => {
  write({ 'port-check.ts': rule('port-chek'), 'other.ts': rule('other') });
  const run = spawnSync(process.execPath, [SCRIPT, dir], { encoding: 'utf8' });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain("port-check.ts: meta.id is 'port-chek', but a rule's id must be its file name");
  expect(fs.existsSync(path.join(dir, 'registry.generated.ts'))).toBe(false);
});

test('--check fails on a stale registry (a rule added since it was written)', () => {
  write({ 'a-rule.ts': rule('a-rule') });
  execFileSync(process.execPath, [SCRIPT, dir], { stdio: 'pipe' });
  write({ 'b-rule.ts': rule('b-rule') });
  const run = spawnSync(process.execPath, [SCRIPT, '--check', dir], { encoding: 'utf8' });
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/registry\.generated\.ts is stale: run `npm run gen:rules`/);
});

test('rules are recognised by their default export, helpers without a name list', () => {
  write({
    'b-rule.ts': rule('b-rule'),
    // A rule held in a constant first, then exported.
    'a-rule.ts': `import { defineRule } from './rule';\nconst rule = defineRule({ meta: { id: 'a-rule' } });\nexport default rule;\n`,
    // Helpers: named exports only, or a default export that is not a rule.
    'service-helpers.ts': `export function isHeadless(): boolean { return true; }\n`,
    'table.ts': `export default { defineRule: 1 };\n`,
  });
  const text = generate(dir);
  expect(text.match(/^import \w+ from '\.\/[a-z-]+';$/gm)).toEqual(["import aRule from './a-rule';", "import bRule from './b-rule';"]);
  expect(generate(dir)).toBe(text);
});

test('a module that defines a rule but does not default-export it is an error, not a helper', () => {
  write({ 'lost-rule.ts': `import { defineRule } from './rule';\nexport const rule = defineRule({ meta: { id: 'lost-rule' } });\n` });
  expect(() => generate(dir)).toThrow('lost-rule.ts: calls defineRule but does not default-export the rule');
});
