import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { fastDocument, fastDocuments, splitDocuments } from '../../src/parse/fast-yaml';
import { blockDocument } from '../../src/parse/fast-yaml/block';
import { describeWithShared, sharedPath } from '../helpers';
import { benchCorpus, fuzzManifest, yamlFilesUnder } from './yaml-fuzz';

/*
 * Issue 14: the block reader (src/parse/fast-yaml/block.ts) reads the common shape of a manifest
 * in one pass, and declines the rest to the event path (js-yaml's events + construct.ts). Its
 * promise is the event path's: a document's value equals what `yaml` gives (parseAllDocuments +
 * toJS, YAML 1.2 core schema, keys made strings), or the document is declined. Its root keys
 * and metadata.name positions, which findings are located by, equal the event path's.
 */

/** `yaml`'s value of a one-document text, or `undefined` when `yaml` reports an error there. */
function reference(text: string): unknown {
  const docs = parseAllDocuments(text, { uniqueKeys: true });
  const list = Array.isArray(docs) ? docs : [docs];
  if (list.length !== 1 || list[0].errors.length > 0) return undefined;
  return list[0].toJS({ maxAliasCount: -1 });
}

/**
 * Every document of `text` the block reader takes: its value equals yaml's and the event path's,
 * and so do its root keys. Returns how many it took, of how many.
 */
function expectAgreement(text: string, label: string): { taken: number; documents: number } {
  const chunks = splitDocuments(text);
  if (!chunks) return { taken: 0, documents: 0 };
  let taken = 0;
  for (const chunk of chunks) {
    // blockDocument's precondition, which fastDocuments checks once per file.
    if (/\r(?!\n)|\uFEFF/.test(text.slice(chunk.start, chunk.end))) continue;
    const block = blockDocument(text, chunk.start, chunk.end);
    if (!block) continue;
    taken++;
    const at = `${label} @${chunk.start}`;
    expect({ at, value: block.value }).toEqual({ at, value: reference(text.slice(chunk.start, chunk.end)) });
    // Where the event path reads it too (it declines an indented first line of a file, say), the same value and root keys.
    const event = fastDocument(text, chunk, false);
    if (event) expect({ at, value: block.value, rootKeys: block.rootKeys }).toEqual({ at, value: event.value, rootKeys: event.rootKeys });
  }
  return { taken, documents: chunks.length };
}

describe('block reader: the shapes it takes equal yaml', () => {
  const taken: Array<[string, string]> = [
    ['flow collections, as hand-written manifests and scenarios write them', 'metadata: { name: worker, namespace: jobs, labels: { app: worker } }\nspec:\n  selector: {matchLabels: {app: web}}\n  containers: [ { name: web, args: [ netexec, --http-port=8080 ], ports: [ { containerPort: 8080 } ] } ]\n  list:\n  - [1, "two", \'three\', 4.5, true, null, ~, http://a:80/x, a b, caf\u00e9,]\n  - {1: a, true: b, "c d": [], e: {}}   # c\n  below:\n    [x]\n'],
    ['metadata.name in a flow mapping, quoted', 'kind: A\nmetadata: {labels: {name: x}, "name": "web" }\n'],
    ['keys and values of one length, first, middle and last character (one slot of the reader\'s cache of scalars)', 'aXcde: aXcde\naYcde: aYcde\nlist:\n- aXcde\n- aYcde\n- aZcde\n- 1e3\n- 1X3\n'],
    ['a manifest', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n      targetPort: http\n'],
    ['a sequence at its key\'s column', 'spec:\n  containers:\n  - name: a\n    ports:\n    - containerPort: 80\n  - name: b\nkind: Pod\n'],
    ['an entry that is a block below its dash', 'items:\n  -\n    a: 1\n  -\n  - x\n'],
    ['comments and blank lines everywhere', '# head\n---   # marker\n\na: 1 # tail\n  # indented comment\nb:   # after key\n\n  c: d#not a comment\n# end\n'],
    ['scalars of the core schema', 'a: yes\nb: on\nc: 0755\nd: 1e3\ne: 0x1F\nf: 0o17\ng: .5\nh: -.inf\ni: .NaN\nj: True\nk: null\nl: "1"\nm: \'it\'\'s\'\nn: +12\no: 1_000\np: 12:30\nq: ~\nr:\n'],
    ['non-string keys become strings as yaml makes them', '1: a\ntrue: b\n0x10: c\n~: d\n1.50: e\n'],
    ['quoted keys and JSON escapes', '"app.kubernetes.io/name": web\n\'x y\': "tab\\tnew\\nline \\u00e9 \\"q\\" \\\\ \\/"\n"k": \'\'\n'],
    ['colons, dashes and hashes inside plain scalars', 'image: nginx:1.10\nurl: http://redis:6379/0#frag\nargs:\n- --port=8080\n- -v\n- "-"\n- a,b [c] {d}\nn: -1\nq: ?x\nr: :y\n'],
    ['empty flow collections', 'resources: {}\nargs: []\nlist:\n- {}\n- []\n'],
    ['an empty flow collection on the line below', 'a:\n  {}\nb:\n-\n  []\n'],
    ['a `...` marker, then comments', 'a: 1\n... # end\n# after\n'],
    ['literal block scalars: clip, strip, keep', 'a: |\n  x\n    y\n\n  z\nb: |-\n  s\n\nc: |+\n  k\n\n \nd: | # c\n  # not a comment\n# a comment\ne: |\n\n  after an empty line\n'],
    ['literal block scalars in a sequence and under a compact mapping', 'args:\n- |\n  x\n  y\n- z\nitems:\n  - k: |-\n      v\n    l: 1\n'],
    ['a literal block scalar with CRLF breaks', 'a: |\r\n  x\r\n\r\n  y\r\nb: 1\r\n'],
    // sock-shop's Prometheus ConfigMaps end so: read as if the last line had its break, as yaml reads it.
    ['a literal block scalar on the last line of a file without a line break: clip', 'a: |\n  x\n\n  y'],
    ['a literal block scalar on the last line of a file without a line break: strip', 'b: x\na: |-\n  x\n  y  '],
    ['a literal block scalar on the last line of a file without a line break: keep', 'a: |+\n  x'],
    ['a folded block scalar on the last line of a file without a line break, in a sequence', 'a:\n- >\n  x\n  y'],
    ['a block scalar on the last line of a CRLF file without a line break', 'a: |\r\n  x\r\n  y'],
    // zookeeper's StatefulSet writes its command so: the line break is not content, nor the next line's indentation.
    ['escaped line breaks in double-quoted scalars', 'command:\n- sh\n- "start-zookeeper \\\n    --servers=3 \\\n    --port=2181"\na: "x\\\n  y"\nb: "x   \\\n     y \\\\\n  z \\\\\\\n  w"\nc: "\\\n  \\"q\\""\r\n'],
    ['CRLF line breaks', 'a: 1\r\nb:\r\n  - x\r\n  - y: "z"\r\n\r\nc: d # e\r\n'],
    ['no final newline', 'a: 1\nb:\n  c: x'],
    ['unicode text', 'name: caf\u00e9\nnote: "\u3053\u3093\u306b\u3061\u306f"\n'],
    ['folded block scalars: clip, strip, keep', 'a: >\n  x\n  y\n\n  z\nb: >-\n  s\n  t\n\nc: >+\n  k\n  l\n\n \nd: > # c\n\n  after an empty line\n  and more\n\n\n  two breaks\n'],
    ['a folded block scalar in a sequence and as an env value', 'args:\n- >-\n  -Xms256m\n  -Xmx512m\n- z\nenv:\n  - name: JAVA_OPTS\n    value: >-\n      -Xms256m -Xmx512m\n      -Dspring.profiles.active=production\n'],
    ['multi-line plain scalars (Helm folds long strings at 80 columns)', 'description: This is a long description\n  folded over two lines.\nother: x\n\n\n  y\n  z # c\nlist:\n- a\n  b\n- c\nm:\n  k: one\n   two:three #four\n  l: 1\n'],
    ['multi-line single-quoted scalars', "a: 'it''s\n  folded'\nb: 'x  \n\n   y # \\\n  z'   # c\n"],
    ['multi-line double-quoted scalars', 'motd: "Welcome to web: this string is\n  folded by the template"\nb: "x  \n\n   y \\t\n  z\\n\\" #"   # c\nlist:\n- "one\n  two"\n- "#"\n'],
    ['anchors and aliases', 'metadata:\n  labels: &labels\n    app: web\nspec:\n  selector:\n    matchLabels: *labels # the same labels\n  a: &s scalar\n  b: *s\n  c: &e\n  d: *e\n  seq: &q\n  - 1\n  - &i 2\n  list:\n  - *q\n  - *i\n  - &m\n    k: v\n  - *m\n  lit: &l |\n    x\n  again: *l\n'],
    ['an anchor name with dashes, dots and underscores', 'a: &a-b.c_1 x\nb: *a-b.c_1\n'],
    ['an anchor redefined: an alias is the latest before it', 'a: &x 1\nb: *x\nc: &x 2\nd: *x\n'],
    ['multi-line and folded scalars with CRLF breaks', 'a: x\r\n  y\r\nb: "p\r\n\r\n  q"\r\nc: >\r\n  r\r\n  s\r\n'],
    // Empty documents are null, as yaml reads them (parse-file collects no object from them).
    ['an empty document: a template Helm rendered empty', '---\n# Source: shop/templates/hpa.yaml\n'],
    ['an empty document: the `---` a file ends with', '---\n'],
    ['an empty document: blank lines and a comment after the marker\'s own comment', '---   # none\n\n  # indented\n\n'],
    ['an empty document: a `...` marker only', '---\n...\n'],
  ];
  test.each(taken)('%s', (label, text) => {
    expect(expectAgreement(text, label).taken).toBe(1);
  });

  test('metadata.name and its key are located, quotes included', () => {
    const text = 'kind: A\nmetadata:\n  labels: {}\n  name: "web"   # c\nspec: {}\n';
    const rootKeys = blockDocument(text, 0, text.length)!.rootKeys!;
    expect(rootKeys.names).toEqual(['kind', 'metadata', 'spec']);
    expect(rootKeys.starts).toEqual([0, text.indexOf('metadata'), text.indexOf('spec')]);
    const name = rootKeys.name!;
    expect(text.slice(name.keyStart, name.keyEnd)).toBe('name');
    expect(text.slice(name.start, name.end)).toBe('"web"');
  });

  test('metadata.name in a flow mapping is located as the event path locates it', () => {
    const text = 'kind: A\nmetadata: { labels: {name: x}, "name": \'web\' }\n';
    const name = blockDocument(text, 0, text.length)!.rootKeys!.name!;
    expect([text.slice(name.keyStart, name.keyEnd), text.slice(name.start, name.end)]).toEqual(['"name"', "'web'"]);
    expect(name).toEqual(fastDocument(text, { start: 0, end: text.length }, false)!.rootKeys!.name);
  });

  test.each([
    ['on the line below', 'kind: A\nmetadata:\n  {name: web}\n'],
    ['anchored', 'kind: A\nmetadata: &m {name: web}\n'],
    ['anchored, on the line below', 'kind: A\nmetadata: &m\n  { labels: {}, name: "web" }\n'],
    ['empty, quoted', "kind: A\nmetadata: {name: ''}\n"],
    ['a flow sequence', 'kind: A\nmetadata: {name: [web]}\n'],
    ['in a sequence under metadata', 'kind: A\nmetadata:\n- {name: web}\n'],
  ])('metadata.name in a flow mapping %s: root keys as the event path gives them', (_label, text) => {
    const block = blockDocument(text, 0, text.length)!;
    expect(block).not.toBeNull();
    expect(block.rootKeys).toEqual(fastDocument(text, { start: 0, end: text.length }, false)!.rootKeys);
  });

  test('an alias is the anchored value itself, as yaml\'s toJS gives it', () => {
    const text = 'a: &x\n  k: v\nb: *x\nc: &y\n- 1\nd:\n- *y\n';
    const v = blockDocument(text, 0, text.length)!.value as { a: object; b: object; c: unknown[]; d: unknown[] };
    expect(v.b).toBe(v.a);
    expect(v.d[0]).toBe(v.c);
    const ref = parseAllDocuments(text)[0].toJS() as typeof v;
    expect(ref.b).toBe(ref.a);
  });

  test('a name that is not metadata.name, or not a scalar, is not taken for it', () => {
    for (const text of ['kind: A\nspec:\n  name: x\n', 'metadata:\n  name:\n    x: 1\n', 'items:\n- metadata:\n    name: x\n']) {
      const block = blockDocument(text, 0, text.length);
      expect(block).not.toBeNull();
      expect(block!.rootKeys!.name).toBeUndefined();
      expect(block!.rootKeys!.name).toEqual(fastDocument(text, { start: 0, end: text.length }, false)?.rootKeys?.name);
    }
  });
});

describe('block reader: what it declines goes to the event path', () => {
  const declined: Array<[string, string]> = [
    ['a literal block scalar with an indentation indicator', 'a: |2\n   x\n'],
    ['a literal block scalar whose last line, without a line break, is all spaces', 'a: |\n  x\n   '],
    ['a literal block scalar with no content line', 'a: |\nb: 1\n'],
    ['a leading empty line with more spaces than the first content line', 'a: |\n      \n  x\n'],
    ['an all-space line with more spaces than the content', 'a: |\n  x\n      \n  y\n'],
    ['a literal block scalar as metadata.name', 'metadata:\n  name: |\n    x\n'],
    ['a literal block scalar over-indented after its end', 'a: |\n    x\n  y\n'],
    ['a more-indented line in a folded block scalar', 'a: >\n  x\n    y\n  z\n'],
    ['a folded block scalar with an indentation indicator', 'a: >2\n   x\n'],
    ['a plain scalar on the line below its key', 'a:\n  one\n'],
    ['a plain scalar going on after a comment (an error)', 'a: x # c\n  y\n'],
    ['a line after a plain scalar that looks like a key', 'a: x\n  y: z\n'],
    ['a line after a plain scalar that starts with an indicator', 'a: x\n  - y\n'],
    ['a multi-line plain key', 'a\n  b: 1\n'],
    ['a multi-line quoted scalar indented no further than its key', 'a: "one\ntwo"\n'],
    ['an empty line after an escaped line break in a double-quoted scalar', 'a: "x\\\n\n  y"\n'],
    ['a multi-line double-quoted key', '"a\n  b": 1\n'],
    ['a double-quoted scalar the text does not close', 'a: "x\n  y\n'],
    ['junk after a multi-line double-quoted scalar', 'a: "x\n  y" z\n'],
    ['an alias to an anchor not defined', 'a: 1\nb: *x\n'],
    ['an alias inside its own anchor (a cycle)', 'a: &x\n  b: *x\n'],
    ['an alias to an anchor that holds aliases', 'a: &x 1\nb: &y\n  c: *x\nd: *y\n'],
    ['more than 1000 aliases of one anchor (yaml\'s maxAliasCount)', `a: &x 1\n${Array.from({ length: 1001 }, (_, i) => `k${i}: *x\n`).join('')}`],
    ['an anchor on a key', '&a k: v\n'],
    ['an anchor on a compact key in a sequence', 'a:\n- &x k: v\n'],
    ['two anchors on one node', 'a: &x &y 1\n'],
    ['an anchor and a tag', 'a: &x !!str 1\n'],
    ['an anchor name with other characters', 'a: &x:y 1\nb: &caf\u00e9 2\n'],
    ['an alias with a key after it', 'a: &x 1\nb: *x : 2\n'],
    ['metadata.name as an alias', 'n: &n web\nmetadata:\n  name: *n\n'],
    ['an anchored metadata.name', 'metadata:\n  name: &n web\n'],
    ['a multi-line metadata.name', 'metadata:\n  name: web\n    x\n'],
    ['a folded metadata.name', 'metadata:\n  name: >\n    x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a flow collection going on to the next line', 'a: [1,\n  2]\n'],
    ['a flow mapping entry with no value', 'a: {b, c}\n'],
    ['a flow mapping entry with an empty value', 'a: {b: }\n'],
    ['an empty flow entry', 'a: [b, , c]\n'],
    ['a pair in a flow sequence', 'a: [b: c]\n'],
    ['a colon without a space after a key in a flow mapping', 'a: {"b":c}\n'],
    ['a colon before a flow indicator', 'a: [b:, c]\n'],
    ['a comment inside a flow collection', 'a: [b #c, d]\n'],
    ['an anchor, an alias or a tag in a flow collection', 'a: [&x b]\nc: {d: *x}\ne: [!t f]\n'],
    ['a duplicate key in a flow mapping', 'a: {b: 1, b: 2}\n'],
    ['a key that is a flow collection', 'a: {[b]: 1}\n'],
    ['a mapping value after a flow value', 'a: {b: c: d}\n'],
    ['an entry indicator in a flow sequence', 'a: [- b]\n'],
    ['junk after a flow collection', 'a: [b] c\n'],
    ['a flow collection not closed as opened', 'a: [b}\n'],
    ['a tab', 'a:\tb\n'],
    ['an indented first line', '  a: 1\n'],
    ['a root sequence', '- a\n- b\n'],
    ['a root scalar', 'just text\n'],
    ['a sequence in a sequence on one line', 'a:\n- - x\n'],
    ['a mapping value on the key\'s line', 'a: b: c\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a __proto__ key', '__proto__: 1\n'],
    ['an empty key', ': 1\n'],
    ['a complex key', '? a\n: b\n'],
    ['a key over 1000 characters', `${'k'.repeat(1001)}: 1\n`],
    ['an escape JSON does not share', 'a: "\\x41"\n'],
    ['a bad \\u escape', 'a: "\\u12"\n'],
    ['a control character', 'a: b\u0007c\n'],
    ['a C1 character (a YAML 1.1 line break)', 'a: b\u0085c\n'],
    ['a lone surrogate', 'a: b\ud800c\n'],
    ['a line separator', 'a: b\u2028c\n'],
    ['bad indentation', 'a:\n  b: 1\n c: 2\n'],
    ['an entry where a key belongs', 'a: 1\n- b\n'],
    ['content after a `...` marker', 'a: 1\n... x\n'],
    ['content on the `---` line', '--- a: 1\n'],
    ['an unrendered template', 'port: {{ .Values.port }}\n'],
    ['junk after a quoted scalar', 'a: "b" c\n'],
    ['a comment without a space before it, after a quote', 'a: "b"#c\n'],
  ];
  test.each(declined)('%s', (label, text) => {
    expect(blockDocument(text, 0, text.length)).toBeNull();
    // fastDocuments still reads it (or not) as the event path does.
    const chunks = splitDocuments(text);
    if (chunks) expect({ label, values: fastDocuments(text, chunks).map((d) => d?.value ?? null) }).toEqual({ label, values: chunks.map((c) => fastDocument(text, c, false)?.value ?? null) });
  });

  test('a lone CR in a comment (a line break for yaml) sends the document to the event path, not the block reader', () => {
    const text = 'a: 1\n# c\rb: 2\n---\nc: 3\n';
    const chunks = splitDocuments(text)!;
    const values = fastDocuments(text, chunks);
    expect(values[0]).toBeNull(); // the event path declines a lone CR
    expect(values[1]?.value).toEqual({ c: 3 });
  });

  test('runs of declined documents are read in one batch, between documents the block reader takes', () => {
    const docs = ['a: 1\n', 'b: "\\x41"\n', 'c: [1,\n  2]\nd: 1\n', 'e: 2\n', 'f: {y:\n  1}\n', 'g: 3\n'];
    const text = docs.map((d) => `---\n${d}`).join('');
    const chunks = splitDocuments(text)!;
    expect(docs.map((d) => blockDocument(d, 0, d.length) !== null)).toEqual([true, false, false, true, false, true]);
    expect(fastDocuments(text, chunks).map((d) => d?.value)).toEqual([{ a: 1 }, { b: 'A' }, { c: [1, 2], d: 1 }, { e: 2 }, { f: { y: 1 } }, { g: 3 }]);
  });
});

describe('block reader on every corpus: takes most documents, and agrees wherever it does', () => {

  test.each<[string, () => string[], number]>([
    ['the bench corpus', () => benchCorpus.corpusTexts(600, 60).map((f) => f.text), 1],
    ['block scalars at the end of files', () => benchCorpus.blockScalarTexts(600, 60).map((f) => f.text), 0.99],
    ['Helm-style output', () => benchCorpus.helmTexts(600, 60).map((f) => f.text), 0.99],
    ['the mixed 50 MB file (its first MB)', () => [benchCorpus.bigText(1024 * 1024)], 0.99],
    // Written by hand for tests, often with flow collections (`labels: { app: web }`).
    ['scenarios/', () => yamlFilesUnder(path.join(__dirname, '..', '..', 'scenarios')).map((f) => fs.readFileSync(f, 'utf8')), 0.95],
  ])('%s', (label, texts, share) => {
    let taken = 0;
    let documents = 0;
    texts().forEach((text, i) => {
      const r = expectAgreement(text, `${label} #${i}`);
      taken += r.taken;
      documents += r.documents;
    });
    expect(documents).toBeGreaterThan(0);
    expect(taken / documents).toBeGreaterThanOrEqual(share);
  });

  describeWithShared('the real-world corpus (../shared/corpus/real-world)', 'corpus/real-world', () => {
    test('every document it takes equals yaml, and it takes 95 % of them (the rest hold flow collections over more lines)', () => {
      let taken = 0;
      let documents = 0;
      for (const f of yamlFilesUnder(sharedPath('corpus', 'real-world'))) {
        const r = expectAgreement(fs.readFileSync(f, 'utf8'), f);
        taken += r.taken;
        documents += r.documents;
      }
      expect(taken / documents).toBeGreaterThan(0.95);
    });
  });
});

describe('fuzz: mutated manifests never make the block reader disagree with yaml', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Random } = require('../../src/util/random') as typeof import('../../src/util/random');

  test('2000 random documents', () => {
    const rng = new Random(Number(process.env.FUZZ_SEED ?? 20261206));
    let taken = 0;
    for (let n = 0; n < Number(process.env.FUZZ_N ?? 2000); n++) {
      const text = fuzzManifest(rng);
      taken += expectAgreement(text, JSON.stringify(text)).taken;
    }
    expect(taken).toBeGreaterThan(400); // a quarter or more: the fuzz reaches the reader, not only the event path
  }, 120_000);
});
