/**
 * A fast path for the YAML that Kubernetes manifests are made of: block mappings and
 * sequences, plain/quoted scalars, literal and simple folded block scalars, comments, one-line
 * flow collections, `---` documents. It records the source range of every node.
 *
 * Why: parsing dominates lint time, and `yaml`'s general parser spends most of it on features
 * manifests rarely use. Anything outside the subset above (anchors, aliases, tags, multi-line
 * plain or quoted scalars, complex keys, tabs, CR line ends, duplicate keys, directives,
 * syntax errors...) makes `fastParse` return null, and the caller uses `yaml` for the file.
 * Values must equal `yaml`'s `toJS()` with the YAML 1.2 core schema; test/parse/fast-yaml
 * checks that differentially.
 */

export type ScalarStyle = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

export type FastNode = FastMap | FastSeq | FastScalar;

export interface FastMap {
  kind: 'map';
  /** The JS value, built while parsing (as `yaml`'s toJS() would give it). */
  value: Record<string, unknown>;
  start: number;
  end: number;
  keys: string[];
  keyStarts: number[];
  keyEnds: number[];
  values: FastNode[];
}

export interface FastSeq {
  kind: 'seq';
  value: unknown[];
  start: number;
  end: number;
  items: FastNode[];
}

export interface FastScalar {
  kind: 'scalar';
  start: number;
  end: number;
  style: ScalarStyle;
  /** The scalar's text as written (without quotes), for YAML 1.1 hazard checks. */
  source: string;
  value: unknown;
}

export interface FastDocument {
  root: FastNode;
  value: unknown;
  /** Offset of the document start (first content, or the `---` line). */
  start: number;
}

class Bail extends Error {}
const bail = (): never => {
  throw new Bail();
};

interface Line {
  start: number;
  end: number;
  indent: number;
  /** No content: empty, spaces only, or a comment only. */
  blank: boolean;
}

const NULL_RE = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL_RE = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_RE = /^[-+]?[0-9]+$/;
const OCT_RE = /^0o[0-7]+$/;
const HEX_RE = /^0x[0-9a-fA-F]+$/;
const NAN_RE = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const EXP_RE = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT_RE = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** Resolves a plain scalar as YAML 1.2's core schema does (and so as `yaml` does by default). */
export function resolvePlain(s: string): unknown {
  if (NULL_RE.test(s)) return null;
  if (BOOL_RE.test(s)) return s[0] === 't' || s[0] === 'T';
  if (OCT_RE.test(s)) return parseInt(s.substring(2), 8);
  if (INT_RE.test(s)) return parseInt(s, 10);
  if (HEX_RE.test(s)) return parseInt(s.substring(2), 16);
  if (NAN_RE.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity;
  if (EXP_RE.test(s) || FLOAT_RE.test(s)) return parseFloat(s);
  return s;
}

const FLOW_INDICATORS = ',[]{}';

class FastParser {
  private readonly lines: Line[] = [];
  private li = 0;
  private limit = 0;

  constructor(private readonly text: string) {
    let pos = 0;
    const n = text.length;
    while (pos <= n) {
      let nl = text.indexOf('\n', pos);
      if (nl < 0) nl = n;
      let i = pos;
      while (i < nl && text.charCodeAt(i) === 32) i++;
      const c = i < nl ? text[i] : '';
      this.lines.push({ start: pos, end: nl, indent: i - pos, blank: c === '' || c === '#' });
      if (nl === n) break;
      pos = nl + 1;
    }
  }

  parseAll(): FastDocument[] {
    const docs: FastDocument[] = [];
    const count = this.lines.length;
    let li = 0;
    let afterEndMarker = false;
    while (li < count) {
      // A document runs from after a `---` line (or the file start) to the next `---` / `...` line.
      const firstText = this.text.slice(this.lines[li].start, this.lines[li].end);
      let docStart = li;
      if (isMarker(firstText, '---')) {
        if (!/^---\s*(#.*)?$/.test(firstText)) bail(); // content or a tag on the marker line: left to `yaml`
        docStart = li + 1;
        afterEndMarker = false;
      }
      let end = docStart;
      let endMarker = false;
      while (end < count) {
        const t = this.text.slice(this.lines[end].start, this.lines[end].end);
        if (t.startsWith('%')) bail();
        if (isMarker(t, '---')) break;
        if (isMarker(t, '...')) {
          if (!/^\.\.\.\s*(#.*)?$/.test(t)) bail();
          endMarker = true;
          break;
        }
        end++;
      }
      let hasContent = false;
      for (let k = docStart; k < end; k++) if (!this.lines[k].blank) hasContent = true;
      if (hasContent) {
        if (afterEndMarker) bail(); // a bare document after `...`: left to `yaml`
        docs.push(this.parseDocument(docStart, end));
      }
      li = endMarker ? end + 1 : end;
      if (endMarker) afterEndMarker = true;
      if (li === docStart && li < count) li++; // safety: always advance
    }
    return docs;
  }

  private parseDocument(from: number, to: number): FastDocument {
    this.li = from;
    this.limit = to;
    this.skipBlank();
    const line = this.lines[this.li];
    const root = this.parseBlockNode(line.indent, -1);
    this.skipBlank();
    if (this.li < this.limit) bail();
    return { root, value: root.value, start: root.start };
  }

  private skipBlank(): void {
    while (this.li < this.limit && this.lines[this.li].blank) this.li++;
  }

  private lineText(l: Line): string {
    return this.text.slice(l.start + l.indent, l.end);
  }

  /** A node whose first line is the current line, starting at column `indent`. */
  private parseBlockNode(indent: number, parentIndent: number): FastNode {
    const line = this.lines[this.li];
    const content = this.text.slice(line.start + indent, line.end);
    if (content === '-' || content.startsWith('- ')) return this.parseSeq(indent);
    if (keyEnd(content) >= 0) return this.parseMap(indent);
    // A lone scalar (or flow collection) as a block node.
    const node = this.parseInline(line.start + indent, line.end, parentIndent);
    this.li++;
    this.checkNoContinuation(parentIndent);
    return node;
  }

  /** The next content line of a block at `indent`, or null where the block ends (less indented, or the end). */
  private nextLineAt(indent: number): { line: Line; lineStart: number; content: string } | null {
    this.skipBlank();
    if (this.li >= this.limit) return null;
    const line = this.lines[this.li];
    if (line.indent < indent) return null;
    if (line.indent > indent) bail();
    const lineStart = line.start + indent;
    return { line, lineStart, content: this.text.slice(lineStart, line.end) };
  }

  private parseMap(indent: number): FastMap {
    const map: FastMap = { kind: 'map', value: {}, start: -1, end: -1, keys: [], keyStarts: [], keyEnds: [], values: [] };
    const seen = new Set<string>();
    for (let next = this.nextLineAt(indent); next; next = this.nextLineAt(indent)) {
      const { line, lineStart, content } = next;
      if (content === '-' || content.startsWith('- ')) break; // an indentless sequence belongs to the parent key
      const colon = keyEnd(content);
      if (colon < 0) bail();
      const { key, keyStart, keyEndAt } = parseKey(this.text, lineStart, lineStart + colon);
      if (seen.has(key) || key === '__proto__') bail();
      seen.add(key);
      if (map.start < 0) map.start = keyStart;
      map.keys.push(key);
      map.keyStarts.push(keyStart);
      map.keyEnds.push(keyEndAt);
      const valueFrom = lineStart + colon + 1;
      const value = this.parseValueAfterIndicator(valueFrom, line.end, indent, true);
      map.values.push(value);
      map.value[key] = value.value;
      map.end = value.end;
    }
    if (map.keys.length === 0) bail();
    return map;
  }

  private parseSeq(indent: number): FastSeq {
    const seq: FastSeq = { kind: 'seq', value: [], start: -1, end: -1, items: [] };
    for (let next = this.nextLineAt(indent); next; next = this.nextLineAt(indent)) {
      const { line, lineStart, content } = next;
      if (!(content === '-' || content.startsWith('- '))) break;
      if (seq.start < 0) seq.start = lineStart;
      // Compact forms: `- key: value` (a mapping at the key's column) or `- - x` (rejected).
      let col = 1;
      while (lineStart + col < line.end && this.text.charCodeAt(lineStart + col) === 32) col++;
      const rest = this.text.slice(lineStart + col, line.end);
      let item: FastNode;
      if (rest === '' || rest.startsWith('#')) {
        item = this.parseValueAfterIndicator(lineStart + 1, line.end, indent, false);
      } else if (rest === '-' || rest.startsWith('- ')) {
        return bail();
      } else if (keyEnd(rest) >= 0 && !/^["'[{]/.test(rest) ? true : keyEnd(rest) >= 0 && /^["']/.test(rest)) {
        // Re-read this line as a mapping that starts at the key's column.
        const saved = line.indent;
        line.indent = indent + col;
        item = this.parseMap(indent + col);
        line.indent = saved;
      } else {
        item = this.parseValueAfterIndicator(lineStart + 1, line.end, indent, false);
      }
      seq.items.push(item);
      seq.value.push(item.value);
      seq.end = item.end;
    }
    return seq;
  }

  /**
   * The value after `key:` or `- ` on the current line (from `from` to `lineEnd`): inline, a
   * block scalar, or a nested block on the following lines. Advances past it.
   */
  private parseValueAfterIndicator(from: number, lineEnd: number, ownerIndent: number, inMap: boolean): FastNode {
    let i = from;
    while (i < lineEnd && this.text.charCodeAt(i) === 32) i++;
    if (i > from || i === lineEnd) {
      // ok: separated by space or nothing follows
    } else bail();
    const c = this.text[i];
    if (i === lineEnd || c === '#') {
      this.li++;
      this.skipBlank();
      if (this.li < this.limit) {
        const next = this.lines[this.li];
        if (next.indent > ownerIndent) return this.parseBlockNode(next.indent, ownerIndent);
        if (inMap && next.indent === ownerIndent) {
          const t = this.lineText(next);
          if (t === '-' || t.startsWith('- ')) return this.parseSeq(ownerIndent);
        }
      }
      // `key:` with nothing: null, located just after the indicator (as `yaml` does).
      return { kind: 'scalar', start: from, end: from, style: 'PLAIN', source: '', value: null };
    }
    if (c === '|' || c === '>') return this.parseBlockScalar(i, lineEnd, ownerIndent);
    const node = this.parseInline(i, lineEnd, ownerIndent);
    this.li++;
    this.checkNoContinuation(ownerIndent);
    return node;
  }

  /** A more-indented content line after an inline value would continue it (multi-line scalar): not ours. */
  private checkNoContinuation(ownerIndent: number): void {
    const save = this.li;
    this.skipBlank();
    if (this.li < this.limit && this.lines[this.li].indent > ownerIndent) bail();
    this.li = save;
  }

  /** An inline scalar or one-line flow collection from `from` to the end of the line. */
  private parseInline(from: number, lineEnd: number, _ownerIndent: number): FastNode {
    const c = this.text[from];
    if (c === '[' || c === '{') {
      const r = new FlowReader(this.text, from, lineEnd);
      const node = r.readNode();
      r.expectLineEnd();
      return node;
    }
    if (c === '"' || c === "'") {
      const q = readQuoted(this.text, from, lineEnd);
      expectTrailing(this.text, q.end, lineEnd);
      return { kind: 'scalar', start: from, end: q.end, style: c === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', source: q.value, value: q.value };
    }
    if ('&*!%@`|>?:-,[]{}#'.includes(c)) {
      // `-1`, `-foo`, `:x`, `?x` are plain scalars; `- `, `? `, `: ` are indicators.
      const next = this.text[from + 1];
      if (!((c === '-' || c === '?' || c === ':') && next !== undefined && next !== ' ' && from + 1 < lineEnd)) bail();
    }
    let end = lineEnd;
    const hash = findComment(this.text, from, lineEnd);
    if (hash >= 0) end = hash;
    while (end > from && this.text.charCodeAt(end - 1) === 32) end--;
    const s = this.text.slice(from, end);
    if (s.includes(': ') || s.endsWith(':') || s.includes(' #')) bail();
    return { kind: 'scalar', start: from, end, style: 'PLAIN', source: s, value: resolvePlain(s) };
  }

  private parseBlockScalar(at: number, lineEnd: number, ownerIndent: number): FastScalar {
    const header = this.text.slice(at, lineEnd);
    const m = /^([|>])([1-9])?([+-])?([1-9])?(\s+#.*)?\s*$/.exec(header);
    if (!m || (m[2] && m[4])) bail();
    const folded = m![1] === '>';
    const explicit = m![2] ?? m![4];
    const chomp = m![3] ?? '';
    const headerLine = this.li;
    this.li++;
    // Content lines: up to the first non-empty line indented less than the content indent.
    let contentIndent = explicit ? Math.max(ownerIndent, 0) + Number(explicit) : -1;
    const raw: string[] = [];
    let lastLine = headerLine;
    let maxLeadingEmpty = 0;
    while (this.li < this.limit) {
      const l = this.lines[this.li];
      const lineStr = this.text.slice(l.start, l.end);
      const isEmpty = lineStr.trim() === '';
      if (contentIndent < 0) {
        if (isEmpty) {
          maxLeadingEmpty = Math.max(maxLeadingEmpty, lineStr.length);
          raw.push('');
          this.li++;
          continue;
        }
        if (l.indent <= Math.max(ownerIndent, -1) || (ownerIndent < 0 && l.indent === 0 && false)) break;
        contentIndent = l.indent;
        if (maxLeadingEmpty > contentIndent) bail();
      }
      if (!isEmpty && l.indent < contentIndent) break;
      if (isEmpty && lineStr.length > contentIndent) raw.push(lineStr.slice(contentIndent));
      else raw.push(isEmpty ? '' : lineStr.slice(contentIndent));
      lastLine = this.li;
      this.li++;
    }
    if (contentIndent <= ownerIndent && contentIndent >= 0) bail();
    // Trailing empty lines belong to the scalar only for "keep"; they were consumed either way.
    const lastContentLine = this.lines[lastLine];
    if (lastContentLine.end === this.text.length && lastLine > headerLine) bail(); // no final line break: leave the edge case to `yaml`
    let body = raw;
    let trailingEmpty = 0;
    while (body.length && body[body.length - 1] === '') {
      body = body.slice(0, -1);
      trailingEmpty++;
    }
    let value: string;
    if (body.length === 0) value = chomp === '+' ? '\n'.repeat(trailingEmpty) : '';
    else {
      if (folded) {
        if (body.some((l) => l.startsWith(' '))) bail(); // more-indented lines keep their breaks: left to `yaml`
        let out = '';
        let emptyRun = 0;
        body.forEach((l, idx) => {
          if (l === '') {
            emptyRun++;
            return;
          }
          if (idx > 0) out += emptyRun > 0 ? '\n'.repeat(emptyRun) : ' ';
          emptyRun = 0;
          out += l;
        });
        value = out;
      } else value = body.join('\n');
      if (chomp === '-') {
        // strip: no final line break
      } else if (chomp === '+') value += '\n' + '\n'.repeat(trailingEmpty);
      else value += '\n';
    }
    const endOffset = lastLine > headerLine ? this.lines[lastLine].end : lineEnd;
    return { kind: 'scalar', start: at, end: endOffset, style: folded ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL', source: value, value };
  }
}

function isMarker(line: string, marker: string): boolean {
  return line.startsWith(marker) && (line.length === 3 || line[3] === ' ' || line[3] === '\t');
}

/** Offset (in `content`) of the `:` that ends a block mapping key, or -1 if the line is no `key:` line. */
function keyEnd(content: string): number {
  const c = content[0];
  if (c === '"' || c === "'") {
    let i = 1;
    for (; i < content.length; i++) {
      if (c === "'" && content[i] === "'") {
        if (content[i + 1] === "'") {
          i++;
          continue;
        }
        break;
      }
      if (c === '"' && content[i] === '\\') {
        i++;
        continue;
      }
      if (c === '"' && content[i] === '"') break;
    }
    if (i >= content.length) return -1;
    let j = i + 1;
    while (content[j] === ' ') j++;
    return content[j] === ':' && (j + 1 === content.length || content[j + 1] === ' ') ? j : -1;
  }
  if (c === undefined || c === '#' || '[]{}&*!|>%@`,'.includes(c)) return -1;
  if ((c === '-' || c === '?' || c === ':') && (content.length === 1 || content[1] === ' ')) return -1;
  for (let i = 0; i < content.length; i++) {
    const ch = content[i];
    if (ch === '#' && i > 0 && content[i - 1] === ' ') return -1;
    if (ch === ':' && (i + 1 === content.length || content[i + 1] === ' ')) return i;
  }
  return -1;
}

function parseKey(text: string, from: number, colonAt: number): { key: string; keyStart: number; keyEndAt: number } {
  const c = text[from];
  if (c === '"' || c === "'") {
    const q = readQuoted(text, from, colonAt + 1);
    return { key: q.value, keyStart: from, keyEndAt: q.end };
  }
  let end = colonAt;
  while (end > from && text.charCodeAt(end - 1) === 32) end--;
  const key = text.slice(from, end);
  // Keys that the core schema reads as non-strings (true, 1, null, ~) are left to `yaml`.
  if (typeof resolvePlain(key) !== 'string' || key.includes(' #')) bail();
  return { key, keyStart: from, keyEndAt: end };
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};

/** A one-line quoted scalar starting at `from`; bails if it does not close on this line. */
function readQuoted(text: string, from: number, lineEnd: number): { value: string; end: number } {
  const q = text[from];
  let out = '';
  let i = from + 1;
  for (;;) {
    if (i >= lineEnd) return bail();
    const ch = text[i];
    if (q === "'") {
      if (ch === "'") {
        if (text[i + 1] === "'" && i + 1 < lineEnd) {
          out += "'";
          i += 2;
          continue;
        }
        return { value: out, end: i + 1 };
      }
      out += ch;
      i++;
      continue;
    }
    if (ch === '"') return { value: out, end: i + 1 };
    if (ch === '\\') {
      const e = text[i + 1];
      if (e === undefined || i + 1 >= lineEnd) return bail();
      if (e === 'x' || e === 'u' || e === 'U') {
        const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        const hex = text.slice(i + 2, i + 2 + len);
        if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) return bail();
        out += String.fromCodePoint(parseInt(hex, 16));
        i += 2 + len;
        continue;
      }
      const rep = ESCAPES[e];
      if (rep === undefined) return bail();
      out += rep;
      i += 2;
      continue;
    }
    out += ch;
    i++;
  }
}

function findComment(text: string, from: number, end: number): number {
  for (let i = from + 1; i < end; i++) if (text[i] === '#' && text[i - 1] === ' ') return i;
  return -1;
}

function expectTrailing(text: string, from: number, lineEnd: number): void {
  let i = from;
  while (i < lineEnd && text.charCodeAt(i) === 32) i++;
  if (i < lineEnd && !(text[i] === '#' && i > from)) bail();
}

/** One-line flow collections: `[a, "b", {c: 1}]`. */
class FlowReader {
  constructor(
    private readonly text: string,
    private pos: number,
    private readonly end: number,
  ) {}

  private skipSpaces(): void {
    while (this.pos < this.end && this.text.charCodeAt(this.pos) === 32) this.pos++;
  }

  readNode(): FastNode {
    this.skipSpaces();
    const c = this.text[this.pos];
    if (c === '[') return this.readSeq();
    if (c === '{') return this.readMap();
    return this.readScalar(false);
  }

  private readSeq(): FastSeq {
    const seq: FastSeq = { kind: 'seq', value: [], start: this.pos, end: -1, items: [] };
    this.pos++;
    for (;;) {
      this.skipSpaces();
      if (this.pos >= this.end) bail();
      if (this.text[this.pos] === ']') {
        this.pos++;
        seq.end = this.pos;
        return seq;
      }
      const item = this.readNode();
      this.skipSpaces();
      // `[a: b]` (a single-pair mapping inside a sequence) is left to `yaml`.
      if (this.text[this.pos] === ':') bail();
      seq.items.push(item);
      seq.value.push(item.value);
      this.skipSpaces();
      if (this.text[this.pos] === ',') this.pos++;
      else if (this.text[this.pos] !== ']') bail();
    }
  }

  private readMap(): FastMap {
    const map: FastMap = { kind: 'map', value: {}, start: this.pos, end: -1, keys: [], keyStarts: [], keyEnds: [], values: [] };
    const seen = new Set<string>();
    this.pos++;
    for (;;) {
      this.skipSpaces();
      if (this.pos >= this.end) bail();
      if (this.text[this.pos] === '}') {
        this.pos++;
        map.end = this.pos;
        return map;
      }
      const keyNode = this.readScalar(true);
      if (typeof keyNode.value !== 'string' || seen.has(keyNode.value) || keyNode.value === '__proto__') bail();
      const key = keyNode.value as string;
      seen.add(key);
      this.skipSpaces();
      if (this.text[this.pos] !== ':') bail();
      this.pos++;
      const after = this.text[this.pos];
      if (keyNode.style === 'PLAIN' && after !== ' ' && after !== ',' && after !== '}') bail();
      this.skipSpaces();
      let value: FastNode;
      if (this.text[this.pos] === ',' || this.text[this.pos] === '}') value = { kind: 'scalar', start: this.pos, end: this.pos, style: 'PLAIN', source: '', value: null };
      else value = this.readNode();
      map.keys.push(key);
      map.keyStarts.push(keyNode.start);
      map.keyEnds.push(keyNode.end);
      map.values.push(value);
      map.value[key] = value.value;
      this.skipSpaces();
      if (this.text[this.pos] === ',') this.pos++;
      else if (this.text[this.pos] !== '}') bail();
    }
  }

  private readScalar(isKey: boolean): FastScalar {
    const start = this.pos;
    const c = this.text[start];
    if (c === '"' || c === "'") {
      const q = readQuoted(this.text, start, this.end);
      this.pos = q.end;
      return { kind: 'scalar', start, end: q.end, style: c === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', source: q.value, value: q.value };
    }
    if (c === undefined || '&*!%@`|>?#-'.includes(c) && !(c === '-' && /[0-9.a-zA-Z]/.test(this.text[start + 1] ?? ''))) bail();
    let i = start;
    while (i < this.end) {
      const ch = this.text[i];
      if (FLOW_INDICATORS.includes(ch)) break;
      if (ch === ':' && (i + 1 >= this.end || ' ,[]{}'.includes(this.text[i + 1]))) break;
      if (ch === '#' && this.text[i - 1] === ' ') bail();
      i++;
    }
    let e = i;
    while (e > start && this.text.charCodeAt(e - 1) === 32) e--;
    if (e === start) bail();
    const s = this.text.slice(start, e);
    this.pos = i;
    const value = resolvePlain(s);
    if (isKey && typeof value !== 'string') bail();
    return { kind: 'scalar', start, end: e, style: 'PLAIN', source: s, value };
  }

  expectLineEnd(): void {
    expectTrailing(this.text, this.pos, this.end);
  }
}


/**
 * Parses `text` when it stays inside the fast subset; null means "use `yaml`".
 * Never throws for bad input.
 */
export function fastParse(text: string): FastDocument[] | null {
  if (text.includes('\t') || text.includes('\r')) return null;
  try {
    return new FastParser(text).parseAll();
  } catch (err) {
    if (err instanceof Bail || err instanceof RangeError) return null;
    throw err;
  }
}
