// Follows ValidateIPBlock (kubernetes pkg/apis/networking/validation/validation.go): "must be a strict
// subset of `cidr`", and its validation_test.go cases for except outside cidr and equal to cidr.
import { ruleTester } from '../helpers';

const policy = (block: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: egress}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
  - to:
    - ipBlock: ${block}
`;

ruleTester('networkpolicy-except-outside-cidr', {
  valid: [policy('{cidr: 10.0.0.0/8, except: [10.1.0.0/16, 10.2.3.4/32]}'), policy('{cidr: 0.0.0.0/0}'), policy('{cidr: "fd00::/8", except: ["fd00:1::/32"]}')],
  invalid: [
    { code: policy('{cidr: 10.0.0.0/8, except: [192.168.0.0/16]}'), errors: [{ line: 9, path: 'spec.egress[0].to[0].ipBlock.except[0]', severity: 'error', message: 'except 192.168.0.0/16 is not a strict subset of cidr 10.0.0.0/8' }] },
    { code: policy('{cidr: 10.0.0.0/8, except: [10.0.0.0/8]}'), errors: [{ message: 'except 10.0.0.0/8 is not a strict subset' }] },
    { code: policy('{cidr: 10.0.0.0/8, except: [10.0.0.0/7]}'), errors: [{ message: 'is not a strict subset' }] },
    { code: policy('{cidr: 10.0.0.300/8}'), errors: [{ path: 'spec.egress[0].to[0].ipBlock.cidr', message: 'cidr "10.0.0.300/8" is not a CIDR' }] },
    { code: policy('{cidr: 10.0.0.0/8, except: [10.1.2.3]}'), errors: [{ message: 'except "10.1.2.3" is not a CIDR' }] },
  ],
});
