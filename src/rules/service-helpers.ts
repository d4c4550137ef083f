/**
 * Shared reading of a Service as the API server sees it on create: the raw values the user
 * wrote (the model holds defaulted ones), the normalisation of clusterIP/clusterIPs, and the
 * predicates Kubernetes uses to decide which checks apply.
 *
 * The predicates themselves (ExternallyAccessible, NeedsHealthCheck, isHeadlessService,
 * normalizeClusterIPs) live in model/service.ts; rules apply them to the values as written.
 *
 * References (kubernetes/kubernetes): `pkg/apis/core/validation/validation.go` (ValidateService,
 * ValidateServiceClusterIPsRelatedFields), `pkg/registry/core/service/storage` (allocators),
 * `pkg/api/service/warnings.go` (GetWarningsForService).
 */
import type { ServiceObject } from '../model/types';
import { arr, obj, textOf, type Obj } from '../model/guards';
import { isHeadlessService, needsHealthCheck, normalizeClusterIPs } from '../model/service';
import { parseIP, type ParsedIP } from '../util/ip';

/** The not-yet-defaulted `spec` as written. */
export function rawSpec(svc: ServiceObject): Obj {
  return svc.writtenSpec;
}

/** The raw `spec.ports` items (same indexes as `svc.spec.ports`). */
export function rawPorts(svc: ServiceObject): Obj[] {
  return arr(rawSpec(svc).ports).map(obj);
}

/** A raw string field, or '' when absent or not a string. */
export function rawString(o: Obj, key: string): string {
  const v = o[key];
  return typeof v === 'string' ? v : '';
}

/** Whether a field is present with a non-empty value (what Go sees as "set" after decoding). */
export function isSet(o: Obj, key: string): boolean {
  const v = o[key];
  if (v === undefined || v === null || v === '' || v === 0 || v === false) return false;
  if (Array.isArray(v)) return v.length > 0;
  return true;
}

/** The Service type after defaulting (empty → ClusterIP), as written otherwise. */
export function serviceType(svc: ServiceObject): string {
  const t = rawString(rawSpec(svc), 'type');
  return t === '' ? 'ClusterIP' : t;
}

/** `spec.clusterIPs` as written, after normalizeClusterIPs on create (model/service.ts). */
export function normalizedClusterIPs(svc: ServiceObject): string[] {
  const spec = rawSpec(svc);
  return normalizeClusterIPs(rawString(spec, 'clusterIP') || undefined, arr(spec.clusterIPs).map(textOf));
}

/** The fields the Service predicates of model/service.ts read, as written: rules judge what the user wrote. */
export function writtenSpec(svc: ServiceObject): { type: string; externalIPs: unknown[]; externalTrafficPolicy: string; clusterIPs: string[] } {
  const spec = rawSpec(svc);
  return { type: serviceType(svc), externalIPs: arr(spec.externalIPs), externalTrafficPolicy: rawString(spec, 'externalTrafficPolicy'), clusterIPs: normalizedClusterIPs(svc) };
}

/** isHeadlessService (validation's: clusterIPs is exactly ["None"]) of the Service as written. */
export function isHeadless(svc: ServiceObject): boolean {
  return isHeadlessService(writtenSpec(svc));
}

/** warnings.go's isHeadlessService: a headless Service of type ClusterIP. */
export function isHeadlessClusterIP(svc: ServiceObject): boolean {
  return serviceType(svc) === 'ClusterIP' && isHeadless(svc);
}

/** Types whose nodePorts the port allocator reserves (txnAllocNodePorts). */
export function allocatesNodePorts(svc: ServiceObject): boolean {
  const t = serviceType(svc);
  return t === 'NodePort' || t === 'LoadBalancer';
}

/** The raw nodePort of port `i` when it is a positive integer (0 means "not set"). */
export function rawNodePort(port: Obj): number | undefined {
  const v = port.nodePort;
  return typeof v === 'number' && Number.isInteger(v) && v !== 0 ? v : undefined;
}

export function rawHealthCheckNodePort(svc: ServiceObject): number | undefined {
  const v = rawSpec(svc).healthCheckNodePort;
  return typeof v === 'number' && Number.isInteger(v) && v !== 0 ? v : undefined;
}

export interface SloppyIP {
  ip: ParsedIP;
  /** An IPv4 part was written with leading zeros ("010.096.0.1"): accepted, with a warning. */
  leadingZeros: boolean;
  /** The canonical text of the address. */
  canonical: string;
}

/**
 * Parses an IP the way Kubernetes' ParseIPSloppy does: IPv4 parts with leading zeros are
 * accepted and read as decimal (Go's pre-1.17 net.ParseIP), which validation only warns about.
 */
export function parseIPSloppy(text: string): SloppyIP | null {
  // Several rules read the same addresses; bigint parsing is the cost, so remember recent ones.
  const cached = ipCache.get(text);
  if (cached !== undefined) return cached;
  if (ipCache.size >= IP_CACHE_MAX) ipCache.clear();
  const parsed = parseIPUncached(text);
  ipCache.set(text, parsed);
  return parsed;
}

const IP_CACHE_MAX = 20000;
const ipCache = new Map<string, SloppyIP | null>();

function parseIPUncached(text: string): SloppyIP | null {
  const strict = parseIP(text);
  if (strict) return { ip: strict, leadingZeros: false, canonical: text };
  if (/^\d+\.\d+\.\d+\.\d+$/.test(text)) {
    const fixed = text.split('.').map((p) => p.replace(/^0+(?=\d)/, '')).join('.');
    const ip = parseIP(fixed);
    if (ip) return { ip, leadingZeros: true, canonical: fixed };
  }
  return null;
}

/** `namespace/name` of a Service, for messages. */
export function svcName(svc: ServiceObject): string {
  return `${svc.ref.namespace}/${svc.ref.name}`;
}

/** One nodePort (or healthCheckNodePort) the port allocator would reserve for a Service. */
export interface NodePortClaim {
  svc: ServiceObject;
  nodePort: number;
  path: Array<string | number>;
  /** The Service port it belongs to; undefined for the healthCheckNodePort. */
  port: number | undefined;
  protocol: string;
}

/**
 * The node ports the allocator reserves for this Service on create (txnAllocNodePorts in
 * pkg/registry/core/service/storage/alloc.go): user-given nodePorts of NodePort and
 * LoadBalancer Services — also with allocateLoadBalancerNodePorts false, whose explicit requests
 * are still honoured — then the healthCheckNodePort when NeedsHealthCheck. Ports outside the
 * range are left out: they fail allocation on their own (nodeport-out-of-range).
 */
export function nodePortClaims(svc: ServiceObject, range: { min: number; max: number }): NodePortClaim[] {
  if (!allocatesNodePorts(svc)) return [];
  const inRange = (n: number) => n >= range.min && n <= range.max;
  const claims: NodePortClaim[] = [];
  rawPorts(svc).forEach((p, i) => {
    const np = rawNodePort(p);
    if (np === undefined || !inRange(np)) return;
    const modelled = svc.spec.ports[i];
    claims.push({ svc, nodePort: np, path: ['spec', 'ports', i, 'nodePort'], port: modelled?.port, protocol: modelled?.protocol ?? 'TCP' });
  });
  const hc = rawHealthCheckNodePort(svc);
  if (needsHealthCheck(writtenSpec(svc)) && hc !== undefined && inRange(hc)) {
    claims.push({ svc, nodePort: hc, path: ['spec', 'healthCheckNodePort'], port: undefined, protocol: 'TCP' });
  }
  return claims;
}

export function sameObject(a: ServiceObject, b: ServiceObject): boolean {
  return a.ref.namespace === b.ref.namespace && a.ref.name === b.ref.name;
}
