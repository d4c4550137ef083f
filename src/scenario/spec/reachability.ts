/** `reachability:` expectations: a NetworkPolicy truth table of pods × pods for one port. */
import type { Common, PortNumber } from './common';

/**
 * A truth table of pods × pods for one port and protocol, as cyclonus prints it: each cell says
 * whether the cluster's NetworkPolicies allow a new connection from the row's pod to the
 * column's pod IP (`.`) or not (`X`). The whole table is compared; a failure prints the actual
 * table, ready to paste.
 * @examples [{ "port": 80, "namespaces": ["x", "y"], "table": "TCP/80 | x/a | y/a\nx/a | . | X\ny/a | . | .\n" }]
 */
export interface ReachabilitySpec extends Common {
  /**
   * The destination port (on the destination pod).
   * @examples [80]
   */
  port: PortNumber;
  /**
   * The protocol (default TCP).
   * @examples ["TCP"]
   */
  protocol?: 'TCP' | 'UDP' | 'SCTP';
  /**
   * The pods, rows and columns in this order: `NAMESPACE/NAME`, or `NAME` in the scenario namespace. Default: every running pod of `namespaces`, ordered by namespace and name.
   * @examples [["x/a", "x/b", "y/a"]]
   * @minItems 1
   */
  pods?: string[];
  /**
   * Namespaces whose running pods make the rows and columns when `pods` is not given (default: every namespace but kube-system, without the pods of the cluster's own edge controllers: ingress-nginx, Gateway proxies).
   * @examples [["x", "y", "z"]]
   * @minItems 1
   */
  namespaces?: string[];
  /**
   * The expected table: a header line `PROTO/PORT | pod | pod ...`, then one line per source pod with `.` (allowed) or `X` (blocked) per column, cells separated by `|`.
   * @examples ["TCP/80 | x/a | x/b\nx/a | . | X\nx/b | . | .\n"]
   */
  table: string;
}
