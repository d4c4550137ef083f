import { defineRule } from './rule';
import { listensOn, LISTENS_ANNOTATION, type KnownPort, type Listening } from '../model/listens';
import type { WorkloadObject } from '../model/types';
import {
  declaredPorts, describePorts, selectedWorkloads, servicePortHasField, workloadName,
} from './workload-ports';

/** A port as svclab.io/listens writes it: TCP needs no protocol. */
const portText = (port: number, protocol: string) => (protocol === 'TCP' ? `${port}` : `${port}/${protocol}`);
const describeKnown = (ports: readonly KnownPort[]) => [...new Set(ports.map((p) => `${p.port}/${p.protocol}`))].join(', ') || 'no port';

/**
 * A numeric targetPort is used as is (FindPort in kubernetes `pkg/api/v1/pod/util.go` returns
 * the number without looking at the pod), so Kubernetes never complains. Declaring
 * containerPort is optional and informational ("not specifying a port here DOES NOT prevent
 * that port from being exposed", core/v1 Container.ports): a port no container declares may
 * still be one the app listens on. So svclab speaks only when the pods' declarations look
 * complete (every selected pod template declares ports, none declares this number, and no probe
 * connects to it), and says what it knows: "not declared (the container may not listen there)".
 * When every selected pod template states its ports with `svclab.io/listens` (model/listens.ts,
 * the same decision the simulator's app model takes), the answer is certain.
 */
export default defineRule({
  meta: {
    id: 'target-port-no-container-port',
    severity: 'warning',
    description: 'A numeric targetPort that no container of the selected pods declares (or probes), or that their svclab.io/listens excludes.',
    category: 'cross-object',
    messages: {
      missing: {
        message: '{{subject}} is not declared (the container may not listen there): no container of the selected pods declares containerPort {{target}} ({{declared}}); if the app does not listen on {{target}}, connections to Service port {{port}} are refused',
        hint: 'Set targetPort to the port the container listens on{{suggestion}}. If the app really listens on {{target}}, declare it (`containerPort: {{target}}`), or state its ports with the pod template annotation svclab.io/listens: "{{listens}}".',
      },
      notListening: {
        message: '{{subject}} is not a port the selected pods listen on: their svclab.io/listens annotation says {{declared}}; connections to Service port {{port}} are refused',
        hint: 'Set targetPort to a port the container listens on{{suggestion}}, or add {{target}} to the svclab.io/listens annotation if the app listens there too.',
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
        const listening = (w: WorkloadObject) => listensOn({ spec: w.template.spec, annotations: w.template.metadata.annotations }, target, sp.protocol);
        // A pod template that declares no port (and states none) tells nothing about what it listens on.
        // The first one that listens settles it: a Service may select many copies of one app.
        if (selected.some((w) => listening(w).listens)) return;
        const answers = selected.map((w) => ({ w, l: listening(w) }));
        // The number declared with another protocol is target-port-protocol-mismatch's business.
        if (answers.some((a) => a.l.basis !== 'listens-annotation' && declaredPorts(a.w).some((d) => d.port.containerPort === target))) return;
        const stated = answers.every((a) => a.l.basis === 'listens-annotation');
        const written = servicePortHasField(svc, i, 'targetPort');
        const numbers = [...new Set(answers.flatMap((a) => a.l.ports.filter((p) => p.protocol === sp.protocol).map((p) => p.port)))];
        const data = {
          // Without targetPort the Service sends to `port` itself (SetDefaults_Service), so say so.
          subject: written ? `targetPort ${target}` : `port ${target} (also the targetPort, since targetPort is not set)`,
          target, port: `${sp.port}/${sp.protocol}`,
          suggestion: numbers.length === 1 ? ` (targetPort: ${numbers[0]})` : '',
        };
        const path = ['spec', 'ports', i, written ? 'targetPort' : 'port'];
        if (stated) {
          ctx.report({
            messageId: 'notListening', manifest: svc.manifest, path, data: { ...data, declared: statedPorts(answers) },
            related: answers.slice(0, 3).map((a) => ({ manifest: a.w.manifest, path: [...a.w.templatePath, 'metadata', 'annotations', LISTENS_ANNOTATION], message: `${workloadName(a.w)} listens on ${describeKnown(a.l.ports)}` })),
          });
          return;
        }
        const all = selected.flatMap(declaredPorts);
        const declared = selected.length === 1 ? `${workloadName(selected[0])} declares ${describePorts(all)}` : `they declare ${describePorts(all)}`;
        ctx.report({
          messageId: 'missing', manifest: svc.manifest, path,
          data: { ...data, declared, listens: [...new Set([...all.map((d) => portText(d.port.containerPort, d.port.protocol)), portText(target, sp.protocol)])].join(',') },
          related: all.slice(0, 3).map((d) => ({ manifest: d.workload.manifest, path: d.path, message: `${workloadName(d.workload)} declares ${describePorts([d])}` })),
        });
      });
    }
  },
});

function statedPorts(answers: ReadonlyArray<{ w: WorkloadObject; l: Listening }>): string {
  if (answers.length === 1) return describeKnown(answers[0].l.ports);
  return answers.map((a) => `${workloadName(a.w)}: ${describeKnown(a.l.ports)}`).join('; ');
}
