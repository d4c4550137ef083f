/** `objects:` expectations: partial matches on the simulated objects. */
import type { Common, Count } from './common';

/**
 * One object expectation.
 * @examples [{ "ref": "Service/web", "match": { "spec": { "type": "ClusterIP" } } }]
 */
export interface ObjectSpec extends Common {
  /**
   * The object: `Kind/name` or `Kind/namespace/name` (Pod names may end in `*` to match by prefix; every match must satisfy `match`).
   * @examples ["Service/hostname-svc-clusterip", "Pod/web-0"]
   */
  ref: string;
  /**
   * A subset of the object that must hold. A value to match. Scalars match by equality; a mapping matches as a subset (keys not named are not checked); a plain list matches exactly in any order. Helpers (a mapping with one of these keys): `inCIDR: 10.96.0.0/12`, `inRange: [30000, 32767]`, `regex: "^hostname-"`, `exists: false`, `exactly|ordered|contain|without: [...]`.
   * @examples [{ "inCIDR": "10.96.0.0/12" }, { "inRange": [30000, 32767] }, { "regex": "^hostname-deployment-" }]
   */
  match?: Record<string, unknown>;
  /**
   * The object must not exist.
   * @examples [true]
   */
  absent?: boolean;
  /**
   * With a prefix ref (`Pod/web-*`): how many objects must match the ref.
   * @examples [3]
   */
  count?: Count;
}
