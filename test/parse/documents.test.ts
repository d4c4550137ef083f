/**
 * The parse stage document by document (issue 14) and the parser points of issue 13: a declined
 * document costs a `yaml` parse of itself only, documents are numbered as `yaml` numbers them,
 * positions are found without parsing the file again, and what `yaml` reads but a manifest cannot
 * hold (alias cycles, tags that make Dates, binary data, sets) is a located finding, never a
 * value or a crash.
 */
import * as construct from '../../src/parse/fast-yaml/construct';
import * as blockLocateModule from '../../src/parse/fast-yaml/block-locate';
import { splitDocuments } from '../../src/parse/fast-yaml';
import { FastDocumentSource } from '../../src/parse/fast-document';
import { ParsedDocument } from '../../src/parse/document';
import { parseSourceFile } from '../../src/parse/parse-file';
import { FileLines } from '../../src/parse/lines';
import { lint } from '../../src/lint';
import type { Finding } from '../../src/types';
import { lintYaml, runCli } from '../helpers';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const cm = (name: string, extra = '') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  a: "1"\n${extra}`;
const parse = (text: string, fast = true) => parseSourceFile({ path: 'f.yaml', absPath: null, text }, { fast });
const at = (f: Finding) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn}`;

describe('documents are split by their marker lines and numbered as yaml numbers them (yaml parseAllDocuments)', () => {
  test.each<[string, string, number]>([
    ['empty stream', '', 0],
    ['comments only', '# a\n# b\n', 0],
    ['one document', 'a: 1\n', 1],
    ['comments before --- belong to the document', '# c\n---\na: 1\n', 1],
    ['an empty document after content', 'a: 1\n---\n', 2],
    ['leading empty documents count', '---\n---\na: 1\n', 2],
    ['trailing comments join the last document', 'a: 1\n---\nb: 2\n# end\n', 2],
    ['... ends a document', 'a: 1\n...\n---\nb: 2\n', 2],
    ['a marker with a comment', 'a: 1\n--- # two\nb: 2\n', 2],
    ['CRLF markers', 'a: 1\r\n---\r\nb: 2\r\n', 2],
  ])('%s', (_label, text, count) => {
    expect(splitDocuments(text)?.length).toBe(count);
  });

  test.each<[string, string]>([
    ['a directive (it belongs to the next document)', '%YAML 1.2\n---\na: 1\n'],
    ['... outside a document', '...\na: 1\n'],
    ['content after ... without ---', 'a: 1\n...\nb: 2\n'],
  ])('the whole stream goes to yaml for %s', (_label, text) => {
    expect(splitDocuments(text)).toBeNull();
  });

  test('a manifest after leading empty documents has the index yaml gives it, on both paths (issue 13, point 13)', () => {
    const text = `---\n---\n${cm('x')}`;
    expect(parse(text).manifests.map((m) => m.docIndex)).toEqual([1]);
    expect(parse(text, false).manifests.map((m) => m.docIndex)).toEqual([1]);
  });
});

describe('fallback is per document: yaml parses the declined document only', () => {
  const tagged = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: tagged\ndata:\n  a: !!str 1\n';
  const text = [cm('one'), tagged, cm('three', '  b: |\n    x\n')].join('---\n');

  test('the tagged document is a yaml document; the others stay fast', () => {
    const parsed = parse(text);
    expect(parsed.manifests.map((m) => m.name)).toEqual(['one', 'tagged', 'three']);
    expect(parsed.manifests.map((m) => m.source.constructor)).toEqual([FastDocumentSource, ParsedDocument, FastDocumentSource]);
    expect(parsed.documents.map((d) => d.index)).toEqual([1]);
  });

  test('values and every position equal a whole-file yaml parse', () => {
    const fast = parse(text);
    const slow = parse(text, false);
    expect(fast.manifests.map((m) => m.value)).toEqual(slow.manifests.map((m) => m.value));
    for (const [i, m] of fast.manifests.entries()) {
      for (const p of [[], ['metadata', 'name'], ['data', 'a'], ['data', 'missing']]) {
        const a = m.source.locate([...m.root, ...p]);
        const b = slow.manifests[i].source.locate([...slow.manifests[i].root, ...p]);
        expect({ i, p, line: a.line, column: a.column }).toEqual({ i, p, line: b.line, column: b.column });
      }
    }
  });

  test('a syntax error in one document leaves the others read (and located) by the fast path', () => {
    const broken = [cm('one'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: [x\n', cm('three')].join('---\n');
    const parsed = parse(broken);
    expect(parsed.manifests.map((m) => m.name)).toEqual(['one', 'three']);
    expect(parsed.findings.map((f) => [f.ruleId, f.range.line])).toEqual([['yaml-syntax', expect.any(Number)]]);
    expect(parsed.findings[0].range.line).toBeGreaterThanOrEqual(10);
    expect(parsed.manifests[1].source.locate(['metadata', 'name']).line).toBe(15);
  });
});

describe('positions are found without parsing the file again', () => {
  test('locating a node in document 150 of 200 reads only the top-level entry it is in, with the block reader; metadata.name reads nothing', () => {
    const text = Array.from({ length: 200 }, (_, i) => cm(`c${i}`)).join('---\n');
    const parsed = parse(text);
    const events = jest.spyOn(construct, 'parseAllEvents');
    const follow = jest.spyOn(blockLocateModule, 'blockLocate');
    const read = (): string[] => follow.mock.calls.map(([t, start, end]) => t.slice(start, end));
    try {
      // The first parse recorded where metadata.name is (RootKeys.name).
      expect(parsed.manifests[150].source.locate(['metadata', 'name'])).toEqual({ line: 150 * 7 + 4, column: 9, endLine: 150 * 7 + 4, endColumn: 13 });
      expect(parsed.manifests[150].source.locate(['metadata', 'name'], { key: true })).toEqual({ line: 150 * 7 + 4, column: 3, endLine: 150 * 7 + 4, endColumn: 7 });
      expect(follow).not.toHaveBeenCalled();
      expect(parsed.manifests[150].source.locate(['metadata', 'labels']).line).toBe(150 * 7 + 3);
      expect(read()).toEqual(['metadata:\n  name: c150\n']);
      expect(parsed.manifests[150].source.locate(['data', 'a'])).toEqual({ line: 150 * 7 + 6, column: 6, endLine: 150 * 7 + 6, endColumn: 9 });
      expect(read()).toEqual(['metadata:\n  name: c150\n', 'data:\n  a: "1"\n']);
      expect(events).not.toHaveBeenCalled(); // no node tree built
    } finally {
      events.mockRestore();
      follow.mockRestore();
    }
  });

  test('a node the block reader does not place (a block scalar) is found in the node tree of its entry alone, kept for the next look-up', () => {
    const text = Array.from({ length: 200 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\ndata:\n  a: |\n    1\n`).join('---\n');
    const parsed = parse(text);
    const spy = jest.spyOn(construct, 'parseAllEvents');
    try {
      expect(parsed.manifests[150].source.locate(['data', 'a'])).toEqual({ line: 150 * 8 + 6, column: 6, endLine: 150 * 8 + 7, endColumn: 6 });
      expect(spy.mock.calls.map((c) => c[0])).toEqual(['data:\n  a: |\n    1\n']);
      expect(parsed.manifests[150].source.locate(['data', 'a', 'x']).line).toBe(150 * 8 + 6);
      expect(spy).toHaveBeenCalledTimes(1); // kept for the next look-up
    } finally {
      spy.mockRestore();
    }
  });

  // The entry-by-entry look-up must give the positions a parse of the whole document gives, and
  // fall back to that parse where an entry does not stand alone.
  test.each<[string, string]>([
    ['an alias to an anchor of another entry', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels: &l\n    a: b\ndata: *l\n'],
    ['comments and blank lines between entries', 'apiVersion: v1\n# c\n\nkind: ConfigMap\nmetadata:\n  name: x # n\n\n# about data\ndata:\n  a: |\n    one\n\n  b: >-\n    two\n'],
    ['an indented root mapping', '  apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: x\n  data:\n    a: "1"\n'],
    ['a flow root mapping', '{apiVersion: v1, kind: ConfigMap, metadata: {name: x}, data: {a: "1"}}\n'],
    ['quoted keys and CRLF line ends', '"apiVersion": v1\r\nkind: ConfigMap\r\n\'metadata\':\r\n  name: x\r\ndata:\r\n  a: "1"\r\n'],
    ['a last entry followed by an end marker', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: "1"\n...\n'],
    ['a quoted, anchored name with a comment', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: {a: b}\n  name: &n "x" # the name\ndata:\n  a: "1"\n'],
    ['a name written as a block scalar', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  "name": |-\n    x\ndata:\n  a: "1"\n'],
    ['a name in a flow mapping, single-quoted', "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: 'x', labels: {a: b} }\ndata:\n  a: \"1\"\n"],
    ['an empty name', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name:\n  labels: {a: b}\ndata:\n  a: "1"\n'],
    ['a name that is an alias', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: {a: &n x}\n  name: *n\ndata:\n  a: "1"\n'],
    ['name under a key other than metadata', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: {name: y}\n  name: x\ndata:\n  name: z\n  a: "1"\n'],
  ])('%s: positions equal those of the whole document parsed again (and yaml\'s) (FastDocumentSource.find)', (_name, doc) => {
    const text = [cm('first'), doc].join('---\n');
    const fast = parse(text);
    const slow = parse(text, false);
    expect(fast.manifests.map((m) => m.value)).toEqual(slow.manifests.map((m) => m.value));
    const m = fast.manifests[1];
    expect(m.source).toBeInstanceOf(FastDocumentSource);
    // The same document looked up by parsing it whole (no root keys given).
    const whole = new FastDocumentSource('f.yaml', 1, text, splitDocuments(text)![1], new FileLines(text));
    for (const p of [['metadata', 'name'], ['metadata', 'labels', 'a'], ['data', 'a'], ['data', 'b'], ['data'], ['kind'], ['data', 'missing'], ['nope', 'x']]) {
      for (const key of [false, true]) {
        const a = m.source.locate(p, { key });
        expect({ p, key, a }).toEqual({ p, key, a: whole.locate(p, { key }) });
        if (p[0] !== 'nope') expect({ p, key, line: a.line, column: a.column }).toEqual({ p, key, line: slow.manifests[1].source.locate(p, { key }).line, column: slow.manifests[1].source.locate(p, { key }).column });
      }
      expect({ p, node: m.source.nodeAt(p) }).toEqual({ p, node: whole.nodeAt(p) });
    }
  });
});

describe('what yaml reads but a manifest cannot hold is a located finding (issue 13, points 3 and 4)', () => {
  test('an alias into its own anchor (yaml Alias.resolve finds the enclosing node): a yaml-syntax finding at the alias, no crash', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: loop\ndata: &d\n  self: *d\n';
    const [f] = lintYaml(text).findings;
    expect({ ruleId: f.ruleId, messageId: f.messageId, at: at(f) }).toEqual({ ruleId: 'yaml-syntax', messageId: 'aliasCycle', at: '6:9-6:11' });
    expect(f.message).toContain('*d');
  });

  test('a cycle in a list item too, and the other documents are still linted', () => {
    const text = `${cm('fine')}---\napiVersion: v1\nkind: List\nitems: &i\n- *i\n`;
    const run = lintYaml(text);
    expect(run.findings.map((f) => f.messageId)).toEqual(['aliasCycle']);
    expect(run.manifests.map((m) => m.name)).toEqual(['fine']);
  });

  test.each<[string, string, string, string, number]>([
    ['!!timestamp (yaml builds a Date)', 'spec: !!timestamp 2001-12-14', 'spec', 'a date and time', 5],
    ['!!binary (a Uint8Array)', 'data:\n  x: !!binary aGVsbG8=', 'data.x', 'binary data', 6],
    ['!!set (a Set)', 'data: !!set\n  ? a\n  ? b', 'data', 'a set', 6],
  ])('%s: a nonPlainValue finding at the value, the document not read', (_label, body, where, what, line) => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: t\n${body}\n`;
    const run = lintYaml(text);
    expect(run.manifests).toEqual([]);
    expect(run.findings.map((f) => [f.ruleId, f.messageId, f.line])).toEqual([['yaml-syntax', 'nonPlainValue', line]]);
    expect(run.findings[0].message).toContain(`${where} is written with the tag !!`);
    expect(run.findings[0].message).toContain(what);
  });

  test('through the CLI: svclab lint and svclab get report the cycle and do not crash', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-cycle-'));
    fs.writeFileSync(path.join(dir, 'a.yaml'), `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec: &s\n  template:\n    spec: *s\n`);
    const out = await runCli(['lint', '--format', 'json', dir]);
    expect(out.code).toBe(1);
    expect(JSON.parse(out.stdout).findings.map((f: Finding) => f.messageId)).toEqual(['aliasCycle']);
    const get = await runCli(['get', 'pods', '-f', dir]);
    expect(get.stderr).not.toMatch(/internal error/i);
    const lib = await lint([dir]);
    expect(lib.findings.map((f) => f.messageId)).toEqual(['aliasCycle']);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('positions stay inside their line (issue 13, point 11)', () => {
  function inside(text: string, f: Finding): void {
    const lines = new FileLines(text);
    expect(f.column).toBeLessThanOrEqual(lines.lineText(f.line).length + 1);
    expect(f.line).toBeLessThanOrEqual(f.endLine);
  }

  test('a syntax error in a file with lone CR line breaks is placed on its line, counted as editors count', () => {
    // yaml's LineCounter counts only \n: it said 1:54 for this error, on a line of 16 characters.
    const text = '{apiVersion: v1,\rkind: ConfigMap,\rmetadata: {name: [x}}\r';
    const [f] = lintYaml(text).findings;
    expect({ ruleId: f.ruleId, at: at(f) }).toEqual({ ruleId: 'yaml-syntax', at: '3:20-3:21' });
    inside(text, f);
  });

  test('an error yaml places on the CR of a CRLF break ends at the end of its line, not between CR and LF', () => {
    // Found by npm test's fuzz case (seed 20261204): `targetPort:\r\n 80` under a NodePort Service;
    // yaml's error range [CR, LF) ended between the two characters of one line break.
    const text = 'apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n  name: web\r\nspec:\r\n  ports:\r\n  - port: 8080\r\n    targetPort:\r\n 80\r\n    nodePort: 30080\r\n';
    const f = lintYaml(text).findings.find((x) => x.ruleId === 'yaml-syntax');
    expect(f).toBeDefined();
    if (!f) return;
    inside(text, f);
    expect(f.endColumn).toBeLessThanOrEqual(new FileLines(text).lineText(f.endLine).length + 1);
    expect(new FileLines('a\r\nb').pos(2)).toEqual({ line: 1, col: 2 });
  });

  test('a duplicate empty key after a syntax error is placed on content, not past the end of the line before it', () => {
    // Found by mutating the guestbook manifest: `yaml` places an empty key (`:` alone) at the
    // line break before it, so the finding started one column past the end of `spec:`.
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  # type: LoadBalancer\n:  ports:\n  - port: 80\n  selector:\n    app: guest\n:  x\n';
    const findings = parse(text).findings;
    const dup = findings.filter((f) => f.ruleId === 'duplicate-key');
    expect(dup.length).toBeGreaterThan(0);
    const lines = new FileLines(text);
    for (const f of findings) expect({ f: f.messageId, fits: f.range.column <= lines.lineText(f.range.line).length }).toEqual({ f: f.messageId, fits: true });
    for (const f of dup) expect(lines.lineText(f.range.line)[f.range.column - 1]).toMatch(/\S/);
  });

  test('a byte order mark: read by yaml (the fast path declines it), the first key keeps its name (issue 13, point 13)', () => {
    const run = lintYaml(`\uFEFF${cm('bom')}`);
    expect(run.manifests.map((m) => [m.apiVersion, m.name])).toEqual([['v1', 'bom']]);
  });

  test('an implicit key over 1024 characters is yaml`s syntax error, not a value (issue 13, point 13)', () => {
    const run = lintYaml(cm('long', `  ${'k'.repeat(1100)}: v\n`));
    expect(run.findings.map((f) => f.ruleId)).toEqual(['yaml-syntax']);
    expect(run.findings[0].message).toContain('1024');
  });
});
