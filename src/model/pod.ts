/** Kubernetes' own predicates on a pod, once, each named after its upstream function. */
import type { IntOrString, PodSpec } from './types';

/**
 * pkg/api/v1/pod/util.go FindPort: a numeric targetPort is taken as it is (whether or not a
 * container declares it); a named one is the first container port with that name and the
 * Service port's protocol, among the containers and then the sidecars (init containers with
 * `restartPolicy: Always`). Undefined when no port has that name and protocol.
 */
export function findPort(pod: { spec: Pick<PodSpec, 'containers' | 'initContainers'> }, svcPort: { targetPort: IntOrString; protocol: string }): number | undefined {
  const name = svcPort.targetPort;
  if (typeof name === 'number') return name;
  for (const c of pod.spec.containers) {
    for (const p of c.ports) if (p.name === name && p.protocol === svcPort.protocol) return p.containerPort;
  }
  for (const c of pod.spec.initContainers) {
    if (c.restartPolicy !== 'Always') continue;
    for (const p of c.ports) if (p.name === name && p.protocol === svcPort.protocol) return p.containerPort;
  }
  return undefined;
}
