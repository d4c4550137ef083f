import { ruleTester } from '../helpers';

// An external database reached through a Service without selector (lines 1-7).
const db = `apiVersion: v1
kind: Service
metadata:
  name: external-db
spec:
  ports:
  - port: 5432
`;

ruleTester('service-no-selector', {
  valid: [
    // Backed by a hand-written Endpoints object of the same name (kube-linter's most-reported false positive).
    `${db}---
apiVersion: v1
kind: Endpoints
metadata:
  name: external-db
subsets:
- addresses: [{ip: 10.0.0.5}]
  ports: [{port: 5432}]
`,
    // Backed by an EndpointSlice labelled with the Service name.
    `${db}---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: external-db-1
  labels: {kubernetes.io/service-name: external-db}
addressType: IPv4
endpoints:
- addresses: [10.0.0.5]
ports:
- port: 5432
`,
    // default/kubernetes (e.g. from `kubectl get svc kubernetes -o yaml`): the API server writes its endpoints.
    `apiVersion: v1\nkind: Service\nmetadata: {name: kubernetes, namespace: default}\nspec:\n  clusterIP: 10.96.0.1\n  ports: [{name: https, port: 443, targetPort: 6443}]\n`,
    // ExternalName Services have no endpoints by design.
    `apiVersion: v1\nkind: Service\nmetadata: {name: ext}\nspec:\n  type: ExternalName\n  externalName: db.example.com\n`,
    // A selector: endpoints come from the pods.
    `apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n`,
  ],
  invalid: [
    {
      code: db,
      errors: [{ line: 5, column: 1, path: 'spec', severity: 'info', object: 'Service/default/external-db', message: 'Service external-db has no selector and the input holds no Endpoints or EndpointSlice for it' }],
    },
    {
      // An Endpoints object of another namespace does not count. Linted with an explicit -n default: without it, a
      // file naming `other` on some objects is also linted for other (namespace-partly-set), where this does not hold.
      code: `${db}---\napiVersion: v1\nkind: Endpoints\nmetadata: {name: external-db, namespace: other}\nsubsets: []\n`,
      options: { namespace: 'default' },
      errors: [{ line: 5, object: 'Service/default/external-db' }],
    },
  ],
});
