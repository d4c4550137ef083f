/**
 * What svclab assumes about the application inside a pod. Kubernetes itself does not care:
 * containerPort is informational ("Not specifying a port here DOES NOT prevent that port from
 * being exposed", core/v1 Container.ports) and kube-proxy delivers to the endpoint's port
 * regardless. Real images listen on ports their manifests leave out, and a pod that declares
 * nothing does not listen on everything. So svclab says how sure it is (the decision is
 * model/listens.ts listensOn, shared with the lint rules):
 *
 * - the pod template's `svclab.io/listens` annotation (model/listens.ts) states the truth: the
 *   pod listens on exactly those ports, and both answers are certain;
 * - a port a container declares (containerPort), or that a tcpSocket/httpGet/grpc probe of a
 *   container connects to (the kubelet would not report the pod ready otherwise), is taken as
 *   listening;
 * - any other port of a pod that declares ports is assumed closed (`refused`, assumed);
 * - a pod that declares no port at all is assumed to listen on the port asked (`ok`, assumed).
 *
 * An HTTP request is answered like the seed tutorial's echo image
 * (alicek106/rr-test:echo-hostname): `Hello, <hostname>`.
 */
import { listensOn, type Listening } from '../../model/listens';
import type { Container, Protocol } from '../../model/types';
import type { SimPod } from '../types';

/** Containers that run for the pod's life: app containers and sidecars (init containers with restartPolicy Always). */
function runningContainers(pod: SimPod): Container[] {
  return [...pod.spec.containers, ...pod.spec.initContainers.filter((c) => c.restartPolicy === 'Always')];
}

/** Whether the pod listens on the port, how sure svclab is, and the ports that knowledge names (model/listens.ts listensOn). */
export function podListens(pod: SimPod, port: number, protocol: Protocol): Listening {
  return listensOn(pod, port, protocol);
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
