import type { Alias, Document, Node as YamlNode } from 'yaml';
import type { SourceFile } from '../load/source';
import { stageFinding } from '../findings';
import type { MessageOf } from '../rules/rule';
import yamlSyntax from '../rules/yaml-syntax';
import type { FieldPath, SourceRange } from '../types';
import { formatPath } from '../types';
import { ParsedDocument } from './document';
import { duplicateKeyFinding, type DuplicateKeyError } from './duplicate-key';
import { findExcessiveNesting, MAX_NESTING_DEPTH } from './nesting';
import type { Chunk } from './fast-yaml';
import type { FileLines } from './lines';
import type { ParsedFile } from './parse-file';
import { collectObjects } from './collect';
import { yamlLib } from './yaml-lib';
import { nonPlainValue } from './plain-values';

/** Aliases a document may expand before it is treated as a "billion laughs" attack. */
export const MAX_ALIAS_COUNT = 1000;

type YamlSyntaxMessage = MessageOf<typeof yamlSyntax.meta.messages>;

/**
 * Parses `part` of the file (the whole file, or one document of it) with `yaml`, numbering its
 * documents from `firstIndex`; positions are the file's.
 */
export function parseWithYaml(source: SourceFile, lines: FileLines, part: Chunk, firstIndex: number, out: ParsedFile): void {
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
  const duplicates: DuplicateKeyError[] = [];
  docs.forEach((doc, i) => readYamlDocument(source, new ParsedDocument(source.path, firstIndex + i, doc, lines, base), lines, out, duplicates));
  // Reported once the objects are collected, so that each finding names the object holding the key.
  for (const d of duplicates) out.findings.push(duplicateKeyFinding(d, text, out.manifests));
}

function readYamlDocument(source: SourceFile, parsed: ParsedDocument, lines: FileLines, out: ParsedFile, duplicates: DuplicateKeyError[]): void {
  const doc = parsed.doc;
  out.documents.push(parsed);
  let broken = false;
  for (const e of doc.errors) {
    // After the first syntax error the parser is out of step and the errors that follow are
    // usually echoes of it (one tab gives three); report the first one only.
    if (broken && e.code !== 'DUPLICATE_KEY') continue;
    const [a, b] = e.pos;
    if (e.code === 'DUPLICATE_KEY') {
      // After a syntax error, `yaml` places an empty key (`:` alone) at the line break before it,
      // past the end of that line (issue 13, point 11): the key is the next content.
      const at = emptyKeyAt(source.text, parsed.base + a) - parsed.base;
      const range = at === a ? parsed.rangeOfOffsets(a, b) : parsed.rangeOfOffsets(at, at + 1);
      duplicates.push({ parsed, offset: a, range });
    } else {
      broken = true;
      const range = parsed.rangeOfOffsets(a, b);
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

/** The first alias for which `test` holds, or null (also when the tree is too deep to walk). */
function firstAlias(doc: Document.Parsed, test: (alias: Alias) => boolean): Alias | null {
  const { visit } = yamlLib();
  let found: Alias | null = null;
  try {
    visit(doc, {
      Alias(_key, node) {
        if (!test(node)) return undefined;
        found = node;
        return visit.BREAK;
      },
    });
  } catch {
    return null; // a tree too deep to walk: the caller falls back to the document start
  }
  return found;
}

/** The first alias whose anchor does not precede it, if that is why the document cannot be read. */
function unresolvedAlias(doc: Document.Parsed): Alias | null {
  return firstAlias(doc, (alias) => alias.resolve(doc) === undefined);
}

/**
 * The first alias that points into the node its own anchor names (`a: &x [*x]`): `yaml`'s
 * Alias.resolve finds the anchor before the alias, the anchored node holds the alias, and
 * toJS() would build a value that contains itself, which every later stage walks forever.
 */
function aliasCycle(doc: Document.Parsed): Alias | null {
  return firstAlias(doc, (alias) => {
    const target = alias.resolve(doc) as YamlNode | undefined;
    const at = alias.range?.[0];
    return !!target?.range && at !== undefined && at >= target.range[0] && at < target.range[2];
  });
}

/** The explicit tag of the node at `path` (`!!timestamp`), shortened as written, or ''. */
function tagOf(doc: Document.Parsed, path: FieldPath): string {
  const node = doc.getIn(path, true) as { tag?: string } | undefined;
  const tag = node?.tag ?? '';
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

/** `offset`, or where the next content starts when `offset` is at a line break. */
function emptyKeyAt(text: string, offset: number): number {
  const c = text.charCodeAt(offset);
  if (c !== 10 && c !== 13) return offset;
  let i = offset;
  while (i < text.length && (text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13 || text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i < text.length ? i : offset;
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
