import { defineRule } from './rule';
import { declaredPorts, describePorts, selectedWorkloads, servicePortHasField, workloadName } from './workload-ports';

/**
 * kube-proxy forwards a Service port with the Service port's protocol to the pod's
 * targetPort. When the container declares that port number only for another protocol
 * (53/TCP behind a 53/UDP Service port), the traffic reaches a socket that is not there.
 * A *named* targetPort with the wrong protocol does not resolve at all (names are matched
 * with the protocol), which target-port-name-unresolved reports as an error.
 */
export default defineRule({
  meta: {
    id: 'target-port-protocol-mismatch',
    severity: 'warning',
    description: 'A Service port whose protocol differs from the protocol of the containerPort it reaches.',
    category: 'cross-object',
    messages: {
      mismatch: {
        message: 'Service port {{port}} sends {{protocol}} to targetPort {{target}}, but the selected pods declare {{target}} only as {{declaredProtocol}} ({{declared}})',
        hint: 'Make the protocols agree: set `protocol: {{declaredProtocol}}` on the Service port, or declare `containerPort: {{target}}` with `protocol: {{protocol}}` if the app listens on both.',
      },
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services) {
      const selected = selectedWorkloads(ctx, svc);
      if (selected.length === 0) continue;
      svc.spec.ports.forEach((sp, i) => {
        const target = sp.targetPort;
        if (typeof target !== 'number') return;
        // Most often the first declaration of the number has the Service port's protocol: no list
        // of every selected copy's ports is built for that.
        let declaredElsewise = false;
        for (const w of selected) {
          for (const d of declaredPorts(w)) {
            if (d.port.containerPort !== target) continue;
            if (d.port.protocol === sp.protocol) return;
            declaredElsewise = true;
          }
        }
        if (!declaredElsewise) return;
        const same = selected.flatMap(declaredPorts).filter((d) => d.port.containerPort === target);
        const field = servicePortHasField(svc, i, 'protocol') ? 'protocol' : servicePortHasField(svc, i, 'targetPort') ? 'targetPort' : 'port';
        ctx.report({
          messageId: 'mismatch', manifest: svc.manifest, path: ['spec', 'ports', i, field],
          data: { port: `${sp.port}/${sp.protocol}`, protocol: sp.protocol, target, declaredProtocol: same[0].port.protocol, declared: describePorts(same) },
          related: same.slice(0, 3).map((d) => ({ manifest: d.workload.manifest, path: d.path, message: `${workloadName(d.workload)} declares ${describePorts([d])}` })),
        });
      });
    }
  },
});
