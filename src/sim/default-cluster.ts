/**
 * The embedded default cluster: what svclab simulates when nothing says otherwise. It looks
 * like a small kubeadm (minikube / kind style) cluster: one tainted control-plane node and
 * three workers in three zones, the kubeadm defaults for CIDRs and DNS, and the two Services
 * every cluster has (`default/kubernetes`, `kube-system/kube-dns`) with CoreDNS behind kube-dns.
 */
import { DEFAULT_KUBERNETES_VERSION } from '../model/kinds';
import { parseCIDR, cidrAddress } from '../util/ip';
import type { ClusterConfig, NodeConfig } from './types';
import { DEFAULT_MAX_PODS } from './limits';

export const CONTROL_PLANE_ROLE = 'node-role.kubernetes.io/control-plane';
export const ZONE_LABEL = 'topology.kubernetes.io/zone';
export const ZONES = ['zone-a', 'zone-b', 'zone-c'];
export { DEFAULT_MAX_PODS, MAX_POD_LIMIT } from './limits';

/**
 * Labels the kubelet puts on every node (kubelet_node_status.go initialNode): hostname, OS and
 * architecture, the latter two also under their deprecated beta keys, which the kubelet still
 * sets and old manifests still select on (`nodeSelector: { beta.kubernetes.io/os: linux }`).
 */
export function nodeLabels(name: string, zone: string | undefined): Record<string, string> {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
  };
  if (zone) labels[ZONE_LABEL] = zone;
  return labels;
}

/** Worker `node-<i>` (1-based) as the default cluster has it: 192.168.49.<i+2>, zones round-robin. */
export function defaultWorker(i: number): NodeConfig {
  const name = `node-${i}`;
  const zone = ZONES[(i - 1) % ZONES.length];
  // 192.168.49.3, .4, ... carrying on into 192.168.50.x for large scenario clusters.
  const v = 49 * 256 + i + 2;
  return { name, internalIP: `192.168.${v >> 8}.${v & 255}`, labels: nodeLabels(name, zone), taints: [], zone };
}

export function defaultControlPlane(): NodeConfig {
  const zone = ZONES[0];
  return {
    name: 'control-plane',
    internalIP: '192.168.49.2',
    labels: { ...nodeLabels('control-plane', zone), [CONTROL_PLANE_ROLE]: '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' },
    // kubeadm taints the control plane so that ordinary workloads stay off it.
    taints: [{ key: CONTROL_PLANE_ROLE, effect: 'NoSchedule' }],
    zone,
  };
}

/** Control plane plus `workers` worker nodes. */
export function defaultNodes(workers = 3): NodeConfig[] {
  const out = [defaultControlPlane()];
  for (let i = 1; i <= workers; i++) out.push(defaultWorker(i));
  return out;
}

export function defaultClusterConfig(): ClusterConfig {
  return {
    name: 'svclab',
    nodes: defaultNodes(3),
    podCIDR: '10.244.0.0/16',
    serviceCIDR: '10.96.0.0/12',
    clusterDomain: 'cluster.local',
    nodePortRange: { min: 30000, max: 32767 },
    loadBalancer: { provider: 'none' },
    apiServer: { ip: '192.168.49.2', port: 6443 },
    // Names the (simulated) upstream resolver knows. Nothing goes to the network: any other
    // name outside the cluster domain is NXDOMAIN unless the Cluster object adds it.
    upstreamDNS: {
      'example.com': ['93.184.215.14'],
      'example.org': ['93.184.215.14'],
    },
    readiness: {},
    maxPodsPerNode: 110,
    maxPods: DEFAULT_MAX_PODS,
    kubernetesVersion: DEFAULT_KUBERNETES_VERSION,
    networkPolicies: 'enforce',
    ingressController: 'nginx',
  };
}

/** The kubernetes Service takes the first address of the service CIDR, kube-dns the tenth (kubeadm). */
export function builtInServiceIPs(serviceCIDR: string): { kubernetes: string; kubeDns: string } {
  const cidr = parseCIDR(serviceCIDR);
  if (!cidr) throw new Error(`invalid service CIDR ${serviceCIDR}`);
  return { kubernetes: cidrAddress(cidr, 1), kubeDns: cidrAddress(cidr, 10) };
}

/**
 * The built-in objects as YAML, so that they go through the same parse and model stages as the
 * user's manifests (and carry source positions, in the file `<built-in>`).
 */
export function builtInManifests(config: ClusterConfig): string {
  const ips = builtInServiceIPs(config.serviceCIDR);
  return `apiVersion: v1
kind: Service
metadata:
  name: kubernetes
  namespace: default
  labels:
    component: apiserver
    provider: kubernetes
spec:
  type: ClusterIP
  clusterIP: ${ips.kubernetes}
  ports:
  - name: https
    port: 443
    protocol: TCP
    targetPort: ${config.apiServer.port}
---
apiVersion: v1
kind: Service
metadata:
  name: kube-dns
  namespace: kube-system
  labels:
    k8s-app: kube-dns
    kubernetes.io/cluster-service: "true"
    kubernetes.io/name: CoreDNS
spec:
  type: ClusterIP
  clusterIP: ${ips.kubeDns}
  selector:
    k8s-app: kube-dns
  ports:
  - name: dns
    port: 53
    protocol: UDP
    targetPort: 53
  - name: dns-tcp
    port: 53
    protocol: TCP
    targetPort: 53
  - name: metrics
    port: 9153
    protocol: TCP
    targetPort: 9153
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: coredns
  namespace: kube-system
  labels:
    k8s-app: kube-dns
spec:
  replicas: 2
  selector:
    matchLabels:
      k8s-app: kube-dns
  template:
    metadata:
      labels:
        k8s-app: kube-dns
    spec:
      priorityClassName: system-cluster-critical
      dnsPolicy: Default
      tolerations:
      - key: CriticalAddonsOnly
        operator: Exists
      - key: ${CONTROL_PLANE_ROLE}
        effect: NoSchedule
      nodeSelector:
        kubernetes.io/os: linux
      containers:
      - name: coredns
        image: registry.k8s.io/coredns/coredns:v1.12.0
        args: [ "-conf", "/etc/coredns/Corefile" ]
        ports:
        - containerPort: 53
          name: dns
          protocol: UDP
        - containerPort: 53
          name: dns-tcp
          protocol: TCP
        - containerPort: 9153
          name: metrics
          protocol: TCP
        readinessProbe:
          httpGet:
            path: /ready
            port: 8181
`;
}

export const BUILT_IN_FILE = '<built-in>';
