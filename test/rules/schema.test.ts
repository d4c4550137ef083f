import { deployment, findingsOf, ruleTester } from '../helpers';

const service = (spec: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
${spec}
`;

ruleTester('schema', {
  valid: [
    service('  type: NodePort\n  selector: {app: web}\n  ports:\n  - {port: 80, targetPort: http, protocol: UDP}\n  - {port: 443, targetPort: 8443, name: https}'),
    deployment('web', { app: 'web' }),
    // Quantity takes numbers as well as strings; int-or-string takes both; null means "not set".
    `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
spec:
  selector: {matchLabels: {app: web}}
  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}}
  template:
    metadata: {labels: {app: web}, creationTimestamp: null}
    spec:
      containers:
      - name: web
        image: nginx
        resources: {limits: {cpu: 1, memory: 512Mi}, requests: {cpu: 100m}}
        readinessProbe: {httpGet: {port: http, path: /}}
        livenessProbe: {tcpSocket: {port: 8080}}
`,
    `apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: web-1, labels: {kubernetes.io/service-name: web}}\naddressType: IPv4\nendpoints: [{addresses: [10.0.0.1]}]\nports: [{port: 80, protocol: TCP}]\n`,
    `apiVersion: svclab.io/v1alpha1
kind: Cluster
metadata: { name: lab }
spec:
  nodes:
    - name: node-1
      internalIP: 192.168.49.3
      labels: { disktype: ssd }
      taints: [ { key: dedicated, value: db, effect: NoSchedule } ]
      zone: zone-a
      podCIDR: 10.244.1.0/24
  podCIDR: 10.244.0.0/16
  serviceCIDR: 10.96.0.0/12
  clusterDomain: cluster.local
  nodePortRange: 30000-32767
  loadBalancer: { provider: pool, addresses: [ "192.168.49.240-192.168.49.250", "10.0.0.0/28" ] }
  apiServer: { ip: 192.168.49.2, port: 6443 }
  upstreamDNS: { "example.com": [ "93.184.216.34" ] }
  readiness: { "Deployment/web": false, "web-5d8f9c7b6-abcde": false }
`,
    // The other forms the simulator reads (src/sim/cluster-config.ts): a node count, {min, max}, one address.
    `apiVersion: svclab.io/v1alpha1\nkind: Cluster\nmetadata: {name: lab}\nspec:\n  nodes: 5\n  nodePortRange: {min: 30000, max: 30100}\n  maxPodsPerNode: 50\n  kubernetesVersion: v1.30.0\n  upstreamDNS: {example.com: 93.184.216.34}\n  readiness: {Deployment/web: "false"}\n`,
  ],
  invalid: [
    {
      code: `apiVersion: svclab.io/v1alpha1\nkind: Cluster\nmetadata: {name: lab}\nspec:\n  nodes: 0\n  nodePortRange: 30000:32767\n`,
      errors: [
        { line: 5, column: 10, path: 'spec.nodes', message: 'Cluster spec.nodes must be at least 1, but it is 0' },
        { line: 6, column: 18, path: 'spec.nodePortRange', message: /must match/ },
      ],
    },
    {
      code: deployment('web', { app: 'web' }).replace('replicas: 2', 'replicas: two'),
      errors: [{ line: 6, column: 13, path: 'spec.replicas', message: 'Deployment spec.replicas must be an integer, but it is a string ("two")' }],
    },
    {
      // ValidateServicePort: port is required (pkg/apis/core/validation/validation.go).
      code: service('  ports:\n  - targetPort: 8080'),
      errors: [{ line: 7, column: 5, path: 'spec.ports[0]', message: 'Service spec.ports[0] is missing the required field `port`' }],
    },
    {
      code: service('  ports:\n  - port: 80\n    protocol: tcp'),
      errors: [{ line: 8, column: 15, path: 'spec.ports[0].protocol', message: 'Service spec.ports[0].protocol must be one of TCP, UDP, SCTP, but it is "tcp"' }],
    },
    {
      code: service('  type: Nodeport\n  ports:\n  - port: 80'),
      errors: [{ line: 6, column: 9, path: 'spec.type', message: /must be one of ClusterIP, NodePort, LoadBalancer, ExternalName/ }],
    },
    {
      code: service('  ports:\n  - port: 70000'),
      errors: [{ line: 7, column: 11, path: 'spec.ports[0].port', message: 'Service spec.ports[0].port must be at most 65535, but it is 70000' }],
    },
    {
      code: deployment('web', { app: 'web' }).replace('replicas: 2', 'replicas: -1'),
      errors: [{ path: 'spec.replicas', message: /must be at least 0, but it is -1/ }],
    },
    {
      // apps/v1 requires a selector (it became required when extensions/v1beta1 was removed).
      code: `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: b}]\n`,
      errors: [{ line: 5, column: 3, path: 'spec', message: 'Deployment spec is missing the required field `selector`' }],
    },
    {
      code: `apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: s}\nendpoints: []\n`,
      errors: [{ line: 1, column: 1, path: '', message: 'EndpointSlice is missing the required field `addressType`' }],
    },
    {
      code: deployment('web', { app: 'web' }).replace('      - name: app\n', '      - ').replace('        image:', 'image:'),
      errors: [{ path: 'spec.template.spec.containers[0]', message: /missing the required field `name`/ }],
    },
    {
      // An empty required field (`port:` is null) is reported; an empty optional one is not.
      code: service('  ports:\n  - port:\n    name: http'),
      errors: [{ line: 7, column: 5, path: 'spec.ports[0]', message: /missing the required field `port`/ }],
    },
    {
      // Keys with `/` are escaped in ajv's JSON pointers (~1): the path and line must still be right.
      code: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  conf/a.yaml: x\n  conf/b: 42\n`,
      errors: [{ line: 6, column: 11, path: 'data["conf/b"]', message: 'ConfigMap data["conf/b"] must be a string, but it is an integer (42)' }],
    },
    {
      code: `apiVersion: svclab.io/v1alpha1\nkind: Cluster\nmetadata: {name: lab}\nspec:\n  loadBalancer: {provider: metallb}\n`,
      errors: [{ line: 5, column: 28, path: 'spec.loadBalancer.provider', message: /must be one of none, pool/ }],
    },
  ],
});

describe('schema hints', () => {
  test('an unquoted number where a string is expected says to quote it', () => {
    const [f] = findingsOf(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  REDIS_PORT: 6379\n`, 'schema');
    expect(f.message).toBe('ConfigMap data.REDIS_PORT must be a string, but it is an integer (6379)');
    expect(f.hint).toContain('Quote the value: write "6379" instead of 6379');
  });

  test('a YAML 1.1 boolean in a label value says to quote it', () => {
    const [f] = findingsOf(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n    enabled: true\n`, 'schema');
    expect(f.path).toBe('metadata.labels.enabled');
    expect(f.hint).toContain('Quote the value');
  });

  test('a quoted number where an integer is expected says to remove the quotes', () => {
    const [f] = findingsOf(deployment('web', { app: 'web' }).replace('replicas: 2', 'replicas: "2"'), 'schema');
    expect(f.hint).toContain('Remove the quotes');
  });

  test('a wrong-case enum value gets the right spelling', () => {
    const [f] = findingsOf(service('  ports:\n  - port: 80\n    protocol: udp'), 'schema');
    expect(f.hint).toBe('Use `UDP` (values are case-sensitive).');
  });

  test('a missing field hint explains what the field is for', () => {
    const [f] = findingsOf(service('  ports:\n  - name: http'), 'schema');
    expect(f.hint).toMatch(/^Add `port:` under spec\.ports\[0\]\. \(port: The port that will be exposed by this service\.\)/);
  });

  test('a wrong type is one finding, not also an enum finding', () => {
    const found = findingsOf(service('  type: 5\n  ports:\n  - port: 80'), 'schema');
    expect(found.map((f) => f.message)).toEqual(['Service spec.type must be a string, but it is an integer (5)']);
  });

  test('at most 20 problems per object, then one "more" finding', () => {
    const ports = Array.from({ length: 25 }, (_, i) => `  - port: ${70000 + i}`).join('\n');
    const found = findingsOf(service(`  ports:\n${ports}`), 'schema');
    expect(found).toHaveLength(21);
    const more = found.filter((f) => f.message === '5 more schema problems in this Service are not shown');
    expect(more).toHaveLength(1);
    expect(more[0].line).toBe(1); // reported at the object, not at any one field
    expect(found.filter((f) => f.path === 'spec.ports[20].port')).toEqual([]); // the 21st port is past the cap
  });
});
