/**
 * The simulated cluster as Kubernetes API objects, exactly as `svclab get -o json` shows them
 * (the simulator's own renderers), for partial matching in `objects:` expectations.
 */
import { endpointSliceObject, endpointsObject, nodeObject, podObject, serviceObject } from '../sim/objects';
import type { SimCluster } from '../sim/types';

export interface KubeObject {
  kind: string;
  metadata: { name: string; namespace?: string };
  [key: string]: unknown;
}

function typed(o: Record<string, unknown>, kind: string): KubeObject {
  const metadata = (o.metadata ?? {}) as KubeObject['metadata'];
  return { ...o, kind, metadata };
}

/** Every object of the simulated cluster. */
export function clusterObjects(c: SimCluster): KubeObject[] {
  return [
    ...c.nodes.map((n) => typed(nodeObject(n, c), 'Node')),
    ...c.services.map((s) => typed(serviceObject(s, c.seed), 'Service')),
    ...c.pods.map((p) => typed(podObject(p, c.seed), 'Pod')),
    ...c.endpoints.map((e) => typed(endpointsObject(e, c), 'Endpoints')),
    ...c.endpointSlices.map((s) => typed(endpointSliceObject(s, c), 'EndpointSlice')),
  ];
}
