import { defineRule } from './rule';
import { findPort } from '../model/pod';
import { isPortName, listNames, selectedWorkloads, servingContainers, workloadName } from './workload-ports';

/**
 * The endpoints controller resolves a named targetPort pod by pod (FindPort in kubernetes
 * `pkg/api/v1/pod/util.go`): pods that lack the name are silently left out of that port's
 * endpoints, so only part of the selected pods serve it.
 */
export default defineRule({
  meta: {
    id: 'target-port-name-partial',
    severity: 'warning',
    description: 'A named targetPort that only some of the selected pod templates declare: the others get no traffic on that port.',
    category: 'cross-object',
    messages: {
      partial: {
        message: 'targetPort "{{name}}" ({{protocol}}) is declared by {{declaring}} but not by {{missing}}, which the selector also picks; their pods get no traffic on Service port {{port}}',
        hint: 'Declare a container port named {{name}} in every workload this Service selects, or narrow spec.selector to the workloads that serve this port.',
      },
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services) {
      const selected = selectedWorkloads(ctx, svc);
      if (selected.length < 2) continue;
      svc.spec.ports.forEach((sp, i) => {
        const name = sp.targetPort;
        if (typeof name !== 'string' || !isPortName(name)) return;
        const having = selected.filter((w) => findPort(w.template, sp) !== undefined);
        const missing = selected.filter((w) => !having.includes(w));
        if (having.length === 0 || missing.length === 0) return; // none: target-port-name-unresolved
        ctx.report({
          messageId: 'partial', manifest: svc.manifest, path: ['spec', 'ports', i, 'targetPort'],
          data: {
            name, protocol: sp.protocol, port: `${sp.port}/${sp.protocol}`,
            declaring: listNames(having.map(workloadName)), missing: listNames(missing.map(workloadName)),
          },
          related: missing.slice(0, 3).map((w) => ({
            manifest: w.manifest,
            path: servingContainers(w)[0]?.path ?? w.templatePath,
            message: `${workloadName(w)} has no ${sp.protocol} container port named ${name}`,
          })),
        });
      });
    }
  },
});
