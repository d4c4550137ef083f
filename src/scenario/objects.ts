/**
 * The simulated cluster as Kubernetes API objects, exactly as `svclab get -o json` shows them
 * (the simulator's own renderers), for partial matching in `objects:` expectations.
 */
import { endpointSliceObject, endpointsObject, nodeObject, podObject, serviceObject } from '../views/objects';
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

export const OBJECT_KINDS = ['Node', 'Service', 'Pod', 'Endpoints', 'EndpointSlice'] as const;

/** The objects of one kind of the simulated cluster (rendering all of them for one check would be wasted work). */
export function clusterObjects(c: SimCluster, kind: string): KubeObject[] {
  switch (kind) {
    case 'Node':
      return c.nodes.map((n) => typed(nodeObject(n, c), 'Node'));
    case 'Service':
      return c.services.map((s) => typed(serviceObject(s, c.seed), 'Service'));
    case 'Pod':
      return c.pods.map((p) => typed(podObject(p, c.seed), 'Pod'));
    case 'Endpoints':
      return c.endpoints.map((e) => typed(endpointsObject(e, c), 'Endpoints'));
    case 'EndpointSlice':
      return c.endpointSlices.map((s) => typed(endpointSliceObject(s, c), 'EndpointSlice'));
    default:
      return [];
  }
}
