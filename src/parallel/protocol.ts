import type { PendingFinding } from '../findings';
import type { SourceFile } from '../load/source';
import type { Manifest } from '../parse/manifest';
import type { LintSettings } from '../rules/context';

/** What the main thread sends a lint worker. */
export interface WorkerInput {
  settings: LintSettings;
  schemaDirs: string[];
  /** Rules set to `off`: not run. */
  offRules: string[];
  files: SourceFile[];
}

/** A manifest without its parsed document (documents do not cross threads; the main thread re-parses on demand). */
export type ManifestData = Omit<Manifest, 'source'>;

/** A finding whose `manifest` is replaced by its index in the file's manifests. */
export type FindingData = Omit<PendingFinding, 'manifest'> & { manifestIndex: number };

export interface FileResult {
  manifests: ManifestData[];
  findings: FindingData[];
}

export type WorkerOutput = { ok: true; results: FileResult[] } | { ok: false; error: string };
