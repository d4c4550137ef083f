/**
 * The parts of validatePodSpec (pkg/apis/core/validation/validation.go) that decide networking,
 * with the API server's words: validatePodDNSConfig (dnsPolicy None needs nameservers; at most 3
 * nameservers, each an IP; at most 32 search domains of at most 2048 characters, each a lowercase
 * DNS subdomain, with the relaxed rules of Kubernetes 1.33 — RelaxedDNSSearchValidation: '_'
 * allowed, a lone '.' allowed; options need a name) and validateHostNetwork (with hostNetwork, a
 * hostPort equals its containerPort), and the ports themselves (validateContainerPorts,
 * AccumulateUniqueHostPorts). The lint rules pod-dns-config-invalid, host-network-port-mismatch,
 * container-port-name-invalid and container-port-duplicate report the same findings in plain words.
 */
import type { FieldPath } from '../types';
import type { InvalidValue } from './invalid';
import type { PodSpec } from './types';
import { dns1123SubdomainWithUnderscoreErrors, duplicate, invalidEach, ipErrors, portNameErrors, portNumErrors, required } from './validation';

export const MAX_DNS_NAMESERVERS = 3;
export const MAX_DNS_SEARCH_PATHS = 32;
export const MAX_DNS_SEARCH_LIST_CHARS = 2048;

/** Every field error of these checks for the pod spec at `at` (`['spec']`, `['spec', 'template', 'spec']`). */
export function validatePodNetworking(spec: PodSpec, at: FieldPath): InvalidValue[] {
  return [...containerPortsErrors(spec, at), ...podDNSConfigErrors(spec, [...at, 'dnsConfig']), ...hostPortConflicts(spec, at), ...hostNetworkErrors(spec, at)];
}

/**
 * validateContainerPorts, per container: a name is an IANA service name, given once; a
 * containerPort and a hostPort are port numbers.
 */
function containerPortsErrors(spec: PodSpec, at: FieldPath): InvalidValue[] {
  const errs: InvalidValue[] = [];
  for (const [list, key] of [[spec.initContainers, 'initContainers'], [spec.containers, 'containers']] as const) {
    list.forEach((c, i) => {
      const names = new Set<string>();
      for (const p of c.ports) {
        const path: FieldPath = [...at, key, i, 'ports', p.index];
        if (p.name) {
          const bad = portNameErrors(p.name);
          if (bad.length) errs.push(...invalidEach([...path, 'name'], p.name, bad));
          else if (names.has(p.name)) errs.push(duplicate([...path, 'name'], p.name));
          else names.add(p.name);
        }
        if (p.containerPort === 0) errs.push(required([...path, 'containerPort']));
        else errs.push(...invalidEach([...path, 'containerPort'], p.containerPort, portNumErrors(p.containerPort)));
        if (p.hostPort) errs.push(...invalidEach([...path, 'hostPort'], p.hostPort, portNumErrors(p.hostPort)));
      }
    });
  }
  return errs;
}

/** AccumulateUniqueHostPorts over the app containers: a protocol/hostIP/hostPort taken twice. */
function hostPortConflicts(spec: PodSpec, at: FieldPath): InvalidValue[] {
  const errs: InvalidValue[] = [];
  const seen = new Set<string>();
  spec.containers.forEach((c, i) => {
    for (const p of c.ports) {
      if (!p.hostPort) continue;
      const key = `${p.protocol}/${p.hostIP ?? ''}/${p.hostPort}`;
      if (seen.has(key)) errs.push(duplicate([...at, 'containers', i, 'ports', p.index, 'hostPort'], key));
      seen.add(key);
    }
  });
  return errs;
}

function podDNSConfigErrors(spec: PodSpec, at: FieldPath): InvalidValue[] {
  const config = spec.dnsConfig;
  if (spec.dnsPolicy === 'None') {
    if (!config) return [required(at, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if (config.nameservers.length === 0) return [required([...at, 'nameservers'], 'must provide at least one DNS nameserver when `dnsPolicy` is None')];
  }
  if (!config) return [];
  const errs: InvalidValue[] = [];
  if (config.nameservers.length > MAX_DNS_NAMESERVERS) errs.push({ path: [...at, 'nameservers'], value: config.nameservers, allowed: [], detail: `must not have more than ${MAX_DNS_NAMESERVERS} nameservers` });
  config.nameservers.forEach((ns, i) => errs.push(...invalidEach([...at, 'nameservers', i], ns, ipErrors(ns, true))));
  if (config.searches.length > MAX_DNS_SEARCH_PATHS) errs.push({ path: [...at, 'searches'], value: config.searches, allowed: [], detail: `must not have more than ${MAX_DNS_SEARCH_PATHS} search paths` });
  if (config.searches.join(' ').length > MAX_DNS_SEARCH_LIST_CHARS) {
    errs.push({ path: [...at, 'searches'], value: config.searches, allowed: [], detail: `must not have more than ${MAX_DNS_SEARCH_LIST_CHARS} characters (including spaces) in the search list` });
  }
  config.searches.forEach((search, i) => {
    if (search === '.') return;
    const name = search.replace(/\.$/, '');
    errs.push(...invalidEach([...at, 'searches', i], name, dns1123SubdomainWithUnderscoreErrors(name)));
  });
  config.options.forEach((o, i) => {
    if (o.name === '') errs.push(required([...at, 'options', i], 'Option.Name must not be empty'));
  });
  return errs;
}

/** validateHostNetwork: the defaulted hostPort (defaultHostNetworkPorts) must equal the containerPort. */
function hostNetworkErrors(spec: PodSpec, at: FieldPath): InvalidValue[] {
  if (!spec.hostNetwork) return [];
  const errs: InvalidValue[] = [];
  for (const [list, key] of [[spec.containers, 'containers'], [spec.initContainers, 'initContainers']] as const) {
    list.forEach((c, i) => {
      for (const p of c.ports) {
        if (p.hostPort === p.containerPort) continue;
        errs.push({ path: [...at, key, i, 'ports', p.index, 'hostPort'], value: p.hostPort ?? 0, allowed: [], detail: 'must match `containerPort` when `hostNetwork` is true' });
      }
    });
  }
  return errs;
}
