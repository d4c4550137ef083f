import { findingsOf, ruleTester } from '../helpers';
import { addressesIn } from '../../src/rules/service-references';

// A Service visits-service (port 8080) in namespace petclinic, lines 1-8.
const visits = `apiVersion: v1
kind: Service
metadata: {name: visits-service, namespace: petclinic}
spec:
  selector: {app: visits}
  ports:
  - port: 8080
---
`;
const grafanaSvc = `apiVersion: v1
kind: Service
metadata: {name: prometheus-server, namespace: petclinic}
spec:
  selector: {app: prometheus}
  ports: [{port: 80, targetPort: 9090}]
---
`;
// A ConfigMap with an embedded application.yaml (a literal block whose header is on line 13 after `visits`).
const appConfig = (url: string) => `apiVersion: v1
kind: ConfigMap
metadata: {name: api-gateway-config, namespace: petclinic}
data:
  application.yaml: |
    spring:
      application:
        name: api-gateway
    visits:
      url: ${url}
`;

ruleTester('configmap-service-reference', {
  valid: [
    visits + appConfig('http://visits-service.petclinic.svc.cluster.local:8080'),
    visits + appConfig('http://visits-service:8080/api'),
    visits + appConfig('http://visits-service.petclinic:8080'),
    // Bare words are never taken for Service names in ConfigMap data (no noise): only URLs and .svc names.
    visits + appConfig('visits-servce'),
    // Outside names, IPs, localhost, templates the app fills in.
    visits + appConfig('https://api.github.com/repos http://10.0.0.1:8080 http://localhost:9090 http://${VISITS_HOST}:8080 {{ .Values.url }}'),
    // A namespace whose Services are not in the input is not judged.
    visits + appConfig('http://zipkin.tracing.svc:9411'),
    // An ExternalName Service has no ports to check.
    `apiVersion: v1\nkind: Service\nmetadata: {name: db, namespace: petclinic}\nspec: {type: ExternalName, externalName: db.example.com}\n---\n` + appConfig('jdbc:mysql://db:3306/petclinic'),
  ],
  invalid: [
    {
      // The case: one letter missing in a URL inside an application.yaml.
      code: visits + appConfig('http://vists-service.petclinic.svc.cluster.local:8080'),
      errors: [{
        line: 13, path: 'data["application.yaml"]', severity: 'warning', object: 'ConfigMap/petclinic/api-gateway-config',
        message: 'http://vists-service.petclinic.svc.cluster.local:8080 in data key application.yaml (line 18) refers to Service "vists-service" in namespace petclinic, which the input does not define (did you mean "visits-service"?); a pod that reads this value cannot resolve the name',
      }],
    },
    {
      // A Grafana datasource (embedded YAML) pointing at a Service that does not exist.
      code: grafanaSvc + `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: grafana-datasources, namespace: petclinic}\ndata:\n  datasources.yaml: |\n    apiVersion: 1\n    datasources:\n    - name: prometheus\n      type: prometheus\n      url: http://prometheus:9090\n`,
      errors: [{ line: 12, message: 'http://prometheus:9090 in data key datasources.yaml (line 17) refers to Service "prometheus" in namespace petclinic, which the input does not define' }],
    },
    {
      // The port: the Service port, not the targetPort behind it.
      code: grafanaSvc + `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: grafana-datasources, namespace: petclinic}\ndata:\n  datasources.json: '{"url": "http://prometheus-server:9090"}'\n`,
      errors: [{
        line: 12, column: 21,
        message: 'http://prometheus-server:9090 in data key datasources.json connects to port 9090 of Service prometheus-server, which exposes 80/TCP (9090 is the targetPort behind Service port 80); connections to prometheus-server:9090 fail',
      }],
    },
    {
      // A .svc name without a scheme, in a properties file.
      code: visits + `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: props, namespace: petclinic}\ndata:\n  app.properties: |\n    visits.host=visit-service.petclinic.svc:8080\n`,
      errors: [{ message: 'visit-service.petclinic.svc:8080 in data key app.properties (line 14) refers to Service "visit-service" in namespace petclinic' }],
    },
  ],
});

describe('what configmap-service-reference leaves to env-service-reference', () => {
  test('a key a container takes as a variable is judged once, with the container\'s context', () => {
    const code = visits + appConfig('unused').replace('  application.yaml: |\n', '  VISITS_URL: "http://vists-service:8080"\n  application.yaml: |\n') + `---
apiVersion: apps/v1
kind: Deployment
metadata: {name: gateway, namespace: petclinic}
spec:
  selector: {matchLabels: {app: gateway}}
  template:
    metadata: {labels: {app: gateway}}
    spec:
      containers:
      - name: gateway
        image: example/gateway
        envFrom: [{configMapRef: {name: api-gateway-config}}]
`;
    expect(findingsOf(code, 'configmap-service-reference')).toEqual([]);
    expect(findingsOf(code, 'env-service-reference').map((f) => f.message)).toEqual([
      'VISITS_URL=http://vists-service:8080 (from ConfigMap api-gateway-config, key VISITS_URL) refers to Service "vists-service" in namespace petclinic, which the input does not define (did you mean "visits-service"?); the name will not resolve',
    ]);
  });
});

describe('addressesIn: only URLs and .svc names', () => {
  test.each([
    ['url: http://visits:8080/x', ['http://visits:8080']],
    ['jdbc:postgresql://db.data.svc.cluster.local:5432/app', ['postgresql://db.data.svc.cluster.local:5432']],
    ['host=redis.cache.svc port=6379', ['redis.cache.svc']],
    ['{"a": "amqp://user:pw@rabbit:5672"}', ['amqp://user:pw@rabbit:5672']],
    ['peers: zk-0.zk.data.svc.cluster.local:2888,zk-1.zk.data.svc:2888', ['zk-0.zk.data.svc.cluster.local:2888', 'zk-1.zk.data.svc:2888']],
    ['just words like visits and redis', []],
    ['mail me at someone@example.svc.io', []],
  ])('%s', (text, found) => {
    expect(addressesIn(text, 'cluster.local').map((a) => a.text)).toEqual(found);
  });
});
