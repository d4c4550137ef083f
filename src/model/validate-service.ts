/**
 * ValidateService (pkg/apis/core/validation/validation.go) on create, in its order, with its
 * words: what the API server refuses in a Service before any address is allocated. Enum values
 * it does not support are already in the object's `invalid` (model/build.ts) and come first. The
 * checks that depend on the cluster (IP families: initIPFamilyFields; the allocators) are the
 * simulator's (sim/allocate.ts). The lint rules report each of these findings in plain words:
 * invalid-name, invalid-label, service-port-name-*, target-port-invalid, qualified-name-invalid,
 * session-affinity-invalid, cluster-ip-invalid, external-ip-invalid, externalname-invalid,
 * headless-invalid, nodeport-not-allowed, service-port-duplicate, loadbalancer-*,
 * external-traffic-policy-invalid, service-topology-invalid, service-ports-missing.
 */
import type { FieldPath } from '../types';
import { parseCIDR } from '../util/ip';
import { arr, isObj, obj, str, type Obj } from './guards';
import { ShownValue, type InvalidValue } from './invalid';
import { externallyAccessible, isHeadlessService, needsHealthCheck } from './service';
import type { ServiceObject } from './types';
import {
  dns1035LabelErrors, dns1123LabelErrors, dns1123SubdomainErrors, duplicate, forbidden, invalidEach, ipErrors, nonSpecialIPErrors,
  parseIPSloppy, portNameErrors, portNumErrors, qualifiedNameErrors, required,
} from './validation';
import { labelsErrors } from './validate-meta';

export const TOPOLOGY_MODE_ANNOTATION = 'service.kubernetes.io/topology-mode';
export const TOPOLOGY_HINTS_ANNOTATION = 'service.kubernetes.io/topology-aware-hints';
const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';
/** core.MaxClientIPServiceAffinitySeconds. */
const MAX_AFFINITY_SECONDS = 86400;
const LB_ONLY = "may only be used when `type` is 'LoadBalancer'";

/** Every field error ValidateService reports for this Service, in its order. */
export function validateService(svc: ServiceObject): InvalidValue[] {
  const errs: InvalidValue[] = [...svc.invalid];
  const raw = svc.manifest.value;
  const meta = obj(raw.metadata);
  const spec = obj(raw.spec);
  const model = svc.spec;
  const type = model.type;
  const headless = isHeadlessService(model);

  // ValidateObjectMeta with ValidateServiceName (a DNS-1035 label), then the labels.
  if (!svc.metadata.name && !str(meta.generateName)) errs.push(required(['metadata', 'name'], 'name or generateName is required'));
  else if (svc.metadata.name) errs.push(...invalidEach(['metadata', 'name'], svc.metadata.name, dns1035LabelErrors(svc.metadata.name)));
  errs.push(...labelsErrors(meta.labels, ['metadata', 'labels']));

  const annotations = obj(meta.annotations);
  const mode = annotations[TOPOLOGY_MODE_ANNOTATION];
  const hints = annotations[TOPOLOGY_HINTS_ANNOTATION];
  if (mode !== undefined && hints !== undefined && mode !== hints) {
    errs.push({ path: ['metadata', 'annotations', TOPOLOGY_MODE_ANNOTATION], value: mode, allowed: [], detail: `must match annotations[${TOPOLOGY_HINTS_ANNOTATION}] when both are specified` });
  }

  if (model.ports.length === 0 && !headless && type !== 'ExternalName') errs.push(required(['spec', 'ports']));
  if ((type === 'LoadBalancer' || type === 'NodePort') && headless) {
    errs.push({ path: ['spec', 'clusterIPs', 0], value: 'None', allowed: [], detail: `may not be set to 'None' for ${type} services` });
  }
  if (type === 'ExternalName') {
    if (model.clusterIPs.length > 0) errs.push(forbidden(['spec', 'clusterIPs'], 'may not be set for ExternalName services'));
    if (model.ipFamilies.length > 0 || arr(spec.ipFamilies).length > 0) errs.push(forbidden(['spec', 'ipFamilies'], 'may not be set for ExternalName services'));
    if (str(spec.ipFamilyPolicy)) errs.push(forbidden(['spec', 'ipFamilyPolicy'], 'may not be set for ExternalName services'));
    const cname = (model.externalName ?? '').replace(/\.$/, '');
    if (cname) errs.push(...invalidEach(['spec', 'externalName'], cname, dns1123SubdomainErrors(cname)));
    else errs.push(required(['spec', 'externalName']));
  }

  errs.push(...servicePortsErrors(svc, spec, headless));
  if (isObj(spec.selector)) errs.push(...labelsErrors(spec.selector, ['spec', 'selector']));
  if (model.sessionAffinity === 'ClientIP') {
    const t = model.sessionAffinityTimeoutSeconds;
    if (!(t > 0 && t <= MAX_AFFINITY_SECONDS)) {
      errs.push({ path: ['spec', 'sessionAffinityConfig', 'clientIP', 'timeoutSeconds'], value: t, allowed: [], detail: `must be greater than 0 and less than ${MAX_AFFINITY_SECONDS}` });
    }
  }
  errs.push(...clusterIPsErrors(svc));
  arr(spec.externalIPs).forEach((ip, i) => {
    const text = typeof ip === 'string' ? ip : String(ip);
    const bad = ipErrors(text, true);
    errs.push(...invalidEach(['spec', 'externalIPs', i], text, bad.length ? bad : nonSpecialIPErrors(text)));
  });
  if (type === 'ClusterIP') {
    model.ports.forEach((p, i) => {
      if (p.nodePort !== undefined) errs.push(forbidden(['spec', 'ports', i, 'nodePort'], "may not be used when `type` is 'ClusterIP'"));
    });
  }
  const nodePorts = new Set<string>();
  const ports = new Set<string>();
  model.ports.forEach((p, i) => {
    if (p.nodePort === undefined) return;
    const key = `${p.nodePort}/${p.protocol}`;
    if (nodePorts.has(key)) errs.push(duplicate(['spec', 'ports', i, 'nodePort'], p.nodePort));
    nodePorts.add(key);
  });
  model.ports.forEach((p, i) => {
    const key = `${p.port}/${p.protocol}`;
    if (ports.has(key)) errs.push(duplicate(['spec', 'ports', i], new ShownValue(`{"port": ${p.port}, "protocol": "${p.protocol}"}`)));
    ports.add(key);
  });
  errs.push(...loadBalancerErrors(svc, spec, annotations));
  errs.push(...trafficPolicyErrors(svc, spec));
  return errs;
}

/** validateServicePort for each port: name (required with several ports, a DNS label, unique), port, targetPort, appProtocol. */
function servicePortsErrors(svc: ServiceObject, spec: Obj, _headless: boolean): InvalidValue[] {
  const errs: InvalidValue[] = [];
  const names = new Set<string>();
  const rawPorts = arr(spec.ports);
  svc.spec.ports.forEach((p, i) => {
    const at: FieldPath = ['spec', 'ports', i];
    const name = p.name ?? '';
    if (svc.spec.ports.length > 1 && name === '') errs.push(required([...at, 'name']));
    else if (name !== '') {
      errs.push(...invalidEach([...at, 'name'], name, dns1123LabelErrors(name)));
      if (names.has(name)) errs.push(duplicate([...at, 'name'], name));
      names.add(name);
    }
    errs.push(...invalidEach([...at, 'port'], p.port, portNumErrors(p.port)));
    const target = p.targetPort;
    errs.push(...invalidEach([...at, 'targetPort'], target, typeof target === 'number' ? portNumErrors(target) : portNameErrors(target)));
    const written = obj(rawPorts[i]).appProtocol;
    if (typeof written === 'string') errs.push(...invalidEach([...at, 'appProtocol'], written, qualifiedNameErrors(written)));
  });
  return errs;
}

/** ValidateServiceClusterIPsRelatedFields: clusterIP and clusterIPs agree, "None" alone, addresses, at most one per family, families match. */
function clusterIPsErrors(svc: ServiceObject): InvalidValue[] {
  const model = svc.spec;
  if (model.type === 'ExternalName') return [];
  const errs: InvalidValue[] = [];
  const spec = obj(svc.manifest.value.spec);
  const single = str(spec.clusterIP) ?? '';
  const ips = model.clusterIPs;
  const at: FieldPath = ['spec', 'clusterIPs'];
  const written = arr(spec.clusterIPs);
  if (single !== '') {
    if (ips.length > 0 && ips[0] !== single) errs.push({ path: at, value: ips, allowed: [], detail: 'first value must match `clusterIP`' });
  } else if (written.length > 0) errs.push({ path: at, value: ips, allowed: [], detail: 'must be empty when `clusterIP` is not specified' });
  const seen = new Set<string>();
  model.ipFamilies.forEach((f, i) => {
    if (seen.has(f)) errs.push(duplicate(['spec', 'ipFamilies', i], f));
    seen.add(f);
  });
  let badIPs = false;
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) {
        badIPs = true;
        errs.push({ path: at, value: ips, allowed: [], detail: "'None' must be the first and only value" });
      }
      return;
    }
    const bad = ipErrors(ip, true);
    if (bad.length) badIPs = true;
    errs.push(...invalidEach([...at, i], ip, bad));
  });
  if (ips.length > 2) errs.push({ path: at, value: ips, allowed: [], detail: 'may only hold up to 2 values' });
  if (badIPs) return errs;
  if (ips.length > 1) {
    const [a, b] = ips.map((ip) => parseIPSloppy(ip)?.family);
    if (ips.length > 2 || a === b) errs.push({ path: at, value: ips, allowed: [], detail: 'may specify no more than one IP for each IP family' });
  }
  if (!isHeadlessService(model)) {
    ips.forEach((ip, i) => {
      const want = model.ipFamilies[i];
      if (want === undefined) return;
      const v6 = parseIPSloppy(ip)?.family === 6;
      if (want === 'IPv4' && v6) errs.push({ path: [...at, i], value: ip, allowed: [], detail: `expected an IPv4 value as indicated by \`ipFamilies[${i}]\`` });
      if (want === 'IPv6' && !v6) errs.push({ path: [...at, i], value: ip, allowed: [], detail: `expected an IPv6 value as indicated by \`ipFamilies[${i}]\`` });
    });
  }
  return errs;
}

/** loadBalancerSourceRanges (field or annotation), allocateLoadBalancerNodePorts and validateLoadBalancerClassField. */
function loadBalancerErrors(svc: ServiceObject, spec: Obj, annotations: Obj): InvalidValue[] {
  const errs: InvalidValue[] = [];
  const lb = svc.spec.type === 'LoadBalancer';
  const cidrError = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';
  const ranges = arr(spec.loadBalancerSourceRanges);
  if (ranges.length > 0) {
    // The API server names this path with a capital L (specPath.Child("LoadBalancerSourceRanges")).
    const at: FieldPath = ['spec', 'LoadBalancerSourceRanges'];
    if (!lb) errs.push(forbidden(at, LB_ONLY));
    ranges.forEach((r, i) => {
      const text = (typeof r === 'string' ? r : String(r)).trim();
      if (!parseCIDR(text)) errs.push({ path: [...at, i], value: text, allowed: [], detail: cidrError });
    });
  } else if (typeof annotations[SOURCE_RANGES_ANNOTATION] === 'string') {
    const at: FieldPath = ['metadata', 'annotations', SOURCE_RANGES_ANNOTATION];
    if (!lb) errs.push(forbidden(at, LB_ONLY));
    const value = (annotations[SOURCE_RANGES_ANNOTATION] as string).trim();
    if (value !== '') {
      for (const part of value.split(',')) {
        const text = part.trim();
        if (!parseCIDR(text)) errs.push({ path: at, value: text, allowed: [], detail: cidrError });
      }
    }
  }
  if (typeof spec.allocateLoadBalancerNodePorts === 'boolean' && !lb) errs.push(forbidden(['spec', 'allocateLoadBalancerNodePorts'], LB_ONLY));
  const cls = svc.spec.loadBalancerClass;
  if (cls !== undefined) {
    if (lb) errs.push(...invalidEach(['spec', 'loadBalancerClass'], cls, qualifiedNameErrors(cls)));
    else errs.push(forbidden(['spec', 'loadBalancerClass'], LB_ONLY));
  }
  return errs;
}

/** validateServiceExternalTrafficPolicy (as written: the model only defaults it where it applies). */
function trafficPolicyErrors(svc: ServiceObject, spec: Obj): InvalidValue[] {
  const errs: InvalidValue[] = [];
  const model = svc.spec;
  const written = str(spec.externalTrafficPolicy);
  if (!externallyAccessible(model) && written) {
    errs.push({ path: ['spec', 'externalTrafficPolicy'], value: written, allowed: [], detail: 'may only be set for externally-accessible services' });
  }
  if (!needsHealthCheck(model)) {
    if (model.healthCheckNodePort) errs.push({ path: ['spec', 'healthCheckNodePort'], value: model.healthCheckNodePort, allowed: [], detail: "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'" });
  } else if (model.healthCheckNodePort !== undefined) {
    errs.push(...invalidEach(['spec', 'healthCheckNodePort'], model.healthCheckNodePort, portNumErrors(model.healthCheckNodePort)));
  }
  return errs;
}
