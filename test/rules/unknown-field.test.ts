import { deployment, ruleTester } from '../helpers';

const service = (portLines: string, extra = '') => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:${extra}
  selector:
    app: web
  ports:
${portLines}
`;

ruleTester('unknown-field', {
  valid: [
    service('  - port: 80\n    targetPort: 8080\n    protocol: TCP\n    name: http\n    appProtocol: http'),
    deployment('web', { app: 'web' }),
    // `status` and `creationTimestamp: null` appear in `kubectl get -o yaml` output.
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  creationTimestamp: null\ndata:\n  a: "1"\n`,
    `apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80}]}\nstatus:\n  loadBalancer: {}\n`,
    // managedFields carry arbitrary JSON (FieldsV1).
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  managedFields:\n  - manager: kubectl\n    fieldsV1: {"f:data": {"f:a": {}}}\n`,
    // Admission webhook rules inline Rule in Go (resources, scope): kubernetes-types forgets them.
    `apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingWebhookConfiguration\nmetadata: {name: v}\nwebhooks:\n- name: v.example.com\n  sideEffects: None\n  admissionReviewVersions: [v1]\n  clientConfig: {service: {name: s, namespace: ns}}\n  rules:\n  - {apiGroups: [""], apiVersions: [v1], operations: [CREATE], resources: [pods], scope: Namespaced}\n`,
  ],
  invalid: [
    {
      code: service('  - port: 80\n    targetport: 8080'),
      errors: [{ line: 10, column: 5, path: 'spec.ports[0].targetport', message: 'unknown field `targetport` in Service spec.ports[0] (did you mean `targetPort`?)' }],
    },
    {
      code: `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selecter:\n    app: web\n  ports:\n  - port: 80\n`,
      errors: [{ line: 6, column: 3, path: 'spec.selecter', object: 'Service/default/web', message: /unknown field `selecter` in Service spec \(did you mean `selector`\?\)/ }],
    },
    {
      // A field at the wrong level: no close name, so the hint lists where to look.
      code: deployment('web', { app: 'web' }).replace('  replicas: 2\n', '  replicas: 2\n  image: nginx\n'),
      errors: [{ line: 7, column: 3, path: 'spec.image', message: 'unknown field `image` in Deployment spec' }],
    },
    {
      // A top-level field the kind does not have (a Secret has no spec).
      code: `apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData: {a: b}\nspec:\n  x/y: 1\n`,
      errors: [{ line: 5, column: 1, path: 'spec', message: /unknown field `spec` in Secret/ }],
    },
    {
      // svclab's own Cluster kind is strict too.
      code: `apiVersion: svclab.io/v1alpha1\nkind: Cluster\nmetadata: {name: lab}\nspec:\n  serviceCidr: 10.96.0.0/12\n`,
      errors: [{ line: 5, column: 3, path: 'spec.serviceCidr', message: /did you mean `serviceCIDR`/ }],
    },
  ],
});
