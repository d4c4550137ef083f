/**
 * Anchors and aliases for the block reader (block.ts), with construct.ts's rules: an alias is the
 * anchored value itself (the same object, as `yaml`'s `Alias.toJS` returns it); declined are an
 * alias to an anchor not yet defined, or still open (a cycle), or whose node holds aliases itself
 * (`yaml` multiplies alias counts through them), and more than MAX_ALIASES_PER_ANCHOR aliases of
 * one anchor (`yaml`'s maxAliasCount).
 */
import { decline } from './block-scalars';
import { MAX_ALIASES_PER_ANCHOR } from './nodes';

interface Anchor {
  value: unknown;
  open: boolean;
  hasAlias: boolean;
  aliases: number;
}

/** Characters an anchor name may hold here: ASCII letters, digits, `-`, `_`, `.` (others go to the event path). */
const NAME = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const s = String.fromCharCode(c);
  if (/[A-Za-z0-9_.-]/.test(s)) NAME[c] = 1;
}

/**
 * The end of the anchor or alias name that starts at `p` (after `&` or `*`), which a space or the
 * line's end must follow.
 */
export function nameEnd(t: string, p: number, lineEnd: number): number {
  let q = p;
  for (let c = t.charCodeAt(q); q < lineEnd && c < 128 && NAME[c] === 1; c = t.charCodeAt(++q));
  if (q === p || (q < lineEnd && t.charCodeAt(q) !== 32)) decline();
  return q;
}

/** A document's anchors (`yaml` knows an anchor in its own document only). */
export class Anchors {
  private readonly byName = new Map<string, Anchor>();
  /** Anchored nodes being read, outermost first. */
  private readonly open: Anchor[] = [];

  /** An anchor defined where its node starts: an alias inside the node is a cycle. */
  begin(name: string): void {
    const anchor: Anchor = { value: null, open: true, hasAlias: false, aliases: 0 };
    this.byName.set(name, anchor);
    this.open.push(anchor);
  }

  /** The node of the innermost open anchor is read: `value`. */
  end(value: unknown): void {
    const anchor = this.open.pop()!;
    anchor.open = false;
    anchor.value = value;
  }

  /** The value an alias stands for. */
  alias(name: string): unknown {
    const anchor = this.byName.get(name);
    if (!anchor || anchor.open || anchor.hasAlias || ++anchor.aliases > MAX_ALIASES_PER_ANCHOR) return decline();
    for (const a of this.open) a.hasAlias = true;
    return anchor.value;
  }
}
