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
  /** The lint findings of the input (the picture marks them on their objects). */
  findings: Finding[];
  /** Absolute paths of the input files (an --output must never replace one). */
  inputs: Set<string>;
}

/**
 * Loads, lints and simulates: shared by the commands that show the simulated cluster. Writes
 * notices (missing files, lint errors, refused objects) to stderr; throws UsageError for input
 * that cannot be simulated.
 */
export async function loadCluster(io: CliIO, files: string[], options: { namespace?: string; seed?: number; clusterFile?: string; maxPods?: number; networkPolicies?: 'enforce' | 'ignore' }): Promise<LoadedCluster> {
  if (files.length === 0) throw new UsageError('which manifests? give them with -f PATH (a file, directory, glob or - for stdin)');
  const collected = await collectFiles(files, { cwd: io.cwd, readStdin: io.readStdin });
  if (collected.missing.length) throw new UsageError(`no such file, directory or glob match: ${collected.missing.join(', ')}`);
  if (collected.unreadable.length) throw new UsageError(collected.unreadable.map((u) => `${u.path}: ${u.reason}`).join('\n'));
  const cluster: Partial<ClusterConfig> = options.clusterFile ? readClusterFile(io, options.clusterFile) : {};
  if (options.maxPods !== undefined) cluster.maxPods = options.maxPods;
  if (options.networkPolicies !== undefined) cluster.networkPolicies = options.networkPolicies;
  let analysis: Analysis & { cluster: SimCluster };
  try {
    analysis = analyze(collected.files, { namespace: options.namespace ?? 'default', seed: options.seed, cluster, cwd: io.cwd });
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
  return { cluster: analysis.cluster, lintErrors, findings: analysis.lint.findings, inputs: new Set(collected.files.flatMap((f) => (f.absPath ? [f.absPath] : []))) };
}

