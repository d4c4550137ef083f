import { findingsOf, ruleTester } from '../helpers';

// The 002 seed's redis Service (lines 1-10).
const redisSvc = (ns = '', port = 6379) => `apiVersion: v1
kind: Service
metadata:
  name: redis${ns ? `\n  namespace: ${ns}` : ''}
spec:
  selector: {app: counter, tier: db}
  ports:
  - port: ${port}
    targetPort: 6379
---
`;
// The seed's counter Deployment; env entries start on line 26 (name) / 27 (value), 2 lines each.
const counter = (env: Record<string, string>, ns = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: counter${ns ? `\n  namespace: ${ns}` : ''}
spec:
  selector:
    matchLabels: {app: counter, tier: app}
  template:
    metadata:
      labels: {app: counter, tier: app}
    spec:
      containers:
      - name: counter
        image: ghcr.io/subicura/counter:latest
        env:
${Object.entries(env).map(([k, v]) => `        - name: ${k}\n          value: "${v}"`).join('\n')}
`;
const sts = (name: string, service: string) => `---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: ${name}}
spec:
  serviceName: ${service}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers: [{name: db, image: db, ports: [{containerPort: 9042}, {name: xtrabackup, containerPort: 3307}]}]
`;
const headless = (name: string, clusterIP = 'None') => `---
apiVersion: v1
kind: Service
metadata: {name: ${name}}
spec:
  clusterIP: ${clusterIP}
  selector: {app: ${name}}
  ports: [{port: 9042}]
`;

ruleTester('env-service-reference', {
  valid: [
    // The seed as written: REDIS_HOST=redis, REDIS_PORT=6379.
    redisSvc() + counter({ REDIS_HOST: 'redis', REDIS_PORT: '6379' }),
    redisSvc() + counter({ REDIS_ADDR: 'redis:6379', CACHE_URL: 'redis://redis:6379/0', FQDN: 'redis.default.svc.cluster.local:6379' }),
    // Another namespace, by <service>.<namespace>.
    redisSvc('cache') + counter({ REDIS_ADDR: 'redis.cache:6379', REDIS_URL: 'tcp://redis.cache.svc:6379' }),
    // cassandra (real-world corpus): a per-pod name of a StatefulSet behind its headless Service resolves.
    counter({ CASSANDRA_SEEDS: 'cassandra-0.cassandra.default.svc.cluster.local' }) + sts('cassandra', 'cassandra') + headless('cassandra'),
    // mysql-replicated: a peer's own port behind a headless Service (3307 is in no Service).
    counter({ PEER_ADDR: 'mysql-1.mysql:3307' }) + sts('mysql', 'mysql') + headless('mysql'),
    // Not Service references: outside names, IPs, localhost, expansions, words under non-host names.
    redisSvc() + counter({
      API_URL: 'https://api.github.com/v3', SMTP_HOST: 'smtp.example.com', LISTEN_ADDR: '0.0.0.0:8080', DEBUG_ADDR: 'localhost:6060',
      POD_ADDR: '$(POD_IP):8080', GET_HOSTS_FROM: 'dns', MODE: 'standalone', DD_SERVICE: 'checkout', ZIPKIN: 'zipkin.jaeger.svc.cluster.local', KUBE: 'kubernetes.default.svc:443',
    }),
    // A namespace whose Services are not in the input is not judged (linting one Deployment alone).
    counter({ REDIS_HOST: 'redis', REDIS_PORT: '6379' }),
    // The cluster domain comes from the settings.
    { code: redisSvc() + counter({ REDIS_ADDR: 'redis.default.svc.example.org:6379' }), options: { clusterDomain: 'example.org' } },
  ],
  invalid: [
    {
      code: redisSvc() + counter({ REDIS_HOST: 'rdis', REDIS_PORT: '6379' }),
      errors: [{
        line: 27, column: 18, path: 'spec.template.spec.containers[0].env[0].value', severity: 'warning', object: 'Deployment/default/counter',
        message: 'REDIS_HOST=rdis refers to Service "rdis" in namespace default, which the input does not define (did you mean "redis"?); the name will not resolve',
      }],
    },
    {
      // The paired port variable names a port the Service does not expose: reported on REDIS_PORT's value.
      code: redisSvc('', 6380) + counter({ REDIS_HOST: 'redis', REDIS_PORT: '6379' }),
      errors: [{
        line: 29, column: 18, path: 'spec.template.spec.containers[0].env[1].value',
        message: 'REDIS_PORT=6379 connects to port 6379 of Service redis, which exposes 6380/TCP (6379 is the targetPort behind Service port 6380); connections to redis:6379 fail',
      }],
    },
    {
      // online-boutique (SOURCES.md: REAL): an optional component's Service is not in the set.
      code: redisSvc() + counter({ SHOPPING_ASSISTANT_SERVICE_ADDR: 'shoppingassistantservice:80' }),
      errors: [{ line: 27, message: 'SHOPPING_ASSISTANT_SERVICE_ADDR=shoppingassistantservice:80 refers to Service "shoppingassistantservice" in namespace default' }],
    },
    {
      code: redisSvc() + counter({ CACHE_URL: 'http://redis:8080/' }),
      errors: [{ line: 27, message: 'CACHE_URL=http://redis:8080/ connects to port 8080 of Service redis, which exposes 6379/TCP' }],
    },
    {
      code: redisSvc('cache') + counter({ CACHE: 'redis.cache.svc.cluster.local:6380' }),
      errors: [{ line: 28, message: 'connects to port 6380 of Service redis' }],
    },
    {
      code: redisSvc() + counter({ SEEDS: 'redis:6379,cassandra:9042' }),
      errors: [{ line: 27, message: 'refers to Service "cassandra" in namespace default' }],
    },
    {
      code: counter({ CASSANDRA_SEEDS: 'db-0.cassandra.default.svc.cluster.local' }) + sts('cassandra', 'cassandra') + headless('cassandra'),
      errors: [{ message: 'names pod "db-0" behind headless Service cassandra, but no pod in namespace default gets that name (StatefulSet pods here are named cassandra-<n>)' }],
    },
    {
      code: counter({ SEED: 'cassandra-0.cassandra.default.svc' }) + sts('cassandra', 'cassandra') + headless('cassandra', '10.96.0.30'),
      errors: [{ message: 'uses the per-pod name cassandra-0.cassandra, but Service cassandra is not headless' }],
    },
  ],
});

test('an init container that waits for a Service is checked too', () => {
  const code = redisSvc() + counter({ X: 'y' }).replace('      containers:', '      initContainers:\n      - name: wait\n        image: busybox\n        env: [{name: DB_HOST, value: postgres}]\n      containers:');
  const found = findingsOf(code, 'env-service-reference');
  expect(found.map((f) => `${f.line} ${f.path}`)).toEqual(['25 spec.template.spec.initContainers[0].env[0].value']);
});

test('a misspelt Service links the Service it probably means', () => {
  const [f] = findingsOf(redisSvc() + counter({ REDIS_HOST: 'rdis' }), 'env-service-reference');
  expect(f.related).toEqual([{ file: 'test.yaml', line: 4, column: 9, message: 'Service default/redis' }]);
});

/**
 * Values a container takes from ConfigMaps (kubelet makeEnvironmentVariables: envFrom sources in
 * order, then env entries, which win; valueFrom.configMapKeyRef takes one key): the ConfigMap's
 * value is what the container gets, so it is judged like a literal one.
 */
describe('values from ConfigMaps', () => {
  const configMap = (data: Record<string, string>, name = 'app-config') => `---
apiVersion: v1
kind: ConfigMap
metadata: {name: ${name}}
data:
${Object.entries(data).map(([k, v]) => `  ${k}: "${v}"`).join('\n')}
`;
  const withEnvFrom = (envFrom: string) => redisSvc() + counter({ X: 'y' }).replace('        env:\n', `        envFrom:\n${envFrom}        env:\n`);

  test('envFrom configMapRef: reported on the reference, naming the ConfigMap key, linking its value', () => {
    const code = withEnvFrom('        - configMapRef: {name: app-config}\n') + configMap({ REDIS_HOST: 'rdis' });
    const found = findingsOf(code, 'env-service-reference');
    expect(found.map((f) => `${f.line}:${f.column} ${f.path}`)).toEqual(['26:32 spec.template.spec.containers[0].envFrom[0].configMapRef.name']);
    expect(found[0].message).toBe('REDIS_HOST=rdis (from ConfigMap app-config, key REDIS_HOST) refers to Service "rdis" in namespace default, which the input does not define (did you mean "redis"?); the name will not resolve');
    expect(found[0].related[0]).toEqual({ file: 'test.yaml', line: 35, column: 15, message: 'value of REDIS_HOST in ConfigMap default/app-config' });
  });

  test('envFrom with a prefix: the variable name is prefix + key, and pairs with its _PORT', () => {
    const code = withEnvFrom('        - configMapRef: {name: app-config}\n          prefix: CACHE_\n') + configMap({ HOST: 'redis', PORT: '6380' });
    expect(findingsOf(code, 'env-service-reference').map((f) => f.message)).toEqual([
      'CACHE_PORT=6380 (from ConfigMap app-config, key PORT) connects to port 6380 of Service redis, which exposes 6379/TCP; connections to redis:6380 fail',
    ]);
  });

  test('valueFrom.configMapKeyRef: the key\'s value, reported at the key reference', () => {
    const code = redisSvc() + counter({ X: 'y' }).replace('        env:\n', '        env:\n        - name: CACHE_URL\n          valueFrom: {configMapKeyRef: {name: app-config, key: cache}}\n') + configMap({ cache: 'redis://redis:6380/0' });
    const found = findingsOf(code, 'env-service-reference');
    expect(found.map((f) => `${f.path}: ${f.message}`)).toEqual([
      'spec.template.spec.containers[0].env[0].valueFrom.configMapKeyRef.key: CACHE_URL=redis://redis:6380/0 (from ConfigMap app-config, key cache) connects to port 6380 of Service redis, which exposes 6379/TCP; connections to redis:6380 fail',
    ]);
  });

  test('an env entry wins over envFrom, and a later envFrom source over an earlier one: only what the container gets is judged', () => {
    const overridden = withEnvFrom('        - configMapRef: {name: app-config}\n').replace('        - name: X\n          value: "y"', '        - name: REDIS_HOST\n          value: "redis"') + configMap({ REDIS_HOST: 'rdis' });
    expect(findingsOf(overridden, 'env-service-reference')).toEqual([]);
    const later = withEnvFrom('        - configMapRef: {name: old}\n        - configMapRef: {name: new}\n') + configMap({ REDIS_HOST: 'rdis' }, 'old') + configMap({ REDIS_HOST: 'redis' }, 'new');
    expect(findingsOf(later, 'env-service-reference')).toEqual([]);
  });

  test('keys that are not variable names are skipped, as the kubelet skips them; a missing ConfigMap or key gives nothing to judge', () => {
    expect(findingsOf(withEnvFrom('        - configMapRef: {name: app-config}\n') + configMap({ '1_HOST': 'rdis' }), 'env-service-reference')).toEqual([]);
    expect(findingsOf(withEnvFrom('        - configMapRef: {name: missing}\n'), 'env-service-reference')).toEqual([]);
  });

  test('a secretRef source, or a configMapRef without a name, takes nothing from a ConfigMap (not even one that has no name)', () => {
    const nameless = configMap({ REDIS_HOST: 'rdis' }).replace('metadata: {name: app-config}', 'metadata: {}');
    for (const envFrom of ['        - secretRef: {name: creds}\n', '        - configMapRef: {optional: true}\n']) {
      expect(findingsOf(withEnvFrom(envFrom) + nameless, 'env-service-reference')).toEqual([]);
    }
    const keyRef = redisSvc() + counter({ X: 'y' }).replace('        env:\n', '        env:\n        - name: REDIS_HOST\n          valueFrom: {configMapKeyRef: {key: REDIS_HOST}}\n') + nameless;
    expect(findingsOf(keyRef, 'env-service-reference')).toEqual([]);
    // The control: the same ConfigMap with a name, named by configMapRef, is read and judged.
    expect(findingsOf(withEnvFrom('        - configMapRef: {name: app-config}\n') + configMap({ REDIS_HOST: 'rdis' }), 'env-service-reference').map((f) => f.path))
      .toEqual(['spec.template.spec.containers[0].envFrom[0].configMapRef.name']);
  });

  test('a ConfigMap of another namespace is not read (configMapRef is namespaced)', () => {
    const code = withEnvFrom('        - configMapRef: {name: app-config}\n') + configMap({ REDIS_HOST: 'rdis' }).replace('metadata: {name: app-config}', 'metadata: {name: app-config, namespace: other}');
    expect(findingsOf(code, 'env-service-reference')).toEqual([]);
  });
});
