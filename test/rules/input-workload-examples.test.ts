/**
 * The docs of the input and workload rules show a failing and a passing example: both are
 * linted here, so the docs cannot drift from what the rules do. And none of these rules may
 * report an error on the real-world corpus (../shared/corpus/real-world, see its SOURCES.md).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../../src/lint';
import { describeWithShared, findingsOf, REPO_ROOT, sharedPath } from '../helpers';

const IDS = [
  'deprecated-api', 'duplicate-object', 'invalid-name', 'invalid-label', 'ambiguous-scalar',
  'workload-selector-mismatch', 'container-port-name-invalid', 'container-port-duplicate', 'probe-port-unknown',
];

function example(id: string, section: 'Failing example' | 'Passing example'): string {
  const text = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'rules', `${id}.md`), 'utf8');
  const start = text.indexOf(`## ${section}`);
  const block = /```yaml\n([\s\S]*?)```/.exec(text.slice(start));
  if (start < 0 || !block) throw new Error(`docs/rules/${id}.md has no yaml block under "${section}"`);
  return block[1];
}

describe.each(IDS)('docs/rules/%s.md examples', (id) => {
  test('the failing example is reported', () => {
    expect(findingsOf(example(id, 'Failing example'), id).length).toBeGreaterThan(0);
  });
  test('the passing example is not', () => {
    expect(findingsOf(example(id, 'Passing example'), id).map((f) => f.message)).toEqual([]);
  });
});

const CORPUS = sharedPath('corpus', 'real-world');

describeWithShared('real-world corpus (../shared/corpus/real-world)', 'corpus/real-world/SOURCES.md', () => {
  const apps = fs.readdirSync(CORPUS).filter((d) => fs.statSync(path.join(CORPUS, d)).isDirectory()).sort();
  test.each(apps)('%s: no finding of the input and workload rules', async (app) => {
    // SOURCES.md lists nothing for these rules as REAL: the apps use current apiVersions, valid
    // names and labels, quoted strings, and matching selectors; so any finding is a false positive.
    const run = await lint([path.join(CORPUS, app)]);
    expect(run.findings.filter((f) => IDS.includes(f.ruleId)).map((f) => `${path.basename(f.file)}:${f.line} ${f.ruleId} ${f.message}`)).toEqual([]);
  });
});
