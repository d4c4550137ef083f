import { defineRule } from './rule';
import { containerLabel, podContainers, type PodContainer } from './pod-containers';
import { valueAt } from '../model/guards';
import type { ContainerPort } from '../model/types';
import type { FieldPath } from '../types';

interface Seen {
  c: PodContainer;
  port: ContainerPort;
}

/**
 * Does a second declaration of the same containerPort/protocol collide with the first?
 * Mirrors the cases kubernetes pkg/api/pod/warnings.go warns about: exactly equal hostIP and
 * hostPort ("duplicate"), one without hostPort ("overlapping"), or the same hostPort with only
 * one hostIP set ("dangerously ambiguous"). Different hostPorts are deliberate and fine.
 */
function collides(a: ContainerPort, b: ContainerPort): boolean {
  const ha = a.hostPort ?? 0;
  const hb = b.hostPort ?? 0;
  const ia = a.hostIP ?? '';
  const ib = b.hostIP ?? '';
  if (ha === hb && ia === ib) return true;
  if (ha === 0 || hb === 0) return true;
  return ha === hb && (ia === '') !== (ib === '');
}

export default defineRule({
  meta: {
    id: 'container-port-duplicate',
    severity: 'error',
    description: 'Within one pod: a repeated port name (error), or a repeated containerPort/protocol (warning).',
    category: 'workload',
    scope: 'object',
    messages: {
      duplicateName: {
        message: 'port name `{{name}}` is declared twice in this pod ({{where}}){{consequence}}',
        hint: 'Give each port of the pod its own name; Services, probes and NetworkPolicies refer to ports by these names.',
      },
      duplicatePort: {
        message: 'containerPort {{port}}/{{protocol}} is declared twice in this pod ({{where}}); all containers of a pod share one network namespace, so only one process can listen on it (the API server warns: "duplicate port definition")',
        hint: 'Remove the repeated entry, or move one of the processes to another port.',
      },
      duplicateHostPort: {
        message: 'hostPort {{hostPort}}/{{protocol}}{{hostIP}} is declared twice in this pod ({{where}}); the API server rejects the pod template (Duplicate value)',
        hint: 'Use a different hostPort for one of the entries, or drop hostPort if the port need not be opened on the node.',
      },
    },
  },
  check(ctx) {
    for (const w of ctx.model.workloads) {
      const containers = podContainers(w);
      let count = 0;
      for (const c of containers) count += c.container.ports.length;
      if (count < 2) continue; // nothing to repeat: the common case, kept cheap
      const names = new Map<string, Seen>();
      const ports = new Map<string, Seen[]>();
      const hostPorts = new Map<string, Seen>();
      const hostNetwork = w.template.spec.hostNetwork;
      const m = w.manifest;
      for (const c of containers) {
        for (const port of c.container.ports) {
          const here: Seen = { c, port };
          const where = (first: Seen) => (first.c === c ? `both in ${containerLabel(c)}` : `in ${containerLabel(c)}, and first in ${containerLabel(first.c)}`);
          if (port.name) {
            const first = names.get(port.name);
            if (first) {
              const consequence = first.c === c
                ? '; the API server rejects the pod template (Duplicate value)'
                : '; a Service targetPort or probe that uses this name reaches only one of them (the first container that declares it)';
              ctx.report({
                messageId: 'duplicateName', manifest: m, path: [...portPath(here), 'name'],
                data: { name: port.name, where: where(first), consequence },
                related: [{ manifest: m, path: [...portPath(first), 'name'], message: `port name ${port.name} first declared here` }],
              });
            } else names.set(port.name, here);
          }
          // Host ports must be unique among the app containers (AccumulateUniqueHostPorts, an API
          // error); with hostNetwork the API server first defaults hostPort to containerPort.
          const hostPort = port.hostPort || (hostNetwork ? port.containerPort : 0);
          let hostPortClash = false;
          if (!c.init && hostPort > 0) {
            const key = `${port.hostIP ?? ''}/${port.protocol}/${hostPort}`;
            const first = hostPorts.get(key);
            if (first) {
              hostPortClash = true;
              ctx.report({
                messageId: 'duplicateHostPort', manifest: m, path: hostPortPath(m.value, here),
                data: { protocol: port.protocol, hostPort, hostIP: port.hostIP ? ` on ${port.hostIP}` : '', where: where(first) },
                related: [{ manifest: m, path: hostPortPath(m.value, first), message: `hostPort ${hostPort} first declared here` }],
              });
            } else hostPorts.set(key, here);
          }
          if (port.containerPort > 0) {
            const key = `${port.containerPort}/${port.protocol}`;
            const earlier = ports.get(key);
            const first = earlier?.find((e) => collides(e.port, port));
            // One finding per entry: a host port clash is already the stronger (error) finding.
            if (first && !hostPortClash) {
              ctx.report({
                messageId: 'duplicatePort', manifest: m, path: [...portPath(here), 'containerPort'], severity: 'warning',
                data: { protocol: port.protocol, port: port.containerPort, where: where(first) },
                related: [{ manifest: m, path: [...portPath(first), 'containerPort'], message: `containerPort ${key} first declared here` }],
              });
            }
            if (earlier) earlier.push(here);
            else ports.set(key, [here]);
          }
        }
      }
    }
  },
});

function portPath(s: Seen): FieldPath {
  return [...s.c.path, 'ports', s.port.index];
}

/** The written hostPort, or the containerPort it was defaulted from (hostNetwork). */
function hostPortPath(value: unknown, s: Seen): FieldPath {
  const path = portPath(s);
  return [...path, valueAt(value, [...path, 'hostPort']) !== undefined ? 'hostPort' : 'containerPort'];
}
