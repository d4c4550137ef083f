/** What several kinds of expectation share: matchers, lists with a match mode, pod sets, names and hints. */
/**
 * A value to match. Scalars match by equality; a mapping matches as a subset (keys not named are
 * not checked); a plain list matches exactly in any order. Helpers (a mapping with one of these
 * keys): `inCIDR: 10.96.0.0/12`, `inRange: [30000, 32767]`, `regex: "^hostname-"`,
 * `exists: false`, `exactly|ordered|contain|without: [...]`.
 */
export type Matcher = unknown;

/** @asType integer @internal */
export type Integer = number;

/**
 * A port number.
 * @asType integer
 * @minimum 1
 * @maximum 65535
 * @internal
 */
export type PortNumber = number;

/**
 * A count of things.
 * @asType integer
 * @minimum 0
 * @internal
 */
export type Count = number;

/**
 * A workload as `Kind/name` or `Kind/namespace/name` (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, Pod).
 * @examples ["Deployment/hostname-deployment"]
 * @internal
 */
export type WorkloadRef = string;

/**
 * An object as `Kind/name` or `Kind/namespace/name`.
 * @examples ["Deployment/hostname-deployment"]
 * @internal
 */
export type ObjectRef = string;

/**
 * Where the request or lookup starts: `pod` (an ad-hoc debug pod, like `kubectl run debug`, in `namespace`), `pod/NAME`, `pod/NS/NAME` (an existing pod; NAME may be a prefix such as the Deployment name), `node/NAME`, or `external` (a client outside the cluster).
 * @examples ["pod", "node/node-1", "external", "pod/counter"]
 * @internal
 */
export type Source = string;

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

/**
 * Text for people in one language, or in several: `{ en: ..., ko: ... }` (English is required;
 * `--lang`, SVCLAB_LANG or LANG picks one, falling back to English). Several lines keep their
 * indentation.
 * @examples ["Check the selector.", { "en": "Check the selector.", "ko": "셀렉터를 확인하세요." }]
 */
export type LocalizedText = string | LanguageMap;

/**
 * One text in several languages, by language code. English is required: every other language falls back to it.
 * @examples [{ "en": "Check the selector.", "ko": "셀렉터를 확인하세요." }]
 */
export interface LanguageMap {
  /**
   * English: the text every other language falls back to.
   * @examples ["Check the selector."]
   */
  en: string;
  /**
   * Korean.
   * @examples ["셀렉터를 확인하세요."]
   */
  ko?: string;
  /**
   * Japanese.
   * @examples ["セレクターを確認してください。"]
   */
  ja?: string;
  /**
   * Chinese.
   * @examples ["检查选择器。"]
   */
  zh?: string;
  /**
   * Spanish.
   * @examples ["Revisa el selector."]
   */
  es?: string;
  /**
   * French.
   * @examples ["Vérifiez le sélecteur."]
   */
  fr?: string;
  /**
   * German.
   * @examples ["Prüfe den Selektor."]
   */
  de?: string;
  /**
   * Portuguese.
   * @examples ["Verifique o seletor."]
   */
  pt?: string;
  /**
   * Vietnamese.
   * @examples ["Hãy kiểm tra selector."]
   */
  vi?: string;
}

/** What every expectation may carry besides its own keys. */
export interface Common {
  /**
   * A short name for this expectation, used in reports and as the jest test name (default: derived from the expectation).
   * @examples ["reaches all replicas", { "en": "reaches all replicas", "ko": "모든 복제본에 닿아요" }]
   */
  name?: LocalizedText;
  /**
   * Shown to the person running the test when this expectation fails: what to check or change (the tutorial hint of an exercise).
   * @examples ["Check that the Service selector matches the pod labels."]
   */
  hint?: LocalizedText;
}
