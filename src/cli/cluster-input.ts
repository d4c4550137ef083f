/**
 * The manifests and the cluster of `svclab get|curl|dig`: `-f` files, directories, globs or
 * stdin, and `--cluster FILE`, through the pipeline (src/pipeline.ts). Notices go to stderr;
 * input that cannot be simulated is a usage error.
 */
import * as path from 'node:path';
import { collectFiles, DEFAULT_MAX_FILE_BYTES, readSource } from '../load/files';
import { lintSources } from '../lint';
import { parseSourceFile } from '../parse/parse-file';
import { AlternativeSetsError, analyze, type Analysis } from '../pipeline';
import { ClusterConfigError, clusterOverridesFromObject } from '../sim/cluster-config';
import type { ClusterConfig, SimCluster } from '../sim/types';
import { UsageError } from './args';
import { PodLimitError } from '../sim/pods';
import type { CliIO } from './io';
import type { SourceFile } from '../load/source';
import type { Finding } from '../types';

/** Reads `--cluster FILE`: the first Cluster object in it. */
function readClusterFile(io: CliIO, file: string): Partial<ClusterConfig> {
  const abs = path.resolve(io.cwd, file);
  const read = readSource(abs, io.cwd, DEFAULT_MAX_FILE_BYTES);
  if ('reason' in read) throw new UsageError(`--cluster ${file}: ${read.reason}`);
  const text = read.text;
  const parsed = parseSourceFile({ path: file, absPath: abs, text });
  const broken = parsed.findings.find((f) => f.ruleId === 'yaml-syntax');
  if (broken) throw new UsageError(`--cluster ${file}:${broken.range.line}:${broken.range.column}: ${broken.message}`);
  const m = parsed.manifests.find((x) => x.kind === 'Cluster' && x.apiVersion.startsWith('svclab.io/'));
  if (!m) throw new UsageError(`--cluster ${file}: no \`kind: Cluster\` object (apiVersion: svclab.io/v1alpha1) in the file`);
  // Checked against schemas/cluster-svclab-v1alpha1.json like any manifest: a misspelt field would otherwise be ignored.
  const errors = lintSources([{ path: file, absPath: abs, text }]).findings.filter((f) => f.severity === 'error' && f.object?.kind === 'Cluster');
  if (errors.length) throw new UsageError(errors.map((f) => `--cluster ${f.file}:${f.line}:${f.column}: ${f.message}`).join('\n'));
  try {
    return clusterOverridesFromObject(m.value);
  } catch (err) {
    if (err instanceof ClusterConfigError) throw new UsageError(`--cluster ${file}: ${err.message}`);
    throw err;
  }
}

export interface LoadedCluster {
  cluster: SimCluster;
  lintErrors: number;
  /** The namespace asked for with -n, else the scenario's, else `default`. */
  namespace: string;
  /** The lint findings of the input (the picture marks them on their objects). */
  findings: Finding[];
  /** Absolute paths of the input files (an --output must never replace one). */
  inputs: Set<string>;
}

export interface ScenarioOptions {
  /** `--scenario DIR`: the scenario's manifests, cluster, seed and namespace instead of -f. */
  scenario?: string;
  /** `--step NAME|N`: with --scenario, the state after that step. */
  step?: string;
}

/** The `--scenario` and `--step` flags of a command, checked together. */
export function scenarioFlags(flags: Record<string, unknown>): ScenarioOptions {
  const scenario = typeof flags.scenario === 'string' ? flags.scenario : undefined;
  const step = typeof flags.step === 'string' ? flags.step : undefined;
  if (step !== undefined && scenario === undefined) throw new UsageError('--step needs --scenario DIR (the scenario whose step it is)');
  return { ...(scenario !== undefined ? { scenario } : {}), ...(step !== undefined ? { step } : {}) };
}

/** The sources and options of `--scenario DIR [--step]`, loaded lazily (the scenario harness is not needed otherwise). */
function scenarioInput(io: CliIO, options: ScenarioOptions & { namespace?: string; seed?: number }): import('../scenario/world').ScenarioWorld {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const world = require('../scenario/world') as typeof import('../scenario/world');
  try {
    return world.scenarioWorld(options.scenario as string, io.cwd, { step: options.step, seed: options.seed, namespace: options.namespace });
  } catch (err) {
    if (err instanceof world.ScenarioWorldError) throw new UsageError(`--scenario ${options.scenario}: ${err.message}`);
    throw err;
  }
}

/**
 * Loads, lints and simulates: shared by the commands that show the simulated cluster. Writes
 * notices (missing files, lint errors, refused objects) to stderr; throws UsageError for input
 * that cannot be simulated.
 */
export async function loadCluster(io: CliIO, files: string[], options: { namespace?: string; seed?: number; clusterFile?: string; maxPods?: number; networkPolicies?: 'enforce' | 'ignore' } & ScenarioOptions): Promise<LoadedCluster> {
  if (options.scenario !== undefined && files.length) throw new UsageError('give either --scenario DIR or -f PATH: a scenario names its own manifests');
  if (options.scenario !== undefined && options.clusterFile !== undefined) throw new UsageError('give either --scenario DIR or --cluster FILE: a scenario names its own cluster');
  if (options.scenario === undefined && files.length === 0) throw new UsageError('which manifests? give them with -f PATH (a file, directory, glob or - for stdin), or --scenario DIR');
  let sources: SourceFile[];
  let cluster: Partial<ClusterConfig>;
  let namespace = options.namespace ?? 'default';
  let objectNamespace = namespace;
  let seed = options.seed;
  let rules: Record<string, 'off' | 'info' | 'warning' | 'error'> | undefined;
  if (options.scenario !== undefined) {
    const world = scenarioInput(io, options);
    ({ sources, cluster, namespace, objectNamespace, seed, rules } = world);
  } else {
    const collected = await collectFiles(files, { cwd: io.cwd, readStdin: io.readStdin });
    if (collected.missing.length) throw new UsageError(`no such file, directory or glob match: ${collected.missing.join(', ')}`);
    if (collected.unreadable.length) throw new UsageError(collected.unreadable.map((u) => `${u.path}: ${u.reason}`).join('\n'));
    sources = collected.files;
    cluster = options.clusterFile ? readClusterFile(io, options.clusterFile) : {};
  }
  if (options.maxPods !== undefined) cluster.maxPods = options.maxPods;
  if (options.networkPolicies !== undefined) cluster.networkPolicies = options.networkPolicies;
  let analysis: Analysis & { cluster: SimCluster };
  try {
    analysis = analyze(sources, { namespace: objectNamespace, seed, cluster, cwd: io.cwd, ...(rules ? { rules } : {}) });
  } catch (err) {
    if (err instanceof ClusterConfigError) throw new UsageError(`Cluster object: ${err.message}`);
    if (err instanceof AlternativeSetsError) throw new UsageError(err.message);
    if (err instanceof PodLimitError) throw new UsageError(err.message);
    throw err;
  }
  const fatal = analysis.lint.findings.filter((f) => f.ruleId === 'yaml-syntax');
  if (fatal.length) {
    for (const f of fatal) io.stderr.write(`${f.file}:${f.line}:${f.column}: ${f.message}\n`);
    throw new UsageError(`the input cannot be parsed (${fatal.length} YAML error${fatal.length === 1 ? '' : 's'}); nothing to simulate`);
  }
  const lintErrors = analysis.lint.summary.errors;
  if (lintErrors) io.stderr.write(`svclab: ${lintErrors} lint error${lintErrors === 1 ? '' : 's'} in the input; run \`svclab lint\` to see ${lintErrors === 1 ? 'it' : 'them'}\n`);
  for (const r of analysis.rejected) {
    io.stderr.write(`Warning: the API server would refuse ${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name}: ${r.reason}\n`);
  }
  return { cluster: analysis.cluster, lintErrors, namespace, findings: analysis.lint.findings, inputs: new Set(sources.flatMap((f) => (f.absPath ? [f.absPath] : []))) };
}

