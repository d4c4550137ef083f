/** Block structure: lines, indentation, block mappings and sequences, block scalars, documents. */
import type { FastDocument, FastMap, FastNode, FastScalar, FastSeq } from './nodes';
import { bail, expectTrailing, findComment, isMarker, keyEnd, parseKey, readQuoted, resolvePlain } from './scalars';
import { FlowReader } from './flow';

interface Line {
  start: number;
  end: number;
  indent: number;
  /** No content: empty, spaces only, or a comment only. */
  blank: boolean;
}

export class FastParser {
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
