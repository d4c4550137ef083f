/**
 * ValidateObjectMeta's label check (k8s.io/apimachinery/pkg/apis/meta/v1/validation
 * ValidateLabels: each key a qualified name, each value a label value; errors at the map's path),
 * shared by every object the simulator validates (Services and their selectors, Endpoints, EndpointSlices).
 */
import type { FieldPath } from '../types';
import { obj } from './guards';
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
