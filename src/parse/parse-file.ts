import type { SourceFile } from '../load/source';
import type { PendingFinding } from '../findings';
import type { DocumentSource, ParsedDocument } from './document';
import { collectObjects } from './collect';
import { MAX_ALIAS_COUNT, parseWithYaml } from './yaml-path';
import { fastDocuments, splitDocuments, type Chunk } from './fast-yaml';
import { FastDocumentSource } from './fast-document';
import { FileLines } from './lines';
import type { Manifest } from './manifest';

export interface ParsedFile {
  file: string;
  /** The documents `yaml` parsed (all of them without `fast`; the declined ones with it). */
  documents: ParsedDocument[];
  manifests: Manifest[];
  findings: PendingFinding[];
}

export { MAX_ALIAS_COUNT };

export interface ParseOptions {
  /**
   * Read each document with the fast path (fast-yaml/), and only the documents it declines
   * with `yaml`, each alone. Without it, `yaml` parses the whole file.
   */
  fast?: boolean;
  /**
   * Parse each document alone, as kubectl's YAML reader splits a stream at its `---` lines
   * (default: with `fast`). Without `fast`, every document goes to `yaml`: the reference the
   * differential tests compare the fast path with, document by document.
   */
  split?: boolean;
}

/** Parses every YAML (or JSON) document of a file into manifests, reporting input problems as findings. */
export function parseSourceFile(source: SourceFile, options: ParseOptions = {}): ParsedFile {
  const out: ParsedFile = { file: source.path, documents: [], manifests: [], findings: [] };
  const text = source.text;
  const lines = new FileLines(text);
  const chunks = options.split ?? options.fast ? splitDocuments(text) : null;
  if (!chunks) {
    parseWithYaml(source, lines, { start: 0, end: text.length }, 0, out);
    return out;
  }
  // Document by document: one the fast path declines costs a `yaml` parse of that document only.
  const values = options.fast ? fastDocuments(text, chunks) : chunks.map(() => null);
  chunks.forEach((chunk, index) => {
    const doc = values[index];
    if (!doc) parseWithYaml(source, lines, chunk, index, out);
    else if (doc.value !== null && doc.value !== undefined) collectObjects(new FastDocumentSource(source.path, index, text, chunk, lines, doc.rootKeys), doc.value, [], out);
  });
  return out;
}

/**
 * Finds one document of a file again, for positions, without parsing the rest of the file:
 * used for the documents a worker thread parsed (only the values cross threads).
 */
export class DocumentLocator {
  private chunks: Chunk[] | null | undefined;
  private readonly lines: FileLines;
  private whole: ParsedFile | undefined;

  constructor(private readonly source: SourceFile) {
    this.lines = new FileLines(source.text);
  }

  document(index: number): DocumentSource {
    this.chunks ??= splitDocuments(this.source.text);
    const chunk = this.chunks?.[index];
    const fast = chunk ? fastDocuments(this.source.text, [chunk])[0] : null;
    if (chunk && fast) return new FastDocumentSource(this.source.path, index, this.source.text, chunk, this.lines, fast.rootKeys);
    // Declined by the fast path (or a file `yaml` reads whole): as parseSourceFile read it.
    const out: ParsedFile = { file: this.source.path, documents: [], manifests: [], findings: [] };
    if (chunk) parseWithYaml(this.source, this.lines, chunk, index, out);
    else out.documents = (this.whole ??= parseSourceFile(this.source)).documents;
    const doc = out.documents.find((d) => d.index === index);
    if (!doc) throw new Error(`cannot find document ${index} of ${this.source.path} again`);
    return doc;
  }
}

