/** `get:` expectations: text snapshots of `svclab get`. */
import type { Common } from './common';

/** What `get` lists, like `kubectl get`. */
export type GetResource = 'pods' | 'svc' | 'endpoints' | 'endpointslices' | 'nodes' | 'ingress' | 'ingressclass' | 'gatewayclass' | 'gateway' | 'httproute' | 'grpcroute';

/**
 * One snapshot.
 * @examples [{ "resource": "endpoints", "snapshot": "endpoints.txt" }]
 */
export interface GetSpec extends Common {
  /**
   * What to list, like `kubectl get`.
   * @examples ["svc"]
   */
  resource: GetResource;
  /**
   * Namespace of the source pod and of names without one (default: the scenario namespace, usually `default`).
   * @examples ["default"]
   */
  namespace?: string;
  /**
   * List every namespace (`-A`).
   * @examples [true]
   */
  allNamespaces?: boolean;
  /**
   * Wide columns (`-o wide`).
   * @examples [true]
   */
  wide?: boolean;
  /**
   * Snapshot file, relative to the scenario folder (default `__snapshots__/<step>-<resource>.txt`).
   * @examples ["__snapshots__/svc.txt"]
   */
  snapshot?: string;
}
