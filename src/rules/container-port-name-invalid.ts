import { defineRule } from './rule';
import { containerLabel, podContainers } from './pod-containers';
import { portNameProblem } from '../util/name-formats';

/** A valid port name close to the invalid one, for the hint. */
function suggest(name: string): string {
  let s = name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-{2,}/g, '-').replace(/^-+|-+$/g, '');
  if (s.length > 15) s = s.slice(0, 15).replace(/-+$/, '');
  if (!/[a-z]/.test(s)) s = `port-${s}`.slice(0, 15).replace(/-+$/, '');
  return s || 'http';
}

export default defineRule({
  meta: {
    id: 'container-port-name-invalid',
    severity: 'error',
    description: 'A containerPort name that is not an IANA service name (at most 15 lowercase letters, digits and \'-\', with a letter).',
    category: 'workload',
    scope: 'object',
    messages: {
      invalid: {
        message: 'port name `{{name}}` of {{container}} is not a valid IANA service name: it {{problem}}; the API server rejects the pod template',
        hint: 'Use at most 15 lowercase letters, digits and single hyphens, with at least one letter and no hyphen at either end, e.g. `{{suggestion}}`; then use the same name in the Service targetPort.',
      },
    },
  },
  check(ctx) {
    // Ranges of containerPort and hostPort are the schema's (schemas/constraints: 1..65535, 0..65535).
    for (const w of ctx.model.workloads) {
      for (const c of podContainers(w)) {
        for (const port of c.container.ports) {
          // An empty name means "no name" to Kubernetes (validateContainerPorts checks only len > 0).
          if (!port.name) continue;
          const problem = portNameProblem(port.name);
          if (!problem) continue;
          ctx.report({
            messageId: 'invalid', manifest: w.manifest, path: [...c.path, 'ports', port.index, 'name'],
            data: { name: port.name, container: containerLabel(c), problem, suggestion: suggest(port.name) },
          });
        }
      }
    }
  },
});
