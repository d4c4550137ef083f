/**
 * Kubernetes' own predicates on a Service, once, each named after its upstream function.
 * They take the few fields they read, so that the model (defaulted values), the simulated
 * cluster and the lint rules (values as written) all ask the same question the same way.
 */
import type { InvalidValue } from './invalid';
import type { IPFamily, IPFamilyPolicy } from './types';

/** The clusterIP that makes a Service headless (core/v1 `ClusterIPNone`). */
export const CLUSTER_IP_NONE = 'None';

/**
 * pkg/api/v1/service/util.go ExternallyAccessible: reachable from outside the cluster
 * (NodePort, LoadBalancer, or ClusterIP with externalIPs).
 */
export function externallyAccessible(spec: { type: string; externalIPs: readonly unknown[] }): boolean {
  return spec.type === 'LoadBalancer' || spec.type === 'NodePort' || (spec.type === 'ClusterIP' && spec.externalIPs.length > 0);
}

/** pkg/api/v1/service/util.go ExternalPolicyLocal: externally accessible with externalTrafficPolicy Local. */
export function externalPolicyLocal(spec: { type: string; externalIPs: readonly unknown[]; externalTrafficPolicy: string | undefined }): boolean {
  return externallyAccessible(spec) && spec.externalTrafficPolicy === 'Local';
}

/** pkg/api/v1/service/util.go InternalPolicyLocal: internalTrafficPolicy Local. */
export function internalPolicyLocal(spec: { internalTrafficPolicy: string | undefined }): boolean {
  return spec.internalTrafficPolicy === 'Local';
}

/**
 * pkg/api/v1/service/util.go NeedsHealthCheck: a LoadBalancer with externalTrafficPolicy Local,
 * for which kube-proxy serves a health check node port.
 */
export function needsHealthCheck(spec: { type: string; externalIPs: readonly unknown[]; externalTrafficPolicy: string | undefined }): boolean {
  return spec.type === 'LoadBalancer' && externalPolicyLocal(spec);
}

/**
 * pkg/apis/core/validation/validation.go isHeadlessService: clusterIPs (normalised from
 * clusterIP on create) is exactly ["None"]. The EndpointSlice and Endpoints controllers label
 * such a Service's endpoints `service.kubernetes.io/headless`, and kube-proxy skips it.
 */
export function isHeadlessService(spec: { clusterIPs: readonly string[] }): boolean {
  return spec.clusterIPs.length === 1 && spec.clusterIPs[0] === CLUSTER_IP_NONE;
}

/**
 * pkg/apis/core/v1/helper/helpers.go IsServiceIPSet: the Service has a virtual IP (clusterIP
 * neither empty nor "None"); ExternalName and headless Services have none.
 */
export function isServiceIPSet<T extends { clusterIP: string | null | undefined }>(spec: T): spec is T & { clusterIP: string } {
  return typeof spec.clusterIP === 'string' && spec.clusterIP !== '' && spec.clusterIP !== CLUSTER_IP_NONE;
}

/**
 * pkg/registry/core/service/storage/storage.go normalizeClusterIPs (on create): a clusterIP
 * given without clusterIPs becomes the one-element list; otherwise clusterIPs stays as written.
 */
export function normalizeClusterIPs(clusterIP: string | undefined, clusterIPs: readonly string[]): string[] {
  return clusterIP && clusterIPs.length === 0 ? [clusterIP] : [...clusterIPs];
}

/** initIPFamilyFields' reasons, for readers that tell them apart. */
export const NOT_DUAL_STACK = 'this cluster is not configured for dual-stack services';
export const SINGLE_STACK_TWO_IPS = "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified";
export const SINGLE_STACK_TWO_FAMILIES = "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified";

/** What initIPFamilyFields decides for a Service: its policy and families, or why it is refused. */
export interface IPFamilyFields {
  ipFamilyPolicy: IPFamilyPolicy;
  ipFamilies: IPFamily[];
  /** field errors in the API server's words (spec.ipFamilies[0]: Invalid value: "IPv6": not configured on this cluster). */
  errors: InvalidValue[];
}

/**
 * pkg/registry/core/service/storage/alloc.go initIPFamilyFields, on create: ipFamilyPolicy
 * defaults to SingleStack, except for a headless Service without selector (RequireDualStack);
 * SingleStack with two clusterIPs or two families is an error; missing families are inferred
 * from the clusterIPs (a family the cluster does not serve is an error). A headless Service
 * without selector then takes the cluster's default family plus the other one (unless
 * SingleStack), even on a single-stack cluster, and is done. Every other Service: RequireDualStack
 * on a single-stack cluster and a family the cluster does not serve are errors; no family means
 * the cluster's default; PreferDualStack and RequireDualStack add the other family only when the
 * cluster has both. `clusterFamilies` are the families of the service CIDRs, primary first.
 * Nothing is rewritten that the API server keeps: PreferDualStack stays as written with one family.
 */
export function initIPFamilyFields(spec: { type: string; clusterIPs: readonly string[]; selector: unknown; ipFamilies: readonly IPFamily[]; ipFamilyPolicy: IPFamilyPolicy | undefined }, clusterFamilies: readonly IPFamily[]): IPFamilyFields {
  const errors: InvalidValue[] = [];
  const families = [...spec.ipFamilies];
  const headlessSelectorless = spec.clusterIPs[0] === CLUSTER_IP_NONE && !spec.selector;
  const policy: IPFamilyPolicy = spec.ipFamilyPolicy ?? (headlessSelectorless ? 'RequireDualStack' : 'SingleStack');
  const policyError = (detail: string): InvalidValue => ({ path: ['spec', 'ipFamilyPolicy'], value: policy, allowed: [], detail });
  if (spec.type === 'ExternalName') return { ipFamilyPolicy: policy, ipFamilies: [], errors };
  if (policy === 'SingleStack') {
    if (spec.clusterIPs.length === 2) errors.push(policyError(SINGLE_STACK_TWO_IPS));
    if (families.length === 2) errors.push(policyError(SINGLE_STACK_TWO_FAMILIES));
  }
  for (const [i, ip] of spec.clusterIPs.entries()) {
    if (ip === CLUSTER_IP_NONE) break;
    if (i < families.length) continue;
    const family: IPFamily = ip.includes(':') ? 'IPv6' : 'IPv4';
    if (!clusterFamilies.includes(family)) errors.push({ path: ['spec', 'clusterIPs', i], value: spec.clusterIPs, allowed: [], detail: `${family} is not configured on this cluster` });
    else families.push(family);
  }
  if (errors.length) return { ipFamilyPolicy: policy, ipFamilies: families, errors };
  const other = (f: IPFamily): IPFamily => (f === 'IPv4' ? 'IPv6' : 'IPv4');
  if (headlessSelectorless) {
    if (families.length === 0) families.push(clusterFamilies[0]);
    if (families.length < 2 && policy !== 'SingleStack') families.push(other(families[0]));
    return { ipFamilyPolicy: policy, ipFamilies: families, errors };
  }
  if (policy === 'RequireDualStack' && clusterFamilies.length < 2) errors.push(policyError(NOT_DUAL_STACK));
  families.forEach((f, i) => {
    if (!clusterFamilies.includes(f)) errors.push({ path: ['spec', 'ipFamilies', i], value: f, allowed: [], detail: 'not configured on this cluster' });
  });
  if (errors.length) return { ipFamilyPolicy: policy, ipFamilies: families, errors };
  if (families.length === 0) families.push(clusterFamilies[0]);
  if (policy !== 'SingleStack' && families.length === 1 && clusterFamilies.length === 2) families.push(other(families[0]));
  return { ipFamilyPolicy: policy, ipFamilies: families, errors };
}
