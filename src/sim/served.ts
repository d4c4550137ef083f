/**
 * The API server's first check: does it serve the object's apiVersion and kind at all? kubectl
 * asks the RESTMapper for the kind's resource before sending anything; for an apiVersion the
 * cluster's release no longer serves (extensions/v1beta1 Deployment since v1.16, ...) it fails
 * with `no matches for kind "Deployment" in version "extensions/v1beta1"` and the object is
 * never created: no defaulting, no validation, no pods. The lint rule deprecated-api says the
 * same about the same objects (model/kinds.ts unservedBy decides for both).
 */
import { unservedBy } from '../model/kinds';
import type { Model } from '../model/types';
import type { RejectedObject } from './types';

/** The model without the objects a cluster of this Kubernetes version does not serve; those go to `rejected`. */
export function servedModel(model: Model, kubernetesVersion: string, rejected: RejectedObject[]): Model {
  const refused = new Set<unknown>();
  for (const o of model.objects) {
    const removed = unservedBy(o.ref.apiVersion, o.kind, kubernetesVersion);
    if (!removed) continue;
    refused.add(o.manifest);
    rejected.push({
      kind: o.kind, namespace: o.ref.namespace, name: o.ref.name,
      reason: `no matches for kind "${o.kind}" in version "${o.ref.apiVersion}" (Kubernetes ${kubernetesVersion} does not serve it; it was removed in ${removed.removedIn})`,
    });
  }
  if (refused.size === 0) return model;
  const keep = <T extends { manifest: unknown }>(list: T[]) => list.filter((x) => !refused.has(x.manifest));
  return {
    ...model,
    objects: keep(model.objects), services: keep(model.services), workloads: keep(model.workloads), endpoints: keep(model.endpoints),
    endpointSlices: keep(model.endpointSlices), ingresses: keep(model.ingresses), networkPolicies: keep(model.networkPolicies), namespaces: keep(model.namespaces),
  };
}
