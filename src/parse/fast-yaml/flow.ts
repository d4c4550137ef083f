import type { FastMap, FastNode, FastScalar, FastSeq } from './nodes';
import { bail, expectTrailing, readQuoted, resolvePlain } from './scalars';

const FLOW_INDICATORS = ',[]{}';

/** One-line flow collections: `[a, "b", {c: 1}]`. */
export class FlowReader {
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
