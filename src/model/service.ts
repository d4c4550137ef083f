/**
 * Kubernetes' own predicates on a Service, once, each named after its upstream function.
 * They take the few fields they read, so that the model (defaulted values), the simulated
 * cluster and the lint rules (values as written) all ask the same question the same way.
 */

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
