/**
 * YAML builders for the Service rule tests. `service(name, spec)` puts `spec` (already indented
 * by two spaces) after a fixed 5-line header, so the first spec line is line 6 (line 7 with a
 * namespace).
 */
export const service = (name: string, spec: string, namespace?: string): string => `apiVersion: v1
kind: Service
metadata:
  name: ${name}${namespace ? `\n  namespace: ${namespace}` : ''}
spec:
${spec.replace(/\n?$/, '\n')}`;

/** Several documents in one file. */
export const docs = (...parts: string[]): string => parts.join('---\n');
