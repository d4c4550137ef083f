import { defineRule } from './rule';
import type { Protocol, WorkloadObject } from '../model/types';
import { workloadName } from './workload-ports';

/** Whether the pods of a workload declare a container port with this name and protocol. */
function declares(w: WorkloadObject, name: string, protocol: Protocol): boolean {
  const spec = w.template.spec;
  return [...spec.containers, ...spec.initContainers].some((c) => c.ports.some((p) => p.name === name && p.protocol === protocol));
}

/**
 * A named port in a NetworkPolicy is resolved on the destination pod (networking/v1 types.go
 * NetworkPolicyPort.Port: "a named port on a pod"; the e2e suite's "should allow ingress access
 * on one named port"): a pod that declares no container port of that name and protocol is not
 * matched by the port at all, so the rule allows nothing for it. For ingress rules the
 * destinations are the pods the policy selects; for egress rules, any pod of the input.
 */
export default defineRule({
  meta: {
    id: 'networkpolicy-port-unresolved',
    severity: 'warning',
    description: 'A NetworkPolicy names a port that no pod it applies to declares, so the rule allows nothing.',
    category: 'cross-object',
    messages: {
      ingress: {
        message: 'named port "{{port}}" ({{protocol}}) is declared by no pod this policy selects ({{pods}}); plugins resolve it on the destination pod, so this ingress rule allows nothing',
        hint: 'Use the name of a containerPort of the selected pods (ports[].name, with the same protocol), or the port number.',
      },
      egress: {
        message: 'named port "{{port}}" ({{protocol}}) is declared by no pod in the input; plugins resolve it on the destination pod, so this egress rule allows nothing',
        hint: 'Use the name of a containerPort of the destination pods (ports[].name, with the same protocol), or the port number.',
      },
    },
  },
  check(ctx) {
    const everyWorkload = ctx.model.workloads;
    for (const np of ctx.model.networkPolicies) {
      const selected = ctx.podTemplatesIn(np.ref.namespace).select(np.podSelector);
      for (const [direction, rules] of [['ingress', np.ingress], ['egress', np.egress]] as const) {
        for (const rule of rules) {
          for (const p of rule.ports) {
            if (typeof p.port !== 'string') continue;
            const name = p.port;
            const path = [...p.path, 'port'];
            if (direction === 'ingress') {
              // No selected pod at all is networkpolicy-selector-no-match's finding.
              if (selected.length === 0 || selected.some((w) => declares(w, name, p.protocol))) continue;
              ctx.report({ messageId: 'ingress', manifest: np.manifest, path, data: { port: name, protocol: p.protocol, pods: selected.slice(0, 3).map(workloadName).join(', ') + (selected.length > 3 ? ', ...' : '') } });
            } else if (everyWorkload.length > 0 && !everyWorkload.some((w) => declares(w, name, p.protocol))) {
              ctx.report({ messageId: 'egress', manifest: np.manifest, path, data: { port: name, protocol: p.protocol } });
            }
          }
        }
      }
    }
  },
});
