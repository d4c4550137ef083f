/**
 * What svclab assumes about the application inside a pod. Kubernetes itself does not care:
 * containerPort is informational and kube-proxy delivers to the endpoint's port regardless.
 * svclab models the app: a pod whose containers declare ports listens only on those; a pod
 * that declares none is assumed to listen on any port. An HTTP request is answered like the
 * seed tutorial's echo image (alicek106/rr-test:echo-hostname): `Hello, <hostname>`.
 */
import type { Container, Protocol } from '../../model/types';
import type { SimPod } from '../types';
import type { PortFacts } from './facts';

/** Containers that run for the pod's life: app containers and sidecars (init containers with restartPolicy Always). */
function runningContainers(pod: SimPod): Container[] {
  return [...pod.spec.containers, ...pod.spec.initContainers.filter((c) => c.restartPolicy === 'Always')];
}

/** Whether the pod listens on the port; when not, the ports its containers declare. */
export type Listening = { listens: true } | { listens: false; declared: PortFacts[] };

export function podListens(pod: SimPod, port: number, protocol: Protocol): Listening {
  const declared: PortFacts[] = [];
  for (const c of runningContainers(pod)) {
    for (const p of c.ports) {
      if (p.containerPort === port && p.protocol === protocol) return { listens: true };
      declared.push(p.name ? { port: p.containerPort, protocol: p.protocol, name: p.name } : { port: p.containerPort, protocol: p.protocol });
    }
  }
  if (!declared.length) return { listens: true };
  return { listens: false, declared };
}

/** The echo image's answer: its hostname as the kubelet sets it (spec.hostname, else the pod name cut to 63 characters). */
export function httpBody(pod: SimPod): string {
  return `Hello, ${pod.hostname}`;
}

/** The pod serving a hostPort on a node (the CNI portmap plugin DNATs node-IP:hostPort to it). */
export function hostPortPod(pods: readonly SimPod[], port: number, protocol: Protocol): { pod: SimPod; containerPort: number } | null {
  for (const pod of pods) {
    for (const c of runningContainers(pod)) {
      for (const p of c.ports) if (p.hostPort === port && p.protocol === protocol) return { pod, containerPort: p.containerPort };
    }
  }
  return null;
}
