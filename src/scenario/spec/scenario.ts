/** The top of a scenario.yaml. */
import type { ClusterSpec } from './cluster';
import type { Integer, LocalizedText } from './common';
import type { ExpectSpec } from './expect';
import type { StepSpec } from './steps';

/**
 * Scenario identity.
 * @examples [{ "name": "clusterip-by-name" }]
 */
export interface ScenarioMetadata {
  /**
   * Scenario name (unique in a suite; used in reports and `--filter`).
   * @examples ["clusterip-by-name"]
   * @minLength 1
   */
  name: string;
  /**
   * Labels (`key: value`).
   * @examples [{ "app": "webserver" }]
   */
  labels?: Record<string, string>;
}

/**
 * Marks the scenario as an exercise: its starting manifests fail until fixed; `.solution/` (or `solution/`) holds the fixed files.
 * @examples [{ "task": "Make the Service reach the pods." }]
 */
export interface ExerciseSpec {
  /**
   * What the learner must do, shown first (without giving the answer away).
   * @examples ["The pods run, but nobody answers through the Service."]
   */
  task?: LocalizedText;
  /**
   * The hint ladder: one more hint is shown after each failed run (`svclab test --hint N` shows the first N now). Start vague, end close to the answer.
   * @examples [["Which pods does the Service send traffic to? `svclab describe svc NAME` shows its Endpoints line.", "Compare the Service's selector with the labels of the pods."]]
   */
  hints?: LocalizedText[];
  /**
   * Shown once the exercise passes: what the learner just saw, in a few sentences.
   * @examples ["A Service finds its pods by labels only: one letter off and it has no endpoints, while everything else looks fine."]
   */
  debrief?: LocalizedText;
  /**
   * The next exercise folder, shown when this one passes.
   * @examples ["../02-target-port"]
   */
  next?: string;
}

/**
 * A scenario folder's scenario.yaml: manifests plus the outcome they must produce. Add `# yaml-language-server: $schema=../../schemas/scenario.schema.json` at the top for completion in editors.
 * @title svclab Scenario
 */
export interface ScenarioSpec {
  /**
   * Always `svclab.io/v1alpha1`.
   * @examples ["svclab.io/v1alpha1"]
   */
  apiVersion: 'svclab.io/v1alpha1';
  /**
   * Always `Scenario`.
   * @examples ["Scenario"]
   */
  kind: 'Scenario';
  /**
   * Scenario identity.
   * @examples [{ "name": "clusterip-by-name" }]
   */
  metadata: ScenarioMetadata;
  /**
   * What the scenario shows, in a sentence or two.
   * @examples ["A pod reaches all three replicas through the Service name"]
   */
  description?: LocalizedText;
  /**
   * Namespace for objects and sources without one (default `default`).
   * @examples ["default"]
   */
  namespace?: string;
  /**
   * Seed for every random choice (default: `--seed`, else 1).
   * @examples [1]
   */
  seed?: Integer;
  /**
   * Manifest files, folders or globs, relative to the folder; they must lead inside it, symlinks followed (or inside the suite root `svclab test --root` names). Default: the other YAML/JSON files in the folder and its `manifests/` subfolder.
   * @examples [["deployment.yaml", "manifests/*.yaml"]]
   */
  manifests?: string[];
  /**
   * Rule severities for this scenario's lint runs.
   * @examples [{ "service-selector-overlap": "off" }]
   */
  lintRules?: Record<string, 'off' | 'info' | 'warning' | 'error'>;
  /**
   * Overrides of the embedded default cluster.
   * @examples [{ "nodes": 3 }, { "loadBalancer": { "provider": "pool", "addresses": ["203.0.113.10"] } }]
   */
  cluster?: ClusterSpec;
  /**
   * Marks the scenario as an exercise: its starting manifests fail until fixed; `.solution/` (or `solution/`) holds the fixed files.
   * @examples [{ "task": "Make the Service reach the pods." }]
   */
  exercise?: ExerciseSpec;
  /**
   * Expectations checked on the starting manifests.
   * @examples [{ "lint": { "errors": 0 } }]
   */
  expect?: ExpectSpec;
  /**
   * Ordered steps; each changes the cluster and checks its own expectations.
   * @examples [[{ "name": "scale down", "scale": [{ "ref": "Deployment/web", "replicas": 1 }] }]]
   */
  steps?: StepSpec[];
}
