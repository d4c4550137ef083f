import * as fs from 'node:fs';
import * as path from 'node:path';
import { LineCounter, parseAllDocuments } from 'yaml';
import { fastParse } from '../../src/parse/fast-yaml';
import { describeWithShared, sharedPath } from '../helpers';
import { benchCorpus, mutate, randomValue, yamlFilesUnder } from './yaml-fuzz';

/** What `yaml` makes of a text: the values of its non-empty documents, or null when it reports errors. */
function reference(text: string): unknown[] | null {
  const docs = parseAllDocuments(text, { lineCounter: new LineCounter(), uniqueKeys: true });
  const list = Array.isArray(docs) ? docs : [docs];
  if (list.some((d) => d.errors.length > 0)) return null;
  return list.filter((d) => d.contents !== null).map((d) => d.toJS({ maxAliasCount: -1 })).filter((v) => v !== null && v !== undefined);
}

/** The fast path must either decline (null) or give exactly what `yaml` gives. */
function expectAgreement(text: string, label = text): 'fast' | 'fallback' {
  const fast = fastParse(text);
  if (fast === null) return 'fallback';
  const ref = reference(text);
  expect({ label, ref }).toEqual({ label, ref: fast.map((d) => d.value).filter((v) => v !== null && v !== undefined) });
  return 'fast';
}

describe('fast YAML path agrees with the yaml library', () => {
  const cases: Array<[string, string]> = [
    ['block map and seq', 'a: 1\nb:\n  - x\n  - y: 2\n    z: [1, "two", {k: v}]\nc: ~\n'],
    ['indentless sequence', 'spec:\n  ports:\n  - port: 80\n    targetPort: http\n  - port: 443\n'],
    ['scalars of the core schema', 'a: yes\nb: on\nc: 0755\nd: 1e3\ne: 0x1F\nf: 0o17\ng: .5\nh: -.inf\ni: .NaN\nj: True\nk: null\nl: "1"\nm: \'it\'\'s\'\nn: +12\no: 1_000\np: 12:30\n'],
    ['comments everywhere', '# head\na: 1 # tail\n# between\nb:   # after key\n  c: d\n\n---\n# only a comment\n---\nx: y\n'],
    ['literal block scalars', 'a: |\n  line1\n    indented\n\n  line3\nb: |-\n  strip\nc: |+\n  keep\n\nd: x\n'],
    ['folded block scalar', 'a: >\n  one\n  two\n\n  three\nb: after\n'],
    ['empty values', 'a:\nb:\n- \n- x\n'],
    ['quoted keys and escapes', '"app.kubernetes.io/name": web\n\'x y\': "tab\\tnew\\nline \\u00e9 \\x41"\n'],
    ['document markers', '---\na: 1\n...\n---\nb: 2\n'],
    ['urls and colons in plain scalars', 'image: nginx:1.10\nurl: http://redis:6379/0\ntime: 12:30:00\n'],
    ['nested sequences of maps', 'containers:\n- name: a\n  ports:\n  - containerPort: 80\n    protocol: TCP\n  env:\n  - {name: A, value: "1"}\n- name: b\n'],
    ['plain scalars with dashes', 'args:\n- --port=8080\n- -v\n- "-"\nn: -1\n'],
    ['flow seq with trailing comma', 'a: [1, 2, ]\nb: {}\nc: []\n'],
    ['list document', '- a\n- b\n'],
    ['scalar document', 'just text\n'],
    // Since js-yaml's event parser is the fast path (issue 14), these are read, not declined.
    ['anchors and aliases', 'a: &x 1\nb: *x\nc: &m {k: v}\nd: *m\n'],
    ['multi-line plain scalar', 'a: one\n  two\n\n  three\nb: x\n'],
    ['multi-line quoted scalars', 'a: "one\n  two \\\n  three"\nb: \'x\n\n  y\'\n'],
    ['explicit key', '? a\n: b\n'],
    ['CRLF', 'a: 1\r\nb: |\r\n  x\r\n  y\r\nc: 2\r\n'],
    ['block scalar at the end of the file', 'a: 1\ndata:\n  config.yaml: |\n    x: 1\n    y: 2\n'],
    ['block scalar and no final newline', 'data:\n  config.yaml: |\n    x: 1\n    y: 2'],
    ['folded long strings', 'a: >-\n  one\n  two\n\n  three\n    more\nb: "a long string that a\n  chart folded"\n'],
    ['non-string keys become strings as in yaml', '1: a\ntrue: b\n0x10: c\n~: d\n'],
    ['merge key is a plain key in YAML 1.2', 'base: &b {x: 1}\nc:\n  <<: *b\n'],
    ['anchored sequences, flow and block', 'a: &s [1, 2]\nb: *s\nc: &t\n- x\n- y\nd: *t\n'],
  ];
  test.each(cases)('%s', (label, text) => {
    expect(expectAgreement(text, label)).toBe('fast');
  });

  test('an alias of a sequence is the anchored list itself, kept at its own length', () => {
    // construct.ts copies a finished list to its length (one pushed to has room for 17); the
    // anchor must then give that copy, as yaml's toJS gives one object for an anchor and its aliases.
    const [doc] = fastParse('a: &s [1, 2]\nb: *s\nc: &t\n- x\nd: *t\n')!;
    const v = doc.value as Record<string, unknown[]>;
    expect(v.b).toBe(v.a);
    expect(v.d).toBe(v.c);
    expect(v.a).toEqual([1, 2]);
    expect(v.c).toEqual(['x']);
  });

  const declined: Array<[string, string]> = [
    ['tags', 'a: !!str 1\n'],
    ['timestamps', 'spec: !!timestamp 2001-12-14\n'],
    ['an alias into its own anchor (a cycle)', 'a: &x [1, *x]\n'],
    ['a leading byte order mark', '\uFEFFa: 1\n'],
    ['an implicit key over 1024 characters', `${'k'.repeat(1100)}: 1\n`],
    ['a lone CR line break', 'a: 1\rb: 2\r'],
    ['directives', '%YAML 1.2\n---\na: 1\n'],
    ['an indented first line (js-yaml reads `  ---` there as a marker)', '  ---\n# c\na: 1\n'],
    ['tabs', 'a:\n\tb: 1\n'],
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['broken flow', 'a: [1, 2\n'],
    ['bad indentation', 'a:\n  b: 1\n c: 2\n'],
    ['collection key (an unrendered template)', 'port: {{ .Values.port }}\n'],
    ['merge of content after ...', 'a: 1\n...\nb: 2\n'],
    ['__proto__ key', '__proto__: {x: 1}\n'],
  ];
  test.each(declined)('declines %s', (_label, text) => {
    expect(fastParse(text)).toBeNull();
  });

  /** Every file agrees or declines, and most real manifests take the fast path, or it buys nothing. */
  function expectAgreementOnFiles(files: string[]): void {
    expect(files.length).toBeGreaterThan(0);
    let fast = 0;
    for (const f of files) if (expectAgreement(fs.readFileSync(f, 'utf8'), f) === 'fast') fast++;
    expect(fast / files.length).toBeGreaterThan(0.5);
  }

  test('every file of scenarios/: fast path agrees or declines', () => {
    expectAgreementOnFiles(yamlFilesUnder(path.join(__dirname, '..', '..', 'scenarios')));
  });

  test.each<[string, () => string[]]>([
    ['the bench corpus', () => benchCorpus.corpusTexts(600, 60).map((f) => f.text)],
    ['block scalars at the end of files', () => benchCorpus.blockScalarTexts(600, 60).map((f) => f.text)],
    ['Helm-style output (# Source:, folded strings, anchors, CRLF)', () => benchCorpus.helmTexts(600, 60).map((f) => f.text)],
    ['the mixed 50 MB file (its first MB)', () => [benchCorpus.bigText(1024 * 1024)]],
  ])('%s: every file takes the fast path and equals yaml (issue 14)', (_label, texts) => {
    for (const text of texts()) expect(expectAgreement(text, text.slice(0, 200))).toBe('fast');
  });

  describeWithShared('the real-world corpus (../shared/corpus/real-world)', 'corpus/real-world', () => {
    test('every real-world corpus file: fast path agrees or declines', () => {
      expectAgreementOnFiles(yamlFilesUnder(sharedPath('corpus', 'real-world')));
    });
  });
});

describe('fast documents locate nodes exactly where yaml documents do', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parseSourceFile } = require('../../src/parse/parse-file') as typeof import('../../src/parse/parse-file');

  function allPaths(value: unknown, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
    out.push(prefix);
    if (Array.isArray(value)) value.forEach((v, i) => allPaths(v, [...prefix, i], out));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) allPaths(v, [...prefix, k], out);
    return out;
  }

  function compare(text: string, label: string): number {
    const source = { path: label, absPath: null, text };
    const slow = parseSourceFile(source);
    const fast = parseSourceFile(source, { fast: true });
    expect(fast.manifests.length).toBe(slow.manifests.length);
    let checked = 0;
    fast.manifests.forEach((fm, i) => {
      const sm = slow.manifests[i];
      const paths = [...allPaths(fm.value), ['spec', 'no-such-field'], ['metadata', 'labels', 'missing']];
      for (const p of paths) {
        for (const key of [false, true]) {
          const a = fm.source.locate([...fm.root, ...p], { key });
          const b = sm.source.locate([...sm.root, ...p], { key });
          expect({ label, p, key, line: a.line, column: a.column }).toEqual({ label, p, key, line: b.line, column: b.column });
          checked++;
        }
        const fn = fm.source.nodeAt([...fm.root, ...p]);
        const sn = sm.source.nodeAt([...sm.root, ...p]);
        expect({ p, type: (fn as { type?: string } | null)?.type }).toEqual({ p, type: (sn as { type?: string } | null)?.type });
      }
    });
    return checked;
  }

  describeWithShared('the real-world corpus (../shared/corpus/real-world)', 'corpus/real-world', () => {
    test('corpus files: every path, key and value positions agree', () => {
      let checked = 0;
      for (const f of yamlFilesUnder(sharedPath('corpus', 'real-world'))) checked += compare(fs.readFileSync(f, 'utf8'), f);
      expect(checked).toBeGreaterThan(10000);
    });
  });

  test('hand-written cases agree', () => {
    for (const [label, text] of [
      ['flow', 'apiVersion: v1\nkind: Service\nmetadata: {name: a, labels: {app: x}}\nspec:\n  ports: [{port: 80, targetPort: http}]\n  selector: {app: x}\n'],
      ['list', 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: c\n  data:\n    a: |\n      x\n      y\n'],
      ['nulls', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  labels:\nspec:\n  selector:\n  ports:\n  - port: 80\n'],
    ]) compare(text, label);
  });
});

describe('fuzz: random manifests and mutations never make the fast path disagree', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { stringify } = require('yaml') as typeof import('yaml');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Random } = require('../../src/util/random') as typeof import('../../src/util/random');

  test('1500 random documents', () => {
    const rng = new Random(Number(process.env.FUZZ_SEED ?? 20261123));
    let fast = 0;
    for (let n = 0; n < Number(process.env.FUZZ_N ?? 1500); n++) {
      const value = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: randomValue(rng, 0) };
      let text = stringify(value, { indentSeq: rng.next() < 0.5, flowCollectionPadding: rng.next() < 0.5, collectionStyle: rng.next() < 0.15 ? 'flow' : 'any' });
      if (rng.next() < 0.6) text = mutate(rng, text);
      if (rng.next() < 0.3) text = mutate(rng, text);
      if (rng.next() < 0.2) text = `---\n${text}---\n${text}`;
      if (expectAgreement(text, text) === 'fast') fast++;
    }
    expect(fast).toBeGreaterThan(300);
  }, 120_000);
});
