// An egress-isolated pod needs egress to CoreDNS on 53 (kubernetes.io docs "Declare Network Policy";
// the e2e suite probes by ClusterIP for this reason); evaluated with the simulator's src/policy.
import { ruleTester } from '../helpers';
import { workload } from './fixtures';

const web = workload('web', 'app: web', ['- containerPort: 80']);
const denyEgress = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny-egress}
spec:
  podSelector: {}
  policyTypes: [Egress]
`;
const allow = (to: string, ports: string) => `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-dns}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
  - to: ${to}
    ports: ${ports}
`;
const KUBE_DNS = '[{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]';

ruleTester('networkpolicy-blocks-dns', {
  valid: [
    web + denyEgress + allow(KUBE_DNS, '[{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]'),
    web + denyEgress + allow('[{namespaceSelector: {}}]', '[{port: 53, protocol: UDP}]'),
    web + denyEgress + allow('[{ipBlock: {cidr: 0.0.0.0/0}}]', '[]'),
    // Ingress only: egress is not isolated.
    web + denyEgress.replace('[Egress]', '[Ingress]'),
  ],
  invalid: [
    { code: web + denyEgress, errors: [{ line: 23, path: 'spec.policyTypes', severity: 'warning', message: 'this policy isolates the pods of Deployment/default/web for egress, and no egress rule of the policies selecting them allows DNS' }] },
    // TCP alone is not the lookup's protocol.
    { code: web + denyEgress + allow(KUBE_DNS, '[{port: 53, protocol: TCP}]'), errors: [{ message: 'allows DNS' }, { message: 'allows DNS' }] },
    // CoreDNS is in kube-system: a podSelector alone means the policy's own namespace.
    { code: web + denyEgress + allow('[{podSelector: {matchLabels: {k8s-app: kube-dns}}}]', '[{port: 53, protocol: UDP}]'), errors: [{}, {}] },
    { code: denyEgress, errors: [{ message: 'this policy isolates every pod of namespace default for egress' }] },
  ],
});
