import { isCollection, LineCounter, parseAllDocuments, visit, type Alias, type Document, type Node as YamlNode } from 'yaml';
import type { SourceFile } from '../load/source';
import { stageFinding, type PendingFinding } from '../findings';
import type { MessageOf } from '../rules/rule';
import missingKind from '../rules/missing-kind';
import notAnObject from '../rules/not-an-object';
import yamlSyntax from '../rules/yaml-syntax';
import type { FieldPath, SourceRange } from '../types';
import { formatPath } from '../types';
import { ParsedDocument, type DocumentSource } from './document';
import { duplicateKeyFinding, type DuplicateKeyError } from './duplicate-key';
import { findExcessiveNesting, MAX_NESTING_DEPTH, positionOf } from './nesting';
import { fastParse, type FastDocument } from './fast-yaml';
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

type YamlSyntaxMessage = MessageOf<typeof yamlSyntax.meta.messages>;

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
      // Keep only the values. The node trees (positions) are rebuilt by parsing the file again
      // when a finding first needs one: most files have none, and retaining every node of a
      // large input doubles its memory and the garbage collector's work.
      const text = source.text;
      let again: { docs: FastDocument[]; lines: LineIndex } | undefined;
      const reparse = () => (again ??= { docs: fastParse(text) ?? [], lines: new LineIndex(text) });
      fast.forEach((doc, index) => {
        if (doc.value === null || doc.value === undefined) return;
        const lazy = () => ({ doc: reparse().docs[index], lines: reparse().lines });
        collectObjects(new FastDocumentSource(source.path, index, lazy), doc.value, [], out);
      });
      return out;
    }
  }
  const deep = findExcessiveNesting(source.text);
  if (deep) {
    const at = positionOf(source.text, deep.offset);
    const messageId = deep.kind === 'flow' ? 'nestedBrackets' : 'nestedIndentation';
    const range = { line: at.line, column: at.column, endLine: at.line, endColumn: at.column + 1 };
    out.findings.push(stageFinding(yamlSyntax, { messageId, data: { max: MAX_NESTING_DEPTH } }, source.path, range));
    return out;
  }
  const lineCounter = new LineCounter();
  let docs: Document.Parsed[];
  try {
    // logLevel 'error': `yaml` would print warnings (e.g. about collection keys) on stderr
    // itself; svclab reports what matters as findings instead.
    docs = parseAllDocuments(source.text, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' }) as Document.Parsed[];
    if (!Array.isArray(docs)) docs = [docs];
  } catch (err) {
    out.findings.push(stageFinding(yamlSyntax, crashMessage(err, 'file'), source.path, START));
    return out;
  }

  const duplicates: DuplicateKeyError[] = [];
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
        // Reported once the objects are collected, so that the finding names its object.
        duplicates.push({ parsed, offset: a, range });
      } else {
        broken = true;
        out.findings.push(stageFinding(yamlSyntax, yamlError(e.code, e.message, hasTemplateSyntax(source.text, range.line)), source.path, range));
      }
    }
    if (broken) return;
    if (doc.contents === null || doc.contents === undefined) return; // empty document: skipped silently
    const template = templateKey(doc, source.text, parsed);
    if (template) {
      out.findings.push(stageFinding(yamlSyntax, { messageId: 'template' }, source.path, template));
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
    if (value === null || value === undefined) return;
    collectObjects(parsed, value, [], out);
  });
  for (const d of duplicates) out.findings.push(duplicateKeyFinding(d, source.text, out.manifests));
  return out;
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

/** Whether line `line` (1-based) of the text holds `{{`, the opening of a Go template action. */
function hasTemplateSyntax(text: string, line: number): boolean {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', start);
    if (nl === -1) return false;
    start = nl + 1;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? undefined : end).includes('{{');
}

/**
 * Where a mapping key is itself a collection written as `{{`: an unrendered template action
 * (`port: {{ .Values.port }}` reads as a mapping whose only key is a mapping). Kubernetes
 * objects never have collection keys, so this is never a false alarm on a manifest.
 */
function templateKey(doc: Document.Parsed, text: string, parsed: ParsedDocument): SourceRange | null {
  let found: SourceRange | null = null;
  try {
    visit(doc, {
      Pair(_key, pair) {
        const key = pair.key as YamlNode | null;
        if (!isCollection(key) || !key.range) return undefined;
        // The key starts one character after the `{` of the value that holds it.
        const at = key.range[0];
        if (text[at] !== '{' || text[at - 1] !== '{') return undefined;
        found = parsed.rangeOfOffsets(at - 1, key.range[1] + 1);
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
