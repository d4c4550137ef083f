import { simulate } from '../../src/index';
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
      // CoreDNS answers web-0.nginx for a ClusterIP Service too (findServices: svc.Headless() || r.endpoint != ""):
      // the message says what is at risk instead of claiming the names do not exist.
      code: web('nginx') + svc('nginx', '10.96.0.20'),
      errors: [{
        line: 6,
        message: 'serviceName "nginx" names a Service that is not headless (clusterIP 10.96.0.20); CoreDNS still answers the per-pod names (web-0.nginx...), but the StatefulSet contract asks for a headless Service: kube-dns and other DNS providers that follow the Kubernetes DNS specification give per-pod names only for headless Services',
      }],
    },
    {
      code: web('nginx') + svc('nginx', 'None', 'app: web'),
      errors: [{ line: 6, message: 'serviceName "nginx" is a headless Service whose selector app=web does not select the pods of StatefulSet web (app=nginx), so they are not its endpoints and no per-pod DNS name (web-0.nginx...) resolves for them' }],
    },
    {
      // Not headless and not selecting: the names exist nowhere, CoreDNS included (it answers from endpoints).
      code: web('nginx') + svc('nginx', '10.96.0.20', 'app: web'),
      errors: [{ line: 6, message: 'serviceName "nginx" is a non-headless (clusterIP 10.96.0.20) Service whose selector app=web does not select the pods' }],
    },
  ],
});

test('the suggested headless Service is linked', () => {
  const [f] = findingsOf(web('ngnix') + svc('nginx', 'None'), 'statefulset-service-missing');
  expect(f.related).toEqual([{ file: 'test.yaml', line: 17, column: 9, message: 'headless Service default/nginx' }]);
});

describe('the messages agree with svclab\'s own CoreDNS', () => {
  // CoreDNS plugin/kubernetes findServices: an endpoint name (`web-0.nginx`) is looked up in the endpoints of
  // any Service, headless or not; the EndpointSlice controller sets the hostname when the pod's subdomain names it.
  test('a ClusterIP serviceName: web-0.nginx resolves (CoreDNS), while nginx itself resolves to the virtual IP', () => {
    const cluster = simulate(web('nginx') + svc('nginx', '10.96.0.20'));
    const pod = cluster.pods.find((p) => p.name === 'web-0')!;
    expect(cluster.resolve({ name: 'web-0.nginx.default.svc.cluster.local', type: 'A', from: 'pod' }).answers.map((a) => a.data)).toEqual([pod.podIP]);
    expect(cluster.resolve({ name: 'nginx.default.svc.cluster.local', type: 'A', from: 'pod' }).answers.map((a) => a.data)).toEqual(['10.96.0.20']);
  });

  test('a Service that does not select the pods: no per-pod name at all', () => {
    const cluster = simulate(web('nginx') + svc('nginx', '10.96.0.20', 'app: web'));
    expect(cluster.resolve({ name: 'web-0.nginx.default.svc.cluster.local', type: 'A', from: 'pod' }).rcode).toBe('NXDOMAIN');
  });
});
