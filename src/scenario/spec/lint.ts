/** `lint:` expectations: the linter's findings. */
import type { Common, Count, ListSpec, Matcher } from './common';

/**
 * A finding to look for; every field given must match.
 * @examples [{ "rule": "target-port-no-container-port", "object": "Service/web" }]
 */
export interface LintFindingSpec {
  /**
   * Rule id.
   * @examples ["service-selector-no-match"]
   */
  rule?: string;
  /**
   * Severity.
   * @examples ["error"]
   */
  severity?: 'error' | 'warning' | 'info';
  /**
   * The object, as `Kind/name` or `Kind/namespace/name`.
   * @examples ["Service/hostname-svc-clusterip"]
   */
  object?: string;
  /**
   * File the finding is in (relative to the scenario folder).
   * @examples ["service.yaml"]
   */
  file?: string;
  /**
   * Line of the finding.
   * @examples [12]
   * @asType integer
   * @minimum 1
   */
  line?: number;
  /**
   * Field path of the finding.
   * @examples ["spec.selector"]
   */
  path?: string;
  /**
   * The message: a string matches as a substring, or use `{ regex: ... }`.
   * @examples [{ "inCIDR": "10.96.0.0/12" }, { "inRange": [30000, 32767] }, { "regex": "^hostname-deployment-" }]
   */
  message?: Matcher;
}

/**
 * Expectations on the linter's findings for the manifests at this point.
 * @examples [{ "errors": 0 }, { "findings": { "contain": [{ "rule": "service-selector-no-match", "object": "Service/web" }] } }]
 */
export interface LintSpec extends Common {
  /**
   * Exact number of error findings.
   * @examples [0]
   */
  errors?: Count;
  /**
   * Exact number of warning findings.
   * @examples [0]
   */
  warnings?: Count;
  /**
   * Exact number of info findings.
   * @examples [0]
   */
  infos?: Count;
  /**
   * Findings. A plain list must match exactly (same items, any order); or say how: `{ exactly: [...] }` (any order), `{ ordered: [...] }` (same order), `{ contain: [...] }` (at least these), `{ without: [...] }` (none of these).
   * @examples [[]]
   */
  findings?: ListSpec<LintFindingSpec>;
}
