/**
 * svclab's build of each fixture against what `kustomize build` prints for it (kustomize
 * v5.5.0 as `kubectl kustomize`, recorded in test/kustomize/expected/ by
 * scripts/kustomize-expected.js). The fixtures are written after kustomize's own tests and
 * docs, each named in its test: api/krusty/baseandoverlaysmall_test.go, namereference_test.go,
 * configmaps_test.go, generatormergeandreplace_test.go, inlinepatch_test.go,
 * multiplepatch_test.go, patchdelete_test.go, inlinelabels_test.go, component_test.go,
 * transformersimage_test.go. Objects are compared whole (keys in any order, lists in order),
 * as sets of objects (kustomize's output order is its own legacy sort).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { KustomizeFiles } from '../../src/kustomize/files';
import { buildKustomization } from '../../src/kustomize/build';
import { curId } from '../../src/kustomize/types';

const HERE = __dirname;
const FIXTURES = path.join(HERE, 'fixtures');
const { roots } = JSON.parse(fs.readFileSync(path.join(HERE, 'expected', 'roots.json'), 'utf8')) as { roots: string[] };

function key(o: Record<string, unknown>): string {
  const id = curId(o);
  return `${id.kind}/${id.namespace}/${id.name}`;
}

function expected(root: string): Record<string, unknown>[] {
  const text = fs.readFileSync(path.join(HERE, 'expected', `${root.replace(/\//g, '__')}.yaml`), 'utf8');
  return parseAllDocuments(text).map((d) => d.toJS() as Record<string, unknown>).filter((o) => o !== null);
}

function built(root: string) {
  const result = buildKustomization(new KustomizeFiles([], { cwd: FIXTURES }), path.join(FIXTURES, root));
  if (!result) throw new Error(`no kustomization in ${root}`);
  return result;
}

describe.each(roots)('kustomize build %s', (root) => {
  test('builds the objects kustomize prints, value for value', () => {
    const result = built(root);
    expect(result.findings.filter((f) => f.ruleId === 'kustomize-build').map((f) => f.message)).toEqual([]);
    const mine = Object.fromEntries(result.resources.map((r) => [key(r.obj), r.obj]));
    const theirs = Object.fromEntries(expected(root).map((o) => [key(o), o]));
    expect(Object.keys(mine).sort()).toEqual(Object.keys(theirs).sort());
    for (const k of Object.keys(theirs)) expect([k, mine[k]]).toEqual([k, theirs[k]]);
  });
});
