import { collectFiles, type CollectOptions } from './load/files';
import type { SourceFile, UnreadableFile } from './load/source';
import { parseSourceFile } from './parse/parse-file';
import type { Manifest } from './parse/manifest';
import { createSchemaValidator } from './schema';
import { buildModel } from './model/build';
import type { Model } from './model/types';
import { runRules } from './rules/run';
import { finalizeFindings, type RuleSettings } from './rules/severity';
import { DEFAULT_SETTINGS, type LintSettings } from './rules/context';
import type { PendingFinding } from './findings';
import type { Finding, LintResult } from './types';

export interface LintOptions {
  /** Namespace for objects without one (default `default`). */
  namespace?: string;
  /** Rule severities: `{ 'service-selector-overlap': 'off' }`. */
  rules?: RuleSettings;
  nodePortRange?: { min: number; max: number };
  serviceCIDRs?: string[];
  clusterDomain?: string;
  /** Directories of extra JSON schemas (kubeconform naming), for custom resources. */
  schemaDirs?: string[];
}

export interface LintFilesOptions extends LintOptions, CollectOptions {}

export interface LintRun extends LintResult {
  /** Operands that matched nothing (a usage error). */
  missing: string[];
  /** The objects that were linted, for callers that go on to simulate them. */
  manifests: Manifest[];
  model: Model;
}

export function settingsFrom(options: LintOptions): LintSettings {
  return {
    defaultNamespace: options.namespace ?? DEFAULT_SETTINGS.defaultNamespace,
    nodePortRange: options.nodePortRange ?? DEFAULT_SETTINGS.nodePortRange,
    serviceCIDRs: options.serviceCIDRs ?? DEFAULT_SETTINGS.serviceCIDRs,
    clusterDomain: options.clusterDomain ?? DEFAULT_SETTINGS.clusterDomain,
  };
}

/** Lints files, directories and globs: the library form of `svclab lint`. */
export async function lint(paths: string[], options: LintFilesOptions = {}): Promise<LintRun> {
  const collected = await collectFiles(paths, options);
  const run = lintSources(collected.files, options, collected.unreadable);
  return { ...run, missing: collected.missing };
}

/** Lints in-memory sources: everything after loading, synchronously. */
export function lintSources(sources: SourceFile[], options: LintOptions = {}, unreadable: UnreadableFile[] = []): LintRun {
  const settings = settingsFrom(options);
  const pending: PendingFinding[] = unreadable.map(unreadableFinding);
  const manifests: Manifest[] = [];
  const validate = createSchemaValidator({ schemaDirs: options.schemaDirs ?? [], defaultNamespace: settings.defaultNamespace });
  for (const source of sources) {
    const parsed = parseSourceFile(source, { fast: true });
    pending.push(...parsed.findings);
    for (const m of parsed.manifests) {
      manifests.push(m);
      pending.push(...validate(m));
    }
  }
  const model = buildModel(manifests, settings.defaultNamespace);
  pending.push(...runRules(model, settings));
  const findings = finalizeFindings(pending, options.rules ?? {});
  return { findings, summary: summarize(findings, sources.length + unreadable.length, manifests.length), missing: [], manifests, model };
}

export function unreadableFinding(u: UnreadableFile): PendingFinding {
  return {
    ruleId: 'file-unreadable',
    message: `${u.reason}`,
    hint: u.hint,
    file: u.path,
    range: { line: 1, column: 1, endLine: 1, endColumn: 1 },
    object: null,
    path: '',
    related: [],
    manifest: null,
  };
}

export function summarize(findings: Finding[], files: number, objects: number): LintResult['summary'] {
  const summary = { files, objects, errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'error') summary.errors++;
    else if (f.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return summary;
}
