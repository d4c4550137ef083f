// networking/v1 types.go IPBlock ("particular IP CIDR ranges"); the e2e suite's "should allow egress
// access to server in CIDR block" shows a pod /32 works only while the pod keeps its IP.
import { ruleTester } from '../helpers';

const policy = (cidr: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: egress}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
  - to:
    - ipBlock: {cidr: ${cidr}}
`;

ruleTester('networkpolicy-ipblock-cluster-cidr', {
  valid: [policy('0.0.0.0/0'), policy('10.0.0.0/8'), policy('192.168.10.0/24'), { code: policy('10.244.1.7/32'), options: { podCIDR: '10.100.0.0/16' } }],
  invalid: [
    { code: policy('10.244.1.7/32'), errors: [{ line: 9, column: 23, path: 'spec.egress[0].to[0].ipBlock.cidr', severity: 'warning', message: 'ipBlock 10.244.1.7/32 lies inside the pod CIDR 10.244.0.0/16' }] },
    { code: policy('10.96.0.10/32'), errors: [{ message: 'ipBlock 10.96.0.10/32 lies inside the service CIDR 10.96.0.0/12: NetworkPolicies are applied after kube-proxy rewrites a ClusterIP' }] },
    { code: policy('10.244.0.0/16'), errors: [{ message: 'inside the pod CIDR' }] },
  ],
});
