// ingress-nginx docs: several Ingresses for one host are merged; for the same path the oldest Ingress wins.
import { ruleTester } from '../helpers';

const ing = (name: string, host: string, path: string, type = 'Prefix', cls = '') => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: ${name}}
spec:
${cls}  rules:
  - host: ${host}
    http:
      paths: [{path: ${path}, pathType: ${type}, backend: {service: {name: ${name}, port: {number: 80}}}}]
---
`;

ruleTester('ingress-duplicate-path', {
  valid: [
    ing('a', 'shop.example.com', '/') + ing('b', 'shop.example.com', '/api'),
    ing('a', 'shop.example.com', '/') + ing('b', 'other.example.com', '/'),
    ing('a', 'shop.example.com', '/x') + ing('b', 'shop.example.com', '/x', 'Exact'),
    ing('a', 'shop.example.com', '/') + ing('b', 'shop.example.com', '/', 'Prefix', '  ingressClassName: internal\n'),
  ],
  invalid: [
    {
      code: ing('a', 'shop.example.com', '/') + ing('b', 'shop.example.com', '/'),
      errors: [{ line: 17, path: 'spec.rules[0].http.paths[0].path', object: 'Ingress/default/b', message: 'host shop.example.com path / (Prefix) is also routed by Ingress default/a, which comes first: ingress-nginx sends it to Service default/a, never to Service default/b here' }],
    },
  ],
});
