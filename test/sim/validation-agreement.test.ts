/**
 * Lint and the simulator refuse the same objects: for every case the simulator leaves the object
 * out of the cluster with the API server's words (ValidateService, initIPFamilyFields,
 * ValidateEndpoints, ValidateEndpointSlice, validatePodSpec), and lint reports an error of the
 * named rule on the same input. And what the API server accepts, both accept.
 */
import { simulate } from '../../src/sim/index';
import { lintSources } from '../../src/lint';
import { deploy, service } from './fixtures';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers';

interface Case {
  name: string;
  yaml: string;
  /** The API server's message, as `svclab get` prints it for the refused object. */
  reason: string | RegExp;
  rule: string;
}

const ports = 'ports: [ { port: 80 } ]';
const endpoints = (subsets: string) => `apiVersion: v1\nkind: Endpoints\nmetadata: { name: db }\nsubsets:\n${subsets}\n---\n`;
const slice = (addressType: string, body: string) =>
  `apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: { name: db-1, labels: { kubernetes.io/service-name: db } }\naddressType: ${addressType}\n${body}\n---\n`;
const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n${spec.replace(/^/gm, '  ')}\n---\n`;
const netpol = (rules: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: np }\nspec:\n  podSelector: {}\n  policyTypes: [ Ingress ]\n  ingress:\n${rules}\n---\n`;
const QUALIFIED = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

const cases: Case[] = [
  // The list (validation.go ValidateService, storage/alloc.go initIPFamilyFields).
  { name: 'loadBalancerClass not a qualified name (validateLoadBalancerClassField)', yaml: service('s', `type: LoadBalancer\nloadBalancerClass: "internal vip"\n${ports}`), reason: `spec.loadBalancerClass: Invalid value: "internal vip": ${QUALIFIED}`, rule: 'qualified-name-invalid' },
  { name: 'appProtocol not a qualified name (validateServicePort)', yaml: service('s', 'ports: [ { port: 80, appProtocol: "a b" } ]'), reason: `spec.ports[0].appProtocol: Invalid value: "a b": ${QUALIFIED}`, rule: 'qualified-name-invalid' },
  { name: 'ipFamilies [IPv6] on a single-stack IPv4 cluster', yaml: service('s', `ipFamilies: [ IPv6 ]\n${ports}`), reason: 'spec.ipFamilies[0]: Invalid value: "IPv6": not configured on this cluster', rule: 'ip-family-invalid' },
  { name: 'RequireDualStack on a single-stack cluster', yaml: service('s', `ipFamilyPolicy: RequireDualStack\nselector: { app: s }\n${ports}`), reason: 'spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services', rule: 'ip-family-invalid' },
  { name: 'SingleStack with two families', yaml: service('s', `ipFamilies: [ IPv4, IPv6 ]\nipFamilyPolicy: SingleStack\n${ports}`), reason: "spec.ipFamilyPolicy: Invalid value: \"SingleStack\": must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified", rule: 'ip-family-invalid' },
  { name: 'a family twice (ValidateServiceClusterIPsRelatedFields)', yaml: service('s', `ipFamilies: [ IPv4, IPv4 ]\n${ports}`), reason: 'spec.ipFamilies[1]: Duplicate value: "IPv4"', rule: 'ip-family-invalid' },
  { name: 'Endpoints with a loopback address (ValidateNonSpecialIP)', yaml: endpoints('- addresses: [ { ip: 127.0.0.1 } ]\n  ports: [ { port: 5432 } ]'), reason: 'subsets[0].addresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)', rule: 'endpoints-invalid' },
  { name: 'EndpointSlice with a link-local address', yaml: slice('IPv4', 'endpoints: [ { addresses: [ 169.254.169.254 ] } ]'), reason: 'endpoints[0].addresses[0]: Invalid value: "169.254.169.254": may not be in the link-local range (169.254.0.0/16, fe80::/10)', rule: 'endpoints-invalid' },
  { name: 'EndpointSlice address of the wrong family', yaml: slice('IPv4', 'endpoints: [ { addresses: [ "2001:db8::1" ] } ]'), reason: 'endpoints[0].addresses[0]: Invalid value: "2001:db8::1": must be a valid IPv4 address', rule: 'endpoints-invalid' },
  { name: 'Endpoints port name not a DNS label (validateEndpointPort)', yaml: endpoints('- addresses: [ { ip: 10.0.0.5 } ]\n  ports: [ { name: PG, port: 5432 } ]'), reason: /^subsets\[0\]\.ports\[0\]\.name: Invalid value: "PG": a lowercase RFC 1123 label must consist of/, rule: 'endpoints-invalid' },
  { name: 'EndpointSlice port name not a DNS label (validatePorts)', yaml: slice('IPv4', 'ports: [ { name: my_port, port: 80 } ]\nendpoints: [ { addresses: [ 10.0.0.5 ] } ]'), reason: /^ports\[0\]\.name: Invalid value: "my_port": a lowercase RFC 1123 label/, rule: 'endpoints-invalid' },
  { name: 'Endpoints subset without addresses', yaml: endpoints('- ports: [ { port: 5432 } ]'), reason: 'subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`', rule: 'endpoints-invalid' },
  { name: 'dnsConfig search domain not lowercase (validatePodDNSConfig)', yaml: pod('dnsConfig: { searches: [ Corp.Example.com ] }\ncontainers: [ { name: a, image: a } ]'), reason: /^spec\.dnsConfig\.searches\[0\]: Invalid value: "Corp\.Example\.com": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '\.'/, rule: 'pod-dns-config-invalid' },
  { name: 'dnsConfig option without a name', yaml: pod('dnsConfig: { options: [ { value: "2" } ] }\ncontainers: [ { name: a, image: a } ]'), reason: 'spec.dnsConfig.options[0]: Required value: Option.Name must not be empty', rule: 'pod-dns-config-invalid' },
  { name: 'hostNetwork with hostPort != containerPort (validateHostNetwork)', yaml: pod('hostNetwork: true\ncontainers: [ { name: a, image: a, ports: [ { containerPort: 9100, hostPort: 19100 } ] } ]'), reason: 'spec.containers[0].ports[0].hostPort: Invalid value: 19100: must match `containerPort` when `hostNetwork` is true', rule: 'host-network-port-mismatch' },
  // The audit: the rest of ValidateService that lint already checked and the simulator did not.
  { name: 'Service name not a DNS-1035 label', yaml: service('Web.1', ports), reason: /^metadata\.name: Invalid value: "Web\.1": a DNS-1035 label must consist of/, rule: 'invalid-name' },
  { name: 'Service label key invalid', yaml: service('s', ports).replace('  name: s', '  name: s\n  labels: { "a b": x }'), reason: /^metadata\.labels: Invalid value: "a b": name part must consist of/, rule: 'invalid-label' },
  { name: 'two ports, one without a name', yaml: service('s', 'ports: [ { name: a, port: 80 }, { port: 81 } ]'), reason: 'spec.ports[1].name: Required value', rule: 'service-port-name-required' },
  { name: 'port name not a DNS label', yaml: service('s', 'ports: [ { name: Web_Port, port: 80 } ]'), reason: /^spec\.ports\[0\]\.name: Invalid value: "Web_Port"/, rule: 'service-port-name-invalid' },
  { name: 'two ports with one name', yaml: service('s', 'ports: [ { name: a, port: 80 }, { name: a, port: 81 } ]'), reason: 'spec.ports[1].name: Duplicate value: "a"', rule: 'service-port-name-duplicate' },
  { name: 'targetPort out of range (ValidatePortNumOrName)', yaml: service('s', 'ports: [ { port: 80, targetPort: 70000 } ]'), reason: 'spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive', rule: 'target-port-invalid' },
  { name: 'targetPort name not an IANA service name', yaml: service('s', 'ports: [ { port: 80, targetPort: web_port } ]'), reason: 'spec.ports[0].targetPort: Invalid value: "web_port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', rule: 'target-port-invalid' },
  { name: 'ClientIP timeout out of range (validateClientIPAffinityConfig)', yaml: service('s', `sessionAffinity: ClientIP\nsessionAffinityConfig: { clientIP: { timeoutSeconds: 90000 } }\n${ports}`), reason: 'spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 90000: must be greater than 0 and less than 86400', rule: 'session-affinity-invalid' },
  { name: 'externalName not a DNS name', yaml: service('s', 'type: ExternalName\nexternalName: "http://db.example.com"'), reason: /^spec\.externalName: Invalid value: "http:\/\/db\.example\.com": a lowercase RFC 1123 subdomain/, rule: 'externalname-invalid' },
  { name: 'externalIPs loopback', yaml: service('s', `externalIPs: [ 127.0.0.1 ]\n${ports}`), reason: 'spec.externalIPs[0]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)', rule: 'external-ip-invalid' },
  { name: 'loadBalancerSourceRanges entry not a CIDR', yaml: service('s', `type: LoadBalancer\nloadBalancerSourceRanges: [ 203.0.113.7 ]\n${ports}`), reason: 'spec.LoadBalancerSourceRanges[0]: Invalid value: "203.0.113.7": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)', rule: 'loadbalancer-source-ranges-invalid' },
  { name: 'loadBalancerSourceRanges on a NodePort Service', yaml: service('s', `type: NodePort\nloadBalancerSourceRanges: [ 203.0.113.0/24 ]\n${ports}`), reason: "spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'", rule: 'loadbalancer-field-not-allowed' },
  { name: 'allocateLoadBalancerNodePorts on a ClusterIP Service', yaml: service('s', `allocateLoadBalancerNodePorts: false\n${ports}`), reason: "spec.allocateLoadBalancerNodePorts: Forbidden: may only be used when `type` is 'LoadBalancer'", rule: 'loadbalancer-field-not-allowed' },
  { name: 'loadBalancerClass on a ClusterIP Service', yaml: service('s', `loadBalancerClass: example.com/lb\n${ports}`), reason: "spec.loadBalancerClass: Forbidden: may only be used when `type` is 'LoadBalancer'", rule: 'loadbalancer-field-not-allowed' },
  { name: 'clusterIPs without clusterIP', yaml: service('s', `clusterIPs: [ 10.96.50.50 ]\n${ports}`), reason: 'spec.clusterIPs: Invalid value: ["10.96.50.50"]: must be empty when `clusterIP` is not specified', rule: 'cluster-ip-invalid' },
  { name: 'unsupported trafficDistribution', yaml: service('s', `trafficDistribution: PreferLocal\n${ports}`), reason: 'spec.trafficDistribution: Unsupported value: "PreferLocal": supported values: "PreferClose", "PreferSameNode", "PreferSameZone"', rule: 'service-topology-invalid' },
  { name: 'topology annotations that disagree', yaml: service('s', ports).replace('  name: s', '  name: s\n  annotations: { service.kubernetes.io/topology-mode: Auto, service.kubernetes.io/topology-aware-hints: Disabled }'), reason: 'metadata.annotations["service.kubernetes.io/topology-mode"]: Invalid value: "Auto": must match annotations[service.kubernetes.io/topology-aware-hints] when both are specified', rule: 'service-topology-invalid' },
  { name: 'container port name not an IANA service name (validateContainerPorts)', yaml: pod('containers: [ { name: a, image: a, ports: [ { name: web_http, containerPort: 80 } ] } ]'), reason: 'spec.containers[0].ports[0].name: Invalid value: "web_http": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', rule: 'container-port-name-invalid' },
  { name: 'one host port twice (AccumulateUniqueHostPorts)', yaml: pod('containers:\n- { name: a, image: a, ports: [ { containerPort: 80, hostPort: 8080 } ] }\n- { name: b, image: b, ports: [ { containerPort: 81, hostPort: 8080 } ] }'), reason: 'spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"', rule: 'container-port-duplicate' },
  // ValidateNetworkPolicyPort and ValidateIPBlock (pkg/apis/networking/validation/validation.go).
  { name: 'NetworkPolicy endPort without port', yaml: netpol('  - ports: [ { endPort: 32768 } ]'), reason: 'spec.ingress[0].ports[0].port: Required value: must be specified when endPort is specified', rule: 'networkpolicy-endport-invalid' },
  { name: 'NetworkPolicy endPort below port', yaml: netpol('  - ports: [ { port: 9000, endPort: 8000 } ]'), reason: 'spec.ingress[0].ports[0].endPort: Invalid value: 8000: must be greater than or equal to `port`', rule: 'networkpolicy-endport-invalid' },
  { name: 'NetworkPolicy except outside cidr', yaml: netpol('  - from: [ { ipBlock: { cidr: 10.0.0.0/8, except: [ 192.168.0.0/16 ] } } ]'), reason: 'spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: "192.168.0.0/16": must be a strict subset of `cidr`', rule: 'networkpolicy-except-outside-cidr' },
];

describe('lint and the simulator refuse the same objects, the simulator in the API server\'s words', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const cluster = simulate(c.yaml);
    expect(cluster.rejected).toHaveLength(1);
    const reason = cluster.rejected[0].reason;
    if (typeof c.reason === 'string') expect(reason).toBe(c.reason);
    else expect(reason).toMatch(c.reason);
    const errors = lintSources([{ path: 'x.yaml', absPath: null, text: c.yaml }]).findings.filter((f) => f.severity === 'error').map((f) => f.ruleId);
    expect(errors).toContain(c.rule);
  });
});

describe('what the API server accepts, both accept', () => {
  test.each([
    ['an ExternalName Service with a nodePort (only ClusterIP forbids it)', service('s', 'type: ExternalName\nexternalName: db.example.com\nports: [ { port: 5432, nodePort: 30432 } ]')],
    ['PreferDualStack on a single-stack cluster', service('s', `ipFamilyPolicy: PreferDualStack\n${ports}`)],
    ['a headless Service without selector asking for both families', service('s', `clusterIP: None\nipFamilyPolicy: RequireDualStack\nipFamilies: [ IPv4, IPv6 ]\n${ports}`)],
    ['qualified names with a prefix', service('s', `type: LoadBalancer\nloadBalancerClass: example.com/internal\nports: [ { port: 80, appProtocol: kubernetes.io/h2c } ]`)],
    ['relaxed search domains (underscore, lone dot, trailing dot)', pod('dnsConfig: { searches: [ _srv.example.com, ., svc.cluster.local. ], options: [ { name: ndots, value: "2" } ] }\ncontainers: [ { name: a, image: a } ]')],
    ['hostNetwork with hostPort 0 or equal to containerPort', pod('hostNetwork: true\ncontainers: [ { name: a, image: a, ports: [ { containerPort: 9100, hostPort: 0 }, { containerPort: 9101, hostPort: 9101 } ] } ]')],
    ['EndpointSlices of each family, and FQDN', slice('IPv6', 'endpoints: [ { addresses: [ "2001:db8::1" ] } ]') + slice('FQDN', 'endpoints: [ { addresses: [ db.example.com ] } ]').replace('db-1', 'db-2')],
  ])('%s', (_, yaml) => {
    expect(simulate(yaml).rejected).toEqual([]);
    expect(lintSources([{ path: 'x.yaml', absPath: null, text: yaml }]).findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
  });
});

describe('IP families as the API server sets them on a single-stack cluster (initIPFamilyFields)', () => {
  const families = (yaml: string) => {
    const s = simulate(yaml).services.find((x) => x.name === 's')!;
    return [s.spec.ipFamilyPolicy, s.spec.ipFamilies];
  };
  test('default SingleStack [IPv4]; PreferDualStack kept as written with one family', () => {
    expect(families(service('s', ports))).toEqual(['SingleStack', ['IPv4']]);
    expect(families(service('s', `ipFamilyPolicy: PreferDualStack\n${ports}`))).toEqual(['PreferDualStack', ['IPv4']]);
  });
  test('a headless Service without selector defaults to RequireDualStack with both families; with a selector it is single-stack', () => {
    expect(families(service('s', `clusterIP: None\n${ports}`))).toEqual(['RequireDualStack', ['IPv4', 'IPv6']]);
    expect(families(service('s', `clusterIP: None\nselector: { app: s }\n${ports}`) + deploy('s'))).toEqual(['SingleStack', ['IPv4']]);
    expect(families(service('s', `clusterIP: None\nipFamilyPolicy: SingleStack\n${ports}`))).toEqual(['SingleStack', ['IPv4']]);
  });
});

test('through the CLI: svclab get warns with the API server\'s words, and svclab lint reports the rule', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-agree-'));
  fs.writeFileSync(path.join(dir, 's.yaml'), service('s', `ipFamilies: [ IPv6 ]\n${ports}`));
  const get = await runCli(['get', 'svc', '-f', dir]);
  expect(get.stderr).toContain('Warning: the API server would refuse Service default/s: spec.ipFamilies[0]: Invalid value: "IPv6": not configured on this cluster');
  expect(get.stdout).not.toMatch(/^s\s/m);
  const lint = await runCli(['lint', dir, '--format', 'json']);
  expect(lint.code).toBe(1);
  expect((JSON.parse(lint.stdout) as { findings: Array<{ ruleId: string }> }).findings.map((f) => f.ruleId)).toContain('ip-family-invalid');
});
