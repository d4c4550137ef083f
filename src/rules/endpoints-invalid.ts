import { defineMessages, defineRule, type RuleContext } from './rule';
import { arr, num, obj, str } from '../model/guards';
import { MAX_SLICE_ENDPOINTS } from '../model/validate-endpoints';
import { parseIPSloppy, specialIPRange } from '../model/validation';
import type { Manifest } from '../parse/manifest';
import type { FieldPath } from '../types';
import { dns1123LabelProblem, dns1123SubdomainProblem } from '../util/name-formats';

const messages = defineMessages({
  emptySubset: {
    message: 'subsets[{{index}}] lists no address (neither `addresses` nor `notReadyAddresses`); the API server rejects it',
    hint: 'Add the backends\' IP addresses under `addresses` (or `notReadyAddresses`), or remove the subset.',
  },
  notIP: {
    message: '`{{value}}` is not an IP address; {{what}} hold IP addresses',
    hint: 'Write the backend\'s IP address (e.g. 10.0.0.5). For a DNS name, use an ExternalName Service (or an EndpointSlice with addressType FQDN).',
  },
  special: {
    message: '{{value}} is {{why}}; the API server refuses such addresses in Endpoints and EndpointSlices (they would make kube-proxy send the traffic back into the node itself)',
    hint: 'Use the address the backend has on the network (a pod IP, a node\'s InternalIP or a host outside the cluster).',
  },
  wrongFamily: {
    message: '`{{value}}` is not an {{family}} address, but the EndpointSlice\'s addressType is {{family}}; every address of a slice has its family',
    hint: 'Put {{other}} addresses in a separate EndpointSlice with `addressType: {{other}}`, or correct the address.',
  },
  noAddress: {
    message: 'endpoints[{{index}}] has no address; every endpoint of an EndpointSlice needs one',
    hint: 'Give the endpoint `addresses: [ <IP> ]` (one address per endpoint), or remove it.',
  },
  tooMany: {
    message: '{{field}} has {{count}} entries; the API server allows at most {{max}}',
    hint: 'Split the entries over several EndpointSlices (each labelled with the same kubernetes.io/service-name).',
  },
  notFQDN: {
    message: '`{{value}}` is not a fully qualified domain name ({{problem}}); an EndpointSlice with addressType FQDN holds DNS names of at least two labels',
    hint: 'Write a name such as `db.example.com`.',
  },
  portName: {
    message: 'port name `{{name}}` {{problem}}; the ports of Endpoints and EndpointSlices are named with DNS labels (lowercase letters, digits and \'-\', at most 63 characters)',
    hint: 'Use the name of the Service port these endpoints serve (Service port names are DNS labels too), e.g. `http`.',
  },
  portNameRequired: {
    message: 'subsets[{{index}}] has several ports, so each needs a name; ports[{{port}}] has none',
    hint: 'Name every port after the Service port it serves: kube-proxy matches endpoint ports to Service ports by name.',
  },
  portNameDuplicate: {
    message: '{{what}}: an EndpointSlice may name each port once',
    hint: 'Give each port its own name, the name of the Service port it serves.',
  },
  portRange: {
    message: 'port {{port}} is not a port number (1-65535)',
    hint: 'Write the port the backend listens on.',
  },
  hostname: {
    message: 'hostname `{{value}}` {{problem}}; an endpoint\'s hostname is a DNS label (it becomes `<hostname>.<service>.<namespace>.svc`)',
    hint: 'Use lowercase letters, digits and \'-\' only, at most 63 characters, e.g. `db-0`.',
  },
  nodeName: {
    message: 'nodeName `{{value}}` {{problem}}; node names are DNS subdomains',
    hint: 'Write the name of the node the backend runs on (as `kubectl get nodes` shows it), or leave nodeName out.',
  },
});

type Context = RuleContext<typeof messages>;

const SPECIAL_WORDS = {
  unspecified: 'the unspecified address',
  loopback: 'a loopback address (127.0.0.0/8, ::1)',
  'link-local': 'a link-local address (169.254.0.0/16, fe80::/10)',
  'link-local-multicast': 'a link-local multicast address (224.0.0.0/24, ff02::/10)',
} as const;

/**
 * Hand-written Endpoints and EndpointSlices as the API server validates them on create
 * (ValidateEndpoints: validateEndpointSubsets / validateEndpointAddress / validateEndpointPort in
 * pkg/apis/core/validation/validation.go; ValidateEndpointSlice in
 * pkg/apis/discovery/validation/validation.go): addresses are IPs (of the slice's family, or
 * FQDNs) and not special ones (ValidateNonSpecialIP), ports are numbered and named with DNS labels,
 * hostnames are DNS labels, node names DNS subdomains, and a slice holds at most 1000 endpoints of
 * at most 100 addresses and 100 ports. The simulator refuses the same objects
 * (model/validate-endpoints.ts). appProtocol: qualified-name-invalid; protocols and addressType:
 * the schema.
 */
export default defineRule({
  meta: {
    id: 'endpoints-invalid',
    severity: 'error',
    description: 'Hand-written Endpoints or EndpointSlice the API server rejects: a bad or special address (loopback, link-local, wrong family), port name or number.',
    category: 'service',
    scope: 'object',
    messages,
  },
  check(ctx) {
    for (const ep of ctx.model.endpoints) checkEndpoints(ctx, ep.manifest);
    for (const slice of ctx.model.endpointSlices) checkSlice(ctx, slice.manifest);
  },
});

/** An IP address: not an IP, or special (the Endpoints rule and the IPv4/IPv6 slice rule). */
function checkIP(ctx: Context, manifest: Manifest, value: string, path: FieldPath, what: string, family?: 'IPv4' | 'IPv6'): void {
  const ip = parseIPSloppy(value);
  if (!ip) {
    ctx.report({ messageId: 'notIP', manifest, path, data: { value, what } });
    return;
  }
  if (family && (ip.family === 4 ? 'IPv4' : 'IPv6') !== family) {
    ctx.report({ messageId: 'wrongFamily', manifest, path, data: { value, family, other: family === 'IPv4' ? 'IPv6' : 'IPv4' } });
    return;
  }
  const special = specialIPRange(ip);
  if (special) ctx.report({ messageId: 'special', manifest, path, data: { value, why: SPECIAL_WORDS[special] } });
}

function checkPortName(ctx: Context, manifest: Manifest, name: string, path: FieldPath): void {
  const problem = dns1123LabelProblem(name);
  if (problem) ctx.report({ messageId: 'portName', manifest, path, data: { name, problem } });
}

function checkEndpoints(ctx: Context, manifest: Manifest): void {
  arr(manifest.value.subsets).forEach((raw, i) => {
    const subset = obj(raw);
    const at: FieldPath = ['subsets', i];
    const lists = [['addresses', arr(subset.addresses)], ['notReadyAddresses', arr(subset.notReadyAddresses)]] as const;
    if (lists.every(([, l]) => l.length === 0)) ctx.report({ messageId: 'emptySubset', manifest, path: at, data: { index: i } });
    for (const [key, list] of lists) {
      list.forEach((a, j) => {
        const address = obj(a);
        const ip = address.ip;
        checkIP(ctx, manifest, typeof ip === 'string' ? ip : String(ip ?? ''), [...at, key, j, 'ip'], 'Endpoints');
        const hostname = str(address.hostname);
        const hostProblem = hostname ? dns1123LabelProblem(hostname) : undefined;
        if (hostProblem) ctx.report({ messageId: 'hostname', manifest, path: [...at, key, j, 'hostname'], data: { value: hostname!, problem: hostProblem } });
        const nodeName = str(address.nodeName);
        const nodeProblem = nodeName !== undefined ? dns1123SubdomainProblem(nodeName) : undefined;
        if (nodeProblem) ctx.report({ messageId: 'nodeName', manifest, path: [...at, key, j, 'nodeName'], data: { value: nodeName!, problem: nodeProblem } });
      });
    }
    const ports = arr(subset.ports);
    ports.forEach((p, j) => {
      const port = obj(p);
      const name = str(port.name) ?? '';
      if (ports.length > 1 && name === '') ctx.report({ messageId: 'portNameRequired', manifest, path: [...at, 'ports', j], data: { index: i, port: j } });
      else if (name !== '') checkPortName(ctx, manifest, name, [...at, 'ports', j, 'name']);
      checkPortNumber(ctx, manifest, port.port, [...at, 'ports', j, 'port']);
    });
  });
}

function checkPortNumber(ctx: Context, manifest: Manifest, value: unknown, path: FieldPath): void {
  const port = num(value) ?? 0;
  if (!(Number.isInteger(port) && port >= 1 && port <= 65535)) ctx.report({ messageId: 'portRange', manifest, path, data: { port } });
}

function checkSlice(ctx: Context, manifest: Manifest): void {
  const addressType = str(manifest.value.addressType);
  const endpoints = arr(manifest.value.endpoints);
  if (endpoints.length > MAX_SLICE_ENDPOINTS) {
    ctx.report({ messageId: 'tooMany', manifest, path: ['endpoints'], data: { field: 'endpoints', count: endpoints.length, max: MAX_SLICE_ENDPOINTS } });
  } else {
    endpoints.forEach((raw, i) => {
      const e = obj(raw);
      const addresses = arr(e.addresses);
      if (addresses.length === 0) ctx.report({ messageId: 'noAddress', manifest, path: ['endpoints', i], data: { index: i } });
      else if (addresses.length > 100) ctx.report({ messageId: 'tooMany', manifest, path: ['endpoints', i, 'addresses'], data: { field: `endpoints[${i}].addresses`, count: addresses.length, max: 100 } });
      addresses.forEach((a, j) => {
        const value = typeof a === 'string' ? a : String(a);
        const path: FieldPath = ['endpoints', i, 'addresses', j];
        if (addressType === 'IPv4' || addressType === 'IPv6') checkIP(ctx, manifest, value, path, `EndpointSlices of addressType ${addressType}`, addressType);
        else if (addressType === 'FQDN') checkFQDN(ctx, manifest, value, path);
      });
      const hostname = str(e.hostname);
      const problem = hostname !== undefined ? dns1123LabelProblem(hostname) : undefined;
      if (problem) ctx.report({ messageId: 'hostname', manifest, path: ['endpoints', i, 'hostname'], data: { value: hostname!, problem } });
    });
  }
  const ports = arr(manifest.value.ports);
  if (ports.length > 100) {
    ctx.report({ messageId: 'tooMany', manifest, path: ['ports'], data: { field: 'ports', count: ports.length, max: 100 } });
    return;
  }
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const name = str(obj(p).name) ?? '';
    if (name !== '') checkPortName(ctx, manifest, name, ['ports', i, 'name']);
    if (names.has(name)) ctx.report({ messageId: 'portNameDuplicate', manifest, path: ['ports', i], data: { what: name ? `two ports are named \`${name}\`` : 'two ports have no name' } });
    names.add(name);
  });
}

function checkFQDN(ctx: Context, manifest: Manifest, value: string, path: FieldPath): void {
  const name = value.replace(/\.$/, '');
  let problem = name === '' ? 'it is empty' : dns1123SubdomainProblem(name);
  if (!problem && name.split('.').length < 2) problem = 'it has a single label';
  if (problem) ctx.report({ messageId: 'notFQDN', manifest, path, data: { value, problem } });
}
