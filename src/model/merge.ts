import type { Base, Model } from './types';

/**
 * The main thread builds the model of a parallel run from the files' own models (those its
 * share already built for the per-object rules), in file order: the same arrays buildModel
 * over every manifest would give, without building them twice.
 */
const LISTS = ['objects', 'services', 'workloads', 'endpoints', 'endpointSlices', 'ingresses', 'networkPolicies', 'namespaces'] as const;

/** Appends one file's model to `into`. */
export function appendModel(into: Model, part: Model): void {
  for (const list of LISTS) for (const o of part[list] as Array<Base<string>>) (into[list] as Array<Base<string>>).push(o);
}

export function emptyModel(defaultNamespace: string): Model {
  return { objects: [], services: [], workloads: [], endpoints: [], endpointSlices: [], ingresses: [], networkPolicies: [], namespaces: [], defaultNamespace };
}
