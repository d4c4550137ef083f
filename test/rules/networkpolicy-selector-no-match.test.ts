import { ruleTester } from '../helpers';
import { workload } from './fixtures';

const api = workload('api', 'app: api, tier: backend', ['- containerPort: 8080']);
// NetworkPolicy after the Deployment (lines 1-16): `---` 17, podSelector on line 23.
const policy = (podSelector: string, ns = '') => `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-ingress${ns ? `\n  namespace: ${ns}` : ''}
spec:
  podSelector: ${podSelector}
  policyTypes: [Ingress]
`;

ruleTester('networkpolicy-selector-no-match', {
  valid: [
    api + policy('{matchLabels: {app: api}}'),
    api + policy('{matchExpressions: [{key: tier, operator: In, values: [backend, db]}]}'),
    // An empty podSelector selects every pod of the namespace.
    api + policy('{}'),
  ],
  invalid: [
    {
      code: api + policy('{matchLabels: {app: api-server}}'),
      errors: [{
        line: 23, column: 16, path: 'spec.podSelector', severity: 'warning', object: 'NetworkPolicy/default/api-ingress',
        message: 'podSelector app=api-server selects no pod in namespace default; pods of Deployment/default/api carry app=api,tier=backend; this policy applies to nothing',
      }],
    },
    {
      code: api + policy('{matchLabels: {app: api}, matchExpressions: [{key: tier, operator: NotIn, values: [backend]}]}'),
      errors: [{ message: 'podSelector app=api,tier NotIn (backend) selects no pod in namespace default; pods of Deployment/default/api carry app=api,tier=backend (they fail its matchExpressions)' }],
    },
    {
      // kube-prometheus: pods made by the operator from an Alertmanager CR (SOURCES.md: FP) -> softened to info, saying so.
      code: `apiVersion: monitoring.coreos.com/v1\nkind: Alertmanager\nmetadata: {name: main, namespace: monitoring}\n`
        + policy('{matchLabels: {app.kubernetes.io/name: alertmanager}}', 'monitoring'),
      errors: [{ severity: 'info', message: 'the pods may come from custom resources here (Alertmanager/main)' }],
    },
    {
      // A PodMonitor makes no pods (model/kinds.ts neverMakesPods): the policy really applies to nothing.
      code: `apiVersion: monitoring.coreos.com/v1\nkind: PodMonitor\nmetadata: {name: alertmanager, namespace: monitoring}\n`
        + policy('{matchLabels: {app.kubernetes.io/name: alertmanager}}', 'monitoring'),
      errors: [{ severity: 'warning', message: 'podSelector app.kubernetes.io/name=alertmanager selects no pod in namespace monitoring' }],
    },
  ],
});
