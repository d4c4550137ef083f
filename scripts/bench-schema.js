#!/usr/bin/env node
/*
 * Throughput of the schema stage alone, next to YAML parsing (the floor of `svclab lint`).
 * Usage: npm run build && node scripts/bench-schema.js [documents=10000]
 *
 * Generates apps of Deployment + Service + ConfigMap (~40 lines a document, as the issue's
 * bench corpus), parses them once with `yaml`, then times schema validation of every object
 * through the same stage `svclab lint` uses (dist/schema, precompiled validators).
 */
'use strict';
const path = require('node:path');
const { parseAllDocuments } = require('yaml');

const DIST = path.resolve(__dirname, '..', 'dist');
const { createSchemaValidator } = require(path.join(DIST, 'schema', 'index.js'));
const { parseSourceFile } = require(path.join(DIST, 'parse', 'parse-file.js'));

function app(i) {
  const name = `app-${i}`;
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels: {app: ${name}, tier: backend}
spec:
  replicas: 2
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}, tier: backend}
    spec:
      containers:
      - name: main
        image: example/${name}:1.${i % 10}
        ports:
        - name: http
          containerPort: 8080
        - containerPort: 9090
        env:
        - name: REDIS_HOST
          value: redis
        - name: REDIS_PORT
          value: "6379"
        envFrom:
        - configMapRef: {name: ${name}-config}
        readinessProbe:
          httpGet: {path: /healthz, port: http}
          periodSeconds: 5
        livenessProbe:
          tcpSocket: {port: 8080}
        resources:
          requests: {cpu: 100m, memory: 128Mi}
          limits: {cpu: 1, memory: 256Mi}
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
  labels: {app: ${name}}
spec:
  type: ClusterIP
  selector: {app: ${name}}
  ports:
  - name: http
    port: 80
    targetPort: http
    protocol: TCP
  - name: metrics
    port: 9090
    targetPort: 9090
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}-config
  labels: {app: ${name}}
data:
  LOG_LEVEL: info
  FEATURE_X: "true"
  TIMEOUT: "30s"
`;
}

function main() {
  const documents = Number(process.argv[2] ?? 10000);
  const apps = Math.ceil(documents / 3);
  const files = Array.from({ length: Math.ceil(apps / 3) }, (_, f) => ({
    path: `app-${f}.yaml`,
    absPath: null,
    text: [0, 1, 2].map((k) => app(f * 3 + k)).join('---\n'),
  }));

  let t = process.hrtime.bigint();
  let docs = 0;
  for (const f of files) for (const d of parseAllDocuments(f.text)) { d.toJS(); docs++; }
  const floorMs = Number(process.hrtime.bigint() - t) / 1e6;

  const manifests = files.flatMap((f) => parseSourceFile(f).manifests);
  const validate = createSchemaValidator({ schemaDirs: [], defaultNamespace: 'default' });
  t = process.hrtime.bigint();
  validate(manifests[0]); // first use of a kind loads its validator: counted apart
  validate(manifests[1]);
  validate(manifests[2]);
  const loadMs = Number(process.hrtime.bigint() - t) / 1e6;
  t = process.hrtime.bigint();
  let findings = 0;
  for (const m of manifests) findings += validate(m).length;
  const schemaMs = Number(process.hrtime.bigint() - t) / 1e6;

  process.stdout.write(
    `${docs} documents in ${files.length} files\n` +
      `yaml parseAllDocuments + toJS (floor): ${floorMs.toFixed(0)} ms\n` +
      `schema stage: ${schemaMs.toFixed(0)} ms for ${manifests.length} objects ` +
      `(${Math.round(manifests.length / (schemaMs / 1000)).toLocaleString('en')} objects/s, ` +
      `${((schemaMs / floorMs) * 100).toFixed(1)}% of the floor); loading 3 validators: ${loadMs.toFixed(0)} ms; findings: ${findings}\n`,
  );
}

main();
