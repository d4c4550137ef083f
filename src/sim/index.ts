/** The cluster simulator's public surface. */
export type * from './types';
export { simulate, simulateModel, manifestsOf, SimulateInputError, DEFAULT_SEED } from './simulate';
export type { SimulateInput } from './simulate';
export { ClusterConfigError, CLUSTER_API_VERSION, clusterOverridesFromObject, resolveClusterConfig } from './cluster-config';
export { defaultClusterConfig } from './default-cluster';
