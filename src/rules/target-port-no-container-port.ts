import { defineRule } from './rule';
import {
  declaredPorts, describePorts, probedPorts, selectedWorkloads, servicePortHasField, workloadName,
} from './workload-ports';

/**
 * A numeric targetPort is used as is (FindPort in kubernetes `pkg/api/v1/pod/util.go` returns
 * the number without looking at the pod), so Kubernetes never complains. Declaring
 * containerPort is optional and informational ("not specifying a port here DOES NOT prevent
 * that port from being exposed", core/v1 Container.ports), so svclab only speaks when the
 * pods' declarations look complete: every selected pod template declares ports, none of them
 * declares this number, and no probe of theirs connects to it either.
 */
export default defineRule({
  meta: {
    id: 'target-port-no-container-port',
    severity: 'warning',
    description: 'A numeric targetPort that no container of the selected pods declares (or probes).',
    category: 'cross-object',
    messages: {
      missing: {
        message: '{{subject}} is not a containerPort of the selected pods ({{declared}}); unless the app also listens on {{target}}, connections to Service port {{port}} are refused',
        hint: 'Set targetPort to the port the container listens on{{suggestion}}, or add `containerPort: {{target}}` to the container if the app really listens there.',
      },
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services) {
      const selected = selectedWorkloads(ctx, svc);
      if (selected.length === 0) continue;
      // A pod template that declares no port tells nothing about what it listens on.
      if (selected.some((w) => declaredPorts(w).length === 0)) continue;
      svc.spec.ports.forEach((sp, i) => {
        const target = sp.targetPort;
        if (typeof target !== 'number') return;
        const known = selected.some((w) => declaredPorts(w).some((d) => d.port.containerPort === target) || probedPorts(w).has(target));
        if (known) return;
        const all = selected.flatMap(declaredPorts);
        const numbers = [...new Set(all.map((d) => d.port.containerPort))];
        const written = servicePortHasField(svc, i, 'targetPort');
        const declared = selected.length === 1
          ? `${workloadName(selected[0])} declares ${describePorts(all)}`
          : `they declare ${describePorts(all)}`;
        ctx.report({
          messageId: 'missing', manifest: svc.manifest,
          path: ['spec', 'ports', i, written ? 'targetPort' : 'port'],
          data: {
            // Without targetPort the Service sends to `port` itself (SetDefaults_Service), so say so.
            subject: written ? `targetPort ${target}` : `port ${target} (also the targetPort, since targetPort is not set)`,
            target, port: `${sp.port}/${sp.protocol}`, declared,
            suggestion: numbers.length === 1 ? ` (targetPort: ${numbers[0]})` : '',
          },
          related: all.slice(0, 3).map((d) => ({ manifest: d.workload.manifest, path: d.path, message: `${workloadName(d.workload)} declares ${describePorts([d])}` })),
        });
      });
    }
  },
});
