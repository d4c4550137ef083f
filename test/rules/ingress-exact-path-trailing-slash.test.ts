// The Ingress docs' path table: Exact /foo/ does not match /foo; Exact /foo does not match /foo/.
import { ruleTester } from '../helpers';

const ing = (path: string, type: string) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web}
spec:
  rules:
  - http:
      paths: [{path: ${path}, pathType: ${type}, backend: {service: {name: web, port: {number: 80}}}}]
`;

ruleTester('ingress-exact-path-trailing-slash', {
  valid: [ing('/api', 'Exact'), ing('/api/', 'Prefix'), ing('/', 'Exact')],
  invalid: [{ code: ing('/api/', 'Exact'), errors: [{ line: 7, path: 'spec.rules[0].http.paths[0].path', message: 'path "/api/" has pathType Exact: it matches only the request path "/api/" exactly, not "/api"' }] }],
});
