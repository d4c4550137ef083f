/**
 * The doc examples of the kustomize rules, built as the folders they show (test/rules/meta.test.ts
 * lints every other rule's examples as one file): each ```text block that starts with
 * `# path` is a file. A failing example yields a finding of its rule; a passing one, no
 * finding at all.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintSources } from '../../src/lint';
import { REPO_ROOT } from '../helpers';

function files(doc: string, section: string): Record<string, string> {
  const start = doc.search(new RegExp(`^## ${section}\\s*$`, 'm'));
  const rest = doc.slice(start).replace(/^.*\n/, '');
  const end = rest.search(/^## /m);
  const out: Record<string, string> = {};
  for (const m of (end < 0 ? rest : rest.slice(0, end)).matchAll(/^```text\n# (\S+)\n([\s\S]*?)^```$/gm)) out[m[1]] = m[2];
  return out;
}

describe.each(['kustomize-build', 'kustomize-skipped'])('docs/rules/%s.md', (id) => {
  const doc = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'rules', `${id}.md`), 'utf8');
  const lintFolder = (section: string) => {
    const fileMap = files(doc, section);
    expect(Object.keys(fileMap).length).toBeGreaterThan(1);
    return lintSources(Object.entries(fileMap).map(([p, text]) => ({ path: p, absPath: null, text })));
  };

  test('the failing example is reported', () => {
    expect(lintFolder('Failing example').findings.map((f) => f.ruleId)).toContain(id);
  });

  test('the passing example yields no finding at all', () => {
    expect(lintFolder('Passing example').findings.map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.message}`)).toEqual([]);
  });
});
