/** `steps:`: changes to the cluster, each followed by its own expectations. */
import type { Count, LocalizedText, ObjectRef } from './common';
import type { ExpectSpec } from './expect';

/**
 * One scale.
 * @examples [{ "ref": "Deployment/web", "replicas": 0 }]
 */
export interface ScaleSpec {
  /**
   * An object as `Kind/name` or `Kind/namespace/name`.
   * @examples ["Deployment/hostname-deployment"]
   */
  ref: ObjectRef;
  /**
   * New replica count.
   * @examples [0]
   */
  replicas: Count;
}

/**
 * One relabel.
 * @examples [{ "ref": "Service/web", "selector": { "app": "web-server" } }]
 */
export interface RelabelSpec {
  /**
   * An object as `Kind/name` or `Kind/namespace/name`.
   * @examples ["Deployment/hostname-deployment"]
   */
  ref: ObjectRef;
  /**
   * New selector (Service `spec.selector`, or a workload's `spec.selector.matchLabels`).
   * @examples [{ "app": "webserver" }]
   */
  selector?: Record<string, string>;
  /**
   * New pod template labels (workload) or labels (Pod).
   * @examples [{ "app": "webserver" }]
   */
  labels?: Record<string, string>;
}

/**
 * One readiness change.
 * @examples [{ "ref": "Deployment/web", "ready": false }]
 */
export interface ReadinessSpec {
  /**
   * A workload (`Kind/name`) or a pod name.
   * @examples ["Deployment/web", "web-0"]
   */
  ref: string;
  /**
   * Ready or not.
   * @examples [false]
   */
  ready: boolean;
}

/**
 * One step of the walkthrough: change the cluster, then check.
 * @examples [{ "name": "scale to zero", "scale": [{ "ref": "Deployment/web", "replicas": 0 }], "expect": { "endpoints": [{ "service": "web", "empty": true }] } }]
 */
export interface StepSpec {
  /**
   * What this step does, as the tutorial would say it.
   * @examples ["now change the selector and watch the endpoints disappear"]
   */
  name: string;
  /**
   * Longer explanation, shown in reports.
   * @examples ["The Service keeps its ClusterIP but loses its endpoints."]
   */
  description?: LocalizedText;
  /**
   * Shown to the person running the test when this expectation fails: what to check or change (the tutorial hint of an exercise).
   * @examples ["Check that the Service selector matches the pod labels."]
   */
  hint?: LocalizedText;
  /**
   * More manifest files, folders or globs (relative to the scenario folder and inside it; keep them in `steps/` so they are not loaded at the start). An object that already exists is replaced; a folder applies its manifest files, as `kubectl apply -f DIR`.
   * @examples [["steps/nodeport.yaml"]]
   */
  apply?: string[];
  /**
   * Objects to delete.
   * @examples [["Service/web"]]
   */
  delete?: ObjectRef[];
  /**
   * Change replicas.
   * @examples [[{ "ref": "Deployment/web", "replicas": 0 }]]
   */
  scale?: ScaleSpec[];
  /**
   * Change a Service selector, a workload's pod labels, or both.
   * @examples [[{ "ref": "Service/web", "selector": { "app": "web-server" } }]]
   */
  relabel?: RelabelSpec[];
  /**
   * Mark pods ready or not ready (readiness probe passing or failing).
   * @examples [[{ "ref": "Deployment/web", "ready": false }]]
   */
  setReady?: ReadinessSpec[];
  /** Expectations checked after this step's changes. */
  expect?: ExpectSpec;
}
