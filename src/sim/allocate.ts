/**
 * What the API server fills in when a Service is created: the ClusterIP (ipallocator), node
 * ports and the health check node port (portallocator), and — for LoadBalancer Services — the
 * ingress address a load-balancer provider would assign (MetalLB-style pool, or none = pending).
 *
 * Services are created in input order (as `kubectl apply -f` sends them), after the built-in
 * ones. A Service the API server would refuse (clashing or out-of-range ClusterIP / nodePort,
 * forbidden combinations) is left out and listed in `rejected`.
 *
 * Both allocators split their range in two bands (KEP-3070 for ClusterIPs, KEP-3668 for node
 * ports; kubernetes pkg/registry/core/service/ipallocator and portallocator,
 * `calculateRangeOffset`): dynamic allocation draws from the upper band first and only falls
 * back to the lower band when the upper one is full, so that the lower band stays free for
 * addresses and ports chosen by hand.
 */
import type { IPFamily, ServiceObject } from '../model/types';
import { refusalReason } from '../model/invalid';
import { CLUSTER_IP_NONE, initIPFamilyFields, isHeadlessService, needsHealthCheck, type IPFamilyFields } from '../model/service';
import { validateService } from '../model/validate-service';
import { parseCIDR, parseIPv4 } from '../util/ip';
import { Random } from '../util/random';
import type { ClusterConfig, RejectedObject, SimService, SimServicePort } from './types';

/** min(max(min, size/step), max), or 0 when the range is too small to split (allocator.go). */
export function rangeOffset(size: number, min: number, max: number, step: number): number {
  if (size <= min) return 0;
  return Math.min(Math.max(min, Math.floor(size / step)), max);
}

/** svclab simulates single-stack IPv4 clusters (cluster-config.ts): the one family of the service CIDR. */
const CLUSTER_FAMILIES: readonly IPFamily[] = ['IPv4'];

/** A bitmap-style allocator over offsets [0, size) with the static band [0, offset). */
export class BandAllocator {
  private readonly used = new Set<number>();
  constructor(readonly size: number, readonly offset: number) {}

  has(o: number): boolean {
    return this.used.has(o);
  }

  /** Allocate a given offset; false when taken. */
  allocate(o: number): boolean {
    if (o < 0 || o >= this.size || this.used.has(o)) return false;
    this.used.add(o);
    return true;
  }

  /** Give an offset back (a refused Service releases what it took). */
  release(o: number): void {
    this.used.delete(o);
  }

  /**
   * bitmap.go randomScanStrategyWithOffset: a random start in the upper band, scanning forward
   * (wrapping inside the band) to the first free offset; then the same in the lower band.
   */
  allocateNext(rng: Random): number | null {
    for (const [lo, hi] of [[this.offset, this.size], [0, this.offset]] as const) {
      const span = hi - lo;
      if (span <= 0) continue;
      const start = rng.int(0, span - 1);
      for (let k = 0; k < span; k++) {
        const o = lo + ((start + k) % span);
        if (!this.used.has(o)) {
          this.used.add(o);
          return o;
        }
      }
    }
    return null;
  }
}

/** ClusterIPs: base = network + 1, broadcast excluded (ipallocator.NewInMemory for IPv4). */
class ClusterIPAllocator {
  readonly alloc: BandAllocator;
  private readonly base: number;
  constructor(readonly cidrText: string) {
    const cidr = parseCIDR(cidrText)!;
    this.base = Number(cidr.base) + 1;
    const size = Number(cidr.size);
    this.alloc = new BandAllocator(size - 2, rangeOffset(size, 16, 256, 16));
  }
  offsetOf(ip: string): number | null {
    const v = parseIPv4(ip);
    if (v === null) return null;
    const o = Number(v) - this.base;
    return o >= 0 && o < this.alloc.size ? o : null;
  }
  ipOf(o: number): string {
    const v = this.base + o;
    return `${Math.floor(v / 16777216) & 255}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
  }
}

/** Load-balancer addresses handed out lowest-first from the pool, as MetalLB's allocator does. */
class PoolAllocator {
  private readonly ranges: Array<[number, number]> = [];
  private readonly used = new Set<number>();
  constructor(entries: string[]) {
    for (const e of entries) {
      if (e.includes('/')) {
        const c = parseCIDR(e);
        if (c && c.family === 4) this.ranges.push([Number(c.base), Number(c.base + c.size) - 1]);
        continue;
      }
      const [a, b = a] = e.split('-').map((s) => parseIPv4(s.trim()));
      if (a !== null && b !== null && a !== undefined) this.ranges.push([Number(a), Number(b)]);
    }
  }
  contains(v: number): boolean {
    return this.ranges.some(([a, b]) => v >= a && v <= b);
  }
  take(requested: string | undefined): string | null {
    if (requested !== undefined) {
      const v = parseIPv4(requested);
      if (v === null || !this.contains(Number(v)) || this.used.has(Number(v))) return null;
      this.used.add(Number(v));
      return requested;
    }
    for (const [a, b] of this.ranges) {
      for (let v = a; v <= b; v++) {
        if (!this.used.has(v)) {
          this.used.add(v);
          return fmt(v);
        }
      }
    }
    return null;
  }
}
const fmt = (v: number) => `${Math.floor(v / 16777216) & 255}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;

export interface Allocation {
  services: SimService[];
  rejected: RejectedObject[];
}

/** Allocates every Service in order; `isBuiltIn` tells the cluster's own Services (kubernetes, kube-dns). */
export function allocateServices(objects: ServiceObject[], isBuiltIn: (svc: ServiceObject) => boolean, config: ClusterConfig, seed: number): Allocation {
  const ips = new ClusterIPAllocator(config.serviceCIDR);
  const { min, max } = config.nodePortRange;
  const portSize = max - min + 1;
  const ports = new BandAllocator(portSize, rangeOffset(portSize, 16, 128, 32));
  const pool = config.loadBalancer.provider === 'pool' ? new PoolAllocator(config.loadBalancer.addresses) : null;
  const services: SimService[] = [];
  const rejected: RejectedObject[] = [];

  objects.forEach((svc) => {
    // One stream per Service: adding an unrelated Service does not move this one's address or ports.
    const ipRng = Random.derive(seed, `clusterIP:${svc.metadata.namespace}/${svc.metadata.name}`);
    const portRng = Random.derive(seed, `nodePorts:${svc.metadata.namespace}/${svc.metadata.name}`);
    const reject = (reason: string) => rejected.push({ kind: 'Service', namespace: svc.metadata.namespace, name: svc.metadata.name, reason });
    const spec = svc.spec;
    const verdict = validationProblem(svc, CLUSTER_FAMILIES);
    if ('reason' in verdict) return reject(verdict.reason);
    const { ipFamilies, ipFamilyPolicy } = verdict.families;

    // As the REST storage creates a Service (storage/alloc.go): the ClusterIP, then the node
    // ports, then the health check node port; on any failure everything taken is released.
    const held: Array<() => void> = [];
    // shouldAllocateNodePorts: NodePort always, LoadBalancer unless allocateLoadBalancerNodePorts is false.
    const wantsNodePorts = spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
    const refuse = (reason: string) => {
      for (const release of held) release();
      reject(reason);
    };
    let clusterIP: string | null = null;
    if (spec.type !== 'ExternalName') {
      if (isHeadlessService(spec)) clusterIP = CLUSTER_IP_NONE;
      else if (spec.clusterIP !== undefined) {
        const o = ips.offsetOf(spec.clusterIP);
        if (o === null) return refuse(`spec.clusterIPs: Invalid value: ["${spec.clusterIP}"]: failed to allocate IP ${spec.clusterIP}: the provided IP (${spec.clusterIP}) is not in the valid range. The range of valid IPs is ${config.serviceCIDR}`);
        if (!ips.alloc.allocate(o)) return refuse(`spec.clusterIPs: Invalid value: ["${spec.clusterIP}"]: failed to allocate IP ${spec.clusterIP}: provided IP is already allocated`);
        held.push(() => ips.alloc.release(o));
        clusterIP = spec.clusterIP;
      } else {
        const o = ips.alloc.allocateNext(ipRng);
        if (o === null) return refuse(`failed to allocate a serviceIP: range is full (service CIDR ${config.serviceCIDR})`);
        held.push(() => ips.alloc.release(o));
        clusterIP = ips.ipOf(o);
      }
    }

    /** portallocator Allocate of a node port chosen by hand; the error text on failure. */
    const takeNodePort = (port: number): string | undefined => {
      if (port < min || port > max) return `provided port is not in the valid range. The range of valid ports is ${min}-${max}`;
      if (!ports.allocate(port - min)) return 'provided port is already allocated';
      held.push(() => ports.release(port - min));
      return undefined;
    };
    const takeNextNodePort = (): number | null => {
      const o = ports.allocateNext(portRng);
      if (o === null) return null;
      held.push(() => ports.release(o));
      return min + o;
    };

    // initNodePorts: ports of one Service with the same number (53/TCP and 53/UDP) share one node
    // port: a number's first port takes the node port any port of that number asks for
    // (findRequestedNodePort), else the next free one; a later port asking for another one gets it too.
    const byPortNumber = new Map<number, number>();
    const simPorts: SimServicePort[] = [];
    for (const [i, p] of spec.ports.entries()) {
      // initNodePorts runs for NodePort and LoadBalancer Services only: an ExternalName Service
      // keeps a nodePort as written, never allocated and never opened (txnAllocNodePorts).
      let nodePort: number | undefined = spec.type === 'ExternalName' ? p.nodePort : undefined;
      if ((spec.type === 'NodePort' || spec.type === 'LoadBalancer') && (p.nodePort !== undefined || wantsNodePorts)) {
        const shared = byPortNumber.get(p.port);
        if (shared === undefined) {
          const requested = spec.ports.find((q) => q.port === p.port && q.nodePort !== undefined)?.nodePort;
          if (requested !== undefined) {
            const err = takeNodePort(requested);
            if (err) return refuse(`spec.ports[${i}].nodePort: Invalid value: ${requested}: ${err}`);
            nodePort = requested;
          } else {
            const next = takeNextNodePort();
            if (next === null) return refuse(`failed to allocate a nodePort: range is full (${min}-${max})`);
            nodePort = next;
          }
          byPortNumber.set(p.port, nodePort);
        } else if (p.nodePort !== undefined && p.nodePort !== shared) {
          const err = takeNodePort(p.nodePort);
          if (err) return refuse(`spec.ports[${i}].nodePort: Invalid value: ${p.nodePort}: ${err}`);
          nodePort = p.nodePort;
        } else nodePort = shared;
      }
      simPorts.push({ ...p, nodePort });
    }

    // allocHealthCheckNodePort: a LoadBalancer with externalTrafficPolicy Local (NeedsHealthCheck).
    let healthCheckNodePort: number | undefined;
    if (needsHealthCheck(spec)) {
      if (spec.healthCheckNodePort !== undefined) {
        const err = takeNodePort(spec.healthCheckNodePort);
        if (err) return refuse(`failed to allocate requested HealthCheck NodePort ${spec.healthCheckNodePort}: ${err}`);
        healthCheckNodePort = spec.healthCheckNodePort;
      } else {
        const next = takeNextNodePort();
        if (next === null) return refuse(`failed to allocate a HealthCheck NodePort: range is full (${min}-${max})`);
        healthCheckNodePort = next;
      }
    }

    let loadBalancerIngress: string[] | null = [];
    if (spec.type === 'LoadBalancer') {
      const requested = requestedLoadBalancerIP(svc);
      const ip = pool ? pool.take(requested) : null;
      loadBalancerIngress = ip === null ? null : [ip];
    }

    services.push({
      object: svc,
      name: svc.metadata.name,
      namespace: svc.metadata.namespace,
      type: spec.type,
      clusterIP,
      clusterIPs: clusterIP === null ? [] : [clusterIP],
      ports: simPorts,
      loadBalancerIngress,
      spec: { ...spec, clusterIP: clusterIP ?? undefined, clusterIPs: clusterIP === null ? [] : [clusterIP], healthCheckNodePort, ipFamilies, ipFamilyPolicy: spec.type === 'ExternalName' ? undefined : ipFamilyPolicy },
      builtIn: isBuiltIn(svc),
      healthCheckNodePort,
    });
  });
  return { services, rejected };
}

/** spec.loadBalancerIP (deprecated) or MetalLB's annotation. */
function requestedLoadBalancerIP(svc: ServiceObject): string | undefined {
  const a = svc.metadata.annotations;
  const fromAnnotation = a['metallb.universe.tf/loadBalancerIPs'] ?? a['metallb.io/loadBalancerIPs'];
  return fromAnnotation?.split(',')[0].trim() || svc.spec.loadBalancerIP;
}

/**
 * The API server's refusal of a Service, in its words, or undefined: ValidateService
 * (model/validate-service.ts), then initIPFamilyFields against the cluster's IP families
 * (svclab clusters are single-stack IPv4).
 */
function validationProblem(svc: ServiceObject, clusterFamilies: readonly IPFamily[]): { reason: string } | { families: IPFamilyFields } {
  const errors = validateService(svc);
  if (errors.length) return { reason: refusalReason(errors) };
  const families = initIPFamilyFields(svc.spec, clusterFamilies);
  if (families.errors.length) return { reason: refusalReason(families.errors) };
  return { families };
}
