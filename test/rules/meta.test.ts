import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../src/rules/index';
import type { LintOptions } from '../../src/lint';
import { lintYaml, REPO_ROOT } from '../helpers';

/*
 * Every rule is a module, a doc page and a test (as typescript-eslint's docs and rule tests
 * are checked by a meta test): this file fails when one of the three is missing or thin.
 *
 * And the docs' examples do what they say (as ESLint lints its rule docs' examples). Each
 * ```yaml block under "## Failing example" and "## Passing example" is linted on its own, as
 * `example.yaml` with the default options (namespace `default`, node ports 30000-32767,
 * service CIDR 10.96.0.0/12): a reader copies one block, so that is what it must stand for.
 * - A failing example yields at least one finding of its rule.
 * - A passing example yields no finding at all: it is complete (a Service comes with the
 *   workload its selector picks) and shows the fix without a new problem.
 * - Every YAML document of an example is a whole object (apiVersion, kind and metadata), not a
 *   `spec:` fragment; only a failing example of a parse-stage rule breaks that on purpose.
 * A block that needs an option says so in an HTML comment right above it, as the CLI flag:
 * `<!-- svclab: --schema-dir docs/rules/schemas -->` (a folder of the repository). That is the
 * only option a doc needs (unknown-kind's passing example is linted with a schema for its
 * custom resource), so it is the only one read; keep it rare. Only file-unreadable (a loader
 * rule: its failing example, a binary or non-UTF-8 file, cannot be shown as YAML) has no YAML
 * examples.
 */
const DOCS = path.join(REPO_ROOT, 'docs', 'rules');
const TESTS = path.join(REPO_ROOT, 'test', 'rules');
const SECTIONS = ['## Why it matters', '## Failing example', '## Passing example', '## How to fix'];
const CATEGORIES = ['input', 'workload', 'service', 'cross-object'];

/**
 * Rules reported before any YAML exists (by the file loader) cannot be fed to the inline-YAML
 * ruleTester; their tests write real files and name their cases `valid #N` / `invalid #N`.
 * The kustomize rules are reported by the build of a kustomization folder: their examples are
 * folders (a kustomization and the files it names), which one example.yaml cannot stand for;
 * test/kustomize/docs.test.ts builds each of their doc examples as the folder it shows.
 */
const LOADER_RULES = new Set(['file-unreadable', 'kustomize-build', 'kustomize-skipped']);

/** Rules whose failing example is, by design, not a whole object (or not YAML at all). */
const PARSE_RULES = new Set(['yaml-syntax', 'not-an-object', 'missing-kind']);

const ids = RULES.map((r) => r.meta.id);

interface Example {
  yaml: string;
  options: LintOptions;
}

/** The ```yaml blocks of one `## section` of a doc, each with the options its comment asks for. */
function examples(doc: string, section: 'Failing example' | 'Passing example'): Example[] {
  const start = doc.search(new RegExp(`^## ${section}\\s*$`, 'm'));
  const rest = doc.slice(start).replace(/^.*\n/, '');
  const end = rest.search(/^## /m);
  const blocks = (end < 0 ? rest : rest.slice(0, end)).matchAll(/^(?:<!-- svclab: (.*) -->\n)?```yaml\n([\s\S]*?)^```$/gm);
  return [...blocks].map((m) => ({ yaml: m[2], options: m[1] === undefined ? {} : exampleOptions(m[1]) }));
}

function exampleOptions(flags: string): LintOptions {
  const schemaDir = /^--schema-dir (\S+)$/.exec(flags.trim());
  if (!schemaDir) throw new Error(`a doc example asks for options the meta test does not read: ${flags}`);
  return { schemaDirs: [path.join(REPO_ROOT, schemaDir[1])] };
}

/** What linting one example on its own gives: the findings, and the documents that are not whole objects. */
function lintExample({ yaml, options }: Example): { findings: string[]; ruleIds: string[]; notWhole: string[] } {
  const run = lintYaml({ 'example.yaml': yaml }, options);
  const notWhole = run.findings.filter((f) => PARSE_RULES.has(f.ruleId)).map((f) => `line ${f.line}: ${f.message}`);
  for (const m of run.manifests) {
    const md = m.value.metadata;
    if (typeof md !== 'object' || md === null || Array.isArray(md)) notWhole.push(`${m.kind} at document ${m.docIndex + 1} has no metadata`);
  }
  return { findings: run.findings.map((f) => `${f.ruleId} at line ${f.line}: ${f.message}`), ruleIds: run.findings.map((f) => f.ruleId), notWhole };
}

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

  const doc = fs.existsSync(path.join(DOCS, `${id}.md`)) ? fs.readFileSync(path.join(DOCS, `${id}.md`), 'utf8') : '';
  if (!LOADER_RULES.has(id)) {
    describe(`docs/rules/${id}.md examples, each linted on its own`, () => {
      const failing = examples(doc, 'Failing example');
      const passing = examples(doc, 'Passing example');

      test('there is a yaml block under each example heading', () => {
        expect([failing.length, passing.length].map((n) => n > 0)).toEqual([true, true]);
      });

      // (test.each refuses an empty table; the test above fails for a missing block.)
      if (failing.length) test.each(failing.map((example, i) => [i + 1, example] as const))('failing example #%i is reported, and is whole objects', (_, example) => {
        const run = lintExample(example);
        expect(run.ruleIds).toContain(id);
        if (!PARSE_RULES.has(id)) expect(run.notWhole).toEqual([]);
      });

      if (passing.length) test.each(passing.map((example, i) => [i + 1, example] as const))('passing example #%i yields no finding at all, and is whole objects', (_, example) => {
        const run = lintExample(example);
        expect(run.findings).toEqual([]);
        expect(run.notWhole).toEqual([]);
      });
    });
  }

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
