import { ruleTester } from '../helpers';

const pod = (dns: string) => `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers: [ { name: a, image: example/a } ]
${dns}`;

// validatePodDNSConfig, pkg/apis/core/validation/validation.go.
ruleTester('pod-dns-config-invalid', {
  valid: [
    pod(''),
    pod('  dnsPolicy: None\n  dnsConfig:\n    nameservers: [ 10.96.0.10 ]\n    searches: [ default.svc.cluster.local ]\n'),
    pod('  dnsConfig:\n    options: [ { name: ndots, value: "2" } ]\n'),
    // RelaxedDNSSearchValidation (Kubernetes 1.33): '_' and a lone '.' are accepted, a trailing dot too.
    pod('  dnsConfig:\n    searches: [ _ldap._tcp.example.com, ., svc.cluster.local. ]\n'),
  ],
  invalid: [
    { code: pod('  dnsPolicy: None\n'), errors: [{ line: 6, column: 14, path: 'spec.dnsPolicy', message: 'dnsPolicy is None but the pod has no dnsConfig' }] },
    { code: pod('  dnsPolicy: None\n  dnsConfig:\n    searches: [ svc.cluster.local ]\n'), errors: [{ line: 8, column: 5, path: 'spec.dnsConfig', message: 'lists no nameserver' }] },
    { code: pod('  dnsConfig:\n    nameservers: [ 1.1.1.1, 8.8.8.8, 9.9.9.9, 1.0.0.1 ]\n'), errors: [{ path: 'spec.dnsConfig.nameservers', message: 'lists 4 nameservers' }] },
    { code: pod('  dnsConfig:\n    searches: [ Corp.Example.com ]\n'), errors: [{ line: 7, column: 17, path: 'spec.dnsConfig.searches[0]', message: 'search domain `Corp.Example.com` has uppercase letters' }] },
    { code: pod('  dnsConfig:\n    searches: [ "a..b", "bad domain" ]\n'), errors: [{ path: 'spec.dnsConfig.searches[0]', message: 'empty label' }, { path: 'spec.dnsConfig.searches[1]', message: 'has a space' }] },
    { code: pod('  dnsConfig:\n    options: [ { value: "2" } ]\n'), errors: [{ line: 7, column: 16, path: 'spec.dnsConfig.options[0]', message: 'dnsConfig.options[0] has no name' }] },
    { code: pod('  dnsConfig:\n    nameservers: [ dns.example.com ]\n'), errors: [{ line: 7, column: 20, path: 'spec.dnsConfig.nameservers[0]', message: 'nameserver `dns.example.com` is not an IP address' }] },
    {
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: d }
spec:
  selector: { matchLabels: { app: d } }
  template:
    metadata: { labels: { app: d } }
    spec:
      dnsPolicy: None
      containers: [ { name: a, image: example/a } ]
`,
      errors: [{ line: 9, column: 18, path: 'spec.template.spec.dnsPolicy' }],
    },
  ],
});
