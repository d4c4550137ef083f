/**
 * The containers of a workload's pod template with their field paths, for the workload rules
 * (port names, duplicate ports, probe ports). Not a rule: no default export, so the registry
 * skips it.
 */
import type { Container, WorkloadObject } from '../model/types';
import type { FieldPath } from '../types';

export interface PodContainer {
  container: Container;
  /** Path of the container entry inside the workload's manifest, e.g. `spec.template.spec.containers[0]`. */
  path: FieldPath;
  init: boolean;
}

/**
 * Init containers first, then app containers: the order in which Kubernetes visits them
 * (pkg/api/pod VisitContainersWithPath), so "the first occurrence" means what it means there.
 */
export function podContainers(w: WorkloadObject): PodContainer[] {
  const spec = [...w.templatePath, 'spec'];
  return [
    ...w.template.spec.initContainers.map((container, i) => ({ container, path: [...spec, 'initContainers', i], init: true })),
    ...w.template.spec.containers.map((container, i) => ({ container, path: [...spec, 'containers', i], init: false })),
  ];
}

/** "container `web`" or "init container `setup`", for messages. */
export function containerLabel(c: PodContainer): string {
  const name = c.container.name || '(unnamed)';
  return `${c.init ? 'init container' : 'container'} \`${name}\``;
}

