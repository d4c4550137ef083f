// Generates the lint benchmark corpus: apps of Deployment + Service + ConfigMap with labels,
// named and numeric ports, probes and env; about 40 lines a document; 10,000 documents in
// about 1,100 files. Deterministic (no randomness), so runs compare.
const fs = require('node:fs');
const path = require('node:path');

function deployment(app, ns, i) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app}
  namespace: ${ns}
  labels:
    app.kubernetes.io/name: ${app}
    app.kubernetes.io/part-of: shop-${i % 7}
spec:
  replicas: ${1 + (i % 3)}
  selector:
    matchLabels:
      app: ${app}
  template:
    metadata:
      labels:
        app: ${app}
        tier: ${i % 2 ? 'backend' : 'frontend'}
    spec:
      containers:
      - name: ${app}
        image: registry.example.com/${app}:1.${i % 10}.0
        ports:
        - name: http
          containerPort: 8080
        - name: metrics
          containerPort: 9090
        readinessProbe:
          httpGet:
            path: /healthz
            port: http
        env:
        - name: UPSTREAM_ADDR
          value: "${app}-upstream:80"
        - name: LOG_LEVEL
          value: info
        resources:
          requests:
            cpu: 100m
            memory: 128Mi
`;
}

function service(app, ns, i) {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${app}
  namespace: ${ns}
  labels:
    app.kubernetes.io/name: ${app}
    app.kubernetes.io/part-of: shop-${i % 7}
  annotations:
    prometheus.io/scrape: "true"
    prometheus.io/port: "9090"
spec:
  type: ${i % 5 === 0 ? 'NodePort' : 'ClusterIP'}
  selector:
    app: ${app}
  ports:
  - name: http
    port: 80
    targetPort: http
    protocol: TCP
  - name: metrics
    port: 9090
    targetPort: 9090
    protocol: TCP
  sessionAffinity: None
`;
}

function configMap(app, ns, i) {
  const lines = [];
  for (let k = 0; k < 18; k++) lines.push(`  setting_${k}: "value-${app}-${k}"`);
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${app}-config
  namespace: ${ns}
  labels:
    app: ${app}
    release: r${i % 4}
data:
  LOG_FORMAT: json
  FEATURE_FLAGS: "a,b,c"
${lines.join('\n')}
`;
}

/** The corpus as { name, text } files in memory (ns-N/app-NNNN.yaml), deterministic. */
function corpusTexts(documents = 10000, filesTarget = 1100) {
  const out = [];
  const apps = Math.ceil(documents / 3);
  let docs = 0;
  let files = 0;
  const perFile = Math.max(1, Math.round(apps / filesTarget));
  for (let a = 0; a < apps && docs < documents; a += perFile) {
    const parts = [];
    for (let j = a; j < Math.min(apps, a + perFile) && docs < documents; j++) {
      const ns = `team-${j % 10}`;
      const app = `app-${j}`;
      for (const make of [deployment, service, configMap]) {
        if (docs >= documents) break;
        // Each app's upstream is a real Service, so the corpus is valid (no false errors).
        const up = (j + 1) % Math.floor(documents / 3); // always an app that has its Service
        parts.push(make(app, ns, j).replace(`${app}-upstream:80`, `app-${up}.team-${up % 10}:80`));
        docs++;
      }
    }
    out.push({ name: path.join(`ns-${files % 10}`, `app-${String(files).padStart(4, '0')}.yaml`), text: parts.join('---\n') });
    files++;
  }
  return out;
}

/** Writes the corpus under `dir`; returns { files, documents }. */
function generateCorpus(dir, documents = 10000, filesTarget = 1100) {
  return writeTexts(dir, corpusTexts(documents, filesTarget));
}

/** Writes { name, text } files under `dir` (emptied first); returns { files, documents, bytes }. */
function writeTexts(dir, texts) {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const { name, text } of texts) {
    fs.mkdirSync(path.join(dir, path.dirname(name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return { files: texts.length, documents: texts.reduce((n, f) => n + countDocuments(f.text), 0), bytes: texts.reduce((n, f) => n + Buffer.byteLength(f.text), 0) };
}

/** Documents in a text: one plus one per `---` line that follows content (the corpora never start with an empty document). */
function countDocuments(text) {
  const markers = text.match(/^---(?=[ \r\n]|$)/gm) || [];
  return text.startsWith('---') ? markers.length : markers.length + 1;
}

module.exports = { corpusTexts, generateCorpus, writeTexts, countDocuments, ...require('./bench-corpora') };

if (require.main === module) {
  const dir = process.argv[2] || path.join(__dirname, '..', '.bench', 'corpus');
  console.log(generateCorpus(dir));
}
