import type { FieldPath, ObjectRef, RelatedLocation, SourceRange } from '../types';
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

/** A position that may lie in another file than the object's own, with notes on how the value got there. */
export interface Located {
  file: string;
  range: SourceRange;
  /** Where a transformation changed the value (an object built by kustomize); empty otherwise. */
  related: RelatedLocation[];
}

/**
 * A `DocumentSource` whose positions are spread over several files: an object built from a
 * resource file, patches and kustomization lines (src/kustomize/provenance.ts).
 */
export interface TracedSource extends DocumentSource {
  trace(path: FieldPath, options?: { key?: boolean }): Located;
}

function isTraced(s: DocumentSource): s is TracedSource {
  return typeof (s as Partial<TracedSource>).trace === 'function';
}

/** Where the value at `path` of the object was written: its file, range and the transformations it went through. */
export function locateIn(m: Manifest, path: FieldPath, options: { key?: boolean } = {}): Located {
  if (isTraced(m.source)) return m.source.trace([...m.root, ...path], options);
  return { file: m.file, range: locate(m, path, options), related: [] };
}
