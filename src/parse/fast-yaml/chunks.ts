/**
 * Splits a YAML stream into its documents without parsing them, so that each document can be
 * parsed (and, when the fast path declines it, handed to `yaml`) on its own.
 *
 * YAML makes this a matter of lines: a line that starts with `---` or `...` followed by a space,
 * a tab or the line end is a document marker wherever it appears (YAML 1.2 production
 * c-forbidden: it ends any scalar or collection that was open). The chunks number the documents
 * the way `yaml`'s parseAllDocuments does: a document starts at `---` or at its first content;
 * comment lines before it belong to it; comment lines after the last document belong to the last
 * one; a stream of comments only has no document.
 *
 * `null` means "parse the whole stream with `yaml`": directives (`%YAML`, `%TAG`, which belong to
 * the document after them) and `...` markers outside a document, or followed by content before
 * the next `---` (a bare document), which `yaml` numbers in ways not worth reproducing here.
 */
export interface Chunk {
  /** Offset of the chunk's first character in the file. */
  start: number;
  /** Offset just past the chunk's last character. */
  end: number;
}

const DASH = 45;
const DOT = 46;
const PERCENT = 37;
const HASH = 35;

/** Whether the line at `ls` (ending at `nl`) is a `---` or `...` marker made of `c`. */
function isMarker(text: string, ls: number, nl: number, c: number): boolean {
  if (text.charCodeAt(ls + 1) !== c || text.charCodeAt(ls + 2) !== c) return false;
  if (ls + 3 >= nl) return ls + 3 === nl;
  const after = text.charCodeAt(ls + 3);
  return after === 32 || after === 9 || after === 13;
}

/** Whether the line holds anything but spaces, tabs and a comment. */
function hasContent(text: string, ls: number, nl: number): boolean {
  for (let i = ls; i < nl; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13) continue;
    return c !== HASH;
  }
  return false;
}

export function splitDocuments(text: string): Chunk[] | null {
  const chunks: Chunk[] = [];
  const n = text.length;
  let start = 0;
  /** The current chunk holds a document (a `---` marker or content). */
  let open = false;
  /** The current chunk ended with `...`: only comments may follow before the next `---`. */
  let ended = false;
  for (let ls = 0; ls < n; ) {
    let nl = text.indexOf('\n', ls);
    if (nl < 0) nl = n;
    const c = text.charCodeAt(ls);
    if (c === DASH && isMarker(text, ls, nl, DASH)) {
      if (open) {
        chunks.push({ start, end: ls });
        start = ls;
      }
      open = true;
      ended = false;
    } else if (c === DOT && isMarker(text, ls, nl, DOT)) {
      if (!open || ended) return null;
      ended = true;
    } else if (c === PERCENT) {
      return null;
    } else if ((!open || ended) && hasContent(text, ls, nl)) {
      if (ended) return null;
      open = true;
    }
    ls = nl + 1;
  }
  if (open) chunks.push({ start, end: n });
  else if (chunks.length > 0) chunks[chunks.length - 1].end = n;
  return chunks;
}
