import { stageFinding } from '../findings';
import type { MessageOf } from '../rules/rule';
import missingKind from '../rules/missing-kind';
import notAnObject from '../rules/not-an-object';
import type { FieldPath } from '../types';
import { formatPath } from '../types';
import type { DocumentSource } from './document';
import type { ParsedFile } from './parse-file';

/** The objects of a document's value: the document itself, or the items of a `kind: *List`. */
export function collectObjects(doc: DocumentSource, value: unknown, root: FieldPath, out: ParsedFile): void {
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

