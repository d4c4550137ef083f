import { defineMessages, defineRule, type RuleContext } from './rule';
import { normalizedClusterIPs, parseIPSloppy, rawSpec, rawString, sameObject, serviceType, svcName } from './service-helpers';
import type { ServiceObject } from '../model/types';
import { arr, textOf } from '../model/guards';
import { cidrAddress, cidrContains, parseCIDR, type CIDR } from '../util/ip';
import { CLUSTER_IP_NONE } from '../model/service';

type Path = Array<string | number>;

/** Who holds an address: a Service of the input, or one every cluster creates itself. */
interface Holder {
  label: string;
  svc: ServiceObject | null;
  path: Path;
  namespace: string;
  name: string;
}

const familyName = (f: 4 | 6) => (f === 4 ? 'IPv4' : 'IPv6');

const messages = defineMessages({
  externalNameFamilies: {
    message: '{{field}} may not be set for an ExternalName Service: it gets no cluster IP, so it has no IP family',
    hint: 'Remove {{field}}; an ExternalName Service is only a DNS CNAME to spec.externalName.',
  },
  externalName: {
    message: 'an ExternalName Service gets no cluster IP, so clusterIP "{{ip}}" may not be set',
    hint: 'Remove clusterIP (and clusterIPs): the Service is a DNS CNAME to spec.externalName.',
  },
  notIP: {
    message: '"{{ip}}" is not a valid IP address',
    hint: 'Write a plain address such as 10.96.0.50 (or "None" for a headless Service), or leave clusterIP out and let Kubernetes pick a free one.',
  },
  mismatch: {
    message: 'clusterIPs[0] ({{first}}) must be the same address as clusterIP ({{single}})',
    hint: 'Make the first entry of clusterIPs equal to clusterIP, or set only clusterIP.',
  },
  pluralOnly: {
    message: 'clusterIPs is set but clusterIP is not: when creating a Service, clusterIPs must be empty unless clusterIP is given too',
    hint: 'Add `clusterIP: {{first}}` (the first entry of clusterIPs), or remove clusterIPs.',
  },
  noneNotAlone: {
    message: '"None" must be the first and only value of clusterIPs',
    hint: 'For a headless Service write `clusterIP: None` and no other address.',
  },
  tooMany: {
    message: 'clusterIPs may hold at most 2 addresses (one IPv4 and one IPv6); it has {{count}}',
    hint: 'Keep one address per IP family.',
  },
  sameFamily: {
    message: 'clusterIPs holds two {{family}} addresses: it may hold only one address per IP family',
    hint: 'For dual-stack, give one IPv4 and one IPv6 address; otherwise keep a single address.',
  },
  familyMismatch: {
    message: 'clusterIPs[{{index}}] {{ip}} is not an {{family}} address, as ipFamilies[{{index}}] says',
    hint: 'List ipFamilies in the same order as clusterIPs, or leave ipFamilies out.',
  },
  notConfigured: {
    message: '{{family}} is not configured on this cluster (service CIDRs: {{cidrs}}), so {{ip}} cannot be allocated',
    hint: 'Use an address from {{cidrs}}, or set serviceCIDR in svclab.config.yaml to the range of your cluster.',
  },
  outOfRange: {
    message: 'clusterIP {{ip}} is outside the service CIDR {{cidrs}}: the API server only allocates cluster IPs from that range',
    hint: 'Choose a free address inside {{cidrs}}, or leave clusterIP out and let Kubernetes pick one. If your cluster uses another range, set serviceCIDR in svclab.config.yaml.',
  },
  reserved: {
    message: 'clusterIP {{ip}} is the {{which}} address of the service CIDR {{cidr}}, which the allocator never hands out',
    hint: 'Choose another address inside {{cidr}}, e.g. {{example}}.',
  },
  taken: {
    message: 'clusterIP {{ip}} is already taken by {{holder}}',
    hint: 'Every Service needs its own cluster IP: choose a free address, or leave clusterIP out and let Kubernetes pick one.',
  },
});

type Context = RuleContext<typeof messages>;

/**
 * Follows the API server's order on create (storage.go beginCreate → alloc.go allocateCreate):
 * normalizeClusterIPs, then ValidateServiceClusterIPsRelatedFields (validation.go) — syntax,
 * clusterIP/clusterIPs agreement, "None" alone, at most one address per family — and only if
 * that passes, the IP allocator (pkg/registry/core/service/ipallocator): the family must be
 * configured, the address must lie in a service CIDR, must not be the network address (nor,
 * for IPv4, the broadcast address), which the allocator never hands out, and must be free.
 * `default/kubernetes` holds the first address of the primary range and, in kubeadm-style
 * clusters, `kube-system/kube-dns` the tenth. ExternalName Services may not set clusterIP at
 * all, nor ipFamilies / ipFamilyPolicy (ValidateService: "may not be set for ExternalName services").
 */
export default defineRule({
  meta: {
    id: 'cluster-ip-invalid',
    severity: 'error',
    description: 'A requested clusterIP is not an IP, is outside the service CIDR, is reserved, is taken by another Service, or disagrees with clusterIPs.',
    category: 'service',
    messages,
  },
  check(ctx) {
    const cidrs = ctx.settings.serviceCIDRs.map(parseCIDR).filter((c): c is CIDR => c !== null);
    const holders = new Map<string, Holder>();
    builtinHolders(cidrs).forEach(([key, h]) => holders.set(key, h));
    for (const svc of ctx.model.services) {
      if (serviceType(svc) === 'ExternalName') {
        checkExternalName(ctx, svc);
        continue;
      }
      if (!validateRelatedFields(ctx, svc)) continue;
      const ips = normalizedClusterIPs(svc);
      if (ips.length === 0 || ips[0] === CLUSTER_IP_NONE) continue;
      ips.forEach((text, i) => allocate(ctx, svc, text, ipPath(svc, i), cidrs, holders));
    }
  },
});

function ipPath(svc: ServiceObject, i: number): Path {
  const plural = arr(rawSpec(svc).clusterIPs);
  return plural.length > 0 ? ['spec', 'clusterIPs', i] : ['spec', 'clusterIP'];
}

function checkExternalName(ctx: Context, svc: ServiceObject): void {
  const spec = rawSpec(svc);
  // ValidateService, case ExternalName: "must have nil families and nil policy".
  if (arr(spec.ipFamilies).length > 0) ctx.report({ messageId: 'externalNameFamilies', manifest: svc.manifest, path: ['spec', 'ipFamilies'], atKey: true, data: { field: 'spec.ipFamilies' } });
  if (typeof spec.ipFamilyPolicy === 'string') ctx.report({ messageId: 'externalNameFamilies', manifest: svc.manifest, path: ['spec', 'ipFamilyPolicy'], atKey: true, data: { field: 'spec.ipFamilyPolicy' } });
  const ips = normalizedClusterIPs(svc);
  if (ips.length === 0) return;
  const single = rawString(rawSpec(svc), 'clusterIP');
  const path: Path = single !== '' ? ['spec', 'clusterIP'] : ['spec', 'clusterIPs'];
  ctx.report({ messageId: 'externalName', manifest: svc.manifest, path, data: { ip: single || ips[0] } });
}

/** ValidateServiceClusterIPsRelatedFields, in its order; true when the allocator would be reached. */
function validateRelatedFields(ctx: Context, svc: ServiceObject): boolean {
  const spec = rawSpec(svc);
  const single = rawString(spec, 'clusterIP');
  const plural = arr(spec.clusterIPs).map(textOf);
  const manifest = svc.manifest;
  let ok = true;
  // clusterIP and clusterIPs must agree (normalizeClusterIPs already copied a lone clusterIP).
  if (single !== '' && plural.length > 0 && plural[0] !== single) {
    ctx.report({ messageId: 'mismatch', manifest, path: ['spec', 'clusterIPs', 0], data: { first: plural[0], single } });
    ok = false;
  } else if (single === '' && plural.length > 0) {
    ctx.report({ messageId: 'pluralOnly', manifest, path: ['spec', 'clusterIPs'], data: { first: plural[0] } });
    ok = false;
  }
  // Each entry: "None" only first and alone, anything else an IP address.
  const ips = normalizedClusterIPs(svc);
  let invalidIPs = false;
  ips.forEach((ip, i) => {
    if (i === 0 && ip === CLUSTER_IP_NONE) {
      if (ips.length > 1) {
        ctx.report({ messageId: 'noneNotAlone', manifest, path: ['spec', 'clusterIPs'] });
        invalidIPs = true;
      }
      return;
    }
    if (parseIPSloppy(ip) === null) {
      ctx.report({ messageId: 'notIP', manifest, path: ipPath(svc, i), data: { ip } });
      invalidIPs = true;
    }
  });
  if (ips.length > 2) {
    ctx.report({ messageId: 'tooMany', manifest, path: ['spec', 'clusterIPs'], data: { count: ips.length } });
    ok = false;
  }
  // Like the API server, stop here: family checks on broken addresses would only add noise.
  if (invalidIPs || !ok) return false;
  if (ips.length === 2) {
    const [a, b] = ips.map((x) => parseIPSloppy(x));
    if (a && b && a.ip.family === b.ip.family) {
      ctx.report({ messageId: 'sameFamily', manifest, path: ['spec', 'clusterIPs', 1], data: { family: familyName(a.ip.family) } });
      return false;
    }
  }
  const families = arr(spec.ipFamilies);
  if (ips[0] !== CLUSTER_IP_NONE) {
    for (let i = 0; i < ips.length && i < families.length; i++) {
      const p = parseIPSloppy(ips[i]);
      const want = families[i];
      if (p && (want === 'IPv4' || want === 'IPv6') && familyName(p.ip.family) !== want) {
        ctx.report({ messageId: 'familyMismatch', manifest, path: ipPath(svc, i), data: { index: i, ip: ips[i], family: want } });
        ok = false;
      }
    }
  }
  return ok;
}

function ipKey(family: 4 | 6, value: bigint): string {
  return `${family}:${value.toString(16)}`;
}

/** The addresses every cluster hands out before any user Service exists. */
function builtinHolders(cidrs: CIDR[]): Array<[string, Holder]> {
  const primary = cidrs[0];
  if (!primary) return [];
  const out: Array<[string, Holder]> = [];
  const add = (offset: number, namespace: string, name: string, why: string) => {
    if (BigInt(offset) >= primary.size - 1n) return;
    out.push([ipKey(primary.family, primary.base + BigInt(offset)), { label: `the built-in Service ${namespace}/${name} (${why})`, svc: null, path: [], namespace, name }]);
  };
  add(1, 'default', 'kubernetes', 'the API server always takes the first address of the service CIDR');
  add(10, 'kube-system', 'kube-dns', 'the cluster DNS, by convention the tenth address');
  return out;
}

/**
 * Whether `svc` is the built-in Service itself. The cluster DNS Service is not always called
 * kube-dns (CoreDNS charts name it `coredns`), so any kube-system Service may hold its address.
 */
function isBuiltinItself(holder: Holder, svc: ServiceObject): boolean {
  if (holder.namespace !== svc.ref.namespace) return false;
  return holder.name === svc.ref.name || holder.name === 'kube-dns';
}

function allocate(ctx: Context, svc: ServiceObject, text: string, path: Path, cidrs: CIDR[], holders: Map<string, Holder>): void {
  const parsed = parseIPSloppy(text);
  if (!parsed) return;
  const { ip } = parsed;
  const at = { manifest: svc.manifest, path };
  const sameFamily = cidrs.filter((c) => c.family === ip.family);
  const all = ctx.settings.serviceCIDRs.join(', ');
  if (sameFamily.length === 0) {
    ctx.report({ ...at, messageId: 'notConfigured', data: { family: familyName(ip.family), cidrs: all, ip: text } });
    return;
  }
  const cidr = sameFamily.find((c) => cidrContains(c, ip));
  if (!cidr) {
    ctx.report({ ...at, messageId: 'outOfRange', data: { ip: text, cidrs: sameFamily.map((c) => c.text).join(', ') } });
    return;
  }
  const offset = ip.value - cidr.base;
  const which = offset === 0n ? 'network' : ip.family === 4 && offset === cidr.size - 1n ? 'broadcast' : '';
  if (which) {
    ctx.report({ ...at, messageId: 'reserved', data: { ip: text, which, cidr: cidr.text, example: cidrAddress(cidr, 100n < cidr.size - 1n ? 100 : 1) } });
    return;
  }
  const key = ipKey(ip.family, ip.value);
  const holder = holders.get(key);
  if (holder) {
    const isItself = holder.svc ? sameObject(holder.svc, svc) : isBuiltinItself(holder, svc);
    if (!isItself) {
      ctx.report({
        ...at, messageId: 'taken', data: { ip: text, holder: holder.svc ? `Service ${svcName(holder.svc)}` : holder.label },
        related: holder.svc ? [{ manifest: holder.svc.manifest, path: holder.path, message: `Service ${svcName(holder.svc)} holds ${text} here` }] : [],
      });
      return;
    }
    if (holder.svc) return;
  }
  holders.set(key, { label: `Service ${svcName(svc)}`, svc, path, namespace: svc.ref.namespace, name: svc.ref.name });
}
