// Follows ValidateNetworkPolicyPort (kubernetes pkg/apis/networking/validation/validation.go) and its
// validation_test.go cases "endPort without port", "named port with endPort", "endPort lower than port".
import { ruleTester } from '../helpers';

const policy = (ports: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: range}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
  - ports:
    - ${ports}
`;

ruleTester('networkpolicy-endport-invalid', {
  valid: [policy('{port: 32000, endPort: 32768}'), policy('{port: 80}'), policy('{port: 80, endPort: 80}'), policy('{protocol: UDP}')],
  invalid: [
    { code: policy('{endPort: 32768}'), errors: [{ line: 9, path: 'spec.egress[0].ports[0].endPort', severity: 'error', message: 'endPort 32768 is set without port' }] },
    { code: policy('{port: http, endPort: 90}'), errors: [{ message: 'endPort 90 is set with the named port "http"' }] },
    { code: policy('{port: 9000, endPort: 8000}'), errors: [{ message: 'endPort 8000 is below port 9000' }] },
  ],
});
