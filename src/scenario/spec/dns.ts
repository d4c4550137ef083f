/** `dns:` expectations: lookups through the simulated CoreDNS and the source's resolv.conf. */
import type { Integer, ListSpec, LocalizedText, Matcher, RecordType, Source, WorkloadRef } from './common';

/**
 * An address by object.
 * @minProperties 1
 * @maxProperties 1
 * @examples [{ "service": "redis" }]
 */
export interface AddressByObject {
  /**
   * A Service name (`name` or `namespace/name`).
   * @examples ["redis"]
   */
  service?: string;
  /**
   * A pod name (`name` or `namespace/name`).
   * @examples ["web-0"]
   */
  pod?: string;
  /**
   * A workload as `Kind/name` or `Kind/namespace/name` (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, Pod).
   * @examples ["Deployment/hostname-deployment"]
   */
  workload?: WorkloadRef;
}

/**
 * An expected address: an IP, `{ service: NAME }` (its ClusterIP), `{ pod: NAME }` (its IP) or `{ workload: Kind/name }` (the IPs of its ready pods).
 * @examples ["10.96.0.1", { "service": "hostname-svc-clusterip" }]
 */
export type AddressSpec = string | AddressByObject;

/**
 * An SRV record.
 * @examples [{ "port": 8080, "target": { "regex": "hostname-svc" } }]
 */
export interface SrvSpec {
  /**
   * Port.
   * @examples [8080]
   */
  port?: Integer;
  /**
   * Priority.
   * @examples [0]
   */
  priority?: Integer;
  /**
   * Weight.
   * @examples [100]
   */
  weight?: Integer;
  /**
   * Target name (string, or `{ regex: ... }`).
   * @examples [{ "inCIDR": "10.96.0.0/12" }, { "inRange": [30000, 32767] }, { "regex": "^hostname-deployment-" }]
   */
  target?: Matcher;
}

/**
 * An answer `{ name, type, ttl, data }`, matched as a subset.
 * @examples [{ "type": "A", "data": "10.96.0.10" }]
 */
export type AnswerSpec = Record<string, unknown>;

/**
 * What the answer must be.
 * @examples [{ "rcode": "NOERROR", "a": [{ "service": "redis" }] }]
 */
export interface DnsExpectSpec {
  /**
   * Response code.
   * @examples ["NOERROR"]
   */
  rcode?: 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL';
  /**
   * A/AAAA answer addresses. A plain list must match exactly (same items, any order); or say how: `{ exactly: [...] }` (any order), `{ ordered: [...] }` (same order), `{ contain: [...] }` (at least these), `{ without: [...] }` (none of these).
   * @examples [[]]
   */
  a?: ListSpec<AddressSpec>;
  /**
   * The CNAME chain, in order (each target name).
   * @examples [["my.database.example.com"]]
   */
  cname?: string[];
  /**
   * SRV answers. A plain list must match exactly (same items, any order); or say how: `{ exactly: [...] }` (any order), `{ ordered: [...] }` (same order), `{ contain: [...] }` (at least these), `{ without: [...] }` (none of these).
   * @examples [[]]
   */
  srv?: ListSpec<SrvSpec>;
  /**
   * Raw answers. A plain list must match exactly (same items, any order); or say how: `{ exactly: [...] }` (any order), `{ ordered: [...] }` (same order), `{ contain: [...] }` (at least these), `{ without: [...] }` (none of these).
   * @examples [[]]
   */
  answers?: ListSpec<AnswerSpec>;
  /**
   * NOERROR with no answer of this type.
   * @examples [true]
   */
  empty?: boolean;
  /**
   * Fully qualified names the resolver sent, in order. A plain list must match exactly (same items, any order); or say how: `{ exactly: [...] }` (any order), `{ ordered: [...] }` (same order), `{ contain: [...] }` (at least these), `{ without: [...] }` (none of these).
   * @examples [[]]
   */
  tried?: ListSpec<string>;
  /**
   * Which resolver answered.
   * @examples ["cluster"]
   */
  server?: 'cluster' | 'node' | 'none';
}

/**
 * One DNS lookup.
 * @examples [{ "from": "pod", "name": "hostname-svc-clusterip", "expect": { "rcode": "NOERROR" } }]
 */
export interface DnsSpec {
  /**
   * The name to look up, as a program in the source would (short names go through the search list).
   * @examples ["hostname-svc-clusterip", "web-0.web.default.svc.cluster.local"]
   */
  name: string;
  /**
   * A short name for this expectation, used in reports.
   * @examples ["redis resolves from the counter pod"]
   */
  title?: LocalizedText;
  /**
   * Shown to the person running the test when this expectation fails: what to check or change (the tutorial hint of an exercise).
   * @examples ["Check that the Service selector matches the pod labels."]
   */
  hint?: LocalizedText;
  /**
   * Where the request or lookup starts: `pod` (an ad-hoc debug pod, like `kubectl run debug`, in `namespace`), `pod/NAME`, `pod/NS/NAME` (an existing pod; NAME may be a prefix such as the Deployment name), `node/NAME`, or `external` (a client outside the cluster).
   * @examples ["pod", "node/node-1", "external", "pod/counter"]
   */
  from: Source;
  /**
   * Namespace of the source pod and of names without one (default: the scenario namespace, usually `default`).
   * @examples ["default"]
   */
  namespace?: string;
  /**
   * Record type (default A).
   * @examples ["A", "SRV"]
   */
  type?: RecordType;
  /**
   * What the answer must be.
   * @examples [{ "rcode": "NOERROR", "a": [{ "service": "redis" }] }]
   */
  expect: DnsExpectSpec;
}
