/**
 * ValidateObjectMeta's label check (k8s.io/apimachinery/pkg/apis/meta/v1/validation
 * ValidateLabels: each key a qualified name, each value a label value; errors at the map's path),
 * shared by every object the simulator validates (Services and their selectors, Endpoints, EndpointSlices).
 */
import type { FieldPath } from '../types';
import { obj, valueAt } from './guards';
import type { InvalidValue } from './invalid';
import { invalidEach, labelValueErrors, qualifiedNameErrors } from './validation';

export function labelsErrors(map: unknown, path: FieldPath): InvalidValue[] {
  const errs: InvalidValue[] = [];
  for (const [k, v] of Object.entries(obj(map))) {
    errs.push(...invalidEach(path, k, qualifiedNameErrors(k)));
    if (typeof v === 'string') errs.push(...invalidEach(path, v, labelValueErrors(v)));
  }
  return errs;
}

/**
 * The label checks the API server runs on a workload before any pod exists: ValidateObjectMeta on
 * the object (metadata.labels), ValidateLabelSelector's matchLabels (spec.selector, at the
 * template's level: `spec.jobTemplate.spec.selector` for a CronJob) and ValidatePodTemplateSpec's
 * ValidateObjectMeta on the template (its metadata.labels). A Pod is its own template.
 */
export function workloadLabelErrors(manifest: unknown, templatePath: FieldPath): InvalidValue[] {
  const root = obj(manifest);
  const errs = labelsErrors(obj(root.metadata).labels, ['metadata', 'labels']);
  if (templatePath.length === 0) return errs;
  const owner = templatePath.slice(0, -1);
  errs.push(...labelsErrors(valueAt(root, [...owner, 'selector', 'matchLabels']), [...owner, 'selector', 'matchLabels']));
  errs.push(...labelsErrors(valueAt(root, [...templatePath, 'metadata', 'labels']), [...templatePath, 'metadata', 'labels']));
  return errs;
}
