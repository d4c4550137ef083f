/**
 * The one pipeline: manifests in, lint findings, the simulated cluster and the objects the API
 * server would refuse out. `svclab get|curl|dig`, `svclab validate`, `svclab test`, `svclab/jest`
 * and library users all go through here, so that they check the same manifests against the same
 * cluster: `validate` and `test` agree by construction.
 *
 *   sources ─> lintStage ─> { lint, config } ─> simulateStage ─> cluster
 *
 * The linter checks what depends on the cluster (the node port range, the service CIDR, the
 * cluster domain, the Kubernetes version) against the cluster the manifests will run in: the default, overridden by a
 * `Cluster` object among the manifests, overridden by `options.cluster` (a scenario's `cluster:`,
 * `--cluster FILE`). A Cluster object is only known once the manifests are parsed, so when it
 * changes those settings the sources are linted again with them.
 */
import { lintSources, settingsFrom, type LintOptions, type LintRun } from './lint';
import type { SourceFile } from './load/source';
import type { RuleSettings } from './rules/severity';
import { resolveClusterConfig } from './sim/cluster-config';
import { simulateModel } from './sim/simulate';
import type { ClusterConfig, RejectedObject, SimCluster } from './sim/types';

export interface AnalyzeOptions {
  /** Namespace for objects without one (default `default`). */
  namespace?: string;
  /** Seed for every random choice of the simulation (default 1). */
  seed?: number;
  /** Overrides of the simulated cluster, over the default and any Cluster object in the sources. */
  cluster?: Partial<ClusterConfig>;
  /** Rule severities: `{ 'service-selector-overlap': 'off' }`. */
  rules?: RuleSettings;
  /** Directories of extra JSON schemas (kubeconform naming), for custom resources. */
  schemaDirs?: string[];
  /** `false`: lint only (`svclab validate`); `cluster` is then null. */
  simulate?: boolean;
  /** Where kustomizations' files outside the sources are read from, and paths shown from. */
  cwd?: string;
}

export interface Linted {
  lint: LintRun;
  /** The cluster the manifests were checked against, and are simulated in. */
  config: ClusterConfig;
}

export interface Analysis extends Linted {
  /** The cluster Kubernetes would run from the manifests; null when `simulate: false`. */
  cluster: SimCluster | null;
  /** Objects the API server would refuse (clashing ClusterIP or nodePort, out of range, ...). */
  rejected: RejectedObject[];
}

/** What the linter checks against that the cluster decides. */
type ClusterLintSettings = Pick<LintOptions, 'nodePortRange' | 'serviceCIDRs' | 'podCIDR' | 'clusterDomain' | 'kubernetesVersion'>;

function lintSettingsOf(cluster: Partial<ClusterConfig>): ClusterLintSettings {
  return {
    nodePortRange: cluster.nodePortRange, serviceCIDRs: cluster.serviceCIDR === undefined ? undefined : [cluster.serviceCIDR], clusterDomain: cluster.clusterDomain,
    kubernetesVersion: cluster.kubernetesVersion, podCIDR: cluster.podCIDR,
  };
}

/**
 * Lints the sources against the cluster they will run in. Throws ClusterConfigError when that
 * cluster cannot be (a Cluster object or override with a bad CIDR, a duplicate node, ...).
 */
export function lintStage(sources: SourceFile[], options: AnalyzeOptions = {}): Linted {
  const base: LintOptions = { namespace: options.namespace, rules: options.rules, schemaDirs: options.schemaDirs, cwd: options.cwd };
  // The edge switches given from outside; the rules read those of a Cluster object from the model (rules/context.ts edgeSwitches).
  const edge: LintOptions = { ingressController: options.cluster?.ingressController, gatewayControllers: options.cluster?.gatewayControllers };
  const assumed: LintOptions = { ...base, ...lintSettingsOf(options.cluster ?? {}), ...edge };
  const first = lintSources(sources, assumed);
  const config = resolveClusterConfig(first.model, options.cluster);
  const actual: LintOptions = { ...base, ...lintSettingsOf(config), ...edge };
  // Only a Cluster object among the sources can make the cluster differ from what the first pass assumed.
  const lint = JSON.stringify(settingsFrom(assumed)) === JSON.stringify(settingsFrom(actual)) ? first : lintSources(sources, actual);
  return { lint, config };
}

/**
 * The input builds several sets (kustomize overlays that share a base): they are alternatives,
 * never one cluster, so there is nothing one simulation could show.
 */
export class AlternativeSetsError extends Error {
  constructor(readonly sets: NonNullable<LintRun['sets']>) {
    super(`the input builds ${sets.length} alternative sets, which never run in one cluster: ${sets.map((s) => s.name).join('; ')}. Simulate one of them: ${sets.map((s) => `-f ${[...s.kustomizations, ...s.looseFiles].join(' -f ')}`).join(', or ')}`);
    this.name = 'AlternativeSetsError';
  }
}

/** The cluster Kubernetes would run from linted sources. Throws AlternativeSetsError for alternative sets. */
export function simulateStage(lint: LintRun, options: AnalyzeOptions = {}): SimCluster {
  if (lint.sets && lint.sets.length > 1) throw new AlternativeSetsError(lint.sets);
  return simulateModel(lint.model, { namespace: options.namespace, seed: options.seed, cluster: options.cluster });
}

/** The whole pipeline: lint against the cluster, then simulate it (unless `simulate: false`). */
export function analyze(sources: SourceFile[], options: AnalyzeOptions & { simulate: false }): Analysis & { cluster: null };
export function analyze(sources: SourceFile[], options?: AnalyzeOptions & { simulate?: true }): Analysis & { cluster: SimCluster };
export function analyze(sources: SourceFile[], options?: AnalyzeOptions): Analysis;
export function analyze(sources: SourceFile[], options: AnalyzeOptions = {}): Analysis {
  const linted = lintStage(sources, options);
  if (options.simulate === false) return { ...linted, cluster: null, rejected: [] };
  const cluster = simulateStage(linted.lint, options);
  return { ...linted, cluster, rejected: cluster.rejected };
}
