/** The simulator's limits a user can see and change (README, "Bad input and limits"). No imports: the CLI checks its flags against them before loading the simulator. */

/** Pods the simulated cluster holds in all unless told otherwise (ClusterConfig.maxPods, --max-pods, the Cluster object's spec.maxPods). */
export const DEFAULT_MAX_PODS = 50_000;
/**
 * The highest pod limit that may be set: 200,000 pods took 5 s and 380 MB to simulate (2 CPUs),
 * so 500,000 stays within a minute and about a gigabyte; more would let a manifest exhaust memory.
 */
export const MAX_POD_LIMIT = 500_000;
