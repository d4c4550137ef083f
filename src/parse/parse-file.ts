import type { Alias, Document, Node as YamlNode } from 'yaml';
import type { SourceFile } from '../load/source';
import { stageFinding, type PendingFinding } from '../findings';
import type { MessageOf } from '../rules/rule';
import duplicateKey from '../rules/duplicate-key';
import missingKind from '../rules/missing-kind';
import notAnObject from '../rules/not-an-object';
import yamlSyntax from '../rules/yaml-syntax';
import type { FieldPath, SourceRange } from '../types';
import { formatPath } from '../types';
import { ParsedDocument, type DocumentSource } from './document';
import { findExcessiveNesting, MAX_NESTING_DEPTH } from './nesting';
import { fastDocument, splitDocuments, type Chunk } from './fast-yaml';
import { FastDocumentSource } from './fast-document';
import { FileLines } from './lines';
import type { Manifest } from './manifest';
import { yamlLib } from './yaml-lib';
import { nonPlainValue } from './plain-values';

export interface ParsedFile {
  file: string;
  /** The documents `yaml` parsed (all of them without `fast`; the declined ones with it). */
  documents: ParsedDocument[];
  manifests: Manifest[];
  findings: PendingFinding[];
}

/** Aliases a document may expand before it is treated as a "billion laughs" attack. */
export const MAX_ALIAS_COUNT = 1000;

type YamlSyntaxMessage = MessageOf<typeof yamlSyntax.meta.messages>;

export interface ParseOptions {
  /**
   * Read each document with the fast path (fast-yaml/), and only the documents it declines
   * with `yaml`, each alone. Without it, `yaml` parses the whole file.
   */
  fast?: boolean;
}

/** Parses every YAML (or JSON) document of a file into manifests, reporting input problems as findings. */
export function parseSourceFile(source: SourceFile, options: ParseOptions = {}): ParsedFile {
  const out: ParsedFile = { file: source.path, documents: [], manifests: [], findings: [] };
  const text = source.text;
  const lines = new FileLines(text);
  const chunks = options.fast ? splitDocuments(text) : null;
  if (!chunks) {
    parseWithYaml(source, lines, { start: 0, end: text.length }, 0, out);
    return out;
  }
  // Document by document: one the fast path declines costs a `yaml` parse of that document only.
  chunks.forEach((chunk, index) => {
    const doc = fastDocument(text, chunk, false);
    if (!doc) parseWithYaml(source, lines, chunk, index, out);
    else if (doc.value !== null && doc.value !== undefined) collectObjects(new FastDocumentSource(source.path, index, text, chunk, lines), doc.value, [], out);
  });
  return out;
}

/**
 * Parses `part` of the file (the whole file, or one document of it) with `yaml`, numbering its
 * documents from `firstIndex`; positions are the file's.
 */
function parseWithYaml(source: SourceFile, lines: FileLines, part: Chunk, firstIndex: number, out: ParsedFile): void {
  const whole = part.start === 0 && part.end === source.text.length;
  const text = whole ? source.text : source.text.slice(part.start, part.end);
  const base = part.start;
  const deep = findExcessiveNesting(text);
  if (deep) {
    const at = lines.pos(base + deep.offset);
    const messageId = deep.kind === 'flow' ? 'nestedBrackets' : 'nestedIndentation';
    const range = { line: at.line, column: at.col, endLine: at.line, endColumn: at.col + 1 };
    out.findings.push(stageFinding(yamlSyntax, { messageId, data: { max: MAX_NESTING_DEPTH } }, source.path, range));
    return;
  }
  const { parseAllDocuments } = yamlLib();
  let docs: Document.Parsed[];
  try {
    // logLevel 'error': `yaml` would print warnings (e.g. about collection keys) on stderr
    // itself; svclab reports what matters as findings instead.
    docs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true, logLevel: 'error' }) as Document.Parsed[];
    if (!Array.isArray(docs)) docs = [docs];
  } catch (err) {
    const at = lines.pos(base);
    out.findings.push(stageFinding(yamlSyntax, crashMessage(err, 'file'), source.path, { line: at.line, column: at.col, endLine: at.line, endColumn: at.col }));
    return;
  }
  docs.forEach((doc, i) => readYamlDocument(source, new ParsedDocument(source.path, firstIndex + i, doc, lines, base), lines, out));
}

function readYamlDocument(source: SourceFile, parsed: ParsedDocument, lines: FileLines, out: ParsedFile): void {
  const doc = parsed.doc;
  out.documents.push(parsed);
  let broken = false;
  for (const e of doc.errors) {
    // After the first syntax error the parser is out of step and the errors that follow are
    // usually echoes of it (one tab gives three); report the first one only.
    if (broken && e.code !== 'DUPLICATE_KEY') continue;
    const [a, b] = e.pos;
    const range = parsed.rangeOfOffsets(a, b);
    if (e.code === 'DUPLICATE_KEY') {
      const key = keyTextAt(source.text, parsed.base + a);
      out.findings.push(stageFinding(duplicateKey, key ? { messageId: 'duplicate', data: { key } } : { messageId: 'duplicateUnreadable' }, source.path, range));
    } else {
      broken = true;
      out.findings.push(stageFinding(yamlSyntax, yamlError(e.code, e.message, lines.lineText(range.line).includes('{{')), source.path, range));
    }
  }
  if (broken) return;
  if (doc.contents === null || doc.contents === undefined) return; // empty document: skipped silently
  const template = templateKey(doc, source.text, parsed);
  if (template) {
    out.findings.push(stageFinding(yamlSyntax, { messageId: 'template' }, source.path, template));
    return;
  }
  const cycle = aliasCycle(doc);
  if (cycle) {
    const range = cycle.range ? parsed.rangeOfOffsets(cycle.range[0], cycle.range[1]) : parsed.documentRange();
    out.findings.push(stageFinding(yamlSyntax, { messageId: 'aliasCycle', data: { alias: cycle.source } }, source.path, range));
    return;
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const alias = unresolvedAlias(doc);
    const range = alias?.range ? parsed.rangeOfOffsets(alias.range[0], alias.range[1]) : parsed.documentRange();
    out.findings.push(stageFinding(yamlSyntax, alias ? { messageId: 'unresolvedAlias', data: { alias: alias.source } } : crashMessage(err, 'document'), source.path, range));
    return;
  }
  const odd = nonPlainValue(value);
  if (odd) {
    const node = parsed.nodeAt(odd.path);
    const tag = (node && tagOf(doc, odd.path)) || odd.what;
    out.findings.push(stageFinding(yamlSyntax, { messageId: 'nonPlainValue', data: { where: odd.path.length ? formatPath(odd.path) : 'the document', tag, what: odd.what } }, source.path, parsed.locate(odd.path)));
    return;
  }
  if (value === null || value === undefined) return;
  collectObjects(parsed, value, [], out);
}

function collectObjects(doc: DocumentSource, value: unknown, root: FieldPath, out: ParsedFile): void {
  // Only findings need the range: computing it for every object would force a fast document to re-parse.
  const rangeOf = () => (root.length ? doc.locate(root) : doc.documentRange());
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    out.findings.push(stageFinding(notAnObject, notAnObjectMessage(value, root), doc.file, rangeOf(), formatPath(root)));
    return;
  }
  const obj = value as Record<string, unknown>;
  const apiVersion = obj.apiVersion;
  const kind = obj.kind;
  const noApiVersion = typeof apiVersion !== 'string' || apiVersion === '';
  const noKind = typeof kind !== 'string' || kind === '';
  if (noApiVersion || noKind) {
    const messageId = noApiVersion && noKind ? 'both' : noApiVersion ? 'apiVersion' : 'kind';
    out.findings.push(stageFinding(missingKind, { messageId }, doc.file, rangeOf(), formatPath(root)));
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

/** Which not-an-object message fits a value that is not a mapping: a list, null or another scalar, as a document or a List item. */
function notAnObjectMessage(value: unknown, root: FieldPath): MessageOf<typeof notAnObject.meta.messages> {
  const path = formatPath(root);
  if (Array.isArray(value)) return root.length ? { messageId: 'itemList', data: { path } } : { messageId: 'documentList' };
  if (value === null) return { messageId: 'itemNull', data: { path } };
  const scalar = { type: typeof value, value: JSON.stringify(value).slice(0, 40) };
  return root.length ? { messageId: 'itemScalar', data: { ...scalar, path } } : { messageId: 'documentScalar', data: scalar };
}

/**
 * Where a mapping key is itself a collection written as `{{`: an unrendered template action
 * (`port: {{ .Values.port }}` reads as a mapping whose only key is a mapping). Kubernetes
 * objects never have collection keys, so this is never a false alarm on a manifest.
 */
function templateKey(doc: Document.Parsed, text: string, parsed: ParsedDocument): SourceRange | null {
  const { isCollection, visit } = yamlLib();
  let found: SourceRange | null = null;
  try {
    visit(doc, {
      Pair(_key, pair) {
        const key = pair.key as YamlNode | null;
        if (!isCollection(key) || !key.range) return undefined;
        // The key starts one character after the `{` of the value that holds it.
        const at = parsed.base + key.range[0];
        if (text[at] !== '{' || text[at - 1] !== '{') return undefined;
        found = parsed.rangeOfOffsets(key.range[0] - 1, key.range[1] + 1);
        return visit.BREAK;
      },
    });
  } catch {
    return null; // a tree too deep to walk was already reported by the nesting check
  }
  return found;
}

/** The first alias whose anchor does not precede it, if that is why the document cannot be read. */
function unresolvedAlias(doc: Document.Parsed): Alias | null {
  const { visit } = yamlLib();
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

/**
 * The first alias that points into the node its own anchor names (`a: &x [*x]`): `yaml`'s
 * Alias.resolve finds the anchor before the alias, the anchored node holds the alias, and
 * toJS() would build a value that contains itself, which every later stage walks forever.
 */
function aliasCycle(doc: Document.Parsed): Alias | null {
  const { visit } = yamlLib();
  let found: Alias | null = null;
  try {
    visit(doc, {
      Alias(_key, node) {
        const target = node.resolve(doc) as YamlNode | undefined;
        const at = node.range?.[0];
        if (target?.range && at !== undefined && at >= target.range[0] && at < target.range[2]) {
          found = node;
          return visit.BREAK;
        }
        return undefined;
      },
    });
  } catch {
    return null;
  }
  return found;
}

/** The explicit tag of the node at `path` (`!!timestamp`), shortened as written, or ''. */
function tagOf(doc: Document.Parsed, path: FieldPath): string {
  const node = doc.getIn(path, true) as { tag?: string } | undefined;
  const tag = node?.tag ?? '';
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

/** The text of the mapping key that starts at `offset` (plain or quoted), or '' if it cannot be read. */
function keyTextAt(text: string, offset: number): string {
  const lineEnd = text.indexOf('\n', offset);
  const rest = text.slice(offset, lineEnd < 0 ? undefined : lineEnd);
  const m = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:#{}[\],]+?)\s*:(?:\s|$)/.exec(rest);
  return m ? m[1].trim() : '';
}

const CRASH_MESSAGES = {
  file: { nesting: 'fileNesting', aliases: 'fileAliases', error: 'fileError' },
  document: { nesting: 'documentNesting', aliases: 'documentAliases', error: 'documentError' },
} as const;

/** Why the parser gave up on a whole file or a document: too deep, too many aliases, or the error's own first line. */
function crashMessage(err: unknown, what: keyof typeof CRASH_MESSAGES): YamlSyntaxMessage {
  const ids = CRASH_MESSAGES[what];
  if (err instanceof RangeError) return { messageId: ids.nesting };
  if (err instanceof ReferenceError && /alias count/i.test(err.message)) return { messageId: ids.aliases, data: { max: MAX_ALIAS_COUNT } };
  const msg = err instanceof Error ? err.message : String(err);
  return { messageId: ids.error, data: { problem: msg.split('\n')[0] } };
}

/** The yaml-syntax message for one of the `yaml` parser's errors, by its code; on a line with `{{`, the template variant. */
function yamlError(code: string, text: string, onTemplateLine: boolean): YamlSyntaxMessage {
  if (code === 'TAB_AS_INDENT') return { messageId: onTemplateLine ? 'tabsInTemplate' : 'tabs' };
  if (code === 'RESOURCE_EXHAUSTION') return { messageId: onTemplateLine ? 'tooDeepInTemplate' : 'tooDeep' };
  const data = { problem: text.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '') };
  if (onTemplateLine) return { messageId: 'syntaxInTemplate', data };
  switch (code) {
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return { messageId: 'syntaxIndent', data };
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return { messageId: 'syntaxKey', data };
    default:
      return { messageId: 'syntax', data };
  }
}
