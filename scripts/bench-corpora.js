// The lint benchmark's other corpora (issue 14): the YAML users have, not only the YAML the first
// corpus has. Each is about 10,000 documents and deterministic.
// - blockScalarTexts: the bench corpus with every file ending in a ConfigMap whose last key is a
//   `config.yaml: |` block scalar (the last node of the file);
// - helmTexts: Helm-style output: `---` first, `# Source:` comments, long strings folded over
//   lines (plain, double-quoted, `>-`), anchors and aliases, every fourth file with CRLF;
// - publishedTexts: the published apps of ../shared/corpus/real-world, replicated;
// - bigText: one multi-document file of about 50 MB mixing all of the above.
const fs = require('node:fs');
const path = require('node:path');

const CONFIG_BLOCK = `  config.yaml: |
    server:
      port: 8080
      readTimeout: 30s
    logging:
      level: info
      format: json
`;

/** The bench corpus, each file ending in a block scalar. */
function blockScalarTexts(documents = 10000, filesTarget = 1100) {
  const { corpusTexts } = require('./bench-corpus');
  return corpusTexts(documents, filesTarget).map(({ name, text }) => ({ name, text: text + CONFIG_BLOCK }));
}

function hex(j) {
  let h = '';
  for (let k = 0; k < 8; k++) h += ((j * 2654435761 + k * 40503) >>> 0).toString(16).padStart(8, '0').slice(0, 8);
  return h;
}

/** The head of a rendered document: its `# Source:`, kind and metadata down to the labels' first lines. */
function head(template, apiVersion, kind, name, ns, labels) {
  return `# Source: shop/templates/${template}.yaml\napiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: ${name}\n  namespace: ${ns}\n  labels:${labels}\n`;
}

/** The three documents Helm renders for one app of a chart. */
function helmApp(j, apps) {
  const app = `web-${j}`;
  const ns = `shop-${j % 10}`;
  const up = (j + 1) % apps;
  const release = `release-${j % 7}`;
  const labels = `\n    app.kubernetes.io/name: ${app}\n    app.kubernetes.io/instance: ${release}`;
  const configMap = `${head('configmap', 'v1', 'ConfigMap', `${app}-config`, ns, ` &labels${labels}`)}    helm.sh/chart: shop-1.${j % 5}.0
data:
  description: This is a long description that the chart's template folded over two lines
    because it is longer than eighty columns.
  motd: "Welcome to ${app}: this string is double quoted and long enough to be folded
    by the template at eighty columns"
  nginx.conf: |-
    server {
      listen 8080;
      location / { proxy_pass http://127.0.0.1:9000; }
    }
`;
  const deployment = `${head('deployment', 'apps/v1', 'Deployment', app, ns, labels)}    app.kubernetes.io/managed-by: Helm
spec:
  replicas: ${1 + (j % 3)}
  selector:
    matchLabels: &selector
      app.kubernetes.io/name: ${app}
      app.kubernetes.io/instance: ${release}
  template:
    metadata:
      labels: *selector
      annotations:
        checksum/config: ${hex(j)}
    spec:
      containers:
        - name: ${app}
          image: "registry.example.com/shop/${app}:1.${j % 10}.0"
          imagePullPolicy: IfNotPresent
          args:
            - --listen=:8080
            - --upstream=http://web-${up}.shop-${up % 10}.svc.cluster.local:80
          ports:
            - name: http
              containerPort: 8080
              protocol: TCP
          env:
            - name: UPSTREAM_ADDR
              value: "web-${up}.shop-${up % 10}:80"
            - name: JAVA_OPTS
              value: >-
                -Xms256m -Xmx512m
                -Dspring.profiles.active=production
          readinessProbe:
            httpGet:
              path: /ready
              port: http
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              memory: 256Mi
`;
  const service = `${head('service', 'v1', 'Service', app, ns, labels)}spec:
  type: ClusterIP
  ports:
    - port: 80
      targetPort: http
      protocol: TCP
      name: http
  selector:
    app.kubernetes.io/name: ${app}
    app.kubernetes.io/instance: ${release}
`;
  return [configMap, deployment, service];
}

/** Helm-style output: one file per few apps, `---` before every document, every fourth file CRLF. */
function helmTexts(documents = 10000, filesTarget = 1100) {
  const apps = Math.ceil(documents / 3);
  const perFile = Math.max(1, Math.round(apps / filesTarget));
  const out = [];
  for (let a = 0, file = 0; a < apps; a += perFile, file++) {
    const docs = [];
    for (let j = a; j < Math.min(apps, a + perFile); j++) docs.push(...helmApp(j, apps));
    let text = docs.map((d) => `---\n${d}`).join('');
    if (file % 4 === 3) text = text.replace(/\n/g, '\r\n');
    out.push({ name: path.join(`release-${file % 10}`, `rendered-${String(file).padStart(4, '0')}.yaml`), text });
  }
  return out;
}

function walk(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : /\.(ya?ml|json)$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

/** The published apps (../shared/corpus/real-world, or SVCLAB_SHARED), copied until there are `documents` documents; null without them. */
function publishedTexts(documents = 10000) {
  const shared = process.env.SVCLAB_SHARED ? path.resolve(process.env.SVCLAB_SHARED) : path.resolve(__dirname, '..', '..', 'shared');
  const root = path.join(shared, 'corpus', 'real-world');
  if (!fs.existsSync(root)) return null;
  const { countDocuments } = require('./bench-corpus');
  const files = walk(root).map((f) => ({ rel: path.relative(root, f), text: fs.readFileSync(f, 'utf8') }));
  const out = [];
  let docs = 0;
  for (let copy = 0; docs < documents; copy++) {
    for (const f of files) {
      out.push({ name: path.join(`copy-${String(copy).padStart(3, '0')}`, f.rel), text: f.text });
      docs += countDocuments(f.text);
    }
  }
  return out;
}

/** One multi-document file of about `bytes` bytes: bench, block-scalar and Helm-style documents in turn. */
function bigText(bytes = 50 * 1024 * 1024) {
  const { corpusTexts } = require('./bench-corpus');
  const parts = [];
  let size = 0;
  // Enough distinct apps for 50 MB: about 600 bytes a document.
  const documents = Math.ceil(bytes / 1400) * 3;
  const plain = corpusTexts(documents, Math.ceil(documents / 9));
  const helmApps = Math.ceil(documents / 3);
  for (let i = 0; size < bytes; i++) {
    const p = plain[i % plain.length].text + (i % 2 ? CONFIG_BLOCK : '');
    const h = helmApp(i % helmApps, helmApps).map((d) => `---\n${d}`).join('');
    const piece = `${i === 0 ? '' : '---\n'}${p}${h}`;
    parts.push(piece);
    size += piece.length;
  }
  return parts.join('');
}

module.exports = { blockScalarTexts, helmTexts, publishedTexts, bigText };
