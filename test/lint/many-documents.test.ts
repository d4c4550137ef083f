/**
 * A generated file can hold far more documents than anyone writes by hand. Collecting them with
 * `array.push(...items)` or `Math.max(...list)` passes every item as a call argument and
 * overflows the stack at around 100,000 (seen as "internal error: Maximum call stack size
 * exceeded" on a 50 MB file). This lints 150,000 small documents, each with one finding.
 */
import { lintSources } from '../../src/lint';
import { formatStylish } from '../../src/report/stylish';
import { reportInputFromRun } from '../../src/report/lint-formats';

const DOCS = 150_000;

test(`${DOCS} documents in one file, each with a finding, lint and print without a stack overflow`, () => {
  const text = Array.from({ length: DOCS }, (_, i) => `{apiVersion: v1, kind: Namespace, metadata: {name: Team-${i}}}`).join('\n---\n');
  const run = lintSources([{ path: 'generated.yaml', absPath: null, text }], { jobs: 1 });
  expect(run.summary.objects).toBe(DOCS);
  expect(run.findings.filter((f) => f.ruleId === 'invalid-name')).toHaveLength(DOCS);
  const out = formatStylish(reportInputFromRun(run), { color: false });
  expect(out).toContain(`${DOCS} problems`);
}, 120_000);
