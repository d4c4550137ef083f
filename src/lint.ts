import { collectFiles, type CollectOptions } from './load/files';
import type { SourceFile, UnreadableFile } from './load/source';
import * as os from 'node:os';
import { DocumentLocator } from './parse/parse-file';
import type { Manifest } from './parse/manifest';
import { createSchemaValidator } from './schema';
import { appendAll, lintFile, ruleScope } from './lint-file';
import { RULES } from './rules/index';
import type { Rule } from './rules/rule';
import { lintSharesOnWorkers, shareFiles, WORKERS_AVAILABLE } from './parallel/pool';
import { LazyDocumentSource } from './parallel/lazy-document';
import { AUTO_PARALLEL_MIN_CPUS } from './parallel/policy';
import { appendModel, emptyModel } from './model/merge';
import { buildModel } from './model/build';
import type { Model } from './model/types';
import { runRules } from './rules/run';
import { reconsiderDefaultNamespace } from './rules/default-namespace';
import { finalizeFindings, sortFindings, type RuleSettings } from './rules/severity';
import { DEFAULT_SETTINGS, type LintSettings } from './rules/context';
import { stageFinding, type PendingFinding } from './findings';
import { decodeSources, unreadableFinding } from './load/decode';
import type { Finding, LintResult, LintSetSummary } from './types';
import * as path from 'node:path';
import { hasKustomization, isKustomizationFileName } from './kustomize/files';
import type { SetPlan } from './kustomize/sets';
import { RULES_BY_ID } from './rules/index';

export interface LintOptions {
  /** Namespace for objects without one (default `default`). */
  namespace?: string;
  /** Rule severities: `{ 'service-selector-overlap': 'off' }`. */
  rules?: RuleSettings;
  nodePortRange?: { min: number; max: number };
  serviceCIDRs?: string[];
  /** The pod CIDR (default 10.244.0.0/16). */
  podCIDR?: string;
  clusterDomain?: string;
  /** The Kubernetes release the objects are checked against (which APIs it still serves; default: the default cluster's). */
  kubernetesVersion?: string;
  /** The cluster's ingress controller and GatewayClass controllerNames, when given from outside the input (default: a Cluster object among the manifests, else the default cluster's). */
  ingressController?: 'nginx' | 'none';
  gatewayControllers?: readonly string[];
  /** Directories of extra JSON schemas (kubeconform naming), for custom resources. */
  schemaDirs?: string[];
  /** Where relative paths are shown from, and kustomizations' files outside the input are read (default: the process's). */
  cwd?: string;
  /** Largest file a kustomization may read from disk (default 8 MB, as the loader). */
  maxFileBytes?: number;
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
/** ...and only with this many CPUs (src/parallel/policy.ts, shared with `svclab test`). */
export { AUTO_PARALLEL_MIN_CPUS };

/**
 * Whether to lint on worker threads. A worker pays twice for what the main thread pays once:
 * its own JIT warm-up and schema validators, and copying every object back. Measured on 2
 * CPUs, that costs more than it saves even at 40,000 documents (1.40 s on one thread vs 1.86 s
 * with a worker for the 10,000-document bench; 4.1 s vs 4.6 s at 40,000), so by default workers
 * are used only with 3 or more CPUs and a large input. An explicit `jobs` > 1 always uses them
 * (above a small floor). Files are the unit of sharing: one file is never split. On 2 CPUs a
 * split would not pay either: the 50 MB bench file cut into two files of 25 MB took 7.8 s wall
 * with --jobs 1 and 8.1 s with --jobs 2 (26 % more CPU; 3 alternating rounds).
 */
export function useWorkers(jobs: number | undefined, cpus: number, files: readonly SourceFile[]): boolean {
  if (!WORKERS_AVAILABLE || files.length < 2) return false;
  const bytes = files.reduce((n, f) => n + f.text.length, 0);
  if (jobs !== undefined) return jobs > 1 && bytes >= PARALLEL_MIN_BYTES;
  return cpus >= AUTO_PARALLEL_MIN_CPUS && bytes >= AUTO_PARALLEL_MIN_BYTES;
}

export interface LintFilesOptions extends LintOptions, CollectOptions {
  /** Called once every input file is read, before any is linted: how many, and their characters in all. */
  onInput?: (input: { files: number; characters: number }) => void;
}

/** One set of a run, with what the simulator needs of it. */
export interface LintSetRun extends LintSetSummary {
  manifests: Manifest[];
  model: Model;
}

export interface LintRun extends LintResult {
  /** Operands that matched nothing (a usage error). */
  missing: string[];
  /** The objects that were linted, for callers that go on to simulate them. */
  manifests: Manifest[];
  /** Every input file (as shown in findings), readable or not, in input order. */
  files: string[];
  /** The model of the (first) set: what `analyze` simulates. */
  model: Model;
  /** Every set, when the input holds a kustomization (README "Kustomize"). */
  setRuns?: LintSetRun[];
}

export function settingsFrom(options: LintOptions): LintSettings {
  return {
    defaultNamespace: options.namespace ?? DEFAULT_SETTINGS.defaultNamespace,
    nodePortRange: options.nodePortRange ?? DEFAULT_SETTINGS.nodePortRange,
    serviceCIDRs: options.serviceCIDRs ?? DEFAULT_SETTINGS.serviceCIDRs,
    podCIDR: options.podCIDR ?? DEFAULT_SETTINGS.podCIDR,
    clusterDomain: options.clusterDomain ?? DEFAULT_SETTINGS.clusterDomain,
    kubernetesVersion: options.kubernetesVersion ?? DEFAULT_SETTINGS.kubernetesVersion,
    ...(options.ingressController !== undefined ? { ingressController: options.ingressController } : {}),
    ...(options.gatewayControllers !== undefined ? { gatewayControllers: options.gatewayControllers } : {}),
  };
}

/** Lints files, directories and globs: the library form of `svclab lint`. */
export async function lint(paths: string[], options: LintFilesOptions = {}): Promise<LintRun> {
  const collected = await collectFiles(paths, options);
  options.onInput?.({ files: collected.files.length, characters: collected.files.reduce((n, f) => n + f.text.length, 0) });
  const cpus = os.availableParallelism();
  // Kustomizations are built on this thread: their objects only exist once built.
  const kustomize = collected.files.some((f) => isKustomizationFileName(path.basename(f.path)));
  const run = !kustomize && useWorkers(options.jobs, cpus, collected.files)
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
  const fromWorkers = lintSharesOnWorkers(sources, workerShares, settings, schemaDirs, offRules(options.rules));
  const validate = createSchemaValidator({ schemaDirs, defaultNamespace: settings.defaultNamespace });
  const rules = activeRules(options.rules);
  const objectRules = rules.filter((r) => ruleScope(r) === 'object');
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
    // Positions of a worker's documents: that document parsed again here, the first time one is needed.
    const locator = new DocumentLocator(source);
    // Written out in collect.ts's order, not spread: a spread can give each object its own hidden class (see model/build.ts workloadObject).
    const fileManifests: Manifest[] = result.manifests.map((d) => ({
      file: d.file, docIndex: d.docIndex, root: d.root, value: d.value, apiVersion: d.apiVersion, kind: d.kind, name: d.name, namespace: d.namespace,
      source: new LazyDocumentSource(d.file, d.docIndex, () => locator.document(d.docIndex)),
    }));
    appendAll(manifests, fileManifests);
    appendModel(model, buildModel(fileManifests, settings.defaultNamespace));
    for (const { manifestIndex, ...f } of result.findings) pending.push({ ...f, manifest: manifestIndex >= 0 ? fileManifests[manifestIndex] : null });
  });
  return completeRun(sources, unreadable, manifests, pending, options, rules.filter((r) => ruleScope(r) === 'cluster'), model);
}

/** The whole-input part of a run: model, the given rules over every object, severities, summary. */
function completeRun(sources: SourceFile[], unreadable: UnreadableFile[], manifests: Manifest[], pending: PendingFinding[], options: LintOptions, rules: readonly Rule[], built?: Model): LintRun {
  const settings = settingsFrom(options);
  const model = built ?? buildModel(manifests, settings.defaultNamespace);
  const found = runRules(model, settings, rules);
  // Without -n, a file that sets a namespace on only some objects is linted for the namespace it names too.
  appendAll(pending, options.namespace === undefined ? reconsiderDefaultNamespace(manifests, found, settings, rules) : found);
  const findings = finalizeFindings(pending, options.rules ?? {});
  const files = [...sources.map((s) => s.path), ...unreadable.map((u) => u.path)];
  return { findings, summary: summarize(findings, files.length, manifests.length), missing: [], manifests, model, files };
}

/**
 * Lints in-memory sources: everything after loading, synchronously. Their text goes through the
 * file decoder (./load/decode) first, as a file's or standard input's would: a leading byte order
 * mark is dropped, a NUL or a lone surrogate makes the source a file-unreadable finding.
 * Kustomization folders among them are built (src/kustomize/), and each set of the run is
 * linted on its own.
 */
export function lintSources(given: SourceFile[], options: LintOptions = {}, unreadableGiven: UnreadableFile[] = []): LintRun {
  const { sources, unreadable } = decodeSources(given, unreadableGiven);
  // The kustomize modules load only for a run that has a kustomization (a plain folder's lint starts 4 ms sooner).
  const plan = hasKustomization(sources) ? (require('./kustomize/sets') as typeof import('./kustomize/sets')).planSets(sources, { cwd: options.cwd, maxFileBytes: options.maxFileBytes }) : null;
  return plan ? lintPlan(plan, sources, options, unreadable) : lintLoose(sources, options, unreadable);
}

/** One set of loose files: every source linted together. */
function lintLoose(sources: SourceFile[], options: LintOptions, unreadable: UnreadableFile[]): LintRun {
  const settings = settingsFrom(options);
  const pending: PendingFinding[] = unreadable.map(unreadableFinding);
  const manifests: Manifest[] = [];
  const validate = createSchemaValidator({ schemaDirs: options.schemaDirs ?? [], defaultNamespace: settings.defaultNamespace });
  for (const source of sources) {
    const file = lintFile(source, validate, settings, []);
    appendAll(manifests, file.manifests);
    appendAll(pending, file.findings);
  }
  return completeRun(sources, unreadable, manifests, pending, options, activeRules(options.rules));
}

/** The ids of the rules set to `off`. */
export function offRules(settings: RuleSettings | undefined): string[] {
  return settings ? Object.keys(settings).filter((id) => settings[id] === 'off') : [];
}

/** The rules to run: every rule but those set to `off` (their findings would be dropped anyway). */
export function activeRules(settings: RuleSettings | undefined, all: readonly Rule[] = RULES): Rule[] {
  const off = new Set(offRules(settings));
  return off.size === 0 ? [...all] : all.filter((r) => !off.has(r.meta.id));
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

/** The findings of an incomplete build are at most warnings: what svclab did not build may be what they miss. */
function capErrors(pending: PendingFinding[]): void {
  for (const p of pending) {
    if (p.manifest === null) continue;
    if ((p.severityOverride ?? RULES_BY_ID.get(p.ruleId)?.meta.severity) === 'error') p.severityOverride = 'warning';
  }
}

const SEVERITY_RANK = { info: 0, warning: 1, error: 2 } as const;

/** The sets of a run with kustomizations, linted one by one; their findings merged (a finding of several sets once, with their names). */
function lintPlan(plan: SetPlan, sources: SourceFile[], options: LintOptions, unreadable: UnreadableFile[]): LintRun {
  const settings = settingsFrom(options);
  const validate = createSchemaValidator({ schemaDirs: options.schemaDirs ?? [], defaultNamespace: settings.defaultNamespace });
  const shared: PendingFinding[] = [...unreadable.map(unreadableFinding), ...plan.findings];
  const looseManifests: Manifest[] = [];
  for (const source of plan.sets[0].loose) {
    const file = lintFile(source, validate, settings, []);
    appendAll(looseManifests, file.manifests);
    appendAll(shared, file.findings);
  }
  const several = plan.sets.length > 1;
  const merged = new Map<string, Finding>();
  const add = (f: Finding, set: string | null) => {
    const o = f.object;
    const key = [f.file, f.line, f.column, f.ruleId, f.message, o ? `${o.kind}/${o.namespace}/${o.name}` : ''].join('\u0000');
    const seen = merged.get(key);
    if (!seen) {
      merged.set(key, several && set !== null ? { ...f, sets: [set] } : f);
      return;
    }
    if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[seen.severity]) seen.severity = f.severity;
    if (seen.sets && set !== null && !seen.sets.includes(set)) seen.sets.push(set);
  };
  const setRuns: LintSetRun[] = plan.sets.map((set) => {
    const pending: PendingFinding[] = [];
    for (const m of set.manifests) appendAll(pending, validate(m));
    const manifests = [...set.manifests, ...looseManifests];
    const model = buildModel(manifests, settings.defaultNamespace);
    appendAll(pending, runRules(model, settings, RULES));
    if (set.incomplete) capErrors(pending);
    for (const f of finalizeFindings(pending, options.rules ?? {})) add(f, set.name);
    return { name: set.name, kustomizations: set.kustomizations, looseFiles: set.loose.map((f) => f.path), objects: manifests.length, incomplete: set.incomplete, manifests, model };
  });
  for (const f of finalizeFindings(shared, options.rules ?? {})) add(f, null);
  const findings = sortFindings([...merged.values()]);
  const files = [...sources.map((s) => s.path), ...unreadable.map((u) => u.path), ...plan.extraFiles];
  const manifests = [...setRuns.flatMap((r) => r.manifests.slice(0, r.manifests.length - looseManifests.length)), ...looseManifests];
  const sets = setRuns.map(({ name, kustomizations, looseFiles, objects, incomplete }) => ({ name, kustomizations, looseFiles, objects, incomplete }));
  return { findings, summary: summarize(findings, files.length, manifests.length), missing: [], manifests, model: setRuns[0].model, files, sets, setRuns };
}
