// ValidateEndpoints (validateEndpointSubsets, validateEndpointAddress, validateEndpointPort,
// ValidateNonSpecialIP) and ValidateEndpointSlice (validateEndpoints, validatePorts).
import { ruleTester } from '../helpers';

const endpoints = (subsets: string) => `apiVersion: v1\nkind: Endpoints\nmetadata: { name: db }\nsubsets:\n${subsets}\n`;
const slice = (addressType: string, body: string) =>
  `apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: { name: db-1, labels: { kubernetes.io/service-name: db } }\naddressType: ${addressType}\n${body}\n`;

ruleTester('endpoints-invalid', {
  valid: [
    endpoints('- addresses: [ { ip: 192.0.2.10, hostname: db-0, nodeName: node-1 } ]\n  notReadyAddresses: [ { ip: "2001:db8::5" } ]\n  ports: [ { name: pg, port: 5432 }, { name: metrics, port: 9187 } ]'),
    endpoints('- addresses: [ { ip: 10.0.0.5 } ]\n  ports: [ { port: 5432 } ]'),
    slice('IPv4', 'ports: [ { name: pg, port: 5432 }, { name: "", port: 5433 } ]\nendpoints: [ { addresses: [ 10.0.0.5 ], hostname: db-0 } ]'),
    slice('IPv6', 'endpoints: [ { addresses: [ "2001:db8::5" ] } ]'),
    slice('FQDN', 'endpoints: [ { addresses: [ db.example.com ] } ]'),
  ],
  invalid: [
    { code: endpoints('- addresses: [ { ip: 127.0.0.1 } ]'), errors: [{ line: 5, column: 22, path: 'subsets[0].addresses[0].ip', message: '127.0.0.1 is a loopback address' }] },
    { code: endpoints('- addresses: [ { ip: 169.254.169.254 } ]'), errors: [{ message: /a link-local address/ }] },
    { code: endpoints('- notReadyAddresses: [ { ip: db.example.com } ]'), errors: [{ path: 'subsets[0].notReadyAddresses[0].ip', message: '`db.example.com` is not an IP address' }] },
    { code: endpoints('- ports: [ { port: 5432 } ]'), errors: [{ path: 'subsets[0]', message: 'subsets[0] lists no address' }] },
    {
      code: endpoints('- addresses: [ { ip: 10.0.0.5, hostname: DB_0, nodeName: Node_1 } ]\n  ports: [ { name: pg, port: 5432 }, { port: 0 } ]'),
      errors: [
        { path: 'subsets[0].addresses[0].hostname', message: 'hostname `DB_0`' },
        { path: 'subsets[0].addresses[0].nodeName', message: 'nodeName `Node_1`' },
        { path: 'subsets[0].ports[1]', message: 'subsets[0] has several ports, so each needs a name; ports[1] has none' },
        { path: 'subsets[0].ports[1].port', message: 'port 0 is not a port number' },
      ],
    },
    { code: endpoints('- addresses: [ { ip: 10.0.0.5 } ]\n  ports: [ { name: PG, port: 5432 } ]'), errors: [{ path: 'subsets[0].ports[0].name', message: 'port name `PG` has uppercase letters' }] },
    { code: slice('IPv4', 'endpoints: [ { addresses: [ "2001:db8::5" ] } ]'), errors: [{ path: 'endpoints[0].addresses[0]', message: 'is not an IPv4 address, but the EndpointSlice\'s addressType is IPv4' }] },
    { code: slice('IPv6', 'endpoints: [ { addresses: [ "::1" ] } ]'), errors: [{ message: /::1 is a loopback address/ }] },
    { code: slice('IPv4', 'endpoints: [ { addresses: [] } ]'), errors: [{ path: 'endpoints[0]', message: 'endpoints[0] has no address' }] },
    { code: slice('FQDN', 'endpoints: [ { addresses: [ localhost ] } ]'), errors: [{ message: /`localhost` is not a fully qualified domain name \(it has a single label\)/ }] },
    { code: slice('IPv4', 'ports: [ { port: 1 }, { port: 2 } ]\nendpoints: [ { addresses: [ 10.0.0.5 ] } ]'), errors: [{ path: 'ports[1]', message: 'two ports have no name' }] },
    {
      code: slice('IPv4', `endpoints:\n${Array.from({ length: 1001 }, (_, i) => `- { addresses: [ 10.0.${Math.floor(i / 250)}.${(i % 250) + 1} ] }`).join('\n')}`),
      errors: [{ path: 'endpoints', message: 'endpoints has 1001 entries; the API server allows at most 1000' }],
    },
  ],
});
