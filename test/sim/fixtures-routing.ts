/**
 * Hand-built ClusterState fixtures for routing and DNS unit tests, independent of the cluster
 * builder: nodes from the default cluster, pods with chosen nodes and IPs, Services with
 * chosen ClusterIPs, and EndpointSlices computed the simple way (selector match, ready =
 * pod ready or publishNotReadyAddresses, terminating pods serving but not ready).
 */
import { defaultClusterConfig } from '../../src/sim/default-cluster';
import type { ClusterConfig, ClusterState, SimEndpointSlice, SimNode, SimPod, SimService, SimServicePort } from '../../src/sim/types';
import type { Container, DNSPolicy, Model, PodDNSConfig, Protocol, ServiceSpec, WorkloadObject } from '../../src/model/types';

export interface PodOptions {
  name: string;
  namespace?: string;
  node?: string;
  labels?: Record<string, string>;
  /** Declared container ports: numbers, or { port, name, protocol, hostPort }. */
  ports?: Array<number | { port: number; name?: string; protocol?: Protocol; hostPort?: number }>;
  ready?: boolean;
  terminating?: boolean;
  hostNetwork?: boolean;
  hostname?: string;
  subdomain?: string;
  dnsPolicy?: DNSPolicy;
  dnsConfig?: PodDNSConfig;
  ip?: string;
  pending?: boolean;
}

export interface ServiceOptions {
  name: string;
  namespace?: string;
  type?: ServiceSpec['type'];
  clusterIP?: string;
  ports?: Array<{ name?: string; port: number; targetPort?: number | string; nodePort?: number; protocol?: Protocol }>;
  selector?: Record<string, string> | null;
  externalTrafficPolicy?: 'Cluster' | 'Local';
  internalTrafficPolicy?: 'Cluster' | 'Local';
  sessionAffinity?: 'None' | 'ClientIP';
  loadBalancerIngress?: string[] | null;
  externalIPs?: string[];
  loadBalancerSourceRanges?: string[];
  externalName?: string;
  publishNotReadyAddresses?: boolean;
  /** Extra slices given by hand (for selector-less Services). */
  slices?: SimEndpointSlice[];
}

const stubWorkload = (name: string): WorkloadObject =>
  // Tests only read metadata.name from the workload; the rest of the envelope is irrelevant here.
  ({ kind: 'Pod', metadata: { name, namespace: 'default', labels: {}, annotations: {} } }) as unknown as WorkloadObject;

export class ClusterFixture {
  config: ClusterConfig = defaultClusterConfig();
  nodes: SimNode[];
  pods: SimPod[] = [];
  services: SimService[] = [];
  private extraSlices: SimEndpointSlice[] = [];
  private nextHost = new Map<string, number>();
  private nextClusterIP = 100;
  namespaces = new Set<string>();

  constructor(configure?: (c: ClusterConfig) => void) {
    configure?.(this.config);
    this.nodes = this.config.nodes.map((n, i) => ({ name: n.name, internalIP: n.internalIP, labels: n.labels, taints: n.taints, zone: n.zone, podCIDR: n.podCIDR ?? `10.244.${i}.0/24` }));
    // The cluster basics every real cluster has.
    this.pod({ name: 'coredns-abc12-x1', namespace: 'kube-system', node: 'control-plane', labels: { 'k8s-app': 'kube-dns' }, ports: [{ port: 53, protocol: 'UDP', name: 'dns' }, { port: 53, name: 'dns-tcp' }, { port: 9153, name: 'metrics' }] });
    this.service({ name: 'kubernetes', clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, targetPort: 6443 }], selector: null, slices: [{ name: 'kubernetes', namespace: 'default', serviceName: 'kubernetes', addressType: 'IPv4', managedBy: 'user', ports: [{ name: 'https', port: 6443, protocol: 'TCP' }], endpoints: [{ addresses: [this.config.apiServer.ip], conditions: { ready: true, serving: true, terminating: false } }] }] });
    this.service({ name: 'kube-dns', namespace: 'kube-system', clusterIP: '10.96.0.10', ports: [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53 }, { name: 'metrics', port: 9153 }], selector: { 'k8s-app': 'kube-dns' } });
    this.services[this.services.length - 1].builtIn = true;
    this.services[this.services.length - 2].builtIn = true;
  }

  pod(o: PodOptions): this {
    const namespace = o.namespace ?? 'default';
    this.namespaces.add(namespace);
    const node = this.nodes.find((n) => n.name === (o.node ?? 'node-1'))!;
    let ip = o.ip ?? '';
    if (o.pending) ip = '';
    else if (o.hostNetwork) ip = node.internalIP;
    else if (!ip) {
      const n = (this.nextHost.get(node.name) ?? 1) + 1;
      this.nextHost.set(node.name, n);
      ip = node.podCIDR.replace(/\.0\/24$/, `.${n}`);
    }
    const containers: Container[] = [
      {
        name: 'app',
        image: 'example/app',
        ports: (o.ports ?? []).map((p, index) => (typeof p === 'number' ? { name: undefined, containerPort: p, protocol: 'TCP', hostPort: undefined, hostIP: undefined, index } : { name: p.name, containerPort: p.port, protocol: p.protocol ?? 'TCP', hostPort: p.hostPort, hostIP: undefined, index })),
        env: [],
        readinessProbe: undefined,
        livenessProbe: undefined,
        startupProbe: undefined,
      },
    ];
    this.pods.push({
      name: o.name,
      namespace,
      labels: o.labels ?? {},
      annotations: {},
      workload: stubWorkload(o.name.replace(/-[^-]+-[^-]+$/, '')),
      ownerKind: 'ReplicaSet',
      ownerName: o.name,
      nodeName: o.pending ? '' : node.name,
      hostIP: o.pending ? '' : node.internalIP,
      podIP: ip,
      phase: o.pending ? 'Pending' : 'Running',
      ready: o.pending ? false : o.terminating ? false : o.ready ?? true,
      terminating: o.terminating ?? false,
      spec: {
        containers,
        initContainers: [],
        hostNetwork: o.hostNetwork ?? false,
        nodeName: undefined,
        nodeSelector: {},
        tolerations: [],
        hostname: o.hostname,
        subdomain: o.subdomain,
        dnsPolicy: o.dnsPolicy ?? 'ClusterFirst',
        dnsConfig: o.dnsConfig,
        setHostnameAsFQDN: false,
      },
      uid: `uid-${o.name}`,
      hostname: o.hostname ?? o.name,
    } as SimPod);
    return this;
  }

  service(o: ServiceOptions): this {
    const namespace = o.namespace ?? 'default';
    this.namespaces.add(namespace);
    const type = o.type ?? 'ClusterIP';
    const clusterIP = type === 'ExternalName' ? null : o.clusterIP ?? `10.96.1.${this.nextClusterIP++}`;
    const ports: SimServicePort[] = (o.ports ?? []).map((p) => ({
      name: p.name,
      protocol: p.protocol ?? 'TCP',
      port: p.port,
      targetPort: p.targetPort ?? p.port,
      nodePort: p.nodePort,
      appProtocol: undefined,
    }));
    const external = type === 'NodePort' || type === 'LoadBalancer';
    const spec: ServiceSpec = {
      type,
      clusterIP: clusterIP ?? undefined,
      clusterIPs: clusterIP ? [clusterIP] : [], // as allocateServices fills it: ['None'] for a headless Service
      ports,
      selector: o.selector === undefined ? { app: o.name } : o.selector,
      externalName: o.externalName,
      externalIPs: o.externalIPs ?? [],
      sessionAffinity: o.sessionAffinity ?? 'None',
      sessionAffinityTimeoutSeconds: 10800,
      externalTrafficPolicy: external || o.externalIPs?.length ? o.externalTrafficPolicy ?? 'Cluster' : undefined,
      internalTrafficPolicy: o.internalTrafficPolicy ?? 'Cluster',
      publishNotReadyAddresses: o.publishNotReadyAddresses ?? false,
      allocateLoadBalancerNodePorts: undefined,
      loadBalancerIP: undefined,
      loadBalancerSourceRanges: o.loadBalancerSourceRanges ?? [],
      healthCheckNodePort: undefined,
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      loadBalancerClass: undefined,
      trafficDistribution: undefined,
    };
    this.services.push({
      object: null,
      name: o.name,
      namespace,
      type,
      clusterIP,
      ports,
      loadBalancerIngress: type === 'LoadBalancer' ? o.loadBalancerIngress ?? null : [],
      spec,
      builtIn: false,
      clusterIPs: spec.clusterIPs,
      healthCheckNodePort: undefined,
    } as SimService);
    if (o.slices) this.extraSlices.push(...o.slices);
    return this;
  }

  build(): ClusterState {
    const slices: SimEndpointSlice[] = [...this.extraSlices];
    for (const s of this.services) {
      const selector = s.spec.selector;
      if (!selector || s.type === 'ExternalName') continue;
      const pods = this.pods.filter((p) => p.namespace === s.namespace && p.podIP && Object.entries(selector).every(([k, v]) => p.labels[k] === v));
      // One slice per distinct resolved port set, as the EndpointSlice controller groups them.
      const groups = new Map<string, { ports: SimEndpointSlice['ports']; pods: SimPod[] }>();
      for (const p of pods) {
        const ports: SimEndpointSlice['ports'] = [];
        for (const sp of s.ports) {
          let port: number | undefined;
          if (typeof sp.targetPort === 'number') port = sp.targetPort;
          else port = p.spec.containers.flatMap((c) => c.ports).find((cp) => cp.name === sp.targetPort && cp.protocol === sp.protocol)?.containerPort;
          if (port !== undefined) ports.push({ name: sp.name ?? '', port, protocol: sp.protocol });
        }
        const key = JSON.stringify(ports);
        const g = groups.get(key) ?? { ports, pods: [] };
        g.pods.push(p);
        groups.set(key, g);
      }
      let i = 0;
      for (const g of groups.values()) {
        slices.push({
          name: `${s.name}-${i++}`,
          namespace: s.namespace,
          serviceName: s.name,
          addressType: 'IPv4',
          managedBy: 'endpointslice-controller.k8s.io',
          ports: g.ports,
          endpoints: g.pods.map((p) => ({
            addresses: [p.podIP],
            conditions: { ready: s.spec.publishNotReadyAddresses || p.ready, serving: p.ready || (p.terminating && p.ready !== false ? true : p.terminating), terminating: p.terminating },
            hostname: p.spec.hostname && p.spec.subdomain === s.name ? p.spec.hostname : undefined,
            nodeName: p.nodeName,
            targetRef: { kind: 'Pod', namespace: p.namespace, name: p.name },
          })),
        });
      }
    }
    const model: Model = {
      objects: [],
      services: [],
      workloads: [],
      endpoints: [],
      endpointSlices: [],
      ingresses: [],
      networkPolicies: [],
      namespaces: [...this.namespaces].map((n) => ({ metadata: { name: n } }) as unknown as Model['namespaces'][number]),
      defaultNamespace: 'default',
    };
    return { config: this.config, model, seed: 1, nodes: this.nodes, pods: this.pods, services: this.services, endpointSlices: slices, endpoints: [], rejected: [] } as ClusterState;
  }
}

export const fixture = (configure?: (c: ClusterConfig) => void): ClusterFixture => new ClusterFixture(configure);

/** The seed's first walkthrough: hostname-deployment (3 replicas on 3 workers) + hostname-svc-clusterip. */
export function hostnameCluster(extra?: (f: ClusterFixture) => void): ClusterState {
  const f = fixture();
  ['8sxjp', 'sqzx5', '8qbch'].forEach((suffix, i) =>
    f.pod({ name: `hostname-deployment-7b57c676b9-${suffix}`, node: `node-${i + 1}`, labels: { app: 'webserver' }, ports: [80] }),
  );
  f.service({ name: 'hostname-svc-clusterip', clusterIP: '10.101.178.212', ports: [{ name: 'web-port', port: 8080, targetPort: 80 }], selector: { app: 'webserver' } });
  extra?.(f);
  return f.build();
}
