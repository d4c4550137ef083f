/**
 * docs/architecture.md stays true to the code: every path it names exists, every folder of src/
 * has its row, and no hand-written source file grows past the size a reader can hold in mind.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './helpers';

const DOC = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'architecture.md'), 'utf8');
const MAX_LINES = 350;

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

test('every file and folder the page names exists', () => {
  const named = [...DOC.matchAll(/`((?:src|test|scripts|schemas|docs)\/[^`\s]*)`/g)].map((m) => m[1]).filter((p) => !/[<*]|KIND/.test(p));
  expect(named.length).toBeGreaterThan(30);
  expect(named.filter((p) => !fs.existsSync(path.join(REPO_ROOT, p)))).toEqual([]);
});

test('every folder of src/ has a row in the folder table', () => {
  const folders = walk(path.join(REPO_ROOT, 'src'))
    .map((f) => path.relative(REPO_ROOT, path.dirname(f)))
    .filter((d, i, all) => all.indexOf(d) === i && d !== 'src' && d !== path.join('src', 'parse', 'fast-yaml') && d !== path.join('src', 'scenario', 'spec'));
  expect(folders.filter((d) => !DOC.includes(`| \`${d}/\``))).toEqual([]);
});

test(`no hand-written file in src/ is over ${MAX_LINES} lines`, () => {
  const long = walk(path.join(REPO_ROOT, 'src'))
    .filter((f) => f.endsWith('.ts') && !f.includes('.generated.'))
    .map((f) => ({ file: path.relative(REPO_ROOT, f), lines: fs.readFileSync(f, 'utf8').split('\n').length }))
    .filter((f) => f.lines > MAX_LINES);
  expect(long).toEqual([]);
});
