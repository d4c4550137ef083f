/**
 * The stamp that tells the tests whether dist/ was built from the sources as they are
 * (scripts/build-stamp.js), on a small fake repository.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { distState, recordBuildInputs, stampBuild } from '../../scripts/build-stamp';

let root: string;
const write = (rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
};
/** What `npm run build` does around tsc: clean.js records the inputs, postbuild.js stamps. */
const build = () => {
  recordBuildInputs(root);
  stampBuild(root);
};

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-stamp-'));
  write('src/lint.ts', 'export const a = 1;\n');
  write('src/rules/x.ts', 'export const x = 1;\n');
  write('schemas/k8s/service-v1.json', '{}\n');
  write('tsconfig.json', '{}\n');
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

test('no build: missing; a build whose tsc failed (inputs recorded, never stamped): still missing', () => {
  expect(distState(root)).toBe('missing');
  recordBuildInputs(root);
  expect(distState(root)).toBe('missing');
});

test('after a build: fresh, and still fresh when a file is rewritten with the same content (a checkout, a touch)', () => {
  build();
  expect(distState(root)).toBe('fresh');
  write('src/lint.ts', 'export const a = 1;\n');
  expect(distState(root)).toBe('fresh');
});

test.each([
  ['a source edited', () => write('src/rules/x.ts', 'export const x = 2;\n')],
  ['a source added', () => write('src/rules/y.ts', 'export const y = 1;\n')],
  ['a source deleted', () => fs.rmSync(path.join(root, 'src/rules/x.ts'))],
  ['a source renamed', () => fs.renameSync(path.join(root, 'src/rules/x.ts'), path.join(root, 'src/rules/z.ts'))],
  ['a schema edited', () => write('schemas/k8s/service-v1.json', '{"type": "object"}\n')],
  ['the tsconfig edited', () => write('tsconfig.json', '{"compilerOptions": {}}\n')],
])('%s after the build: stale', (_label, change) => {
  build();
  change();
  expect(distState(root)).toBe('stale');
});

test('a file that changes during the build: stale, since the stamp names the sources as the build started', () => {
  recordBuildInputs(root);
  write('src/lint.ts', 'export const a = 2;\n');
  stampBuild(root);
  expect(distState(root)).toBe('stale');
});

test('a file outside the inputs (a test, a doc) does not make dist/ stale', () => {
  build();
  write('test/new.test.ts', 'test("x", () => undefined);\n');
  write('docs/rules/x.md', '# x\n');
  expect(distState(root)).toBe('fresh');
});
