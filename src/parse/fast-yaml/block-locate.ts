/**
 * Where a path's node is in a document the block reader (block.ts) takes, found by reading the
 * text again with the reader following the path: no node tree, no event parser. The answer is
 * construct.ts's node tree walked as fast-document.ts walks it (the deepest node the path
 * reaches, the key it was reached by, its range), or null where the reader does not repeat
 * construct.ts's range for that node (a block or multi-line scalar, an anchored node or an alias,
 * a flow collection, an empty sequence item, a collection ending in one of them): the caller
 * then asks the event path. test/parse/block-locate.test.ts compares the two on every path of
 * every corpus and on fuzzed documents.
 *
 * Why: a finding not on `metadata.name` was located by parsing its root entry with the event
 * path and building its nodes: 882 entries, about 200 ms of the published corpus's 2.7 s.
 */
import type { FieldPath } from '../../types';
import { BlockReader } from './block';
import { Decline } from './block-scalars';

/** The path being followed, and what of it the reader has met. */
export class Want {
  /** How many segments of the path the collections being read match: the one at this depth is on it. */
  private on = 0;
  /** How many segments the deepest node met so far matches. */
  depth = 0;
  /** The key that node was reached by (null: a sequence item). */
  keyAt: [number, number] | null = null;
  /** Its range, -1 when not known. */
  start = -1;
  end = -1;

  constructor(private readonly path: FieldPath) {}

  /** Whether entry `seg` (a key, or a sequence index) of the collection at `depth` is on the path; if so, it is entered. */
  enter(depth: number, seg: string | number, keyFrom: number, keyTo: number): boolean {
    if (depth !== this.on || depth >= this.path.length) return false;
    const want = this.path[depth];
    if (typeof seg === 'number' ? want !== seg : String(want) !== seg) return false;
    this.on = depth + 1;
    this.depth = depth + 1;
    this.keyAt = keyFrom < 0 ? null : [keyFrom, keyTo];
    return true;
  }

  /**
   * The entry entered at `depth` was read: its node's range. When that is the deepest node met,
   * reading stops: nothing after it can go deeper (keys are unique), and its range is settled
   * (the reader has seen the line after it).
   */
  leave(depth: number, start: number, end: number): void {
    this.on = depth;
    if (this.depth === depth + 1) {
      this.start = start;
      this.end = end;
      throw STOP;
    }
  }
}

/** Thrown by leave() to end the reading (one object: an Error would capture a stack each time). */
const STOP = Object.freeze({ stop: true });

export interface BlockLocated {
  depth: number;
  keyAt: [number, number] | null;
  start: number;
  end: number;
}

/** Whether text[start, end) holds a byte order mark or a lone CR, which the block reader's callers decline. */
function oddBreaks(text: string, start: number, end: number): boolean {
  const bom = text.indexOf('\uFEFF', start);
  if (bom >= 0 && bom < end) return true;
  for (let i = text.indexOf('\r', start); i >= 0 && i < end; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) return true;
  return false;
}

/**
 * The node `path` reaches in the block mapping at text[start, end) (a document, or one of its
 * root entries), or null when the reader declines the text, the path reaches no entry of the
 * root, or the node's range is not one the reader repeats.
 */
export function blockLocate(text: string, start: number, end: number, path: FieldPath): BlockLocated | null {
  if (path.length === 0 || oddBreaks(text, start, end)) return null;
  const want = new Want(path);
  const reader = new BlockReader(text, end);
  reader.want = want;
  try {
    reader.document(start);
  } catch (err) {
    if (err instanceof Decline) return null;
    if (err !== STOP) throw err;
  }
  if (want.depth === 0 || want.start < 0) return null;
  return { depth: want.depth, keyAt: want.keyAt, start: want.start, end: want.end };
}
