/**
 * The seeded, bounded fuzz test of issue 13, over the library from src/: mutations of the real
 * manifests and scenario folders of this repository (test/fuzz/harness.js says which) must
 * never make an exception escape, must give every finding a position inside its file and the
 * same bytes twice, and the fast YAML parser must equal `yaml` or decline.
 *
 * `npm test` runs a few thousand cases with a fixed seed (parse and lint for most, the whole
 * pipeline with every view, route and DNS answer, and scenario folders, for some); `npm run fuzz`
 * runs 100,000 of the whole pipeline on worker threads, with a watchdog for hangs. A failure
 * prints the seed and the shrunk case: `FUZZ_SEED=<seed> npx jest test/fuzz` replays it.
 */
import * as path from 'node:path';
import fc from 'fast-check';
import type { Case, Corpus, Library } from './harness';
import { arbitraries, checkCase, checkManifests, libraryAt, loadCorpus, manifestText, scenarioFiles } from './harness';

const ROOT = path.resolve(__dirname, '..', '..');
const SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : 20261204;
const corpus: Corpus = loadCorpus(ROOT);
const lib: Library = libraryAt(path.join(ROOT, 'src'));
const arbs = arbitraries(fc, corpus);

/** fast-check's report names the seed and path to replay; the problems say what broke. */
function holds(c: Case, depth: 'full' | 'lint'): boolean {
  const problems = checkCase(lib, corpus, c, depth);
  if (problems.length) throw new Error(`${problems.join('\n')}\ncase: ${JSON.stringify(c)}`);
  return true;
}

describe(`fuzz (seed ${SEED})`, () => {
  test('the corpus holds the example folders and their manifests', () => {
    expect(corpus.scenarios.length).toBeGreaterThanOrEqual(20);
    expect(corpus.manifests.length).toBeGreaterThanOrEqual(30);
  });

  test('every mutation operator changes real text in the corpus', () => {
    const text = corpus.manifests[0];
    const changed = new Set(fc.sample(arbs.manifests, { seed: SEED, numRuns: 200 }).map((c) => manifestText(corpus, c)).filter((t) => t !== text));
    expect(changed.size).toBeGreaterThan(150);
    expect(scenarioFiles(corpus, fc.sample(arbs.scenario, { seed: SEED, numRuns: 1 })[0]).some((f) => f.rel === 'scenario.yaml')).toBe(true);
  });

  test('the checks catch what they look for', () => {
    // A finding past the end of its line, a crash and a different second output are each reported.
    const broken: Library = {
      ...lib,
      lintSources: ((...args: Parameters<Library['lintSources']>) => {
        const run = lib.lintSources(...args);
        return { ...run, findings: [{ ...run.findings[0], line: 1, column: 999 }] };
      }) as Library['lintSources'],
    };
    expect(checkManifests(broken, 'kind: Service\n', 'lint').join('\n')).toMatch(/^position: .* outside the file/m);
    const crashing: Library = { ...lib, lintSources: (() => { throw new TypeError('boom'); }) as Library['lintSources'] };
    expect(checkManifests(crashing, 'a: 1\n', 'lint').join('\n')).toMatch(/^crash: lintSources\(\) threw TypeError: boom/m);
    let n = 0;
    const unstable: Library = { ...lib, formatLintReport: ((...args: Parameters<Library['formatLintReport']>) => `${lib.formatLintReport(...args)}${n++}`) as Library['formatLintReport'] };
    expect(checkManifests(unstable, 'a: 1\n', 'lint')).toContain('nondeterministic: the same input gave different output');
  });

  test('parse and lint: 2,000 mutated manifests', () => {
    fc.assert(fc.property(arbs.manifests, (c) => holds(c, 'lint')), { seed: SEED, numRuns: 2000, endOnFailure: true });
  });

  test('the whole pipeline (lint, simulate, every view, routes, DNS): 150 mutated manifests', () => {
    fc.assert(fc.property(arbs.manifests, (c) => holds(c, 'full')), { seed: SEED + 1, numRuns: 150, endOnFailure: true });
  });

  test('scenario folders (load, steps, every report format, confinement): 120 mutated scenarios', () => {
    fc.assert(fc.property(arbs.scenario, (c) => holds(c, 'full')), { seed: SEED + 2, numRuns: 120, endOnFailure: true });
  });
});
