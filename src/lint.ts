import { collectFiles, type CollectOptions } from './load/files';
import type { SourceFile, UnreadableFile } from './load/source';
import * as os from 'node:os';
import { parseSourceFile } from './parse/parse-file';
import type { Manifest } from './parse/manifest';
import { createSchemaValidator } from './schema';
import { appendAll, lintFile, ruleScope } from './lint-file';
import { RULES } from './rules/index';
import type { Rule } from './rules/rule';
import { lintSharesOnWorkers, shareFiles, WORKERS_AVAILABLE } from './parallel/pool';
import { LazyDocumentSource } from './parallel/lazy-document';
import { appendModel, emptyModel } from './model/merge';
import type { DocumentSource } from './parse/document';
import { buildModel } from './model/build';
import type { Model } from './model/types';
import { runRules } from './rules/run';
import { finalizeFindings, type RuleSettings } from './rules/severity';
import { DEFAULT_SETTINGS, type LintSettings } from './rules/context';
import type { PendingFinding } from './findings';
import { decodeSources, unreadableFinding } from './load/decode';
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
  /**
   * Threads for parsing, schema and per-object rules (default: the number of CPUs, used as
   * `useWorkers` decides). Cross-object rules always see every object.
   */
  jobs?: number;
}

/** Below this much YAML, starting worker threads costs more than it saves. */
export const PARALLEL_MIN_BYTES = 2 * 1024 * 1024;
/** Without an explicit --jobs, workers start only for inputs this large... */
export const AUTO_PARALLEL_MIN_BYTES = 16 * 1024 * 1024;
/** ...and only with this many CPUs. */
export const AUTO_PARALLEL_MIN_CPUS = 3;

/**
 * Whether to lint on worker threads. A worker pays twice for what the main thread pays once:
 * its own JIT warm-up and schema validators, and copying every object back. Measured on 2
 * CPUs, that costs more than it saves even at 40,000 documents (1.40 s on one thread vs 1.86 s
 * with a worker for the 10,000-document bench; 4.1 s vs 4.6 s at 40,000), so by default workers
 * are used only with 3 or more CPUs and a large input. An explicit `jobs` > 1 always uses them
 * (above a small floor).
 */
export function useWorkers(jobs: number | undefined, cpus: number, files: readonly SourceFile[]): boolean {
  if (!WORKERS_AVAILABLE || files.length < 2) return false;
  const bytes = files.reduce((n, f) => n + f.text.length, 0);
  if (jobs !== undefined) return jobs > 1 && bytes >= PARALLEL_MIN_BYTES;
  return cpus >= AUTO_PARALLEL_MIN_CPUS && bytes >= AUTO_PARALLEL_MIN_BYTES;
}

export interface LintFilesOptions extends LintOptions, CollectOptions {}

export interface LintRun extends LintResult {
  /** Operands that matched nothing (a usage error). */
  missing: string[];
  /** The objects that were linted, for callers that go on to simulate them. */
  manifests: Manifest[];
  /** Every input file (as shown in findings), readable or not, in input order. */
  files: string[];
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
  const cpus = os.availableParallelism();
  const run = useWorkers(options.jobs, cpus, collected.files)
    ? await lintInParallel(collected.files, options, collected.unreadable, options.jobs ?? cpus)
    : lintSources(collected.files, options, collected.unreadable);
  return { ...run, missing: collected.missing };
}

/**
 * Parse, schema and per-object rules run on `jobs - 1` worker threads and on this thread, each
 * on a share of the files; then the cross-object rules run here, over every object.
 */
export async function lintInParallel(sources: SourceFile[], options: LintOptions, unreadable: UnreadableFile[], jobs: number): Promise<LintRun> {
  const settings = settingsFrom(options);
  const schemaDirs = options.schemaDirs ?? [];
  const [localShare, ...workerShares] = shareFiles(sources, Math.min(jobs, sources.length));
  // Start the workers first, so that they run while this thread lints its own share.
  const fromWorkers = lintSharesOnWorkers(sources, workerShares, settings, schemaDirs);
  const validate = createSchemaValidator({ schemaDirs, defaultNamespace: settings.defaultNamespace });
  const objectRules = RULES.filter((r) => ruleScope(r) === 'object');
  const local = new Map(localShare.map((i) => [i, lintFile(sources[i], validate, settings, objectRules)]));
  const remote = await fromWorkers;

  const pending: PendingFinding[] = unreadable.map(unreadableFinding);
  const manifests: Manifest[] = [];
  // The model is put together from the files' models, in file order: what buildModel over all
  // manifests would give, without building it again here.
  const model = emptyModel(settings.defaultNamespace);
  sources.forEach((source, i) => {
    const done = local.get(i);
    if (done) {
      appendAll(manifests, done.manifests);
      appendAll(pending, done.findings);
      if (done.model) appendModel(model, done.model);
      return;
    }
    const result = remote.get(i);
    if (!result) throw new Error(`no lint result for ${source.path}`);
    let reparsed: Manifest[] | undefined;
    const resolve = (docIndex: number, rootKey: string) => (): DocumentSource => {
      reparsed ??= parseSourceFile(source, { fast: true }).manifests;
      const m = reparsed.find((x) => x.docIndex === docIndex && JSON.stringify(x.root) === rootKey);
      if (!m) throw new Error(`cannot find document ${docIndex} of ${source.path} again`);
      return m.source;
    };
    const fileManifests = result.manifests.map((d) => ({ ...d, source: new LazyDocumentSource(d.file, d.docIndex, resolve(d.docIndex, JSON.stringify(d.root))) }));
    appendAll(manifests, fileManifests);
    appendModel(model, buildModel(fileManifests, settings.defaultNamespace));
    for (const { manifestIndex, ...f } of result.findings) pending.push({ ...f, manifest: manifestIndex >= 0 ? fileManifests[manifestIndex] : null });
  });
  return completeRun(sources, unreadable, manifests, pending, options, RULES.filter((r) => ruleScope(r) === 'cluster'), model);
}

/** The whole-input part of a run: model, the given rules over every object, severities, summary. */
function completeRun(sources: SourceFile[], unreadable: UnreadableFile[], manifests: Manifest[], pending: PendingFinding[], options: LintOptions, rules: readonly Rule[], built?: Model): LintRun {
  const settings = settingsFrom(options);
  const model = built ?? buildModel(manifests, settings.defaultNamespace);
  appendAll(pending, runRules(model, settings, rules));
  const findings = finalizeFindings(pending, options.rules ?? {});
  const files = [...sources.map((s) => s.path), ...unreadable.map((u) => u.path)];
  return { findings, summary: summarize(findings, files.length, manifests.length), missing: [], manifests, model, files };
}

/**
 * Lints in-memory sources: everything after loading, synchronously. Their text goes through the
 * file decoder (./load/decode) first, as a file's or standard input's would: a leading byte order
 * mark is dropped, a NUL or a lone surrogate makes the source a file-unreadable finding.
 */
export function lintSources(given: SourceFile[], options: LintOptions = {}, unreadableGiven: UnreadableFile[] = []): LintRun {
  const { sources, unreadable } = decodeSources(given, unreadableGiven);
  const settings = settingsFrom(options);
  const pending: PendingFinding[] = unreadable.map(unreadableFinding);
  const manifests: Manifest[] = [];
  const validate = createSchemaValidator({ schemaDirs: options.schemaDirs ?? [], defaultNamespace: settings.defaultNamespace });
  for (const source of sources) {
    const file = lintFile(source, validate, settings, []);
    appendAll(manifests, file.manifests);
    appendAll(pending, file.findings);
  }
  return completeRun(sources, unreadable, manifests, pending, options, RULES);
}

export { unreadableFinding } from './load/decode';

export function summarize(findings: Finding[], files: number, objects: number): LintResult['summary'] {
  const summary = { files, objects, errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'error') summary.errors++;
    else if (f.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return summary;
}
