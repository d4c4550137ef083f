// networking/v1 types.go NetworkPolicyPort.Port (a named port on the destination pod); the e2e suite's
// "should allow ingress access on one named port" and "should allow egress access on one named port".
import { ruleTester } from '../helpers';
import { workload } from './fixtures';

const api = workload('api', 'app: api', ['- containerPort: 8080', '  name: http', '- containerPort: 53', '  name: dns', '  protocol: UDP']);
const policy = (direction: 'ingress' | 'egress', port: string) => `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: named}
spec:
  podSelector: {matchLabels: {app: api}}
  policyTypes: [${direction === 'ingress' ? 'Ingress' : 'Egress'}]
  ${direction}:
  - ports: [${port}]
`;

ruleTester('networkpolicy-port-unresolved', {
  valid: [
    api + policy('ingress', '{port: http}'),
    api + policy('ingress', '{port: dns, protocol: UDP}'),
    api + policy('ingress', '{port: 8080}'),
    api + policy('egress', '{port: http}'),
    // No pod selected: networkpolicy-selector-no-match's finding, not this one.
    api + policy('ingress', '{port: web}').replace('{app: api}', '{app: other}'),
  ],
  invalid: [
    { code: api + policy('ingress', '{port: web}'), errors: [{ line: 29, path: 'spec.ingress[0].ports[0].port', severity: 'warning', message: 'named port "web" (TCP) is declared by no pod this policy selects (Deployment/default/api)' }] },
    { code: api + policy('ingress', '{port: dns}'), errors: [{ message: 'named port "dns" (TCP) is declared by no pod' }] },
    { code: api + policy('egress', '{port: metrics}'), errors: [{ message: 'named port "metrics" (TCP) is declared by no pod in the input' }] },
  ],
});
