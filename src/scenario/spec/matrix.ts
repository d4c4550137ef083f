/** `matrix:` expectations: reachability matrices. */
import type { Common, RouteOutcome, Source } from './common';

/**
 * One cell.
 * @examples [{ "from": "external", "to": "web:80", "outcome": "dns-error" }]
 */
export interface MatrixCellSpec {
  /**
   * Where the request or lookup starts: `pod` (an ad-hoc debug pod, like `kubectl run debug`, in `namespace`), `pod/NAME`, `pod/NS/NAME` (an existing pod; NAME may be a prefix such as the Deployment name), `node/NAME`, or `external` (a client outside the cluster).
   * @examples ["pod", "node/node-1", "external", "pod/counter"]
   */
  from: Source;
  /**
   * Target, as written in `to` (after `${node:*}` expansion, as shown in the table).
   * @examples ["web:80"]
   */
  to: string;
  /**
   * A route outcome.
   * @examples ["ok"]
   */
  outcome: RouteOutcome;
}

/**
 * One matrix.
 * @examples [{ "from": ["pod", "node/node-1"], "to": ["web:80"], "expect": "ok" }]
 */
export interface MatrixSpec extends Common {
  /**
   * Namespace of the source pod and of names without one (default: the scenario namespace, usually `default`).
   * @examples ["default"]
   */
  namespace?: string;
  /**
   * Sources (rows). `node/*` = every node.
   * @examples [["pod", "node/*", "external"]]
   * @minItems 1
   */
  from: Source[];
  /**
   * Targets (columns), as in routes. `${node:*}` = one column per node.
   * @examples [["${node:*}:31000"]]
   * @minItems 1
   */
  to: string[];
  /**
   * The outcome every cell must have, except the cells in `except`.
   * @examples ["ok"]
   */
  expect?: RouteOutcome;
  /**
   * Cells with another outcome.
   * @examples [[{ "from": "external", "to": "web:80", "outcome": "dns-error" }]]
   */
  except?: MatrixCellSpec[];
  /**
   * The full expected table: one row per source, one outcome per target.
   * @examples [[["ok", "ok"], ["dns-error", "ok"]]]
   */
  table?: RouteOutcome[][];
}

/**
 * A matrix of HTTP requests: every host against every path, through the ingress controller or
 * Gateway that serves the host; a cell is the backend Service (`namespace/name` or `name`) of a
 * 200 answer, or the status code when the answer is not 200.
 * @examples [{ "hosts": ["shop.example.com"], "paths": ["/", "/api"], "table": [["web", "api"]] }]
 */
export interface HttpMatrixSpec extends Common {
  /**
   * Where the requests start (default `external`).
   * @examples ["external"]
   */
  from?: Source;
  /**
   * Namespace of Service names without one (default: the scenario namespace).
   * @examples ["default"]
   */
  namespace?: string;
  /**
   * `http` (default) or `https`.
   * @examples ["https"]
   */
  scheme?: 'http' | 'https';
  /**
   * Hosts (rows).
   * @examples [["shop.example.com", "www.example.com"]]
   * @minItems 1
   */
  hosts: string[];
  /**
   * Paths (columns).
   * @examples [["/", "/api/v1"]]
   * @minItems 1
   */
  paths: string[];
  /**
   * HTTP method (default GET).
   * @examples ["GET"]
   */
  method?: string;
  /**
   * HTTP headers sent with every request.
   * @examples [{ "X-Canary": "yes" }]
   */
  headers?: Record<string, string>;
  /**
   * One row per host, one cell per path: a Service (`name` or `namespace/name`, for a 200 answer from it) or a status code.
   * @examples [[["web", "api"], [404, 404]]]
   */
  table: Array<Array<string | number>>;
}
