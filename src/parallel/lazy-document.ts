import type { DocumentSource, SourceNode } from '../parse/document';
import type { FieldPath, SourceRange } from '../types';

/**
 * Stands in for a document parsed in a worker thread: the first time a position is needed,
 * `resolve` re-parses the file in this thread. Only files with findings pay for it.
 */
export class LazyDocumentSource implements DocumentSource {
  private target: DocumentSource | undefined;

  constructor(
    readonly file: string,
    readonly index: number,
    private readonly resolve: () => DocumentSource,
  ) {}

  private doc(): DocumentSource {
    return (this.target ??= this.resolve());
  }

  locate(path: FieldPath, options?: { key?: boolean }): SourceRange {
    return this.doc().locate(path, options);
  }

  nodeAt(path: FieldPath): SourceNode | null {
    return this.doc().nodeAt(path);
  }

  documentRange(): SourceRange {
    return this.doc().documentRange();
  }
}
