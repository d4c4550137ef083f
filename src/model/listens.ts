/**
 * What an application listens on, as far as the manifests say. Kubernetes itself never asks:
 * `containerPort` is informational ("Not specifying a port here DOES NOT prevent that port from
 * being exposed", core/v1 Container.ports), kube-proxy delivers to an endpoint's port whether or
 * not a container declares it, and real images listen on ports their manifests leave out (a
 * metrics port, an admin port). So declared ports are evidence, not truth, and a pod that
 * declares nothing says nothing.
 *
 * The annotation `svclab.io/listens` on a pod template (or a bare Pod) states the truth for
 * svclab: the ports the pod's containers listen on, all of them, e.g. `"80,9090"` or
 * `"8080/TCP, 53/UDP"` (TCP when no protocol is given; `""` = nothing listens). `listensOn` is the
 * one decision the simulator's app model (sim/proxy/app-model.ts) and the lint rules share.
 */
import type { Container, PodSpec, Protocol } from './types';

export const LISTENS_ANNOTATION = 'svclab.io/listens';

export interface ListenPort {
  port: number;
  protocol: Protocol;
}

/** The annotation read: its ports, or why it cannot be read (then svclab ignores it). */
export type ListensAnnotation = { ports: ListenPort[] } | { invalid: string };

const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

/** Reads `svclab.io/listens` from a pod template's annotations; undefined when it is not set. */
export function listensAnnotation(annotations: Readonly<Record<string, string>>): ListensAnnotation | undefined {
  if (!Object.prototype.hasOwnProperty.call(annotations, LISTENS_ANNOTATION)) return undefined;
  return parseListens(annotations[LISTENS_ANNOTATION]);
}

/** `"80, 9090/TCP, 53/udp"` -> the ports; the first entry that is not a port makes the whole value invalid. */
export function parseListens(value: string): ListensAnnotation {
  const ports: ListenPort[] = [];
  for (const raw of value.split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const m = /^(\d{1,5})(?:\/([A-Za-z]+))?$/.exec(entry);
    const port = m ? Number(m[1]) : NaN;
    if (!m || port < 1 || port > 65535) return { invalid: `"${entry}" is not a port number from 1 to 65535` };
    const protocol = (m[2] ?? 'TCP').toUpperCase() as Protocol;
    if (!PROTOCOLS.includes(protocol)) return { invalid: `"${entry}" names protocol ${m[2]}; use TCP, UDP or SCTP` };
    if (!ports.some((p) => p.port === port && p.protocol === protocol)) ports.push({ port, protocol });
  }
  return { ports };
}

/**
 * How svclab knows whether a pod listens on a port: its `svclab.io/listens` annotation, its
 * containers' declared ports, a probe that connects to the port, or nothing (no port declared).
 */
export type ListenBasis = 'listens-annotation' | 'container-ports' | 'probe' | 'no-ports-declared';

/** A port as the annotation states it or a container declares it. */
export interface KnownPort extends ListenPort {
  name?: string;
}

/** Whether a pod listens on a port, how sure svclab is, and the ports that knowledge names. */
export interface Listening {
  listens: boolean;
  /** True when the answer is svclab's guess, not something the manifests state. */
  assumed: boolean;
  basis: ListenBasis;
  /** The ports the annotation states, or the containers declare (empty for `no-ports-declared`). */
  ports: KnownPort[];
}

/** What `listensOn` reads of a pod or pod template. */
export interface PodFacts {
  spec: Pick<PodSpec, 'containers' | 'initContainers'>;
  annotations: Readonly<Record<string, string>>;
}

/** Containers that run for the pod's life: app containers and sidecars (init containers with restartPolicy Always). */
function runningContainers(spec: PodFacts['spec']): Container[] {
  return [...spec.containers, ...spec.initContainers.filter((c) => c.restartPolicy === 'Always')];
}

const known = (port: number, protocol: Protocol, name: string | undefined): KnownPort => (name ? { port, protocol, name } : { port, protocol });

/**
 * Does the pod listen on `port`/`protocol`? In order: a valid `svclab.io/listens` states it
 * (certain either way); a declared containerPort, or a tcpSocket/httpGet/grpc probe of a running
 * container on that number (the kubelet would not report the pod ready otherwise), says yes; any
 * other port of a pod that declares ports is assumed closed; a pod that declares no port at all
 * is assumed to listen (nothing says otherwise).
 */
export function listensOn(pod: PodFacts, port: number, protocol: Protocol): Listening {
  const stated = listensAnnotation(pod.annotations);
  if (stated && 'ports' in stated) {
    return { listens: stated.ports.some((p) => p.port === port && p.protocol === protocol), assumed: false, basis: 'listens-annotation', ports: stated.ports.map((p) => known(p.port, p.protocol, undefined)) };
  }
  const declared: KnownPort[] = [];
  for (const c of runningContainers(pod.spec)) {
    for (const p of c.ports) {
      if (p.containerPort === port && p.protocol === protocol) return { listens: true, assumed: false, basis: 'container-ports', ports: [known(p.containerPort, p.protocol, p.name)] };
      declared.push(known(p.containerPort, p.protocol, p.name));
    }
  }
  if (protocol === 'TCP' && probedPorts(pod.spec).has(port)) return { listens: true, assumed: false, basis: 'probe', ports: [{ port, protocol }] };
  if (!declared.length) return { listens: true, assumed: true, basis: 'no-ports-declared', ports: [] };
  return { listens: false, assumed: true, basis: 'container-ports', ports: declared };
}

/** Numeric ports the running containers' network probes connect to (all TCP: httpGet, tcpSocket, grpc). */
export function probedPorts(spec: PodFacts['spec']): Set<number> {
  const out = new Set<number>();
  for (const c of runningContainers(spec)) {
    for (const probe of [c.readinessProbe, c.livenessProbe, c.startupProbe]) {
      if (probe && probe.handler !== 'exec' && typeof probe.port === 'number') out.add(probe.port);
    }
  }
  return out;
}
