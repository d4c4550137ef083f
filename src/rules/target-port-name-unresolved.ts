import { defineRule } from './rule';
import { didYouMean } from '../util/did-you-mean';
import { portNameProblem } from '../util/name-formats';
import type { RelatedReport } from './rule';
import { findPort } from '../model/pod';
import {
  declaredPorts, describePorts, isPortName, listNames, selectedWorkloads, servingContainers, workloadName,
} from './workload-ports';

/**
 * A named targetPort is looked up in each selected pod by name *and* protocol (FindPort in
 * kubernetes `pkg/api/v1/pod/util.go`); a pod without such a port is left out of the
 * Service's endpoints for that port. When no selected pod has it, the port has no endpoints at all.
 */
export default defineRule({
  meta: {
    id: 'target-port-name-unresolved',
    severity: 'error',
    description: 'A named targetPort that no selected pod declares: that Service port gets no endpoints.',
    category: 'cross-object',
    messages: {
      unresolved: {
        message: 'targetPort "{{name}}" is not the name of any container port in the selected pods ({{declared}}), so Service port {{port}} gets no endpoints{{suggestion}}',
        hint: 'Use the name of a containerPort (spec.template.spec.containers[].ports[].name) of the selected pods, or a port number; or add `name: {{name}}` to the container port the app listens on.',
      },
      protocol: {
        message: 'targetPort "{{name}}" names a container port declared as {{declaredProtocol}} ({{declared}}), but this Service port is {{protocol}}; port names are matched together with the protocol, so Service port {{port}} gets no endpoints',
        hint: 'Set `protocol: {{declaredProtocol}}` on the Service port, or declare a {{protocol}} container port named {{name}}.',
      },
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services) {
      const selected = selectedWorkloads(ctx, svc);
      if (selected.length === 0) continue; // service-selector-no-match covers it
      svc.spec.ports.forEach((sp, i) => {
        const name = sp.targetPort;
        if (typeof name !== 'string' || !isPortName(name)) return;
        // A name that is not a valid port name is target-port-invalid's finding: the API server
        // rejects the Service, so "no endpoints" would be a second message for one mistake.
        if (portNameProblem(name) !== undefined) return;
        if (selected.some((w) => findPort(w.template, sp) !== undefined)) return; // resolved, maybe partially (target-port-name-partial)
        const path = ['spec', 'ports', i, 'targetPort'];
        const port = `${sp.port}/${sp.protocol}`;
        // FindPort matches the name together with the protocol: these have the name only.
        const otherProtocol = selected.flatMap(declaredPorts).filter((d) => d.port.name === name);
        if (otherProtocol.length > 0) {
          ctx.report({
            messageId: 'protocol', manifest: svc.manifest, path,
            data: { name, port, protocol: sp.protocol, declaredProtocol: otherProtocol[0].port.protocol, declared: describePorts(otherProtocol) },
            related: otherProtocol.slice(0, 3).map((d) => ({ manifest: d.workload.manifest, path: d.path, message: `${workloadName(d.workload)} declares ${name} as ${d.port.protocol}` })),
          });
          return;
        }
        const all = selected.flatMap(declaredPorts);
        const names = all.map((d) => d.port.name).filter((n): n is string => n !== undefined);
        const near = didYouMean(name, names);
        const declared = all.length > 0
          ? `they declare ${describePorts(all)}`
          : `${listNames(selected.map(workloadName))} declare${selected.length === 1 ? 's' : ''} no ports`;
        const related: RelatedReport[] = selected.slice(0, 3).map((w) => {
          const ports = declaredPorts(w);
          const at = ports.length > 0 ? ports[0].path.slice(0, -1) : servingContainers(w)[0]?.path ?? w.templatePath;
          return { manifest: w.manifest, path: at, message: `container ports of ${workloadName(w)}` };
        });
        ctx.report({
          messageId: 'unresolved', manifest: svc.manifest, path,
          data: { name, port, declared, suggestion: near ? `; did you mean "${near}"?` : '' },
          related,
        });
      });
    }
  },
});
