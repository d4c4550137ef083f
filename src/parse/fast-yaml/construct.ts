/**
 * Values (and, on demand, source ranges) from js-yaml's event stream, made to equal what `yaml`'s
 * `toJS()` gives under the YAML 1.2 core schema, or `null`: "decline, let `yaml` read this one".
 *
 * js-yaml's `parseEvents` does the syntax (all of YAML 1.2); this file does the construction that
 * js-yaml's `constructFromEvents` would do, but with `yaml`'s semantics where the two differ:
 * - plain scalars resolve as `yaml`'s core schema does (`resolvePlain`); keys become strings as
 *   `yaml`'s `stringifyKey` makes them (`null` → '', numbers and booleans → `String(v)`);
 * - an alias is the anchored value itself (the same object), as `yaml`'s `Alias.toJS` returns it;
 * - everything whose meaning is `yaml`'s to decide is declined: explicit tags (`!!timestamp`,
 *   `!!binary`, `!!set`, custom tags: `yaml` reads them and the parse stage reports what it
 *   cannot trust), collection or alias keys (an unrendered template `{{ x }}`), duplicate keys,
 *   `__proto__`, anchors on keys, empty keys, multi-line implicit keys and keys over 1000
 *   characters (`yaml` rejects implicit keys over 1024: KEY_OVER_1024_CHARS), an alias whose
 *   anchor is still open (a cycle) or holds aliases itself, more than 1000 aliases of one anchor
 *   (`yaml`'s maxAliasCount), and anything js-yaml itself rejects.
 */
import type { Event, ScalarEvent } from 'js-yaml';

/**
 * js-yaml, loaded the first time a document needs it: the block reader takes most documents, and
 * a run that never declines one does not pay for loading it (about 2 ms of a small file's start).
 */
const jsYaml = (): typeof import('js-yaml') => require('js-yaml') as typeof import('js-yaml');
import { MAX_ALIASES_PER_ANCHOR, MAX_KEY_LENGTH, type FastMap, type FastNode, type FastScalar, type FastSeq, type RootKeys, type ScalarStyle } from './nodes';
import { resolvePlain } from './scalars';
import { hasLineBreak, skipBlank } from './text';

export type { RootKeys } from './nodes';

const DOCUMENT = 1;
const SEQUENCE = 2;
const MAPPING = 3;
const SCALAR = 4;
const ALIAS = 5;
const POP = 6;
const PLAIN = 1;
const SINGLE_QUOTED = 2;
const DOUBLE_QUOTED = 3;

/** Deeper than this, js-yaml gives up (and `yaml` reads it, or reports it). */
const MAX_DEPTH = 200;

const STYLES: Record<number, ScalarStyle> = { 1: 'PLAIN', 2: 'QUOTE_SINGLE', 3: 'QUOTE_DOUBLE', 4: 'BLOCK_LITERAL', 5: 'BLOCK_FOLDED' };

interface Anchor {
  value: unknown;
  /** The anchored collection is not closed yet: an alias to it would be a cycle. */
  open: boolean;
  /** Aliases inside the anchored node: `yaml` multiplies alias counts through them. */
  hasAlias: boolean;
  aliases: number;
}

interface Frame {
  map: Record<string, unknown> | null;
  seq: unknown[] | null;
  node: FastMap | FastSeq | null;
  /** A map's key waiting for its value; undefined when the next event is a key. */
  key: string | undefined;
  /** Chunk offset just past the key waiting for its value. */
  keyEnd: number;
  anchor: Anchor | null;
  flow: boolean;
  /** Chunk offset just past the last child (for empty values and closing brackets). */
  cursor: number;
}

export interface Constructed {
  value: unknown;
  /** With `withNodes`: the node tree, offsets in the file (chunk offsets + `base`). */
  root: FastNode | null;
  /** Without `withNodes`: where each key of a block-mapping root begins (see RootKeys). */
  rootKeys?: RootKeys | null;
}

class Decline extends Error {}
const decline = (): never => {
  throw new Decline();
};

const hasOwn = Object.prototype.hasOwnProperty;

/** js-yaml's events for `src`, or null when js-yaml rejects it (a syntax error, or too deep). */
export function parseAllEvents(src: string): Event[] | null {
  try {
    return jsYaml().parseEvents(src, { maxDepth: MAX_DEPTH });
  } catch {
    return null; // `yaml` reports it, in its words
  }
}

/**
 * Builds the value of the document whose events are `events[from..to)` (a DOCUMENT event to its
 * POP). `src` is the text the offsets refer to, at offset `base` of the file. Null: declined.
 * Never throws for bad input.
 */
export function constructDocument(src: string, base: number, events: readonly Event[], from: number, to: number, withNodes: boolean): Constructed | null {
  try {
    return new Builder(src, base, withNodes).run(events, from, to);
  } catch (err) {
    if (err instanceof Decline || err instanceof RangeError) return null;
    throw err;
  }
}

/** The index of each DOCUMENT event, and events.length at the end. */
export function documentStarts(events: readonly Event[]): number[] {
  const starts: number[] = [];
  for (let i = 0; i < events.length; i++) if (events[i].type === DOCUMENT) starts.push(i);
  starts.push(events.length);
  return starts;
}

class Builder {
  private readonly stack: Frame[] = [];
  private readonly anchors = new Map<string, Anchor>();
  private root: { value: unknown; node: FastNode | null } | null = null;
  private rootKeys: RootKeys | null = null;
  private rootKeysOk = true;
  /** Chunk offsets of the key `name` in the root's `metadata` mapping, while its value is read. */
  private nameKey: [number, number] | null = null;

  constructor(
    private readonly src: string,
    private readonly base: number,
    private readonly withNodes: boolean,
  ) {}

  run(events: readonly Event[], from: number, to: number): Constructed | null {
    let documents = 0;
    for (let i = from; i < to; i++) {
      const ev = events[i];
      switch (ev.type) {
        case DOCUMENT:
          if (++documents > 1) decline();
          break;
        case MAPPING:
        case SEQUENCE:
          this.open(ev.type === MAPPING, ev.start, ev.anchorStart, ev.anchorEnd, ev.tagStart, ev.style === 2);
          break;
        case SCALAR:
          this.scalar(ev);
          break;
        case ALIAS:
          this.alias(ev.anchorStart, ev.anchorEnd);
          break;
        case POP:
          if (this.stack.length > 0) this.close();
          break;
      }
    }
    if (documents !== 1 || this.root === null || this.stack.length > 0) return null;
    const keys = this.rootKeysOk ? this.rootKeys : null;
    // Kept for the whole run: at their own length (see close()).
    if (keys) [keys.names, keys.starts] = [keys.names.slice(), keys.starts.slice()];
    return { value: this.root.value, root: this.root.node, rootKeys: keys };
  }

  private open(isMap: boolean, start: number, anchorStart: number, anchorEnd: number, tagStart: number, flow: boolean): void {
    if (tagStart !== -1) decline();
    // `[a: b]`, a single-pair mapping inside a flow sequence: js-yaml makes it without brackets.
    if (flow && isMap && this.src.charCodeAt(start) !== 123) decline();
    const parent = this.top();
    if (parent?.map && parent.key === undefined) decline(); // a collection as a key
    const map = isMap ? ({} as Record<string, unknown>) : null;
    const seq = isMap ? null : ([] as unknown[]);
    let node: FastMap | FastSeq | null = null;
    if (this.withNodes) {
      const at = this.base + start;
      node = map
        ? { kind: 'map', value: map, start: at, end: at, keys: [], keyStarts: [], keyEnds: [], values: [] }
        : { kind: 'seq', value: seq!, start: at, end: at, items: [] };
    }
    let anchor: Anchor | null = null;
    if (anchorStart !== -1) {
      anchor = { value: map ?? seq, open: true, hasAlias: false, aliases: 0 };
      this.anchors.set(this.src.slice(anchorStart, anchorEnd), anchor);
    }
    this.stack.push({ map, seq, node, key: undefined, keyEnd: start, anchor, flow, cursor: flow ? start + 1 : start });
  }

  private close(): void {
    const frame = this.stack.pop()!;
    if (frame.map && frame.key !== undefined) decline(); // a key without a value: js-yaml never emits one
    // A list grown by push has room for at least 17 items: 152 bytes for one port, kept as long
    // as the run (12 MB of the bench corpus's 60 MB were arrays). A value's copy at its own
    // length instead; the nodes, only made to find positions, are not kept.
    const value = frame.map ?? (this.withNodes ? frame.seq : frame.seq!.slice());
    if (frame.anchor) {
      frame.anchor.open = false;
      frame.anchor.value = value;
    }
    const node = frame.node;
    let end = frame.cursor;
    if (node) {
      const last = node.kind === 'map' ? node.values[node.values.length - 1] : node.items[node.items.length - 1];
      if (frame.flow) end = this.closingBracket(frame.cursor);
      node.end = frame.flow ? this.base + end : last ? last.end : node.start;
    }
    this.add(value, node, end);
  }

  private scalar(ev: ScalarEvent): void {
    if (ev.tagStart !== -1) decline();
    const parent = this.top();
    const empty = ev.valueStart === -1;
    const raw = empty ? '' : ev.fast ? this.src.slice(ev.valueStart, ev.valueEnd) : jsYaml().getScalarValue(this.src, ev);
    const value = ev.style === PLAIN ? (empty ? null : resolvePlain(raw)) : raw;
    if (parent?.map && parent.key === undefined) {
      this.key(parent, ev, value);
      return;
    }
    let node: FastScalar | null = null;
    let end = 0;
    if (!this.withNodes && !empty && this.stack.length === 2 && parent!.key === 'name' && this.stack[0].key === 'metadata') this.metadataName(ev);
    if (this.withNodes) {
      const [s, e] = empty ? this.emptyAt(parent) : this.scalarRange(ev);
      end = e;
      node = { kind: 'scalar', start: this.base + s, end: this.base + e, style: STYLES[ev.style], source: raw, value };
    }
    if (ev.anchorStart !== -1) this.anchors.set(this.src.slice(ev.anchorStart, ev.anchorEnd), { value, open: false, hasAlias: false, aliases: 0 });
    this.add(value, node, end);
  }

  private key(frame: Frame, ev: ScalarEvent, value: unknown): void {
    if (ev.anchorStart !== -1 || ev.valueStart === -1) decline();
    if (ev.valueEnd - ev.valueStart > MAX_KEY_LENGTH) decline();
    if (!ev.fast && ev.style <= DOUBLE_QUOTED && hasLineBreak(this.src, ev.valueStart, ev.valueEnd)) decline();
    if (ev.style > DOUBLE_QUOTED) decline(); // a block scalar as a key (`? |`)
    const key = value === null ? '' : typeof value === 'string' ? value : String(value);
    const map = frame.map!;
    // A value is never undefined (an empty one is null), so most keys are told new without hasOwn.
    if ((map[key] !== undefined && hasOwn.call(map, key)) || key === '__proto__') decline();
    frame.key = key;
    if (!this.withNodes && this.stack.length === 1) this.rootKey(frame, ev, key);
    if (!this.withNodes && this.stack.length === 2 && key === 'name' && this.stack[0].key === 'metadata') this.nameKey = this.scalarRange(ev);
    if (frame.node?.kind === 'map') {
      const [s, e] = this.scalarRange(ev);
      frame.keyEnd = e;
      frame.cursor = e;
      frame.node.keys.push(key);
      frame.node.keyStarts.push(this.base + s);
      frame.node.keyEnds.push(this.base + e);
    }
  }

  /** Records a key of the root mapping, or gives up on root keys when one is not at a line start. */
  private rootKey(frame: Frame, ev: ScalarEvent, key: string): void {
    if (!this.rootKeysOk) return;
    const s = this.scalarRange(ev)[0];
    const c = s === 0 ? 10 : this.src.charCodeAt(s - 1);
    if (frame.flow || (c !== 10 && c !== 13)) {
      this.rootKeysOk = false;
      return;
    }
    this.rootKeys ??= { names: [], starts: [] };
    this.rootKeys.names.push(key);
    this.rootKeys.starts.push(this.base + s);
  }

  /** Records where `metadata.name` and its key are (see RootKeys.name), when the root keys are recorded. */
  private metadataName(ev: ScalarEvent): void {
    if (!this.rootKeysOk || !this.rootKeys || !this.nameKey) return;
    const [start, end] = this.scalarRange(ev);
    const base = this.base;
    this.rootKeys.name = { keyStart: base + this.nameKey[0], keyEnd: base + this.nameKey[1], start: base + start, end: base + end };
  }

  private alias(anchorStart: number, anchorEnd: number): void {
    const parent = this.top();
    if (parent?.map && parent.key === undefined) decline(); // an alias as a key
    const anchor = this.anchors.get(this.src.slice(anchorStart, anchorEnd));
    if (!anchor || anchor.open || anchor.hasAlias || ++anchor.aliases > MAX_ALIASES_PER_ANCHOR) return decline();
    for (const f of this.stack) if (f.anchor) f.anchor.hasAlias = true;
    const start = anchorStart - 1;
    const node: FastNode | null = this.withNodes ? { kind: 'alias', start: this.base + start, end: this.base + anchorEnd, value: anchor.value } : null;
    this.add(anchor.value, node, anchorEnd);
  }

  /** Adds a finished node to the collection on top of the stack (or makes it the document's root). */
  private add(value: unknown, node: FastNode | null, end: number): void {
    const parent = this.top();
    if (!parent) {
      this.root = { value, node };
      return;
    }
    parent.cursor = end;
    if (parent.map) {
      parent.map[parent.key!] = value;
      parent.key = undefined;
      if (parent.node?.kind === 'map') parent.node.values.push(node!);
    } else {
      parent.seq!.push(value);
      if (parent.node?.kind === 'seq') parent.node.items.push(node!);
    }
  }

  private top(): Frame | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** Chunk offsets of a scalar as written: quotes included; a block scalar from its indicator to the end of its last line. */
  private scalarRange(ev: ScalarEvent): [number, number] {
    if (ev.style === PLAIN) return [ev.valueStart, ev.valueEnd];
    if (ev.style === SINGLE_QUOTED || ev.style === DOUBLE_QUOTED) return [ev.valueStart - 1, ev.valueEnd + 1];
    const src = this.src;
    // The header line ends just before valueStart; the indicator is the `|`/`>` that only
    // chomping/indentation indicators, spaces and a comment follow.
    let headerEnd = ev.valueStart;
    if (src.charCodeAt(headerEnd - 1) === 10) headerEnd--;
    if (src.charCodeAt(headerEnd - 1) === 13) headerEnd--;
    let lineStart = headerEnd;
    while (lineStart > 0 && src.charCodeAt(lineStart - 1) !== 10 && src.charCodeAt(lineStart - 1) !== 13) lineStart--;
    const m = /(?:^|[ \t])([|>])[1-9+-]{0,2}[ \t]*(?:#.*)?$/.exec(src.slice(lineStart, headerEnd));
    const start = m ? lineStart + m.index + m[0].indexOf(m[1]) : lineStart;
    let end = ev.valueEnd;
    if (ev.valueEnd <= ev.valueStart) end = headerEnd;
    else {
      if (src.charCodeAt(end - 1) === 10) end--;
      if (src.charCodeAt(end - 1) === 13) end--;
    }
    return [start, end];
  }

  /** Where an empty value is: just after its `:` (or its `- `), as `yaml` places it. */
  private emptyAt(parent: Frame | undefined): [number, number] {
    const src = this.src;
    if (!parent) return [0, 0];
    let i = parent.map ? parent.keyEnd : parent.cursor;
    if (parent.map) {
      while (src.charCodeAt(i) === 32 || src.charCodeAt(i) === 9) i++;
      if (src.charCodeAt(i) !== 58) return [parent.keyEnd, parent.keyEnd];
      i++;
      if (parent.flow) while (src.charCodeAt(i) === 32 || src.charCodeAt(i) === 9) i++;
      return [i, i];
    }
    if (parent.flow) return [i, i];
    i = skipBlank(this.src, i, false);
    return src.charCodeAt(i) === 45 ? [i + 1, i + 1] : [parent.cursor, parent.cursor];
  }

  /** Offset just past the `]`/`}` that closes a flow collection whose last child ends at `from`. */
  private closingBracket(from: number): number {
    const i = skipBlank(this.src, from, true);
    const c = this.src.charCodeAt(i);
    return c === 93 || c === 125 ? i + 1 : from;
  }
}
