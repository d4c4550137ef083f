/**
 * The shape of a scenario.yaml, as `schemas/scenario.schema.json` allows it. The loader checks
 * the file against the schema first, so code after it may rely on these types.
 */
import type { Outcome, DnsType } from '../sim/types';
import type { Protocol } from '../model/types';

export type Matcher = unknown;

/** A list with its match mode; a plain array means `exactly`. */
export type ListSpec<T> = T[] | { exactly?: T[]; ordered?: T[]; contain?: T[]; without?: T[] };

export interface PodSetSpec {
  workload?: string;
  workloads?: string[];
  pods?: string[];
  count?: number;
}

export interface Common {
  name?: string;
  hint?: string;
}

export interface LintFindingSpec {
  rule?: string;
  severity?: 'error' | 'warning' | 'info';
  object?: string;
  file?: string;
  line?: number;
  path?: string;
  message?: Matcher;
}

export interface LintSpec extends Common {
  errors?: number;
  warnings?: number;
  infos?: number;
  findings?: ListSpec<LintFindingSpec>;
}

export interface ObjectSpec extends Common {
  ref: string;
  match?: Record<string, unknown>;
  absent?: boolean;
  count?: number;
}

export interface EndpointSetSpec extends PodSetSpec {
  port?: number;
  addresses?: ListSpec<string>;
}

export interface EndpointsSpec extends Common {
  service: string;
  namespace?: string;
  port?: number | string;
  ready?: EndpointSetSpec;
  notReady?: EndpointSetSpec;
  empty?: boolean;
}

export interface RouteExpectSpec {
  outcome?: Outcome;
  reason?: Matcher;
  reaches?: PodSetSpec | 'none';
  reachesAll?: PodSetSpec;
  reachesOneOf?: PodSetSpec;
  spread?: 'all';
  sticky?: boolean;
  sourceIP?: Matcher;
  service?: string;
  port?: number;
  body?: Matcher;
}

export interface RouteSpec extends Common {
  from: string;
  namespace?: string;
  to: string;
  count?: number;
  protocol?: Protocol;
  expect: RouteExpectSpec;
}

export type AddressSpec = string | { service?: string; pod?: string; workload?: string };

export interface DnsSpec {
  title?: string;
  hint?: string;
  name: string;
  from: string;
  namespace?: string;
  type?: DnsType;
  expect: {
    rcode?: 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL';
    a?: ListSpec<AddressSpec>;
    cname?: string[];
    srv?: ListSpec<{ port?: number; priority?: number; weight?: number; target?: Matcher }>;
    answers?: ListSpec<Record<string, unknown>>;
    empty?: boolean;
    tried?: ListSpec<string>;
    server?: 'cluster' | 'node' | 'none';
  };
}

export type GetResource = 'pods' | 'svc' | 'endpoints' | 'endpointslices' | 'nodes';

export interface GetSpec extends Common {
  resource: GetResource;
  namespace?: string;
  allNamespaces?: boolean;
  wide?: boolean;
  snapshot?: string;
}

export interface MatrixSpec extends Common {
  namespace?: string;
  from: string[];
  to: string[];
  expect?: Outcome;
  except?: Array<{ from: string; to: string; outcome: Outcome }>;
  table?: Outcome[][];
}

export interface ExpectSpec {
  lint?: LintSpec;
  objects?: ObjectSpec[];
  endpoints?: EndpointsSpec[];
  routes?: RouteSpec[];
  dns?: DnsSpec[];
  get?: GetSpec[];
  matrix?: MatrixSpec[];
}

export interface StepSpec {
  name: string;
  description?: string;
  hint?: string;
  apply?: string[];
  delete?: string[];
  scale?: Array<{ ref: string; replicas: number }>;
  relabel?: Array<{ ref: string; selector?: Record<string, string>; labels?: Record<string, string> }>;
  setReady?: Array<{ ref: string; ready: boolean }>;
  expect?: ExpectSpec;
}

export interface ClusterSpec {
  nodes?: number | Array<{ name: string; internalIP?: string; labels?: Record<string, string>; zone?: string; podCIDR?: string; taints?: Array<{ key: string; value?: string; effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' }> }>;
  podCIDR?: string;
  serviceCIDR?: string;
  clusterDomain?: string;
  nodePortRange?: string;
  loadBalancer?: { provider: 'none' | 'pool'; addresses?: string[] };
  upstreamDNS?: Record<string, string[]>;
}

export interface ScenarioSpec {
  apiVersion: 'svclab.io/v1alpha1';
  kind: 'Scenario';
  metadata: { name: string; labels?: Record<string, string> };
  description?: string;
  namespace?: string;
  seed?: number;
  manifests?: string[];
  lintRules?: Record<string, 'off' | 'info' | 'warning' | 'error'>;
  cluster?: ClusterSpec;
  exercise?: { task?: string; next?: string };
  expect?: ExpectSpec;
  steps?: StepSpec[];
}

/** What an expectation result is about: a kind of `expect:` (see ./expectations.ts), or the scenario's own mechanics. */
export type ExpectationKind = keyof ExpectSpec | 'load' | 'step' | 'exercise';
