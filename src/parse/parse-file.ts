import { LineCounter, parseAllDocuments, visit, type Alias, type Document } from 'yaml';
import type { SourceFile } from '../load/source';
import type { PendingFinding } from '../findings';
import type { FieldPath, SourceRange } from '../types';
import { formatPath } from '../types';
import { ParsedDocument, type DocumentSource } from './document';
import { fastParse } from './fast-yaml';
import { FastDocumentSource, LineIndex } from './fast-document';
import type { Manifest } from './manifest';

export interface ParsedFile {
  file: string;
  documents: ParsedDocument[];
  manifests: Manifest[];
  findings: PendingFinding[];
}

/** Aliases a document may expand before it is treated as a "billion laughs" attack. */
export const MAX_ALIAS_COUNT = 1000;

const START: SourceRange = { line: 1, column: 1, endLine: 1, endColumn: 1 };

function fileFinding(file: string, ruleId: string, message: string, hint: string, range: SourceRange = START): PendingFinding {
  return { ruleId, message, hint, file, range, object: null, path: '', related: [], manifest: null };
}

export interface ParseOptions {
  /**
   * Try the fast path for plain manifest YAML first (see fast-yaml.ts). Its documents are not
   * `yaml` Documents, so `ParsedFile.documents` stays empty when it is taken.
   */
  fast?: boolean;
}

/** Parses every YAML (or JSON) document of a file into manifests, reporting input problems as findings. */
export function parseSourceFile(source: SourceFile, options: ParseOptions = {}): ParsedFile {
  const out: ParsedFile = { file: source.path, documents: [], manifests: [], findings: [] };
  if (options.fast) {
    const fast = fastParse(source.text);
    if (fast) {
      const lines = new LineIndex(source.text);
      fast.forEach((doc, index) => {
        if (doc.value === null || doc.value === undefined) return;
        collectObjects(new FastDocumentSource(source.path, index, doc, lines), doc.value, [], out);
      });
      return out;
    }
  }
  const lineCounter = new LineCounter();
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(source.text, { lineCounter, prettyErrors: false, uniqueKeys: true }) as Document.Parsed[];
    if (!Array.isArray(docs)) docs = [docs];
  } catch (err) {
    out.findings.push(fileFinding(source.path, 'yaml-syntax', `the file cannot be parsed: ${describeCrash(err)}`, 'Check the YAML structure; deeply nested or huge documents are not supported.'));
    return out;
  }

  docs.forEach((doc, index) => {
    const parsed = new ParsedDocument(source.path, index, doc, lineCounter);
    out.documents.push(parsed);
    let broken = false;
    for (const e of doc.errors) {
      // After the first syntax error the parser is out of step and the errors that follow are
      // usually echoes of it (one tab gives three); report the first one only.
      if (broken && e.code !== 'DUPLICATE_KEY') continue;
      const [a, b] = e.pos;
      const range = parsed.rangeOfOffsets(a, b);
      if (e.code === 'DUPLICATE_KEY') {
        out.findings.push(fileFinding(source.path, 'duplicate-key', 'this mapping key appears more than once; kubectl rejects the document ("mapping key already defined")', 'Remove or merge the repeated key; only one value can win.', range));
      } else {
        broken = true;
        out.findings.push(fileFinding(source.path, 'yaml-syntax', yamlErrorMessage(e.code, e.message), yamlErrorHint(e.code), range));
      }
    }
    if (broken) return;
    if (doc.contents === null || doc.contents === undefined) return; // empty document: skipped silently

    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      const alias = unresolvedAlias(doc);
      const range = alias?.range ? parsed.rangeOfOffsets(alias.range[0], alias.range[1]) : parsed.documentRange();
      const message = alias ? `the alias *${alias.source} has no anchor &${alias.source} before it` : `the document cannot be read: ${describeCrash(err)}`;
      out.findings.push(fileFinding(source.path, 'yaml-syntax', message, 'Replace the aliases (*name) with plain values, or make sure each alias has an anchor (&name) before it.', range));
      return;
    }
    if (value === null || value === undefined) return;
    collectObjects(parsed, value, [], out);
  });
  return out;
}

function collectObjects(doc: DocumentSource, value: unknown, root: FieldPath, out: ParsedFile): void {
  const range = root.length ? doc.locate(root) : doc.documentRange();
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const what = Array.isArray(value) ? 'a list' : `a ${typeof value === 'string' ? 'string' : typeof value} (${JSON.stringify(value).slice(0, 40)})`;
    out.findings.push({
      ...fileFinding(doc.file, 'not-an-object', `${root.length ? `item ${formatPath(root)}` : 'this document'} is ${what}, not a Kubernetes object`, 'A manifest document must be a mapping with apiVersion, kind and metadata; put list items under `kind: List` and `items:`.', range),
      path: formatPath(root),
    });
    return;
  }
  const obj = value as Record<string, unknown>;
  const apiVersion = obj.apiVersion;
  const kind = obj.kind;
  if (typeof apiVersion !== 'string' || apiVersion === '' || typeof kind !== 'string' || kind === '') {
    const missing = [typeof apiVersion !== 'string' || apiVersion === '' ? 'apiVersion' : '', typeof kind !== 'string' || kind === '' ? 'kind' : '']
      .filter(Boolean)
      .join(' and ');
    out.findings.push({
      ...fileFinding(doc.file, 'missing-kind', `this object has no ${missing}, so Kubernetes cannot tell what it is`, 'Add `apiVersion:` and `kind:` at the top of the object, e.g. `apiVersion: v1` and `kind: Service`.', range),
      path: formatPath(root),
    });
    return;
  }
  if (kind.endsWith('List') && Array.isArray(obj.items)) {
    obj.items.forEach((item, i) => collectObjects(doc, item, [...root, 'items', i], out));
    return;
  }
  const metadata = typeof obj.metadata === 'object' && obj.metadata !== null ? (obj.metadata as Record<string, unknown>) : {};
  out.manifests.push({
    file: doc.file,
    docIndex: doc.index,
    root,
    value: obj,
    apiVersion,
    kind,
    name: typeof metadata.name === 'string' ? metadata.name : '',
    namespace: typeof metadata.namespace === 'string' ? metadata.namespace : '',
    source: doc,
  });
}

/** The first alias whose anchor does not precede it, if that is why the document cannot be read. */
function unresolvedAlias(doc: Document.Parsed): Alias | null {
  let found: Alias | null = null;
  try {
    visit(doc, {
      Alias(_key, node) {
        if (node.resolve(doc) === undefined) {
          found = node;
          return visit.BREAK;
        }
        return undefined;
      },
    });
  } catch {
    return null; // a tree too deep to walk: the caller falls back to the document start
  }
  return found;
}

function describeCrash(err: unknown): string {
  if (err instanceof RangeError) return 'it is nested too deeply';
  if (err instanceof ReferenceError && /alias count/i.test(err.message)) {
    return `it expands more than ${MAX_ALIAS_COUNT} aliases, the pattern of a "billion laughs" attack`;
  }
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n')[0];
}

function yamlErrorMessage(code: string, message: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  if (code === 'TAB_AS_INDENT') return 'tabs are not allowed for indentation in YAML';
  return `YAML syntax error: ${first}`;
}

function yamlErrorHint(code: string): string {
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'Indent with spaces; YAML forbids tab characters in indentation.';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'Check the indentation and closing brackets around this line.';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'A `key: value` line seems to be missing its colon or is indented wrongly.';
    default:
      return 'Fix the YAML syntax at this position; `kubectl apply` rejects the whole file.';
  }
}
