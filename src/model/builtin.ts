/** API groups served by Kubernetes itself; anything else is a custom resource. */
const BUILTIN_GROUPS = new Set([
  '', 'apps', 'batch', 'autoscaling', 'policy', 'extensions', 'networking.k8s.io', 'discovery.k8s.io',
  'rbac.authorization.k8s.io', 'storage.k8s.io', 'scheduling.k8s.io', 'node.k8s.io', 'coordination.k8s.io',
  'apiextensions.k8s.io', 'apiregistration.k8s.io', 'admissionregistration.k8s.io', 'certificates.k8s.io',
  'events.k8s.io', 'flowcontrol.apiserver.k8s.io', 'authentication.k8s.io', 'authorization.k8s.io',
  'resource.k8s.io', 'internal.apiserver.k8s.io', 'storagemigration.k8s.io',
]);

export function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

export function isBuiltinApiVersion(apiVersion: string): boolean {
  return BUILTIN_GROUPS.has(apiGroup(apiVersion)) || apiGroup(apiVersion) === 'svclab.io';
}
