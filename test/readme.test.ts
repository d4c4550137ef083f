import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../src/rules/index';
import { REPO_ROOT } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { build } = require('../scripts/readme.js') as { build: (load: () => typeof RULES) => string };
const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

test('README.md is what `npm run readme` builds from docs/readme and the rule registry', () => {
  expect(readme).toBe(build(() => RULES));
});

test('README shows the two commands CI runs, and .ci/run runs them', () => {
  expect(readme).toContain('npm ci && npx svclab test scenarios');
  expect(readme).toContain('npm test');
  const ci = fs.readFileSync(path.join(REPO_ROOT, '.ci', 'run'), 'utf8');
  expect(ci).toMatch(/^npm ci$/m);
  expect(ci).toMatch(/^npx svclab test scenarios$/m);
  expect(ci).toMatch(/^npm test$/m);
});

test('README links every rule page and every command', () => {
  for (const r of RULES) expect(readme).toContain(`(docs/rules/${r.meta.id}.md)`);
  for (const c of ['lint', 'rules', 'explain', 'get', 'curl', 'dig', 'test', 'validate', 'graph', 'serve']) expect(readme).toContain(`svclab ${c}`);
});
