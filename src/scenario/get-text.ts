/** `get` snapshots hold exactly what `svclab get` prints (the simulator's kubectl printers). */
import { renderGet, resolveResource } from '../views/kubectl-get';
import type { SimCluster } from '../sim/types';
import type { GetSpec } from './spec';

export function getText(cluster: SimCluster, spec: GetSpec, defaultNamespace: string): string {
  const out = renderGet(cluster, resolveResource(spec.resource), { namespace: spec.namespace ?? defaultNamespace, allNamespaces: spec.allNamespaces === true, output: spec.wide ? 'wide' : undefined });
  return out.stdout + out.stderr;
}
