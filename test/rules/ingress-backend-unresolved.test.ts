import { findingsOf, ruleTester } from '../helpers';

// Service web (lines 1-10) with ports http 80 -> 8080 and metrics 9090.
const web = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports:
  - {name: http, port: 80, targetPort: 8080}
  - {name: metrics, port: 9090}
---
`;
// The Ingress: rules[0].http.paths[0].backend.service.name on line 21, port on line 23.
const ingress = (service: string, port: string) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  rules:
  - http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: ${service}
            port:
              ${port}
`;

ruleTester('ingress-backend-unresolved', {
  valid: [
    web + ingress('web', 'number: 80'),
    web + ingress('web', 'name: http'),
    // defaultBackend is checked the same way.
    web + `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: d}\nspec:\n  defaultBackend: {service: {name: web, port: {name: metrics}}}\n`,
  ],
  invalid: [
    {
      code: web + ingress('wbe', 'number: 80'),
      errors: [{
        line: 23, column: 19, path: 'spec.rules[0].http.paths[0].backend.service.name', severity: 'error', object: 'Ingress/default/web',
        message: 'backend Service "wbe" does not exist in namespace default (did you mean "web"?)',
      }],
    },
    {
      // The containerPort/targetPort instead of the Service port: the usual slip.
      code: web + ingress('web', 'number: 8080'),
      errors: [{ line: 25, column: 23, path: 'spec.rules[0].http.paths[0].backend.service.port.number', message: 'backend port 8080 is not a port of Service web (it exposes http (80), metrics (9090)): 8080 is the targetPort of Service port 80' }],
    },
    {
      code: web + ingress('web', 'name: htp'),
      errors: [{ line: 25, column: 21, path: 'spec.rules[0].http.paths[0].backend.service.port.name', message: 'backend port name "htp" is not a port name of Service web (it exposes http (80), metrics (9090)) (did you mean "http"?)' }],
    },
    {
      // A Service of another namespace is not reachable from this Ingress. Linted with an explicit -n default: without
      // it, a file naming `shop` on some objects is also linted for shop (namespace-partly-set), where this does not hold.
      code: web.replace('  name: web\n', '  name: web\n  namespace: shop\n') + ingress('web', 'number: 80'),
      options: { namespace: 'default' },
      errors: [{ message: 'backend Service "web" does not exist in namespace default' }],
    },
  ],
});

test('a port finding links the Service ports', () => {
  const [f] = findingsOf(web + ingress('web', 'number: 81'), 'ingress-backend-unresolved');
  expect(f.related).toEqual([{ file: 'test.yaml', line: 8, column: 3, message: 'ports of Service default/web' }]);
});
