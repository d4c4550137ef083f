/** `endpoints:` expectations: a Service's EndpointSlices / Endpoints. */
import type { Common, Count, Integer, ListSpec, PodSetSpec, PortNumber } from './common';

/**
 * A set of endpoints of the Service.
 * @examples [{ "workload": "Deployment/hostname-deployment", "port": 80 }]
 */
export interface EndpointSetSpec extends PodSetSpec {
  /**
   * Number of endpoint addresses.
   * @examples [3]
   */
  count?: Count;
  /**
   * The endpoint (target) port every listed endpoint must carry.
   * @examples [80]
   */
  port?: PortNumber;
  /**
   * Endpoint addresses as `ip:port` (or `ip`). A plain list must match exactly (same items, any order); or say how: `{ exactly: [...] }` (any order), `{ ordered: [...] }` (same order), `{ contain: [...] }` (at least these), `{ without: [...] }` (none of these).
   * @examples [[]]
   */
  addresses?: ListSpec<string>;
}

/**
 * One Service's endpoints.
 * @examples [{ "service": "web", "ready": { "count": 3 } }]
 */
export interface EndpointsSpec extends Common {
  /**
   * The Service, as `name` or `namespace/name`.
   * @examples ["hostname-svc-clusterip"]
   */
  service: string;
  /**
   * Namespace of the source pod and of names without one (default: the scenario namespace, usually `default`).
   * @examples ["default"]
   */
  namespace?: string;
  /**
   * Only this Service port (number or name).
   * @examples [8080, "web-port"]
   */
  port?: Integer | string;
  /**
   * A set of endpoints of the Service.
   * @examples [{ "workload": "Deployment/hostname-deployment", "port": 80 }]
   */
  ready?: EndpointSetSpec;
  /**
   * The endpoints that are not ready (still listed in EndpointSlices).
   * @examples [{ "workload": "Deployment/hostname-deployment", "port": 80 }]
   */
  notReady?: EndpointSetSpec;
  /**
   * The Service has no endpoint at all (ready or not).
   * @examples [true]
   */
  empty?: boolean;
}
