/**
 * A generated file can hold far more documents than anyone writes by hand. Collecting them with
 * `array.push(...items)` or `Math.max(...list)` passes every item as a call argument and
 * overflows the stack at around 125,000 (seen as "internal error: Maximum call stack size
 * exceeded" on a 50 MB file). The lint path collects manifests and findings with `appendAll`
 * (lintFile, lintSources, lintInParallel) and the stylish report measures its columns with
 * `reduce`: each is proven here at ITEMS, past the point where a spread overflows, and one
 * end-to-end lint of a file with many documents shows the path put together.
 */
import { appendAll } from '../../src/lint-file';
import { summarize } from '../../src/lint';
import { formatStylish } from '../../src/report/stylish';
import { lintYaml, runCli } from '../helpers';

const ITEMS = 150_000;
const namespace = (i: number) => `{apiVersion: v1, kind: Namespace, metadata: {name: Team-${i}}}`;

test(`a spread of ${ITEMS} items overflows the stack here, so the sizes below are big enough to fail`, () => {
  const items = new Array<number>(ITEMS).fill(0);
  expect(() => [0].push(...items)).toThrow(RangeError);
  expect(() => Math.max(...items)).toThrow(RangeError);
});

test(`appendAll (how lintFile, lintSources and lintInParallel collect manifests and findings) appends ${ITEMS} items in order`, () => {
  const target = [-1];
  appendAll(target, Array.from({ length: ITEMS }, (_, i) => i));
  expect(target).toHaveLength(ITEMS + 1);
  expect(target[1]).toBe(0);
  expect(target[ITEMS]).toBe(ITEMS - 1);
});

test(`the stylish report prints ${ITEMS} findings of one file, its columns as wide as the widest position`, () => {
  const [found] = lintYaml(namespace(0)).findings.filter((f) => f.ruleId === 'invalid-name');
  const findings = Array.from({ length: ITEMS }, (_, i) => ({ ...found, file: 'generated.yaml', line: i + 1, column: 1 }));
  const out = formatStylish({ findings, summary: summarize(findings, 1, ITEMS) }, { color: false });
  // `1:1` is padded to the width of `150000:1`, measured over every finding.
  expect(out).toMatch(new RegExp(`^generated\\.yaml\\n  1:1 {${String(ITEMS).length - 1}}  ${found.severity} `));
  const tail = out.slice(out.lastIndexOf(`\n  ${ITEMS}:1 `));
  expect(tail).toMatch(new RegExp(`^\\n  ${ITEMS}:1  ${found.severity} [^]*\\n✖ ${ITEMS} problems \\(`));
});

test('svclab lint of one file with 10,000 documents, each with a finding, reports every one', async () => {
  const docs = 10_000;
  const stdin = Array.from({ length: docs }, (_, i) => namespace(i)).join('\n---\n');
  const r = await runCli(['lint', '-', '--no-config'], { stdin });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(1);
  expect(r.stdout.match(/ invalid-name$/gm)).toHaveLength(docs);
  expect(r.stdout).toMatch(new RegExp(`${docs} problems \\(.*\\) in 1 file \\(${docs} objects\\)\\n$`));
});
