/**
 * The API server's validation of hand-written Endpoints (pkg/apis/core/validation/validation.go
 * ValidateEndpoints: validateEndpointSubsets, validateEndpointAddress, validateEndpointPort,
 * ValidateNonSpecialIP) and EndpointSlices (pkg/apis/discovery/validation/validation.go
 * ValidateEndpointSlice: validateEndpoints, validatePorts), with its words, on the objects as
 * written. Enum values it does not support (port protocols, addressType) are already in the
 * object's `invalid` and come first. The lint rule endpoints-invalid reports the same findings.
 */
import type { FieldPath } from '../types';
import { arr, num, obj, str } from './guards';
import type { InvalidValue } from './invalid';
import type { EndpointSliceObject, EndpointsObject } from './types';
import { labelsErrors } from './validate-meta';
import {
  dns1123LabelErrors, dns1123SubdomainErrors, duplicate, invalidEach, ipErrors, nonSpecialIPErrors, parseIPSloppy,
  portNumErrors, qualifiedNameErrors, required, tooMany,
} from './validation';

/** discovery validation: maxEndpoints, maxAddresses, maxPorts. */
export const MAX_SLICE_ENDPOINTS = 1000;
const MAX_SLICE_ADDRESSES = 100;
const MAX_SLICE_PORTS = 100;

/** ValidateObjectMeta with a DNS-subdomain name (ValidateEndpointsName, ValidateEndpointSliceName), then the labels. */
function metaErrors(o: EndpointsObject | EndpointSliceObject): InvalidValue[] {
  const meta = obj(o.manifest.value.metadata);
  const errs: InvalidValue[] = [];
  if (!o.metadata.name && !str(meta.generateName)) errs.push(required(['metadata', 'name'], 'name or generateName is required'));
  else if (o.metadata.name) errs.push(...invalidEach(['metadata', 'name'], o.metadata.name, dns1123SubdomainErrors(o.metadata.name)));
  errs.push(...labelsErrors(meta.labels, ['metadata', 'labels']));
  return errs;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

/** ValidateEndpoints on create. */
export function validateEndpoints(o: EndpointsObject): InvalidValue[] {
  const errs: InvalidValue[] = [...o.invalid, ...metaErrors(o)];
  arr(o.manifest.value.subsets).forEach((rawSubset, i) => {
    const subset = obj(rawSubset);
    const at: FieldPath = ['subsets', i];
    const addresses = arr(subset.addresses);
    const notReady = arr(subset.notReadyAddresses);
    if (addresses.length === 0 && notReady.length === 0) errs.push(required(at, 'must specify `addresses` or `notReadyAddresses`'));
    for (const [list, key] of [[addresses, 'addresses'], [notReady, 'notReadyAddresses']] as const) {
      list.forEach((a, j) => errs.push(...endpointAddressErrors(obj(a), [...at, key, j])));
    }
    const ports = arr(subset.ports);
    ports.forEach((p, j) => errs.push(...endpointPortErrors(obj(p), ports.length > 1, [...at, 'ports', j])));
  });
  return errs;
}

/** validateEndpointAddress: an IP, a hostname that is a DNS label, a nodeName that is a DNS subdomain, not a special address. */
function endpointAddressErrors(a: Record<string, unknown>, at: FieldPath): InvalidValue[] {
  const ip = text(a.ip);
  const errs = invalidEach([...at, 'ip'], ip, ipErrors(ip, true));
  const hostname = str(a.hostname);
  if (hostname) errs.push(...invalidEach([...at, 'hostname'], hostname, dns1123LabelErrors(hostname)));
  const nodeName = str(a.nodeName);
  if (nodeName !== undefined) errs.push(...invalidEach([...at, 'nodeName'], nodeName, dns1123SubdomainErrors(nodeName)));
  errs.push(...invalidEach([...at, 'ip'], ip, nonSpecialIPErrors(ip)));
  return errs;
}

/** validateEndpointPort: a name (required with several ports) that is a DNS label, a port number, a qualified appProtocol. */
function endpointPortErrors(p: Record<string, unknown>, requireName: boolean, at: FieldPath): InvalidValue[] {
  const errs: InvalidValue[] = [];
  const name = str(p.name) ?? '';
  if (requireName && name === '') errs.push(required([...at, 'name']));
  else if (name !== '') errs.push(...invalidEach([...at, 'name'], name, dns1123LabelErrors(name)));
  const port = num(p.port) ?? 0;
  errs.push(...invalidEach([...at, 'port'], port, portNumErrors(port)));
  if (typeof p.appProtocol === 'string') errs.push(...invalidEach([...at, 'appProtocol'], p.appProtocol, qualifiedNameErrors(p.appProtocol)));
  return errs;
}

/** ValidateEndpointSlice on create. */
export function validateEndpointSlice(o: EndpointSliceObject): InvalidValue[] {
  const raw = o.manifest.value;
  const errs: InvalidValue[] = [...o.invalid, ...metaErrors(o)];
  const addressType = str(raw.addressType);
  if (addressType === undefined || addressType === '') errs.push(required(['addressType']));
  const endpoints = arr(raw.endpoints);
  if (endpoints.length > MAX_SLICE_ENDPOINTS) errs.push(tooMany(['endpoints'], endpoints.length, MAX_SLICE_ENDPOINTS));
  else {
    endpoints.forEach((rawEndpoint, i) => {
      const e = obj(rawEndpoint);
      const at: FieldPath = ['endpoints', i, 'addresses'];
      const addresses = arr(e.addresses);
      if (addresses.length === 0) errs.push(required(at, 'must contain at least 1 address'));
      else if (addresses.length > MAX_SLICE_ADDRESSES) errs.push(tooMany(at, addresses.length, MAX_SLICE_ADDRESSES));
      addresses.forEach((a, j) => errs.push(...sliceAddressErrors(text(a), addressType, [...at, j])));
      const hostname = str(e.hostname);
      if (hostname !== undefined) errs.push(...invalidEach(['endpoints', i, 'hostname'], hostname, dns1123LabelErrors(hostname)));
    });
  }
  const ports = arr(raw.ports);
  if (ports.length > MAX_SLICE_PORTS) errs.push(tooMany(['ports'], ports.length, MAX_SLICE_PORTS));
  else {
    const names = new Set<string>();
    ports.forEach((rawPort, i) => {
      const p = obj(rawPort);
      const name = str(p.name) ?? '';
      if (name !== '') errs.push(...invalidEach(['ports', i, 'name'], name, dns1123LabelErrors(name)));
      if (names.has(name)) errs.push(duplicate(['ports', i, 'name'], name));
      names.add(name);
      if (typeof p.appProtocol === 'string') errs.push(...invalidEach(['ports', i, 'appProtocol'], p.appProtocol, qualifiedNameErrors(p.appProtocol)));
    });
  }
  return errs;
}

/** An address of the slice's addressType: IPv4 or IPv6 (and not special), or a fully qualified domain name. */
function sliceAddressErrors(address: string, addressType: string | undefined, at: FieldPath): InvalidValue[] {
  switch (addressType) {
    case 'IPv4':
    case 'IPv6': {
      const ip = parseIPSloppy(address);
      const family = addressType === 'IPv4' ? 4 : 6;
      const errs = !ip || ip.family !== family ? invalidEach(at, address, [`must be a valid ${addressType} address`]) : [];
      return [...errs, ...invalidEach(at, address, nonSpecialIPErrors(address))];
    }
    case 'FQDN':
      return fqdnErrors(address, at);
    default:
      return [];
  }
}

/** IsFullyQualifiedDomainName: a DNS subdomain (trailing dot allowed) of at least two labels. */
function fqdnErrors(name: string, at: FieldPath): InvalidValue[] {
  if (name === '') return [required(at)];
  const trimmed = name.replace(/\.$/, '');
  const sub = dns1123SubdomainErrors(trimmed);
  if (sub.length) return invalidEach(at, trimmed, [sub.join(',')]);
  const labels = trimmed.split('.');
  if (labels.length < 2) return invalidEach(at, trimmed, ['should be a domain with at least two segments separated by dots']);
  for (const label of labels) {
    const errs = dns1123LabelErrors(label);
    if (errs.length) return invalidEach(at, label, [errs.join(',')]);
  }
  return [];
}
