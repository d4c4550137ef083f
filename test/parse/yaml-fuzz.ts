/** What the parse tests share: the YAML files of a folder, and random manifests with mutations for fuzzing. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { stringify } from 'yaml';
import type { Random } from '../../src/util/random';

export function yamlFilesUnder(dir: string, name = /\.(ya?ml|json)$/): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...yamlFilesUnder(p, name));
    else if (name.test(e.name)) out.push(p);
  }
  return out;
}

/** Scalars that YAML reads in more than one way, or that break a line apart. */
export const FUZZ_WORDS = ['app', 'web', 'yes', 'on', '0755', '1e3', 'a: b', '- x', '#c', 'x #y', "it's", '"q"', 'multi\nline\n', 'trail ', ' lead', '', 'null', '~', '12:30', 'http://a:80', '-1', '.5', 'true', '{x}', '[y]', '*', '&a', '!t', '%p', '@', '`'];
export const FUZZ_KEYS = ['name', 'port', 'a b', 'x.y/z', 'key', '"k"', 'on', '1'];
/** What mutate() inserts into a line. */
export const FUZZ_INSERTS = [':', '-', '#', '"', "'", '[', '{', ' ', '|', '>', '---'];

export function randomValue(rng: Random, depth: number, words = FUZZ_WORDS, keys = FUZZ_KEYS): unknown {
  const r = rng.next();
  if (depth > 3 || r < 0.45) {
    const s = rng.next();
    if (s < 0.6) return rng.pick(words);
    if (s < 0.8) return rng.int(-5, 70000);
    if (s < 0.9) return rng.next() < 0.5;
    return null;
  }
  if (r < 0.7) {
    const o: Record<string, unknown> = {};
    const n = rng.int(0, 4);
    for (let i = 0; i < n; i++) {
      const k = rng.pick(keys);
      o[k === 'key' ? `key-${i}` : k] = randomValue(rng, depth + 1, words, keys);
    }
    return o;
  }
  return Array.from({ length: rng.int(0, 3) }, () => randomValue(rng, depth + 1, words, keys));
}

/** One random edit of one line: indent or outdent it, repeat or drop it, insert into it, delete a character, add a comment. */
export function mutate(rng: Random, text: string, inserts = FUZZ_INSERTS): string {
  const lines = text.split('\n');
  const i = rng.int(0, Math.max(0, lines.length - 1));
  const p = rng.int(0, Math.max(0, lines[i].length));
  switch (rng.int(0, 6)) {
    case 0:
      lines[i] = ' ' + lines[i];
      break;
    case 1:
      lines[i] = lines[i].replace(/^ /, '');
      break;
    case 2:
      lines.splice(i, 0, lines[i]);
      break;
    case 3:
      lines[i] = lines[i].slice(0, p) + rng.pick(inserts) + lines[i].slice(p);
      break;
    case 4:
      lines.splice(i, 1);
      break;
    case 5:
      lines[i] = lines[i].slice(0, p) + lines[i].slice(p + 1);
      break;
    default:
      lines[i] = lines[i] + ' # c';
  }
  return lines.join('\n');
}

// More of what the block reader must decline: tabs, lone CRs, backslashes, non-ASCII, quoted keys with quotes.
// Long sentences, which yaml's stringify folds over lines (plain, double-quoted or `>`) as Helm's templates do.
const SENTENCES = ['a long description that the template folds over more than one line because it is long', 'Welcome: "quoted" words, a #hash, a\\backslash and \u00e9 at eighty columns or less', 'two\n\nparagraphs of text that go on and on past the width of one line'];
const MANIFEST_WORDS = [...FUZZ_WORDS, ...SENTENCES, 'caf\u00e9', 'a\\b', 'k: "v"', 'x\ty'];
const MANIFEST_KEYS = [...FUZZ_KEYS, "it's"];
const MANIFEST_INSERTS = [...FUZZ_INSERTS, ': ', '- ', ' #', '}', ']', ',', ', ', '\t', '&a ', '*a', '\r', '\\'];

/**
 * A random manifest as `yaml` writes it (block or flow style, folded at a random width, in
 * each string style, with anchors and aliases, sometimes CRLF), then mutated up to three times.
 */
export function fuzzManifest(rng: Random): string {
  const labels = randomValue(rng, 2, MANIFEST_WORDS, MANIFEST_KEYS);
  const value: Record<string, unknown> = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', labels }, data: randomValue(rng, 0, MANIFEST_WORDS, MANIFEST_KEYS) };
  // The same object twice: stringify writes an anchor and an alias (`labels: &a1` ... `*a1`).
  if (rng.next() < 0.3) value.spec = { selector: labels, list: [labels, rng.pick(MANIFEST_WORDS)] };
  const types = ['PLAIN', 'PLAIN', 'PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'] as const;
  let text = stringify(value, { indentSeq: rng.next() < 0.5, collectionStyle: rng.next() < 0.2 ? 'flow' : 'block', flowCollectionPadding: rng.next() < 0.5, lineWidth: rng.int(20, 80), defaultStringType: rng.pick([...types]), blockQuote: rng.pick([true, 'folded', 'literal', false] as const) });
  for (let k = rng.int(0, 3); k > 0; k--) text = mutate(rng, text, MANIFEST_INSERTS);
  // An empty document after it: a file ending in `---`, a template Helm rendered empty.
  if (rng.next() < 0.15) text = `${text.replace(/\n?$/, '\n')}${rng.pick(['---\n', '---\n# Source: shop/templates/empty.yaml\n', '--- # c\n\n  # x\n', '---\n...\n'])}`;
  if (rng.next() < 0.1) text = text.replace(/\n/g, '\r\n');
  // A file that does not end in a line break (its last node may be a block scalar).
  if (rng.next() < 0.15) text = text.replace(/\r?\n$/, '');
  return text;
}

/** The bench's corpus generators (scripts/bench-corpus.js), typed. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const benchCorpus = require('../../scripts/bench-corpus') as Record<'corpusTexts' | 'blockScalarTexts' | 'helmTexts', (documents?: number, files?: number) => Array<{ text: string }>> & { bigText(bytes?: number): string };
