/**
 * `svclab validate`: a scenario's manifests checked without running the scenario. The top-level
 * state is built exactly as `svclab test` builds it (src/scenario/analysis.ts), so that the two
 * lint the same files against the same cluster and judge `expect.lint` the same way.
 */
import type { Finding } from '../types';
import { analyzeOptions, scenarioSeed, solutionSources, stageContext } from './analysis';
import { ClusterConfigError } from '../sim/cluster-config';
import { EXPECTATIONS } from './expectations';
import type { LoadedScenario } from './load';
import type { ExpectationResult } from './result';

export interface ScenarioValidation {
  /** The lint errors in the manifests (an exercise: with its solution applied). */
  errors: Finding[];
  /** The scenario's own `expect.lint`, judged as `svclab test` judges it; null when it has none. */
  lint: ExpectationResult | null;
  /** Why the manifests could not be linted at all (a `cluster:` that cannot be), or null. */
  failure: string | null;
  /** Valid: the scenario's `expect.lint` holds, or, without one, there is no lint error. */
  valid: boolean;
}

export function validateScenario(s: LoadedScenario): ScenarioValidation {
  const options = analyzeOptions(s, scenarioSeed(s, undefined));
  const sources = s.solution ? solutionSources(s) : s.manifests;
  // Only `expect.lint` is judged, which needs no simulation: the context never simulates here.
  const ctx = stageContext(s, { step: null, base: ['expect'], update: false }, options, () => sources, {});
  let errors: Finding[];
  try {
    errors = ctx.lint().findings.filter((f) => f.severity === 'error');
  } catch (err) {
    if (err instanceof ClusterConfigError) return { errors: [], lint: null, failure: err.message, valid: false };
    throw err;
  }
  const lint = s.spec.expect?.lint ? EXPECTATIONS.lint.evaluate(ctx, s.spec.expect.lint, ['expect', 'lint']) : null;
  return { errors, lint, failure: null, valid: lint ? lint.status === 'passed' : errors.length === 0 };
}
