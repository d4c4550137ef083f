import { findingsOf, ruleTester } from '../helpers';

// The kubernetes/website "StatefulSet Basics" example, trimmed (lines 1-12; serviceName on line 6).
const web = (serviceName: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: ${serviceName}
  replicas: 2
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers: [{name: nginx, image: nginx, ports: [{name: web, containerPort: 80}]}]
`;
const svc = (name: string, clusterIP: string, selector = 'app: nginx') => `---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  clusterIP: ${clusterIP}
  selector: {${selector}}
  ports: [{name: web, port: 80}]
`;

ruleTester('statefulset-service-missing', {
  valid: [
    web('nginx') + svc('nginx', 'None'),
    // Headless Service without selector (endpoints by hand): svclab cannot judge what it selects.
    web('nginx') + `---\napiVersion: v1\nkind: Service\nmetadata: {name: nginx}\nspec:\n  clusterIP: None\n  ports: [{port: 80}]\n`,
  ],
  invalid: [
    {
      // argo-cd's upstream quirk (SOURCES.md: REAL): the serviceName has no Service at all.
      code: web('ngnix') + svc('nginx', 'None'),
      errors: [{
        line: 6, column: 16, path: 'spec.serviceName', severity: 'warning', object: 'StatefulSet/default/web',
        message: 'serviceName "ngnix" names no Service in namespace default (did you mean "nginx"?); the pods of StatefulSet web get no stable DNS names (web-0.ngnix...)',
      }],
    },
    {
      // Only headless Services are suggested: a ClusterIP Service would not give DNS names either.
      code: web('nginx') + svc('nginx-headless', 'None') + svc('ngin', '10.96.0.9'),
      errors: [{
        line: 6, message: 'serviceName "nginx" names no Service in namespace default; the pods',
      }],
    },
    {
      code: web('nginx') + svc('nginx', '10.96.0.20'),
      errors: [{ line: 6, message: 'serviceName "nginx" names a Service that is not headless (clusterIP 10.96.0.20)' }],
    },
    {
      code: web('nginx') + svc('nginx', 'None', 'app: web'),
      errors: [{ line: 6, message: 'serviceName "nginx" is a headless Service whose selector app=web does not select the pods of StatefulSet web (app=nginx)' }],
    },
  ],
});

test('the suggested headless Service is linked', () => {
  const [f] = findingsOf(web('ngnix') + svc('nginx', 'None'), 'statefulset-service-missing');
  expect(f.related).toEqual([{ file: 'test.yaml', line: 17, column: 9, message: 'headless Service default/nginx' }]);
});
