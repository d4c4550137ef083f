/**
 * What a scenario checks, through the pipeline (src/pipeline.ts): its manifests (with
 * `solution/` for an exercise's solution), linted against its `cluster:` and simulated in it,
 * lazily, at each point of the scenario. `svclab test` and `svclab validate` both build their
 * state here, so that they lint the same files against the same cluster.
 */
import * as path from 'node:path';
import type { SourceFile } from '../load/source';
import { lintStage, simulateStage, type AnalyzeOptions, type Linted } from '../pipeline';
import { defaultNodes, defaultWorker, nodeLabels } from '../sim/default-cluster';
import { PodLimitError } from '../sim/pods';
import type { ClusterConfig, NodeConfig, SimCluster } from '../sim/types';
import type { FieldPath } from '../types';
import type { EvalContext } from './context';
import type { LoadedScenario } from './load';
import type { ClusterSpec } from './spec';
import { DEFAULT_SEED } from './tasks';

/** A scenario's `cluster:` as overrides of the simulated cluster. */
export function clusterOverrides(spec: ClusterSpec | undefined): Partial<ClusterConfig> {
  const out: Partial<ClusterConfig> = {};
  if (spec?.nodes !== undefined) {
    // A number means that many workers beside the default cluster's tainted control plane.
    out.nodes = typeof spec.nodes === 'number'
      ? defaultNodes(spec.nodes)
      : spec.nodes.map((n, i): NodeConfig => ({ ...defaultWorker(i + 1), name: n.name, ...(n.internalIP ? { internalIP: n.internalIP } : {}), labels: { ...nodeLabels(n.name, n.zone), ...(n.labels ?? {}) }, taints: n.taints ?? [], zone: n.zone, podCIDR: n.podCIDR }));
  }
  if (spec?.podCIDR) out.podCIDR = spec.podCIDR;
  if (spec?.serviceCIDR) out.serviceCIDR = spec.serviceCIDR;
  if (spec?.clusterDomain) out.clusterDomain = spec.clusterDomain;
  if (spec?.nodePortRange) {
    const [min, max] = spec.nodePortRange.split('-').map(Number);
    out.nodePortRange = { min, max };
  }
  if (spec?.loadBalancer) out.loadBalancer = spec.loadBalancer.provider === 'pool' ? { provider: 'pool', addresses: spec.loadBalancer.addresses ?? [] } : { provider: 'none' };
  if (spec?.upstreamDNS) out.upstreamDNS = spec.upstreamDNS;
  if (spec?.maxPods !== undefined) out.maxPods = spec.maxPods;
  if (spec?.networkPolicies !== undefined) out.networkPolicies = spec.networkPolicies;
  if (spec?.ingressController !== undefined) out.ingressController = spec.ingressController;
  if (spec?.gatewayControllers !== undefined) out.gatewayControllers = [...spec.gatewayControllers];
  return out;
}

/** The starting files, with `solution/` files replacing those of the same name (and adding new ones). */
export function solutionSources(s: LoadedScenario): SourceFile[] {
  const solution = s.solution ?? [];
  const names = new Set(solution.map((f) => path.basename(f.absPath ?? f.path)));
  return [...s.manifests.filter((f) => !names.has(path.basename(f.absPath ?? f.path))), ...solution];
}

/** The pipeline options of a scenario: its namespace, seed, lint rules and cluster. */
export type ScenarioAnalyzeOptions = AnalyzeOptions & { namespace: string; seed: number };

export function analyzeOptions(s: LoadedScenario, seed: number, maxPods?: number): ScenarioAnalyzeOptions {
  const cluster = clusterOverrides(s.spec.cluster);
  if (maxPods !== undefined) cluster.maxPods = maxPods;
  return { namespace: s.spec.namespace ?? 'default', seed, rules: s.spec.lintRules, cluster, cwd: s.cwd };
}

/** The seed of a run: the scenario's own, else the one asked for, else 1. */
export function scenarioSeed(s: LoadedScenario, asked: number | undefined): number {
  return s.spec.seed ?? asked ?? DEFAULT_SEED;
}

export interface StagePoint {
  /** Step name, or null for the top-level `expect`. */
  step: string | null;
  /** Where this point's `expect` sits in scenario.yaml. */
  base: FieldPath;
  update: boolean;
}

/**
 * The state at one point of a scenario, for its expectations: the sources linted on first use,
 * then simulated on first use with the readiness set so far. A simulator failure is kept and
 * thrown again, so that every expectation of the point reports it.
 */
export function stageContext(s: LoadedScenario, at: StagePoint, options: ScenarioAnalyzeOptions, sources: () => SourceFile[], readiness: Record<string, boolean>): EvalContext {
  let linted: Linted | null = null;
  let cluster: SimCluster | null = null;
  let simError: Error | null = null;
  const ctx: EvalContext = {
    scenario: s,
    ...at,
    namespace: options.namespace,
    seed: options.seed,
    lint: () => (linted ??= lintStage(sources(), options)).lint,
    sim: () => {
      if (cluster) return cluster;
      if (simError) throw simError;
      try {
        const ready = Object.keys(readiness).length ? { readiness: { ...readiness } } : {};
        cluster = simulateStage(ctx.lint(), { ...options, cluster: { ...options.cluster, ...ready } });
        return cluster;
      } catch (err) {
        // The pod limit is the scenario's own doing, said in full; anything else is the simulator's.
        simError = err instanceof PodLimitError ? err : new Error(`the simulator failed: ${err instanceof Error ? err.message : String(err)}`);
        throw simError;
      }
    },
  };
  return ctx;
}
