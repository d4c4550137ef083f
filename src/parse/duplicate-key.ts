/**
 * The `duplicate-key` finding, made from the `yaml` parser's DUPLICATE_KEY error: located on
 * the repeated key (the whole key, not its first character) and attached to the object that
 * holds it, so that it names the object and its field path and honours `svclab.io/ignore`.
 *
 * What the tools do with a repeated key (the finding says exactly this):
 * - kubectl converts YAML to JSON with sigs.k8s.io/yaml `YAMLToJSON`, which decodes with
 *   go-yaml's non-strict `Unmarshal`: the last value silently wins (`YAMLToJSONStrict` would
 *   refuse, kubectl does not use it). The API server then only sees the JSON, with one key.
 * - kustomize reads manifests with kyaml (go-yaml v3), which refuses the document:
 *   `mapping key "x" already defined at line N`.
 * - Strict decoders refuse it too: the API server's strict field validation when it decodes
 *   the YAML itself (`key "x" already set in map`), and yaml.v2 `UnmarshalStrict`.
 */
import type { Document, Node as YamlNode, Pair } from 'yaml';
import { yamlLib } from './yaml-lib';
import { stageFinding, type PendingFinding } from '../findings';
import duplicateKey from '../rules/duplicate-key';
import type { FieldPath, SourceRange } from '../types';
import { formatPath } from '../types';
import type { ParsedDocument } from './document';
import type { Manifest } from './manifest';

/** One DUPLICATE_KEY error of a document: where the repeated key starts. */
export interface DuplicateKeyError {
  parsed: ParsedDocument;
  offset: number;
  /** The parser's own range (one character), used when the key cannot be found again. */
  range: SourceRange;
}

interface Located {
  /** Field path of the repeated key, from the document root. */
  path: FieldPath;
  /** Every pair of that mapping with this key, in order (the repeated one among them). */
  pairs: Pair[];
  repeated: Pair;
}

/** The longest value text quoted in a message; longer ones are cut. */
const MAX_VALUE_TEXT = 40;

/** The finding for one duplicate key, attached to the object of `manifests` that holds it. */
export function duplicateKeyFinding(d: DuplicateKeyError, text: string, manifests: readonly Manifest[]): PendingFinding {
  const found = locateDuplicate(d.parsed.doc, d.offset);
  // The key as written (`"a.conf"` keeps its quotes), so the message shows what the user typed.
  const key = keyTextAt(text, d.offset);
  if (!found || !key) {
    return stageFinding(duplicateKey, { messageId: 'duplicateUnreadable' }, d.parsed.file, d.range);
  }
  const keyNode = found.repeated.key as YamlNode;
  const range = keyNode.range ? d.parsed.rangeOfOffsets(keyNode.range[0], keyNode.range[1]) : d.range;
  const lineOf = (p: Pair) => {
    const r = (p.key as YamlNode | null)?.range;
    return r ? d.parsed.rangeOfOffsets(r[0], r[0]).line : 0;
  };
  const first = lineOf(found.pairs[0]);
  const last = found.pairs[found.pairs.length - 1];
  const value = valueText(text, last);
  const kept = last === found.repeated ? ` (this one${value ? `, \`${key}: ${value}\`` : ''})` : ` (line ${lineOf(last)}${value ? `, \`${key}: ${value}\`` : ''})`;
  const finding = stageFinding(duplicateKey, { messageId: 'duplicate', data: { key, first, kept } }, d.parsed.file, range);
  // The object that holds the key: a whole document, or the List item whose root is a prefix of the path.
  const owner = manifests
    .filter((m) => m.docIndex === d.parsed.index && m.file === d.parsed.file && m.root.every((seg, i) => found.path[i] === seg))
    .sort((a, b) => b.root.length - a.root.length)[0];
  if (!owner) return { ...finding, path: formatPath(found.path) };
  return { ...finding, path: formatPath(found.path.slice(owner.root.length)), manifest: owner };
}

/** The repeated key that starts at `offset`: its path and the pairs of its mapping with the same key. */
function locateDuplicate(doc: Document.Parsed, offset: number): Located | null {
  const { isMap, isPair, isScalar, isSeq } = yamlLib();
  const walk = (node: unknown, path: FieldPath, depth: number): Located | null => {
    if (depth > 200) return null; // deeper documents are refused by the nesting check before this
    if (isMap(node)) {
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const key = item.key as YamlNode | null;
        if (isScalar(key) && key.range && key.range[0] === offset) {
          const name = String(key.value);
          const pairs = node.items.filter((p): p is Pair => isPair(p) && isScalar(p.key) && String((p.key as { value: unknown }).value) === name);
          return { path: [...path, name], pairs, repeated: item };
        }
        const keyName = isScalar(key) ? String(key.value) : '?';
        const inner = walk(item.value, [...path, keyName], depth + 1);
        if (inner) return inner;
      }
    } else if (isSeq(node)) {
      for (let i = 0; i < node.items.length; i++) {
        const inner = walk(node.items[i], [...path, i], depth + 1);
        if (inner) return inner;
      }
    }
    return null;
  };
  return walk(doc.contents, [], 0);
}

/** The kept value as written when it fits on one line (`{}`, `8080`, `[a, b]`), else ''. */
function valueText(text: string, pair: Pair): string {
  const r = (pair.value as YamlNode | null)?.range;
  const k = (pair.key as YamlNode | null)?.range;
  if (!r || !k) return '';
  const written = text.slice(r[0], r[1]).trim();
  // A block value starts on a later line than its key: only values on the key's line are quoted.
  if (written === '' || text.slice(k[1], r[1]).trim().includes('\n')) return '';
  return written.length > MAX_VALUE_TEXT ? `${written.slice(0, MAX_VALUE_TEXT - 1)}…` : written;
}

/** The text of the mapping key that starts at `offset` (plain or quoted), or '' if it cannot be read. */
function keyTextAt(text: string, offset: number): string {
  const lineEnd = text.indexOf('\n', offset);
  const rest = text.slice(offset, lineEnd < 0 ? undefined : lineEnd);
  const m = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:#{}[\],]+?)\s*:(?:\s|$)/.exec(rest);
  return m ? m[1].trim() : '';
}
