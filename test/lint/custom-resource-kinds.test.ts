/**
 * A custom resource may reuse the name of a built-in kind: Knative's `serving.knative.dev/v1`
 * Service, Calico's `crd.projectcalico.org/v1` NetworkPolicy, Traefik's Ingress-like CRDs. The
 * API server routes objects by group/version/kind, so such an object is not a core Service
 * (none of ValidateService applies to it) and only the unknown-kind info may be reported.
 */
import { lintYaml } from '../helpers';
import { buildModel } from '../../src/model/build';
import { parseSourceFile } from '../../src/parse/parse-file';

const KNATIVE_SERVICE = `apiVersion: serving.knative.dev/v1
kind: Service
metadata:
  name: hello
spec:
  template:
    spec:
      containers:
        - image: ghcr.io/knative/helloworld-go:latest
          ports:
            - containerPort: 8080
`;

const CALICO_POLICY = `apiVersion: crd.projectcalico.org/v1
kind: NetworkPolicy
metadata:
  name: allow-web
spec:
  selector: app == 'web'
  podSelector: {matchLabels: {"bad key!": x}}
`;

const CRD_DEPLOYMENT = `apiVersion: example.com/v1
kind: Deployment
metadata:
  name: crd-dep
spec:
  selector: {matchLabels: {app: x}}
  template:
    metadata: {labels: {app: y}}
    spec:
      containers: [{name: c, image: i}]
`;

test('a Knative Service (serving.knative.dev) gets only unknown-kind, no core Service rule', () => {
  const run = lintYaml(KNATIVE_SERVICE);
  expect(run.findings.map((f) => f.ruleId)).toEqual(['unknown-kind']);
});

test('a Calico NetworkPolicy (crd.projectcalico.org) is neither selector-checked nor label-checked as a Kubernetes NetworkPolicy', () => {
  const run = lintYaml(CALICO_POLICY);
  expect(run.findings.map((f) => f.ruleId)).toEqual(['unknown-kind']);
});

test('a CRD named Deployment is not a workload', () => {
  expect(lintYaml(CRD_DEPLOYMENT).findings.map((f) => f.ruleId)).toEqual(['unknown-kind']);
});

test('the model keeps built-in kinds of their own groups, and old groups that still mean the kind', () => {
  const text = [
    'apiVersion: v1\nkind: Service\nmetadata: {name: core}\nspec: {ports: [{port: 80}]}',
    'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: old}\nspec: {backend: {serviceName: core, servicePort: 80}}',
    'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np}\nspec: {podSelector: {}}',
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}, spec: {containers: [{name: c, image: i}]}}}',
    KNATIVE_SERVICE,
    CALICO_POLICY,
    CRD_DEPLOYMENT,
  ].join('\n---\n');
  const model = buildModel(parseSourceFile({ path: 'm.yaml', absPath: null, text }).manifests);
  expect(model.services.map((s) => s.ref.name)).toEqual(['core']);
  expect(model.ingresses.map((s) => s.ref.name)).toEqual(['old']);
  expect(model.networkPolicies.map((s) => s.ref.name)).toEqual(['np']);
  expect(model.workloads.map((s) => s.ref.name)).toEqual(['d']);
  expect(model.objects).toHaveLength(7);
});
