import { defineRule } from './rule';
import { containerLabel, podContainers } from './pod-containers';
import { valueAt } from '../model/guards';

/**
 * validateHostNetwork (pkg/apis/core/validation/validation.go): a pod with `hostNetwork: true`
 * shares its node's network namespace, so its containers listen on the node's ports themselves;
 * a hostPort other than the containerPort would promise a port mapping that cannot exist, and the
 * API server refuses it ("must match `containerPort` when `hostNetwork` is true"). A hostPort left
 * out (or 0) is defaulted to the containerPort (defaultHostNetworkPorts) and is fine. The
 * simulator refuses the same pods (model/validate-pod.ts).
 */
export default defineRule({
  meta: {
    id: 'host-network-port-mismatch',
    severity: 'error',
    description: 'A hostNetwork pod declares a hostPort different from its containerPort; the API server rejects it.',
    category: 'workload',
    scope: 'object',
    messages: {
      mismatch: {
        message: 'hostPort {{hostPort}} differs from containerPort {{containerPort}} in {{container}} of a hostNetwork pod: the pod uses the node\'s own network, so the process listens on the node\'s port {{containerPort}} and no port mapping exists; the API server rejects it ("must match `containerPort` when `hostNetwork` is true")',
        hint: 'Remove hostPort (it defaults to the containerPort), or set it to {{containerPort}}; to publish another node port, drop hostNetwork and keep hostPort.',
      },
    },
  },
  check(ctx) {
    for (const w of ctx.model.workloads) {
      if (!w.template.spec.hostNetwork) continue;
      for (const c of podContainers(w)) {
        for (const p of c.container.ports) {
          const path = [...c.path, 'ports', p.index, 'hostPort'];
          const written = valueAt(w.manifest.value, path);
          if (typeof written !== 'number' || written === 0 || written === p.containerPort) continue;
          ctx.report({ messageId: 'mismatch', manifest: w.manifest, path, data: { hostPort: written, containerPort: p.containerPort, container: containerLabel(c) } });
        }
      }
    }
  },
});
