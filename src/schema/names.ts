/**
 * Schema file names, as kubeconform names them: `<kind>-<first label of the group>-<version>`
 * (`deployment-apps-v1`, `certificate-cert-manager-v1`), and `<kind>-<version>` for the core
 * group (`service-v1`). The kind is lowercased.
 */
export function schemaName(apiVersion: string, kind: string): string {
  const slash = apiVersion.indexOf('/');
  if (slash < 0) return `${kind.toLowerCase()}-${apiVersion.toLowerCase()}`;
  const group = apiVersion.slice(0, slash).toLowerCase();
  return `${kind.toLowerCase()}-${group.split('.')[0]}-${apiVersion.slice(slash + 1).toLowerCase()}`;
}
