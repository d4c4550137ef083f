import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../src/rules/index';
import { REPO_ROOT } from '../helpers';

/*
 * Every rule is a module, a doc page and a test (as typescript-eslint's docs and rule tests
 * are checked by a meta test): this file fails when one of the three is missing or thin.
 */
const DOCS = path.join(REPO_ROOT, 'docs', 'rules');
const TESTS = path.join(REPO_ROOT, 'test', 'rules');
const SECTIONS = ['## Why it matters', '## Failing example', '## Passing example', '## How to fix'];
const CATEGORIES = ['input', 'workload', 'service', 'cross-object'];

/**
 * Rules reported before any YAML exists (by the file loader) cannot be fed to the inline-YAML
 * ruleTester; their tests write real files and name their cases `valid #N` / `invalid #N`.
 */
const LOADER_RULES = new Set(['file-unreadable']);

const ids = RULES.map((r) => r.meta.id);

test('the registry found rules', () => {
  expect(ids.length).toBeGreaterThan(0);
  expect(new Set(ids).size).toBe(ids.length);
});

describe.each(ids)('%s', (id) => {
  const rule = RULES.find((r) => r.meta.id === id)!;

  test('meta: kebab-case id, one-line description, known category and severity', () => {
    expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(rule.meta.description.trim()).not.toBe('');
    expect(rule.meta.description).not.toMatch(/\n/);
    expect(rule.meta.description.length).toBeLessThanOrEqual(160);
    expect(CATEGORIES).toContain(rule.meta.category);
    expect(['error', 'warning', 'info']).toContain(rule.meta.severity);
  });

  test(`docs/rules/${id}.md: title and the four sections`, () => {
    const file = path.join(DOCS, `${id}.md`);
    expect(fs.existsSync(file)).toBe(true);
    const text = fs.readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toBe(`# ${id}`);
    const missing = SECTIONS.filter((s) => !new RegExp(`^${s}\\s*$`, 'm').test(text));
    expect(missing).toEqual([]);
    // Sections in order, each with some text under it.
    const at = SECTIONS.map((s) => text.search(new RegExp(`^${s}\\s*$`, 'm')));
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    SECTIONS.forEach((s, i) => {
      const body = text.slice(at[i] + s.length, i + 1 < at.length ? at[i + 1] : undefined);
      expect(body.trim().length).toBeGreaterThan(20);
    });
  });

  test(`test/rules/${id}.test.ts: valid and invalid cases`, () => {
    const file = path.join(TESTS, `${id}.test.ts`);
    expect(fs.existsSync(file)).toBe(true);
    const text = fs.readFileSync(file, 'utf8');
    if (LOADER_RULES.has(id)) {
      expect(text).toMatch(/test\(\s*'valid #1/);
      expect(text).toMatch(/test\(\s*'invalid #1/);
      return;
    }
    expect(text).toContain(`ruleTester('${id}'`);
    // At least one entry in each list: `valid: [` then something other than `]`.
    expect(text).toMatch(/\bvalid:\s*\[\s*[^\s\]]/);
    expect(text).toMatch(/\binvalid:\s*\[\s*\{/);
  });
});

test('every doc in docs/rules/ belongs to a registered rule', () => {
  const docs = fs.readdirSync(DOCS).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3));
  expect(docs.filter((d) => !ids.includes(d))).toEqual([]);
});
