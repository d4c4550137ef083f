/**
 * When worker threads pay: one rule for `svclab lint` and `svclab test`. A worker pays twice for
 * what the main thread pays once (its own module loading, JIT warm-up and schema validators, and
 * copying results back), and on 2 CPUs shared with anything else that costs more than it saves.
 * Measured on this 2-CPU machine (CPU seconds, medians, under other load): lint of 10,000
 * documents 25-51 % more CPU with a worker; `svclab test` of 300 generated scenarios 3.81 s with
 * --jobs 1 against 4.86 s with --jobs 2 (+28 %), and no wall time saved. So without an explicit
 * --jobs, workers start only with this many CPUs; an explicit --jobs > 1 always uses them.
 */
export const AUTO_PARALLEL_MIN_CPUS = 3;

/** The number of threads to use: `jobs` when given, else every CPU where workers pay, else 1. */
export function defaultJobs(jobs: number | undefined, cpus: number): number {
  if (jobs !== undefined) return Math.max(1, Math.floor(jobs));
  return cpus >= AUTO_PARALLEL_MIN_CPUS ? cpus : 1;
}
