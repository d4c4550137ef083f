// normalizeClusterIPs + ValidateServiceClusterIPsRelatedFields (validation.go), then the ipallocator
// (network/broadcast never handed out; ErrNotInRange; ErrAllocated). Default service CIDR 10.96.0.0/12.
import { ruleTester, lintYaml } from '../helpers';
import { docs, service } from './service-yaml';

const ip = (spec: string, name = 'web', ns?: string) => service(name, `${spec}\n  ports:\n  - port: 80`, ns);

ruleTester('cluster-ip-invalid', {
  valid: [
    ip('  clusterIP: 10.96.0.50'),
    ip('  clusterIP: None'),
    ip('  clusterIP: ""'),
    ip('  clusterIP: 10.96.0.50\n  clusterIPs: [10.96.0.50]'),
    // The last usable address of 10.96.0.0/12.
    ip('  clusterIP: 10.111.255.254'),
    // The input may contain the built-in Service itself.
    ip('  clusterIP: 10.96.0.1', 'kubernetes'),
    ip('  clusterIP: 10.96.0.10', 'kube-dns', 'kube-system'),
    // CoreDNS installed by its Helm chart names the DNS Service differently.
    ip('  clusterIP: 10.96.0.10', 'coredns', 'kube-system'),
    // Another cluster's range, configured.
    { code: ip('  clusterIP: 172.20.0.50'), options: { serviceCIDRs: ['172.20.0.0/16'] } },
    // Dual-stack cluster.
    { code: ip('  clusterIP: 10.96.0.50\n  clusterIPs: [10.96.0.50, "fd00::50"]\n  ipFamilyPolicy: RequireDualStack'), options: { serviceCIDRs: ['10.96.0.0/12', 'fd00::/108'] } },
    // ExternalName without clusterIP.
    service('ext', '  type: ExternalName\n  externalName: db.example.com'),
    // Leading zeros are read as decimal (a warning of service-ip-non-canonical, not an error).
    ip('  clusterIP: 10.96.0.050'),
  ],
  invalid: [
    { code: ip('  clusterIP: 10.96.0.300'), errors: [{ line: 6, column: 14, path: 'spec.clusterIP', message: '"10.96.0.300" is not a valid IP address' }] },
    { code: ip('  clusterIP: my-service'), errors: [{ message: /"my-service" is not a valid IP address/ }] },
    { code: ip('  clusterIP: 192.168.1.10'), errors: [{ line: 6, column: 14, message: 'clusterIP 192.168.1.10 is outside the service CIDR 10.96.0.0/12' }] },
    { code: ip('  clusterIP: 10.96.0.0'), errors: [{ message: 'clusterIP 10.96.0.0 is the network address of the service CIDR 10.96.0.0/12, which the allocator never hands out' }] },
    { code: ip('  clusterIP: 10.111.255.255'), errors: [{ message: /is the broadcast address/ }] },
    { code: ip('  clusterIP: 10.96.0.1'), errors: [{ message: 'clusterIP 10.96.0.1 is already taken by the built-in Service default/kubernetes' }] },
    // The address is cluster-wide: another namespace does not help.
    { code: ip('  clusterIP: 10.96.0.1', 'web', 'shop'), errors: [{ object: 'Service/shop/web', message: /default\/kubernetes/ }] },
    { code: ip('  clusterIP: 10.96.0.10'), errors: [{ message: /built-in Service kube-system\/kube-dns/ }] },
    {
      code: docs(ip('  clusterIP: 10.96.0.50', 'a'), ip('  clusterIP: 10.96.0.50', 'b')),
      errors: [{ line: 15, column: 14, object: 'Service/default/b', message: 'clusterIP 10.96.0.50 is already taken by Service default/a' }],
    },
    { code: ip('  clusterIP: 10.96.0.50\n  clusterIPs: [10.96.0.51]'), errors: [{ line: 7, column: 16, path: 'spec.clusterIPs[0]', message: 'clusterIPs[0] (10.96.0.51) must be the same address as clusterIP (10.96.0.50)' }] },
    { code: ip('  clusterIPs: [10.96.0.51]'), errors: [{ path: 'spec.clusterIPs', message: /clusterIPs is set but clusterIP is not/ }] },
    { code: ip('  clusterIP: None\n  clusterIPs: [None, 10.96.0.5]'), errors: [{ message: '"None" must be the first and only value of clusterIPs' }] },
    // Mismatch only: the API server checks the clusterIPs entries, which are valid here.
    { code: ip('  clusterIP: abc\n  clusterIPs: [10.96.0.5]'), errors: [{ path: 'spec.clusterIPs[0]', message: /must be the same address as clusterIP \(abc\)/ }] },
    { code: ip('  clusterIP: 10.96.0.5\n  clusterIPs: [10.96.0.5, None]'), errors: [{ path: 'spec.clusterIPs[1]', message: '"None" is not a valid IP address' }] },
    { code: ip('  clusterIP: 10.96.0.5\n  clusterIPs: [10.96.0.5, 10.96.0.6]'), errors: [{ path: 'spec.clusterIPs[1]', message: /two IPv4 addresses/ }] },
    { code: ip('  clusterIP: "fd00::5"'), errors: [{ message: 'IPv6 is not configured on this cluster (service CIDRs: 10.96.0.0/12)' }] },
    { code: ip('  clusterIP: 10.96.0.5\n  ipFamilies: [IPv6]'), errors: [{ message: /is not an IPv6 address, as ipFamilies\[0\] says/ }] },
    {
      code: service('ext', '  type: ExternalName\n  externalName: db.example.com\n  clusterIP: 10.96.0.5'),
      errors: [{ path: 'spec.clusterIP', message: 'an ExternalName Service gets no cluster IP, so clusterIP "10.96.0.5" may not be set' }],
    },
    {
      code: service('ext', '  type: ExternalName\n  externalName: db.example.com\n  ipFamilyPolicy: SingleStack\n  ipFamilies: [IPv4]'),
      errors: [{ path: 'spec.ipFamilyPolicy', line: 8, column: 3, message: 'spec.ipFamilyPolicy may not be set for an ExternalName Service' }, { path: 'spec.ipFamilies', line: 9, column: 3 }],
    },
  ],
});

test('cluster-ip-invalid links the Service that holds the address', () => {
  const found = lintYaml(docs(ip('  clusterIP: 10.96.0.50', 'a'), ip('  clusterIP: 10.96.0.50', 'b'))).findings.filter((f) => f.ruleId === 'cluster-ip-invalid');
  expect(found[0].related).toEqual([{ file: 'test.yaml', line: 6, column: 14, message: 'Service default/a holds 10.96.0.50 here' }]);
});

test('the hints name the config key that svclab.config.yaml really accepts (serviceCIDR)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const schema = require('../../schemas/config.schema.json') as { properties: Record<string, unknown> };
  const hints = [
    ...lintYaml(ip('  clusterIP: 192.168.0.10')).findings,
    ...lintYaml(ip('  clusterIP: 10.96.0.50\n  clusterIPs: [10.96.0.50, "fd00::1"]\n  ipFamilyPolicy: PreferDualStack')).findings,
  ]
    .filter((f) => f.ruleId === 'cluster-ip-invalid')
    .map((f) => f.hint);
  expect(hints.length).toBeGreaterThan(0);
  for (const hint of hints) {
    for (const key of hint.match(/\bserviceCIDRs?\b/g) ?? []) expect(Object.keys(schema.properties)).toContain(key);
  }
  expect(hints.join(' ')).toMatch(/serviceCIDR\b/);
});
