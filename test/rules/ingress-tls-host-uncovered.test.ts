// networking/v1 IngressTLS.Hosts: the TLS hosts must match the host of a rule.
import { ruleTester } from '../helpers';

const ing = (tls: string, host: string) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web}
spec:
  tls: [{hosts: [${tls}], secretName: s}]
  rules:
  - host: "${host}"
    http:
      paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]
`;

ruleTester('ingress-tls-host-uncovered', {
  valid: [ing('shop.example.com', 'shop.example.com'), ing('a.example.com', '*.example.com')],
  invalid: [{ code: ing('shop.exmaple.com', 'shop.example.com'), errors: [{ line: 5, path: 'spec.tls[0].hosts[0]', message: 'TLS host shop.exmaple.com matches no rule host of this Ingress (shop.example.com)' }] }],
});
