import { simulate } from '../../src/sim/index';
import { buildModel } from '../../src/model/build';
import { manifestsOf } from '../../src/sim/simulate';
import { lintSources } from '../../src/lint';
import { deploy, service } from './fixtures';

const rejected = (c: ReturnType<typeof simulate>) => c.rejected.map((r) => `${r.kind}/${r.name}: ${r.reason}`);
/** Pods of the input (the built-in CoreDNS pods live in kube-system). */
const podsOf = (c: ReturnType<typeof simulate>) => c.pods.filter((p) => p.namespace === 'default').map((p) => p.workload.metadata.name);
const pod = (name: string, spec: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${spec.replace(/^/gm, '  ')}
---
`;

describe('the model records invalid enum values instead of coercing them', () => {
  test('the typed field keeps the default; `invalid` holds the path, the value as written and what is allowed', () => {
    const model = buildModel(manifestsOf(deploy('web', { spec: 'dnsPolicy: ClusterFrist' })).manifests);
    const [w] = model.workloads;
    expect(w.template.spec.dnsPolicy).toBe('ClusterFirst');
    expect(w.invalid).toEqual([{ path: ['spec', 'template', 'spec', 'dnsPolicy'], value: 'ClusterFrist', allowed: ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'] }]);
    // The same list is on the object's entry among all objects.
    expect(model.objects[0].invalid).toBe(w.invalid);
  });

  test('absent, null and empty values take the default and are not invalid', () => {
    const model = buildModel(manifestsOf(service('s', 'type: ""\nsessionAffinity: null\nports: [ { port: 80, protocol: "" } ]')).manifests);
    expect(model.services[0].invalid).toEqual([]);
    expect([model.services[0].spec.type, model.services[0].spec.ports[0].protocol]).toEqual(['ClusterIP', 'TCP']);
  });
});

describe('the simulator refuses workloads with values validatePodSpec refuses (pkg/apis/core/validation/validation.go), in its words', () => {
  test('validateDNSPolicy: a misspelt dnsPolicy makes no pod and the Deployment is rejected', () => {
    const c = simulate(deploy('web', { spec: 'dnsPolicy: ClusterFrist' }) + deploy('ok'));
    expect(podsOf(c)).toEqual(['ok']);
    expect(rejected(c)).toEqual(['Deployment/web: spec.template.spec.dnsPolicy: Unsupported value: "ClusterFrist": supported values: "ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"']);
  });

  test('validateContainerPorts: a container port protocol other than SCTP, TCP, UDP', () => {
    const c = simulate(pod('p', 'containers:\n- name: app\n  image: app\n  ports:\n  - containerPort: 53\n    protocol: udp'));
    expect(podsOf(c)).toEqual([]);
    expect(rejected(c)).toEqual(['Pod/p: spec.containers[0].ports[0].protocol: Unsupported value: "udp": supported values: "SCTP", "TCP", "UDP"']);
  });

  test('validateInitContainerRestartPolicy: an init container may only have restartPolicy Always (a sidecar)', () => {
    const c = simulate(pod('p', 'initContainers:\n- name: init\n  image: init\n  restartPolicy: OnFailure\ncontainers:\n- name: app\n  image: app'));
    expect(rejected(c)).toEqual(['Pod/p: spec.initContainers[0].restartPolicy: Unsupported value: "OnFailure": supported values: "Always"']);
  });

  test('validateTolerations: an operator other than Equal or Exists', () => {
    const c = simulate(deploy('web', { spec: 'tolerations:\n- key: node-role.kubernetes.io/control-plane\n  operator: exists' }));
    expect(rejected(c)).toEqual(['Deployment/web: spec.template.spec.tolerations[0].operator: Unsupported value: "exists": supported values: "Equal", "Exists"']);
  });

  test('ValidateObjectMeta/ValidateLabels (apimachinery metav1validation.ValidateLabels): a label key that is not a qualified name refuses the workload', () => {
    const c = simulate(deploy('web', { labels: { 'app/': 'web' } }) + deploy('ok') + pod('p', 'containers:\n- name: app\n  image: app').replace('  name: p\n', '  name: p\n  labels: { "-x": y }\n'));
    expect(podsOf(c)).toEqual(['ok']);
    expect(rejected(c)).toEqual([
      // IsQualifiedName gives both its empty-name and its regex message for an empty name part.
      expect.stringMatching(/^Deployment\/web: \[spec.selector.matchLabels: Invalid value: "app\/": name part must be non-empty, spec.selector.matchLabels: Invalid value: "app\/": name part must consist of .*, spec.template.metadata.labels: Invalid value: "app\/": name part must be non-empty, /),
      expect.stringMatching(/^Pod\/p: metadata.labels: Invalid value: "-x": name part must consist of/),
    ]);
  });

  test('ValidateLabelSelectorRequirement: a selector operator other than In, NotIn, Exists, DoesNotExist is field.Invalid', () => {
    const text = deploy('web').replace('    matchLabels:\n      app: "web"', '    matchLabels:\n      app: "web"\n    matchExpressions:\n    - { key: tier, operator: in, values: [front] }');
    const c = simulate(text);
    expect(podsOf(c)).toEqual([]);
    expect(rejected(c)).toEqual(['Deployment/web: spec.selector.matchExpressions[0].operator: Invalid value: "in": not a valid selector operator']);
  });
});

describe('the simulator refuses Services ValidateService refuses: they are not allocated', () => {
  test.each([
    ['type: Nodeport\nports: [ { port: 80 } ]', 'spec.type: Unsupported value: "Nodeport": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"'],
    ['ports: [ { port: 80, protocol: tcp } ]', 'spec.ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"'],
    ['sessionAffinity: clientIP\nports: [ { port: 80 } ]', 'spec.sessionAffinity: Unsupported value: "clientIP": supported values: "ClientIP", "None"'],
    ['type: NodePort\nexternalTrafficPolicy: local\nports: [ { port: 80 } ]', 'spec.externalTrafficPolicy: Unsupported value: "local": supported values: "Cluster", "Local"'],
    ['internalTrafficPolicy: Node\nports: [ { port: 80 } ]', 'spec.internalTrafficPolicy: Unsupported value: "Node": supported values: "Cluster", "Local"'],
    // validateServiceExternalTrafficPolicy: the policy fields need an externally accessible Service (a LoadBalancer with Local for the health check port).
    ['externalTrafficPolicy: Local\nports: [ { port: 80 } ]', 'spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services'],
    ['type: NodePort\nhealthCheckNodePort: 30123\nports: [ { port: 80 } ]', "spec.healthCheckNodePort: Invalid value: 30123: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"],
  ])('%s', (body, reason) => {
    const c = simulate(service('web', body));
    expect(c.services.map((s) => s.name)).not.toContain('web');
    expect(rejected(c)).toEqual([`Service/web: ${reason}`]);
  });
});

describe('the simulator refuses hand-written Endpoints and EndpointSlices with values the API server refuses', () => {
  const selectorless = service('db', 'ports: [ { port: 5432 } ]');

  test('ValidateEndpointSlice: addressType and port protocol; the Service gets no endpoints from it', () => {
    const slice = `apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: db-1
  labels: { kubernetes.io/service-name: db }
addressType: ipv4
ports: [ { port: 5432 } ]
endpoints: [ { addresses: [ 10.0.0.5 ] } ]
`;
    const c = simulate(`${selectorless}${slice}`);
    expect(c.endpointSlices.filter((s) => s.serviceName === 'db')).toEqual([]);
    expect(rejected(c)).toEqual(['EndpointSlice/db-1: addressType: Unsupported value: "ipv4": supported values: "FQDN", "IPv4", "IPv6"']);
  });

  test('ValidateEndpoints (validateEndpointPort): a port protocol', () => {
    const endpoints = `apiVersion: v1
kind: Endpoints
metadata: { name: db }
subsets:
- addresses: [ { ip: 10.0.0.5 } ]
  ports: [ { port: 5432, protocol: Tcp } ]
`;
    const c = simulate(`${selectorless}${endpoints}`);
    expect(c.endpoints.filter((e) => e.name === 'db')).toEqual([]);
    expect(rejected(c)).toEqual(['Endpoints/db: subsets[0].ports[0].protocol: Unsupported value: "Tcp": supported values: "SCTP", "TCP", "UDP"']);
  });
});

test('lint is unchanged: the schema stage reports the enum value (rule schema), no rule reads the default in its place', () => {
  const run = lintSources([{ path: 'web.yaml', absPath: null, text: deploy('web', { spec: 'dnsPolicy: ClusterFrist' }) }]);
  expect(run.findings.map((f) => [f.ruleId, f.path])).toEqual([['schema', 'spec.template.spec.dnsPolicy']]);
});
