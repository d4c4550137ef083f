import { defineRule } from './rule';
import { containerLabel, podContainers } from './pod-containers';
import { didYouMean } from '../util/did-you-mean';
import { portNameProblem } from '../util/name-formats';

const PROBES = ['readinessProbe', 'livenessProbe', 'startupProbe'] as const;

export default defineRule({
  meta: {
    id: 'probe-port-unknown',
    severity: 'error',
    description: 'A readiness/liveness/startup probe uses a named port that its own container does not declare.',
    category: 'workload',
    scope: 'object',
    messages: {
      unknown: {
        message: '{{probe}} of {{container}} uses port name `{{name}}`, which this container does not declare ({{declared}}); the kubelet resolves a named probe port only against the container\'s own ports, so the probe fails every time{{consequence}}{{elsewhere}}',
        hint: '{{fix}}',
      },
      quotedNumber: {
        message: '{{probe}} of {{container}} has port `"{{name}}"`: a quoted number is a string, so Kubernetes reads it as a port name, and port names need a letter; the API server rejects the pod template',
        hint: 'Write the port number without quotes (`port: {{name}}`), or use the name of one of the container\'s ports.',
      },
      invalidName: {
        message: '{{probe}} of {{container}} uses port name `{{name}}`, which is not a valid port name: it {{problem}}; the API server rejects the pod template',
        hint: 'Use the name of one of the container\'s ports (at most 15 lowercase letters, digits and \'-\'), or the port number.',
      },
    },
  },
  check(ctx) {
    for (const w of ctx.model.workloads) {
      const containers = podContainers(w);
      for (const c of containers) {
        const names = c.container.ports.map((p) => p.name).filter((n): n is string => !!n);
        for (const probeField of PROBES) {
          const probe = c.container[probeField];
          // gRPC probe ports are numbers only; a string there is the schema's type error.
          if (!probe || typeof probe.port !== 'string' || probe.handler === 'grpc' || probe.handler === 'exec' || !probe.handler) continue;
          const name = probe.port;
          const path = [...c.path, probeField, probe.handler, 'port'];
          const data = { probe: probeField, container: containerLabel(c), name };
          const problem = portNameProblem(name);
          if (problem) {
            ctx.report({ messageId: /^[0-9]+$/.test(name) ? 'quotedNumber' : 'invalidName', manifest: w.manifest, path, data: { ...data, problem } });
            continue;
          }
          if (names.includes(name)) continue;
          const other = containers.find((o) => o !== c && o.container.ports.some((p) => p.name === name));
          const guess = didYouMean(name, names);
          const fix = guess
            ? `Did you mean \`${guess}\`? Use a port name this container declares, or the port number.`
            : `Add \`- name: ${name}\` with its containerPort to this container's ports, or use the port number in the probe.`;
          const consequence = probeField === 'livenessProbe' ? ' and the kubelet keeps restarting the container'
            : probeField === 'readinessProbe' ? ' and the pod never becomes Ready (Services send it no traffic)'
              : ' and the container is restarted before it ever starts';
          ctx.report({
            messageId: 'unknown', manifest: w.manifest, path,
            data: {
              ...data, fix, consequence,
              declared: names.length ? `it declares ${names.map((n) => `\`${n}\``).join(', ')}` : 'it declares no named ports',
              elsewhere: other ? `; ${containerLabel(other)} of the same pod declares it, but that does not count for this probe` : '',
            },
            related: other ? [{ manifest: w.manifest, path: [...other.path, 'ports'], message: `${containerLabel(other)} declares port ${name}` }] : [],
          });
        }
      }
    }
  },
});
