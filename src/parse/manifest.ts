import type { FieldPath, ObjectRef, SourceRange } from '../types';
import type { DocumentSource } from './document';
import { isNamespaced } from '../model/kinds';

/** One Kubernetes object as written: a whole document, or one item of a `kind: List`. */
export interface Manifest {
  file: string;
  /** 0-based document index in the file. */
  docIndex: number;
  /** Where the object sits inside its document: `[]`, or `['items', 3]` for a List item. */
  root: FieldPath;
  value: Record<string, unknown>;
  apiVersion: string;
  kind: string;
  name: string;
  /** As written; '' when the manifest sets none. */
  namespace: string;
  source: DocumentSource;
}

export function locate(m: Manifest, path: FieldPath, options: { key?: boolean } = {}): SourceRange {
  return m.source.locate([...m.root, ...path], options);
}

export function manifestRange(m: Manifest): SourceRange {
  return m.root.length ? m.source.locate(m.root) : m.source.documentRange();
}

/** The namespace the API server would put the object in. */
export function effectiveNamespace(m: Pick<Manifest, 'apiVersion' | 'kind' | 'namespace'>, defaultNamespace: string): string {
  if (!isNamespaced(m.apiVersion, m.kind)) return '';
  return m.namespace || defaultNamespace;
}

export function manifestRef(m: Manifest, defaultNamespace: string): ObjectRef {
  return { apiVersion: m.apiVersion, kind: m.kind, namespace: effectiveNamespace(m, defaultNamespace), name: m.name };
}
