/** What the parse tests share: the YAML files of a folder, and random manifests with mutations for fuzzing. */
import * as fs from 'node:fs';
import * as path from 'node:path';
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
