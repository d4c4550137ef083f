/**
 * The fast YAML path, one document at a time (chunks.ts), in two readers: the block reader
 * (block.ts), which reads the common shape of a manifest in one pass straight into values, and
 * the event path for the documents it declines: js-yaml's event parser (all of YAML 1.2, offsets
 * for every node) and a construction step with `yaml`'s semantics (construct.ts). Node trees for
 * positions come from the event path (the block reader follows one path, block-locate.ts). A document both decline is parsed by `yaml`
 * instead (parse-file.ts), alone.
 *
 * Why js-yaml: measured on the same texts, its event parser plus this construction runs at
 * about 0.07x of `yaml`'s parse + toJS(), as fast as the hand-written subset parser it
 * replaced, and it reads everything manifests are written in (multi-line plain and quoted
 * scalars, block scalars anywhere, anchors, CRLF, no final newline), where the subset parser
 * sent whole files to `yaml`. `yaml` stays for what it does best: error recovery and messages
 * on broken documents, and the reference the differential tests compare with. The block reader
 * is a subset reader again, but one that declines a document, not a file, and to the event path,
 * not to `yaml`: on the bench corpus it cut a lint's CPU by about 29 % (block.ts says why), and
 * taking folded strings and anchors too cut the Helm-style corpus's by about 25 %.
 *
 * The promise: a document's value equals `yaml`'s toJS() with the YAML 1.2 core schema, or the
 * document is declined. test/parse/fast-yaml.test.ts (event path) and fast-block.test.ts (block
 * reader) check it on every corpus and by fuzzing.
 */
import type { Event } from 'js-yaml';
import { constructDocument, documentStarts, parseAllEvents, type RootKeys } from './construct';
import { splitDocuments, type Chunk } from './chunks';
import { blockDocument } from './block';
import type { FastDocument } from './nodes';

export type { FastAlias, FastDocument, FastMap, FastNode, FastScalar, FastSeq, ScalarStyle } from './nodes';
export type { Chunk } from './chunks';
export type { RootKeys } from './construct';
export { splitDocuments } from './chunks';
export { resolvePlain } from './scalars';

/**
 * Offsets of what `yaml` treats in ways the fast path does not reproduce: a byte order mark, a
 * lone CR line break, and indentation on the very first line of the stream (js-yaml counts it as
 * column 0 there, so an indented `---` or mapping on line 1 reads differently). Found in one
 * pass per text: searching from each document to the end of the file was quadratic.
 */
function unsupportedOffsets(text: string): number[] {
  const out: number[] = [];
  if (text.charCodeAt(0) === 32 || text.charCodeAt(0) === 9) out.push(0);
  for (let i = text.indexOf('\uFEFF'); i >= 0; i = text.indexOf('\uFEFF', i + 1)) out.push(i);
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) out.push(i);
  return out.sort((x, y) => x - y);
}

/** Whether a sorted list of offsets has one in [from, to). */
function anyIn(offsets: readonly number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < offsets.length && offsets[lo] < to;
}

export interface FastValue {
  value: unknown;
  /** With `withNodes`: the document's node tree, with file offsets. */
  root: FastDocument['root'] | null;
  /** Without `withNodes`: the root mapping's keys and where they begin, when every one is at a line start. */
  rootKeys?: RootKeys | null;
}

/**
 * The value of one document (a chunk of `text`), or null when the fast path declines it.
 * With `withNodes`, also its node tree with file offsets (for positions).
 */
export function fastDocument(text: string, chunk: Chunk, withNodes: boolean): FastValue | null {
  const src = chunk.start === 0 && chunk.end === text.length ? text : text.slice(chunk.start, chunk.end);
  const odd = unsupportedOffsets(src);
  if (odd.length > 0 && (chunk.start === 0 || odd[0] !== 0 || anyIn(odd, 1, src.length))) return null;
  const events = parseAllEvents(src);
  if (!events) return null;
  const starts = documentStarts(events);
  if (starts.length !== 2) return null;
  return constructDocument(src, chunk.start, events, starts[0], starts[1], withNodes);
}

/**
 * js-yaml's events are parsed for this much text at a time (whole documents): all the events of
 * a 50 MB file at once took about 400 MB, and a document's events are dropped once its value is
 * built. Small, because a batch's events (~100 bytes each, one per node) stay alive until its
 * values are built: with 1 M characters a batch, ~11 MB of events outlived every young-generation
 * collection and were copied and promoted (parsing the 50 MB file's events: 3.1 s at 1 M
 * characters, 1.3 s at 128 K, 0.97 s at 32 K, 1.0 s at 8 K). Smaller files are one batch.
 */
export const BATCH_CHARS = 1 << 15;

/**
 * The chunks from[from, to) of `text` in batches of about BATCH_CHARS characters. A batch begins
 * where a chunk begins with neither a space nor a tab: js-yaml reads the first line of its input
 * as column 0, so a batch read from there gives the events a parse of the whole file gives
 * (documents are independent in YAML: anchors and the `---` split end at document boundaries).
 */
function batches(text: string, chunks: readonly Chunk[], from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let first = from;
  for (let i = from + 1; i < to; i++) {
    if (chunks[i].start - chunks[first].start < BATCH_CHARS) continue;
    const c = text.charCodeAt(chunks[i].start);
    if (c === 32 || c === 9) continue;
    out.push([first, i]);
    first = i;
  }
  out.push([first, to]);
  return out;
}

/**
 * The values of every chunk of `text` (null where declined). Each document is read first by the
 * block reader (block.ts: the common shape, in one pass); the runs of documents it declines go
 * to js-yaml's events, one parse per batch of documents (the whole run, unless it is large) when
 * it reads the batch and finds the same documents as the chunks; otherwise (a syntax error
 * somewhere) one parse per document of that batch, so that one broken document costs only itself.
 */
export function fastDocuments(text: string, chunks: readonly Chunk[]): Array<FastValue | null> {
  const out: Array<FastValue | null> = new Array<FastValue | null>(chunks.length).fill(null);
  const odd = unsupportedOffsets(text);
  let run = -1; // the first of the chunks the block reader declined, since the last it read
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i];
    const block = anyIn(odd, chunk.start, chunk.end) ? null : blockDocument(text, chunk.start, chunk.end);
    if (block) {
      out[i] = { value: block.value, root: null, rootKeys: block.rootKeys };
      if (run >= 0) eventDocuments(text, chunks, run, i, odd, out);
      run = -1;
    } else if (run < 0) run = i;
  }
  if (run >= 0) eventDocuments(text, chunks, run, chunks.length, odd, out);
  return out;
}

/** Reads chunks[from, to) with js-yaml's events into `out` (see fastDocuments). */
function eventDocuments(text: string, chunks: readonly Chunk[], from: number, to: number, odd: readonly number[], out: Array<FastValue | null>): void {
  if (to - from === 1) {
    out[from] = fastDocument(text, chunks[from], false);
    return;
  }
  for (const [a, b] of batches(text, chunks, from, to)) {
    const base = chunks[a].start;
    const end = b === chunks.length ? chunks[b - 1].end : chunks[b].start;
    const src = base === 0 && end === text.length ? text : text.slice(base, end);
    const events: Event[] | null = parseAllEvents(src);
    const starts = events ? documentStarts(events) : null;
    if (!events || !starts || starts.length !== b - a + 1) {
      for (let i = a; i < b; i++) out[i] = fastDocument(text, chunks[i], false);
      continue;
    }
    for (let i = a; i < b; i++) out[i] = anyIn(odd, chunks[i].start, chunks[i].end) ? null : constructDocument(src, base, events, starts[i - a], starts[i - a + 1], false);
  }
}

/**
 * Every document of `text` with its node tree, or null when any document is declined (the
 * whole-file form, for tests and tools; the parse stage goes document by document).
 */
export function fastParse(text: string): FastDocument[] | null {
  const chunks = splitDocuments(text);
  if (!chunks) return null;
  const docs: FastDocument[] = [];
  for (const chunk of chunks) {
    const doc = fastDocument(text, chunk, true);
    if (!doc || !doc.root) return null;
    docs.push({ root: doc.root, value: doc.value, start: doc.root.start });
  }
  return docs;
}
