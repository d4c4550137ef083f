/**
 * The shape of a scenario.yaml. `schemas/scenario.schema.json` is generated from these types
 * (`npm run gen:scenario-schema`, scripts/gen-scenario-schema.js): a key's JSDoc text is its
 * description, `@examples` its examples, and `@asType integer`, `@minimum`, `@pattern`,
 * `@minProperties`... its constraints. The loader checks the file against that schema first,
 * so code after it may rely on these types.
 *
 * Keep the words here for the person writing a scenario (editors show them on hover), and
 * keep each interface closed: the generator makes every object `additionalProperties: false`.
 */

/**
 * A value to match. Scalars match by equality; a mapping matches as a subset (keys not named are
 * not checked); a plain list matches exactly in any order. Helpers (a mapping with one of these
 * keys): `inCIDR: 10.96.0.0/12`, `inRange: [30000, 32767]`, `regex: "^hostname-"`,
 * `exists: false`, `exactly|ordered|contain|without: [...]`.
 */
export type Matcher = unknown;

/** @asType integer */
type Integer = number;

/**
 * A port number.
 * @asType integer
 * @minimum 1
 * @maximum 65535
 */
type PortNumber = number;

/**
 * A count of things.
 * @asType integer
 * @minimum 0
 */
type Count = number;

/**
 * A workload as `Kind/name` or `Kind/namespace/name` (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, Pod).
 * @examples ["Deployment/hostname-deployment"]
 */
type WorkloadRef = string;

/**
 * An object as `Kind/name` or `Kind/namespace/name`.
 * @examples ["Deployment/hostname-deployment"]
 */
type ObjectRef = string;

/**
 * Where the request or lookup starts: `pod` (an ad-hoc debug pod, like `kubectl run debug`, in `namespace`), `pod/NAME`, `pod/NS/NAME` (an existing pod; NAME may be a prefix such as the Deployment name), `node/NAME`, or `external` (a client outside the cluster).
 * @examples ["pod", "node/node-1", "external", "pod/counter"]
 */
type Source = string;

/**
 * A route outcome.
 * @examples ["ok"]
 */
export type RouteOutcome = 'ok' | 'refused' | 'dropped' | 'dns-error';

/** A transport protocol. */
export type ScenarioProtocol = 'TCP' | 'UDP' | 'SCTP';

/** A DNS record type. */
export type RecordType = 'A' | 'AAAA' | 'SRV' | 'CNAME' | 'PTR' | 'TXT';

/**
 * A list with an explicit match mode.
 * @minProperties 1
 * @examples [{ "contain": [] }]
 */
export interface ListModes<T> {
  /**
   * The same items, in any order, and no others.
   * @examples [[]]
   */
  exactly?: T[];
  /**
   * The same items in the same order, and no others.
   * @examples [[]]
   */
  ordered?: T[];
  /**
   * At least these items (others may be present).
   * @examples [[]]
   */
  contain?: T[];
  /**
   * None of these items may be present.
   * @examples [[]]
   */
  without?: T[];
}

/** A list with its match mode; a plain array means `exactly`. */
export type ListSpec<T> = T[] | ListModes<T>;

/**
 * A set of pods: by workload, by pod names (or name prefixes), or by count.
 * @minProperties 1
 * @examples [{ "workload": "Deployment/hostname-deployment" }]
 */
export interface PodSetSpec {
  /**
   * A workload as `Kind/name` or `Kind/namespace/name` (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, Pod).
   * @examples ["Deployment/hostname-deployment"]
   */
  workload?: WorkloadRef;
  /**
   * Several workloads: the set is the union of their ready pods.
   * @examples [["Deployment/web", "Deployment/web-canary"]]
   */
  workloads?: WorkloadRef[];
  /**
   * Pod names, as `name` or `namespace/name`; a name ending in `*` is a prefix.
   * @examples [["web-0", "web-1"]]
   */
  pods?: string[];
  /**
   * How many distinct pods.
   * @examples [3]
   */
  count?: Count;
}

/** What every expectation may carry besides its own keys. */
export interface Common {
  /**
   * A short name for this expectation, used in reports and as the jest test name (default: derived from the expectation).
   * @examples ["reaches all replicas"]
   */
  name?: string;
  /**
   * Shown to the person running the test when this expectation fails: what to check or change (the tutorial hint of an exercise).
   * @examples ["Check that the Service selector matches the pod labels."]
   */
  hint?: string;
}

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

/**
 * What the request must produce. Sets are computed from the route's full candidate set, never from luck.
 * @examples [{ "outcome": "ok", "reaches": { "workload": "Deployment/hostname-deployment" }, "spread": "all" }]
 */
export interface RouteExpectSpec {
  /**
   * The outcome of every sampled request.
   * @examples ["ok"]
   */
  outcome?: RouteOutcome;
  /**
   * The reason text (substring, or `{ regex: ... }`).
   * @examples [{ "inCIDR": "10.96.0.0/12" }, { "inRange": [30000, 32767] }, { "regex": "^hostname-deployment-" }]
   */
  reason?: Matcher;
  /**
   * The set of pods the request can reach must be exactly this set (alias of `reachesAll`); `none` = no pod can be reached.
   * @examples [{ "workload": "Deployment/hostname-deployment" }, "none"]
   */
  reaches?: PodSetSpec | 'none';
  /**
   * Every pod of this set can be reached, and no other.
   * @examples [{ "workload": "Deployment/hostname-deployment" }]
   */
  reachesAll?: PodSetSpec;
  /**
   * Every pod the request can reach is in this set (at least one).
   * @examples [{ "workload": "Deployment/hostname-deployment" }]
   */
  reachesOneOf?: PodSetSpec;
  /**
   * `all`: every candidate answers at least once in `count` sampled requests (sampled with the seed, which the report prints).
   * @examples ["all"]
   */
  spread?: 'all';
  /**
   * Every sampled request lands on the same pod (sessionAffinity: ClientIP); `false`: at least two pods answer.
   * @examples [true]
   */
  sticky?: boolean;
  /**
   * The source address the answering pod sees: `client` (the client's own address is preserved), `node` (SNAT to a node's IP), an IP address, or a matcher such as `{ inCIDR: ... }`.
   * @examples ["node", "client", { "inCIDR": "10.244.0.0/16" }]
   */
  sourceIP?: Matcher;
  /**
   * The Service the request goes through, as `namespace/name`.
   * @examples ["default/hostname-svc-clusterip"]
   */
  service?: string;
  /**
   * The pod port the request is delivered to.
   * @examples [80]
   */
  port?: Integer;
  /**
   * The HTTP body of every answer (substring, or `{ regex: ... }`).
   * @examples [{ "inCIDR": "10.96.0.0/12" }, { "inRange": [30000, 32767] }, { "regex": "^hostname-deployment-" }]
   */
  body?: Matcher;
}

/**
 * One request (or `count` requests) from a source to a target.
 * @examples [{ "from": "pod", "to": "http://hostname-svc-clusterip:8080", "count": 30, "expect": { "outcome": "ok", "spread": "all" } }]
 */
export interface RouteSpec extends Common {
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
   * The target: `IP:port`, `name:port`, `node-IP:nodePort`, a load balancer address, or an `http://` URL of any of those. `${svc:NAME}` = the Service's ClusterIP, `${lb:NAME}` = its load balancer address, `${nodePort:NAME}` = its (first) node port, `${node:NAME}` = a node's InternalIP, `${pod:NAME}` = a pod's IP.
   * @examples ["http://hostname-svc-clusterip:8080", "${svc:hostname-svc-clusterip}:8080", "${node:node-1}:31000"]
   */
  to: string;
  /**
   * Number of requests to sample (default 1).
   * @examples [30]
   * @asType integer
   * @minimum 1
   * @maximum 100000
   */
  count?: number;
  /**
   * Transport protocol (default TCP).
   * @examples ["TCP"]
   */
  protocol?: ScenarioProtocol;
  /**
   * What the request must produce. Sets are computed from the route's full candidate set, never from luck.
   * @examples [{ "outcome": "ok", "reaches": { "workload": "Deployment/hostname-deployment" }, "spread": "all" }]
   */
  expect: RouteExpectSpec;
}

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
  title?: string;
  /**
   * Shown to the person running the test when this expectation fails: what to check or change (the tutorial hint of an exercise).
   * @examples ["Check that the Service selector matches the pod labels."]
   */
  hint?: string;
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

/** What `get` lists, like `kubectl get`. */
export type GetResource = 'pods' | 'svc' | 'endpoints' | 'endpointslices' | 'nodes';

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
 * Expectations checked at this point of the scenario. Each key is a kind of expectation
 * (src/scenario/expectations.ts evaluates them, in this order).
 * @examples [{ "lint": { "errors": 0 } }]
 */
export interface ExpectSpec {
  /**
   * Expectations on the linter's findings for the manifests at this point.
   * @examples [{ "errors": 0 }, { "findings": { "contain": [{ "rule": "service-selector-no-match", "object": "Service/web" }] } }]
   */
  lint?: LintSpec;
  /**
   * Partial matches on simulated objects (Services with allocated ClusterIP and nodePorts, Pods, Endpoints, EndpointSlices, Nodes), in the shape `kubectl get -o yaml` shows.
   * @examples [[{ "ref": "Service/web", "match": { "spec": { "clusterIP": { "inCIDR": "10.96.0.0/12" } } } }]]
   */
  objects?: ObjectSpec[];
  /**
   * Expectations on the endpoints Kubernetes computes for a Service (EndpointSlices / Endpoints).
   * @examples [[{ "service": "hostname-svc-clusterip", "ready": { "workload": "Deployment/hostname-deployment", "port": 80 } }]]
   */
  endpoints?: EndpointsSpec[];
  /**
   * Requests routed through the simulated kube-proxy.
   * @examples [[{ "from": "pod", "to": "hostname-svc-clusterip:8080", "expect": { "outcome": "ok" } }]]
   */
  routes?: RouteSpec[];
  /**
   * Lookups through the simulated cluster DNS (CoreDNS) and the source's resolv.conf.
   * @examples [[{ "from": "pod", "name": "redis", "expect": { "rcode": "NOERROR", "a": [{ "service": "redis" }] } }]]
   */
  dns?: DnsSpec[];
  /**
   * Reachability matrices: every source against every target; a failure prints the actual-vs-expected truth table.
   * @examples [[{ "from": ["pod", "external"], "to": ["${svc:web}:80"], "expect": "ok", "except": [{ "from": "external", "to": "${svc:web}:80", "outcome": "dropped" }] }]]
   */
  matrix?: MatrixSpec[];
  /**
   * Text snapshots of `svclab get` output, stored next to the scenario and rewritten by `svclab test --update`.
   * @examples [[{ "resource": "svc" }]]
   */
  get?: GetSpec[];
}

/**
 * One scale.
 * @examples [{ "ref": "Deployment/web", "replicas": 0 }]
 */
export interface ScaleSpec {
  /**
   * An object as `Kind/name` or `Kind/namespace/name`.
   * @examples ["Deployment/hostname-deployment"]
   */
  ref: ObjectRef;
  /**
   * New replica count.
   * @examples [0]
   */
  replicas: Count;
}

/**
 * One relabel.
 * @examples [{ "ref": "Service/web", "selector": { "app": "web-server" } }]
 */
export interface RelabelSpec {
  /**
   * An object as `Kind/name` or `Kind/namespace/name`.
   * @examples ["Deployment/hostname-deployment"]
   */
  ref: ObjectRef;
  /**
   * New selector (Service `spec.selector`, or a workload's `spec.selector.matchLabels`).
   * @examples [{ "app": "webserver" }]
   */
  selector?: Record<string, string>;
  /**
   * New pod template labels (workload) or labels (Pod).
   * @examples [{ "app": "webserver" }]
   */
  labels?: Record<string, string>;
}

/**
 * One readiness change.
 * @examples [{ "ref": "Deployment/web", "ready": false }]
 */
export interface ReadinessSpec {
  /**
   * A workload (`Kind/name`) or a pod name.
   * @examples ["Deployment/web", "web-0"]
   */
  ref: string;
  /**
   * Ready or not.
   * @examples [false]
   */
  ready: boolean;
}

/**
 * One step of the walkthrough: change the cluster, then check.
 * @examples [{ "name": "scale to zero", "scale": [{ "ref": "Deployment/web", "replicas": 0 }], "expect": { "endpoints": [{ "service": "web", "empty": true }] } }]
 */
export interface StepSpec {
  /**
   * What this step does, as the tutorial would say it.
   * @examples ["now change the selector and watch the endpoints disappear"]
   */
  name: string;
  /**
   * Longer explanation, shown in reports.
   * @examples ["The Service keeps its ClusterIP but loses its endpoints."]
   */
  description?: string;
  /**
   * Shown to the person running the test when this expectation fails: what to check or change (the tutorial hint of an exercise).
   * @examples ["Check that the Service selector matches the pod labels."]
   */
  hint?: string;
  /**
   * More manifest files or globs (relative to the scenario folder; keep them in `steps/` so they are not loaded at the start). An object that already exists is replaced.
   * @examples [["steps/nodeport.yaml"]]
   */
  apply?: string[];
  /**
   * Objects to delete.
   * @examples [["Service/web"]]
   */
  delete?: ObjectRef[];
  /**
   * Change replicas.
   * @examples [[{ "ref": "Deployment/web", "replicas": 0 }]]
   */
  scale?: ScaleSpec[];
  /**
   * Change a Service selector, a workload's pod labels, or both.
   * @examples [[{ "ref": "Service/web", "selector": { "app": "web-server" } }]]
   */
  relabel?: RelabelSpec[];
  /**
   * Mark pods ready or not ready (readiness probe passing or failing).
   * @examples [[{ "ref": "Deployment/web", "ready": false }]]
   */
  setReady?: ReadinessSpec[];
  /** Expectations checked after this step's changes. */
  expect?: ExpectSpec;
}

/**
 * A taint.
 * @examples [{ "key": "dedicated", "effect": "NoSchedule" }]
 */
export interface TaintSpec {
  /**
   * Key.
   * @examples ["dedicated"]
   */
  key: string;
  /**
   * Value.
   * @examples ["db"]
   */
  value?: string;
  /**
   * Effect.
   * @examples ["NoSchedule"]
   */
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

/**
 * A node.
 * @examples [{ "name": "node-1", "internalIP": "192.168.0.11" }]
 */
export interface NodeSpec {
  /**
   * Node name.
   * @examples ["node-1"]
   */
  name: string;
  /**
   * InternalIP.
   * @examples ["192.168.0.11"]
   */
  internalIP?: string;
  /**
   * Labels (`key: value`).
   * @examples [{ "app": "webserver" }]
   */
  labels?: Record<string, string>;
  /**
   * Topology zone.
   * @examples ["zone-a"]
   */
  zone?: string;
  /**
   * Pod CIDR of the node.
   * @examples ["10.244.1.0/24"]
   */
  podCIDR?: string;
  /**
   * Taints.
   * @examples [[{ "key": "dedicated", "value": "db", "effect": "NoSchedule" }]]
   */
  taints?: TaintSpec[];
}

/**
 * A number of workers beside the control plane.
 * @asType integer
 * @minimum 1
 * @maximum 1000
 */
type NodeCount = number;

/** @minItems 1 */
type NodeList = NodeSpec[];

/**
 * Load balancer provider: `none` keeps EXTERNAL-IP `<pending>`; `pool` hands out addresses as MetalLB would.
 * @examples [{ "provider": "pool", "addresses": ["203.0.113.10"] }]
 */
export interface LoadBalancerSpec {
  /**
   * Provider.
   * @examples ["pool"]
   */
  provider: 'none' | 'pool';
  /**
   * Address pool.
   * @examples [["203.0.113.10", "203.0.113.11"]]
   */
  addresses?: string[];
}

/**
 * Overrides of the embedded default cluster.
 * @examples [{ "nodes": 3 }, { "loadBalancer": { "provider": "pool", "addresses": ["203.0.113.10"] } }]
 */
export interface ClusterSpec {
  /**
   * A number of nodes (named node-1..node-N) or the full list.
   * @examples [3]
   */
  nodes?: NodeCount | NodeList;
  /**
   * Cluster pod CIDR.
   * @examples ["10.244.0.0/16"]
   */
  podCIDR?: string;
  /**
   * Service CIDR.
   * @examples ["10.96.0.0/12"]
   */
  serviceCIDR?: string;
  /**
   * Cluster domain.
   * @examples ["cluster.local"]
   */
  clusterDomain?: string;
  /**
   * Node port range `min-max`.
   * @examples ["30000-32767"]
   * @pattern ^\d+-\d+$
   */
  nodePortRange?: string;
  /**
   * Load balancer provider: `none` keeps EXTERNAL-IP `<pending>`; `pool` hands out addresses as MetalLB would.
   * @examples [{ "provider": "pool", "addresses": ["203.0.113.10"] }]
   */
  loadBalancer?: LoadBalancerSpec;
  /**
   * Names outside the cluster and what the upstream resolver answers (no network is used).
   * @examples [{ "db.example.com": ["198.51.100.7"] }]
   */
  upstreamDNS?: Record<string, string[]>;
}

/**
 * Scenario identity.
 * @examples [{ "name": "clusterip-by-name" }]
 */
export interface ScenarioMetadata {
  /**
   * Scenario name (unique in a suite; used in reports and `--filter`).
   * @examples ["clusterip-by-name"]
   * @minLength 1
   */
  name: string;
  /**
   * Labels (`key: value`).
   * @examples [{ "app": "webserver" }]
   */
  labels?: Record<string, string>;
}

/**
 * Marks the scenario as an exercise: its starting manifests fail until fixed; `solution/` holds the fixed files.
 * @examples [{ "task": "Make the Service reach the pods." }]
 */
export interface ExerciseSpec {
  /**
   * What the learner must do, shown first.
   * @examples ["The Service has no endpoints. Fix its selector."]
   */
  task?: string;
  /**
   * The next exercise folder, shown when this one passes.
   * @examples ["../02-target-port"]
   */
  next?: string;
}

/**
 * A scenario folder's scenario.yaml: manifests plus the outcome they must produce. Add `# yaml-language-server: $schema=../../schemas/scenario.schema.json` at the top for completion in editors.
 * @title svclab Scenario
 */
export interface ScenarioSpec {
  /**
   * Always `svclab.io/v1alpha1`.
   * @examples ["svclab.io/v1alpha1"]
   */
  apiVersion: 'svclab.io/v1alpha1';
  /**
   * Always `Scenario`.
   * @examples ["Scenario"]
   */
  kind: 'Scenario';
  /**
   * Scenario identity.
   * @examples [{ "name": "clusterip-by-name" }]
   */
  metadata: ScenarioMetadata;
  /**
   * What the scenario shows, in a sentence or two.
   * @examples ["A pod reaches all three replicas through the Service name"]
   */
  description?: string;
  /**
   * Namespace for objects and sources without one (default `default`).
   * @examples ["default"]
   */
  namespace?: string;
  /**
   * Seed for every random choice (default: `--seed`, else 1).
   * @examples [1]
   */
  seed?: Integer;
  /**
   * Manifest files or globs, relative to the folder. Default: the other YAML/JSON files in the folder and its `manifests/` subfolder.
   * @examples [["deployment.yaml", "manifests/*.yaml"]]
   */
  manifests?: string[];
  /**
   * Rule severities for this scenario's lint runs.
   * @examples [{ "service-selector-overlap": "off" }]
   */
  lintRules?: Record<string, 'off' | 'info' | 'warning' | 'error'>;
  /**
   * Overrides of the embedded default cluster.
   * @examples [{ "nodes": 3 }, { "loadBalancer": { "provider": "pool", "addresses": ["203.0.113.10"] } }]
   */
  cluster?: ClusterSpec;
  /**
   * Marks the scenario as an exercise: its starting manifests fail until fixed; `solution/` holds the fixed files.
   * @examples [{ "task": "Make the Service reach the pods." }]
   */
  exercise?: ExerciseSpec;
  /**
   * Expectations checked on the starting manifests.
   * @examples [{ "lint": { "errors": 0 } }]
   */
  expect?: ExpectSpec;
  /**
   * Ordered steps; each changes the cluster and checks its own expectations.
   * @examples [[{ "name": "scale down", "scale": [{ "ref": "Deployment/web", "replicas": 1 }] }]]
   */
  steps?: StepSpec[];
}

/** What an expectation result is about: a kind of `expect:` (see ./expectations.ts), or the scenario's own mechanics. */
export type ExpectationKind = keyof ExpectSpec | 'load' | 'step' | 'exercise';
