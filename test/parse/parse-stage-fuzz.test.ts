/**
 * The parse stage, fast (document by document: js-yaml events, `yaml` for the declined ones)
 * against `yaml` reading the whole file, on mutations of real manifests and of every benchmark
 * corpus: the same manifests (values and document numbers) and the same findings at the same
 * positions, whatever the input. Seeded (FUZZ_SEED, FUZZ_N); a failure names the seed and case.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSourceFile } from '../../src/parse/parse-file';
import { Random } from '../../src/util/random';
import type { SourceRange } from '../../src/types';
import { describeWithShared, sharedPath } from '../helpers';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const corpus = require('../../scripts/bench-corpus') as {
  corpusTexts(documents?: number, files?: number): Array<{ name: string; text: string }>;
  blockScalarTexts(documents?: number, files?: number): Array<{ name: string; text: string }>;
  helmTexts(documents?: number, files?: number): Array<{ name: string; text: string }>;
};

const SEED = Number(process.env.FUZZ_SEED ?? 20261204);
const N = Number(process.env.FUZZ_N ?? 400);

/**
 * The fast stage must give what `yaml` gives for each document alone (as kubectl's YAML reader
 * splits a stream at its `---` lines), and, where `yaml` reads the whole file without an error,
 * what it gives for the whole file (so the split itself numbers and bounds documents as `yaml`
 * does). They differ only for a broken document: an unclosed quote runs on over the next `---`
 * in a whole-file parse, and swallows documents that kubectl would read.
 */
function expectSameStage(text: string, label: unknown): void {
  const fast = stage(text, true);
  const perDocument = stage(text, false, true);
  if (JSON.stringify(fast) !== JSON.stringify(perDocument)) expect({ label, text, fast }).toEqual({ label, text, fast: perDocument });
  const whole = stage(text, false);
  const wholeBroken = whole.findings.some((f) => f.rule === 'yaml-syntax' || f.rule === 'duplicate-key');
  if (!wholeBroken && JSON.stringify(fast) !== JSON.stringify(whole)) expect({ label, text, fast }).toEqual({ label, text, fast: whole });
}

/**
 * What the parse stage gives, in a comparable form. Positions are compared by where they start:
 * a collection's end is the end of its last content on the fast path (as the hand-written fast
 * path before it had it, so reports did not change) and the start of the next line in `yaml`.
 */
function stage(text: string, fast: boolean, split = fast): { manifests: unknown[]; findings: Array<{ rule: string }> } {
  const parsed = parseSourceFile({ path: 'f.yaml', absPath: null, text }, { fast, split });
  const start = (r: SourceRange) => `${r.line}:${r.column}`;
  return {
    manifests: parsed.manifests.map((m) => ({ doc: m.docIndex, root: m.root, value: m.value, at: start(m.source.locate(m.root)) })),
    findings: parsed.findings.map((f) => ({ rule: f.ruleId, id: f.messageId, message: f.message, at: start(f.range) })),
  };
}

/** Pieces of YAML that real files hold and that move a document in or out of the fast path. */
const INSERTS = [
  ':', '-', '#', '"', "'", '[', '{', '}', ']', ',', ' ', '  ', '|', '|-', '>', '>+', '---\n', '...\n', '\t', '\r', '\r\n', '\n', '\uFEFF',
  '&a ', '*a', '&b {x: 1}', ' *b', '!!str ', '!!timestamp ', '!custom ', '? ', '<<: ', '%YAML 1.2\n', 'k: v\n', '- x\n', '{{ .Values.x }}', '__proto__: 1\n',
  'key: "folded\n  over lines"\n', 'key: plain folded\n  over lines\n', `${'k'.repeat(1030)}: v\n`, '0o17', '0x1F', '.inf', '~', 'yes', '12:30',
];

function mutate(rng: Random, text: string): string {
  let t = text;
  for (let m = rng.int(1, 3); m > 0; m--) {
    const p = rng.int(0, Math.max(0, t.length - 1));
    switch (rng.int(0, 4)) {
      case 0:
      case 1:
        t = t.slice(0, p) + rng.pick(INSERTS) + t.slice(p);
        break;
      case 2:
        t = t.slice(0, p) + t.slice(p + rng.int(1, 8));
        break;
      case 3:
        t = t.slice(0, p) + t.slice(p, p + rng.int(5, 60)) + t.slice(p);
        break;
      default:
        t = rng.next() < 0.5 ? t.replace(/\n/g, '\r\n') : t.replace(/\n$/, '');
    }
  }
  return t;
}

function sources(): string[] {
  const texts: string[] = [];
  const every = (list: Array<{ text: string }>, step: number) => list.filter((_f, i) => i % step === 0).map((f) => f.text);
  texts.push(...every(corpus.corpusTexts(300, 30), 3), ...every(corpus.blockScalarTexts(300, 30), 3), ...every(corpus.helmTexts(300, 30), 3));
  const root = sharedPath('corpus', 'real-world');
  if (fs.existsSync(root)) {
    const walk = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1)).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : /\.ya?ml$/.test(e.name) ? [path.join(d, e.name)] : []));
    // Small files only: the fuzz is about shapes, and yaml's whole-file parse is the slow side.
    for (const f of walk(root)) {
      const text = fs.readFileSync(f, 'utf8');
      if (text.length < 12000) texts.push(text);
    }
  }
  return texts;
}

describe('the parse stage reads every input as a whole-file yaml parse does', () => {
  test('each benchmark corpus sample and real-world file, unchanged', () => {
    for (const [i, text] of sources().entries()) {
      expectSameStage(text, i);
      expect(stage(text, true)).toEqual(stage(text, false));
    }
  }, 120_000);

  test(`${N} mutations (seed ${SEED}): same manifests, same findings, same positions`, () => {
    const rng = new Random(SEED);
    const base = sources();
    for (let n = 0; n < N; n++) {
      expectSameStage(mutate(rng, rng.pick(base)), { seed: SEED, case: n });
    }
  }, 120_000);
});

describeWithShared('the real-world corpus (../shared/corpus/real-world)', 'corpus/real-world', () => {
  test('is part of the fuzz sources', () => {
    expect(sources().length).toBeGreaterThan(60);
  });
});
