/**
 * A scenario's world for `svclab get|curl|dig --scenario DIR [--step NAME|N]`: the manifests the
 * scenario starts from (never `solution/`), its `cluster:`, seed and namespace, and the steps up
 * to the one asked for applied as `svclab test` applies them. Poking a scenario then shows what
 * its expectations check.
 */
import * as path from 'node:path';
import { dict } from '../model/guards';
import type { SourceFile } from '../load/source';
import type { ClusterConfig } from '../sim/types';
import { analyzeOptions, scenarioSeed } from './analysis';
import { loadScenario } from './load';
import { applyStep } from './run';
import { Workspace } from './workspace';

export class ScenarioWorldError extends Error {}

export interface ScenarioWorld {
  sources: SourceFile[];
  /** The namespace to show and send from: the one asked for, else the scenario's. */
  namespace: string;
  /** The namespace objects without one land in: the scenario's. */
  objectNamespace: string;
  rules?: Record<string, 'off' | 'info' | 'warning' | 'error'>;
  seed: number;
  cluster: Partial<ClusterConfig>;
  /** The step whose state this is, or null for the starting state. */
  step: string | null;
}

/** Picks a step by name, or by its number counted from 1. */
function stepIndex(names: string[], wanted: string): number {
  const byName = names.indexOf(wanted);
  if (byName >= 0) return byName;
  if (/^\d+$/.test(wanted) && Number(wanted) >= 1 && Number(wanted) <= names.length) return Number(wanted) - 1;
  const list = names.length ? names.map((n, i) => `${i + 1} "${n}"`).join(', ') : 'the scenario has no steps';
  throw new ScenarioWorldError(`--step ${wanted}: no such step (${list})`);
}

export function scenarioWorld(dir: string, cwd: string, options: { step?: string; seed?: number; namespace?: string; root?: string; lang?: string }): ScenarioWorld {
  const loaded = loadScenario(path.resolve(cwd, dir), cwd, { root: options.root, lang: options.lang });
  if (!loaded.ok) throw new ScenarioWorldError(loaded.errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`).join('\n'));
  const s = loaded.scenario;
  const seed = options.seed ?? scenarioSeed(s, undefined);
  const analysis = analyzeOptions(s, seed);
  const namespace = options.namespace ?? analysis.namespace;
  const workspace = new Workspace(s.manifests, analysis.namespace);
  const readiness: Record<string, boolean> = dict();
  const steps = s.spec.steps ?? [];
  const last = options.step === undefined ? -1 : stepIndex(steps.map((st) => st.name), options.step);
  for (let i = 0; i <= last; i++) {
    const problems = applyStep(s, workspace, steps[i], i, readiness);
    if (problems.length) throw new ScenarioWorldError(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).join('\n'));
  }
  const cluster = { ...analysis.cluster, ...(Object.keys(readiness).length ? { readiness: { ...readiness } } : {}) };
  return { sources: workspace.sources(), namespace, objectNamespace: analysis.namespace, ...(s.spec.lintRules ? { rules: s.spec.lintRules } : {}), seed, cluster, step: last >= 0 ? steps[last].name : null };
}
