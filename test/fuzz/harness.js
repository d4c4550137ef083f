'use strict';
/**
 * The fuzz harness of issue 13 ("hostile input"), in plain CommonJS so that two runners share it:
 * test/fuzz/fuzz.test.ts passes the library from src/ (a few thousand seeded cases in `npm
 * test`), scripts/fuzz.js passes the built library from dist/ (100,000 cases on worker threads,
 * with a watchdog for hangs and a heap cap for unbounded memory).
 *
 * Inputs are mutations of real files: the manifests and scenario folders under scenarios/ and
 * exercises/, with text-level edits (insert, delete, swap, re-indent, truncate), value edits
 * (a value or key replaced by a hostile one: Object.prototype names, mappings with a `toString:`
 * key, int32 bounds, tags, anchors, aliases, control characters, long keys) and, for scenarios,
 * paths outside the folder. Every case is checked for what issue 13 promises:
 *  - no exception escapes the library (only the errors it documents: an unusable Cluster object,
 *    unparseable input for simulate(), a route target that names nothing, the pod limit);
 *  - every finding and scenario error has a position inside its file;
 *  - the same input gives the same bytes, in every format;
 *  - the fast YAML parser gives what `yaml` gives, or declines.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const YAML = require('yaml');

const FILE = 'fuzz.yaml';
/**
 * The pod limit of every simulated cluster here: a mutation to `replicas: 8080` then meets the
 * limit (PodLimitError, a documented error) instead of spending seconds on pods no check needs.
 */
const MAX_PODS = 5000;

/* ----------------------------------------------------------------- library */

/**
 * The library functions the checks call, from `dir` (src/ under Jest, which compiles TypeScript
 * on require; dist/ for scripts/fuzz.js). The public API where it has the function, the module
 * that holds it otherwise.
 */
function libraryAt(dir) {
  const mod = (p) => require(path.join(dir, p));
  const pods = mod('sim/pods');
  return {
    analyze: mod('pipeline').analyze,
    lintSources: mod('lint').lintSources,
    formatLintReport: mod('report/lint-formats').formatLintReport,
    reportInputFromRun: mod('report/lint-formats').reportInputFromRun,
    LINT_FORMATS: mod('report/lint-formats').LINT_FORMATS,
    renderGet: mod('views/kubectl-get').renderGet,
    formatCurl: mod('cli/curl-command').formatCurlText,
    jsonText: mod('report/formatter').jsonText,
    fastParse: mod('parse/fast-yaml').fastParse,
    executeTask: mod('scenario/execute').executeTask,
    summarize: mod('scenario/index').summarize,
    formatScenarioReport: mod('report/scenario/index').formatScenarioReport,
    SCENARIO_FORMATS: mod('report/scenario/index').SCENARIO_FORMATS,
    expectedErrors: [mod('sim/cluster-config').ClusterConfigError, mod('sim/simulate').SimulateInputError, mod('sim/proxy/request').TargetError, pods.PodLimitError].filter(Boolean),
  };
}

/* ------------------------------------------------------------------ corpus */

function yamlFiles(dir) {
  const out = [];
  let entries = [];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...yamlFiles(p));
    else if (/\.(ya?ml|json|txt)$/.test(e.name)) out.push(p);
  }
  return out;
}

/** Kinds and fields the example folders do not show, so that mutations reach their code too. */
const EXTRA_MANIFESTS = [
  `apiVersion: svclab.io/v1alpha1
kind: Cluster
metadata:
  name: lab
spec:
  nodes: 2
  maxPodsPerNode: 20
  readiness:
    Deployment/web: false
  upstreamDNS:
    example.com: [93.184.216.34]
  loadBalancer:
    provider: pool
    addresses: [192.168.49.100-192.168.49.110]
`,
  `apiVersion: batch/v1
kind: Job
metadata:
  name: batch
spec:
  parallelism: 2
  completions: 3
  completionMode: Indexed
  template:
    metadata:
      labels: {app: batch}
    spec:
      restartPolicy: Never
      containers:
      - name: worker
        image: busybox
        ports: [{containerPort: 8080, name: http}]
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels: {app: agent}
    matchExpressions: [{key: tier, operator: NotIn, values: [db]}]
  template:
    metadata:
      labels: {app: agent}
    spec:
      hostNetwork: true
      tolerations: [{operator: Exists}]
      containers:
      - name: agent
        image: agent
        ports: [{containerPort: 9100, hostPort: 9100}]
---
apiVersion: v1
kind: Service
metadata:
  name: agent
spec:
  type: NodePort
  externalTrafficPolicy: Local
  selector: {app: agent}
  ports: [{port: 9100, targetPort: 9100, nodePort: 30100}]
`,
  `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  rules:
  - host: web.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service: {name: web, port: {name: http}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Ingress]
---
apiVersion: v1
kind: Service
metadata:
  name: web
  labels: {app: web}
spec:
  selector: {app: web}
  sessionAffinity: ClientIP
  ports: [{name: http, port: 80, targetPort: http, appProtocol: http}]
---
apiVersion: v1
kind: Pod
metadata:
  name: web-0
  labels: {app: web}
spec:
  dnsPolicy: None
  dnsConfig: {nameservers: [10.96.0.10], searches: [default.svc.cluster.local], options: [{name: ndots, value: "2"}]}
  containers:
  - name: web
    image: nginx
    ports: [{name: http, containerPort: 80}]
    env: [{name: WEB_URL, value: "http://web:80"}]
    readinessProbe: {httpGet: {port: http}}
`,
  `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  clusterIP: None
  ports: [{port: 5432}]
---
apiVersion: v1
kind: Endpoints
metadata:
  name: db
subsets:
- addresses: [{ip: 10.0.0.5}]
  ports: [{port: 5432}]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: db-1
  labels: {kubernetes.io/service-name: db}
addressType: IPv4
ports: [{port: 5432, protocol: TCP}]
endpoints:
- addresses: [10.0.0.6]
  conditions: {ready: true}
---
apiVersion: v1
kind: Service
metadata:
  name: ext
spec:
  type: ExternalName
  externalName: example.com
`,
];

/** Real manifests and scenario folders of the repository: the seeds every mutation starts from. */
function loadCorpus(root) {
  const manifests = [];
  const scenarios = [];
  for (const top of ['scenarios', 'exercises']) {
    let dirs = [];
    try {
      dirs = fs.readdirSync(path.join(root, top), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    } catch {
      continue;
    }
    for (const d of dirs) {
      const dir = path.join(root, top, d);
      const files = yamlFiles(dir).map((abs) => ({ rel: path.relative(dir, abs).split(path.sep).join('/'), text: fs.readFileSync(abs, 'utf8') }));
      if (files.some((f) => f.rel === 'scenario.yaml')) scenarios.push({ name: `${top}/${d}`, files });
      for (const f of files) if (/\.ya?ml$/.test(f.rel) && f.rel !== 'scenario.yaml' && !f.rel.startsWith('__snapshots__')) manifests.push(f.text);
    }
  }
  manifests.push(...EXTRA_MANIFESTS);
  return { manifests, scenarios };
}

/* --------------------------------------------------------------- mutations */

const PROTO_NAMES = ['__proto__', 'toString', 'constructor', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'];

/** Values a field may be replaced with (as YAML text). */
const VALUE_TOKENS = [
  ...PROTO_NAMES,
  '{toString: x}', '{toString: x, valueOf: y}', '{__proto__: {a: 1}}', '[{toString: x}]',
  '2147483647', '2147483648', '-2147483649', '4294967296', '9007199254740993', '0x7fffffff', '1e400', '-1e400', '1e-400',
  '-0', '.nan', '.inf', '-.inf', '0o17', '0b11', '1_000', '12:30', '~', 'null', '""', "''", '[]', '{}', '[1, [2, [3]]]',
  'true', 'yes', 'on', 'NO', '&a x', '*a', '&a {b: *a}', '&a [*a]', '&a {b: [*a]}', '!!timestamp 2001-12-14', '2001-12-14t21:59:43.10-05:00',
  '!!binary aGk=', '!!str 1', '!!int "8"', '!!float x', '!!map {a: 1}', '!!seq [1]', '!!set {a, b}', '!!omap [a: 1]', '!!pairs [a: 1]',
  '!custom x', '!<tag:yaml.org,2002:str> x', '|\n  block', '>-\n  folded', '"\\u0000"', '"\\ud800"', '"\\x85"', 'é', '😀', 'a\u2028b',
  `"${'x'.repeat(3000)}"`, 'web', 'web-svc', 'default', 'kube-system', 'kube-dns', '10.96.0.1', '10.96.0.10', '10.244.1.5', '0.0.0.0/0', '::1',
  '65535', '65536', '0', '80', '8080', '30000', '32768', 'http', 'TCP', 'UDP', 'SCTP', 'ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName',
  'Local', 'Cluster', 'None', 'ClientIP', 'In', 'Exists', 'Deployment/web', 'app', 'web.default.svc.cluster.local', '../../../etc/passwd', '/etc/passwd',
];

/** Keys a key may be renamed to. */
const KEY_TOKENS = [
  ...PROTO_NAMES, '<<', '"a\\nb"', '"a b"', 'k'.repeat(1100), '""', '1', 'true', '~', '? x', '[a]', '{a: 1}', '&k key', '*k',
  'apiVersion', 'kind', 'metadata', 'name', 'namespace', 'labels', 'spec', 'selector', 'matchLabels', 'template', 'containers', 'ports',
  'port', 'targetPort', 'nodePort', 'containerPort', 'replicas', 'parallelism', 'type', 'clusterIP', 'clusterIPs', 'externalIPs', 'hostNetwork',
  'manifests', 'expect', 'steps', 'apply', 'scale', 'relabel', 'matrix', 'from', 'to', 'routes', 'dns', 'cluster', 'nodes', 'maxPods',
];

/** Bits of text inserted anywhere. */
const INSERT_TOKENS = [
  '\uFEFF', '\r', '\r\n', '\t', '\u0000', '\u0085', '\u2028', '\uFFFE', '\uDC00', '---\n', '...\n', '--- |\n', '%YAML 1.2\n---\n', '%TAG ! tag:x,2000:\n---\n',
  '#', '&a ', '*a', '!!str ', '!!map ', '<<: *a\n', '? ', '- ', ': ', '{', '}', '[', ']', ',', '"', "'", '|', '>', '\n', '  ', '\\', '@', '`',
  'Ã©', '\n---\n', '\n- ', `${'k'.repeat(1030)}: v\n`, 'x: &a [*a]\n', '__proto__: x\n', 'toString: {toString: x}\n',
];

/** The lines of a text by YAML's line breaks (CRLF, CR, LF): the lines a position refers to. */
function linesOf(text) {
  return text.split(/\r\n|\r|\n/);
}

/** Applies one operation to a text. `a` and `b` are arbitrary numbers, taken modulo what they index. */
function applyOp(text, op) {
  const lines = text.split('\n');
  const li = op.a % Math.max(1, lines.length);
  switch (op.kind) {
    case 'value': {
      // `key: value` -> `key: TOKEN`; `- value` -> `- TOKEN`; otherwise the token replaces the line's end.
      const m = /^(\s*(?:- )*[^#\s][^:#]*:\s|\s*- )(.*)$/.exec(lines[li]);
      const token = VALUE_TOKENS[op.b % VALUE_TOKENS.length];
      lines[li] = m ? `${m[1]}${token.replace(/\n/g, `\n${' '.repeat(m[1].length + 2)}`)}` : `${lines[li]} ${token}`;
      return lines.join('\n');
    }
    case 'key': {
      const m = /^(\s*(?:- )*)([^:#\s][^:#]*)(:.*)$/.exec(lines[li]);
      if (!m) return text;
      lines[li] = `${m[1]}${KEY_TOKENS[op.b % KEY_TOKENS.length]}${m[3]}`;
      return lines.join('\n');
    }
    case 'insert': {
      const at = op.a % (text.length + 1);
      return text.slice(0, at) + INSERT_TOKENS[op.b % INSERT_TOKENS.length] + text.slice(at);
    }
    case 'chars': {
      const at = op.a % (text.length + 1);
      return text.slice(0, at) + String.fromCharCode(...op.chars) + text.slice(at);
    }
    case 'delete': {
      const at = op.a % (text.length + 1);
      return text.slice(0, at) + text.slice(at + (op.b % 64));
    }
    case 'dupLine':
      lines.splice(li, 0, lines[li]);
      return lines.join('\n');
    case 'swapLines': {
      const lj = op.b % lines.length;
      [lines[li], lines[lj]] = [lines[lj], lines[li]];
      return lines.join('\n');
    }
    case 'indent': {
      const delta = (op.b % 9) - 4;
      lines[li] = delta >= 0 ? ' '.repeat(delta) + lines[li] : lines[li].replace(new RegExp(`^ {0,${-delta}}`), '');
      return lines.join('\n');
    }
    case 'truncate':
      return text.slice(0, op.a % (text.length + 1));
    default:
      return text;
  }
}

/** fast-check arbitraries of the cases: `fc` is passed in so that both runners use their own copy. */
function arbitraries(fc, corpus) {
  const op = fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('value'), a: fc.nat(), b: fc.nat() }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('key'), a: fc.nat(), b: fc.nat() }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('insert'), a: fc.nat(), b: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('chars'), a: fc.nat(), chars: fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 1, maxLength: 3 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('delete', 'dupLine', 'swapLines', 'indent'), a: fc.nat(), b: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate'), a: fc.nat() }) },
  );
  const ops = fc.array(op, { minLength: 1, maxLength: 4 });
  const manifests = fc.record({
    type: fc.constant('manifests'),
    base: fc.nat({ max: corpus.manifests.length - 1 }),
    also: fc.option(fc.nat({ max: corpus.manifests.length - 1 }), { nil: null }),
    ops,
  });
  const scenario = fc.record({
    type: fc.constant('scenario'),
    base: fc.nat({ max: Math.max(0, corpus.scenarios.length - 1) }),
    // Which file of the folder the operations edit: scenario.yaml most of the time.
    target: fc.oneof({ weight: 3, arbitrary: fc.constant(-1) }, { weight: 1, arbitrary: fc.nat() }),
    ops,
  });
  return { manifests, scenario, any: corpus.scenarios.length ? fc.oneof({ weight: 4, arbitrary: manifests }, { weight: 1, arbitrary: scenario }) : manifests };
}

/** The text of a manifests case. */
function manifestText(corpus, c) {
  let text = corpus.manifests[c.base];
  if (c.also !== null) text = `${text}\n---\n${corpus.manifests[c.also]}`;
  for (const o of c.ops) text = applyOp(text, o);
  return text;
}

/** The files of a scenario case: the folder with one file edited. */
function scenarioFiles(corpus, c) {
  const base = corpus.scenarios[c.base];
  const index = c.target < 0 ? base.files.findIndex((f) => f.rel === 'scenario.yaml') : c.target % base.files.length;
  return base.files.map((f, i) => (i === index ? { rel: f.rel, text: c.ops.reduce(applyOp, f.text) } : f));
}

/* ------------------------------------------------------------------ checks */

/** What `yaml` makes of a text (the reference of the fast path), or null when it reports errors. */
function yamlReference(text) {
  const docs = YAML.parseAllDocuments(text, { lineCounter: new YAML.LineCounter(), uniqueKeys: true });
  const list = Array.isArray(docs) ? docs : [docs];
  if (list.some((d) => d.errors.length > 0)) return null;
  try {
    return list.filter((d) => d.contents !== null).map((d) => d.toJS({ maxAliasCount: -1 })).filter((v) => v !== null && v !== undefined);
  } catch {
    return null; // a value yaml cannot build (an alias cycle it refuses): nothing to compare with
  }
}

function sameValue(a, b) {
  try {
    return require('node:util').isDeepStrictEqual(a, b);
  } catch {
    return false;
  }
}

/** The fast parser equals `yaml` or declines. */
function checkParser(lib, text, problems) {
  let fast;
  try {
    fast = lib.fastParse(text);
  } catch (err) {
    problems.push(`crash: the fast parser threw: ${describe(err)}`);
    return;
  }
  if (fast === null) return;
  const ref = yamlReference(text);
  if (ref === null) {
    problems.push('parser: the fast path accepted a text that yaml reports errors in');
    return;
  }
  const values = fast.map((d) => d.value).filter((v) => v !== null && v !== undefined);
  if (!sameValue(values, ref)) problems.push('parser: the fast path and yaml disagree on the value');
}

/** A position inside `text`: line 1..lines, column 1..length+1 (the end of a line is a place too). */
function inside(text, line, column, what, problems) {
  const lines = linesOf(text);
  if (!Number.isInteger(line) || !Number.isInteger(column) || line < 1 || line > lines.length || column < 1 || column > lines[line - 1].length + 1) {
    problems.push(`position: ${what} at ${line}:${column} is outside the file (${lines.length} lines${line >= 1 && line <= lines.length ? `, line ${line} has ${lines[line - 1].length} characters` : ''})`);
  }
}

function checkFindingPositions(findings, texts, problems) {
  for (const f of findings) {
    const text = texts.get(f.file);
    if (text === undefined) continue; // the built-in objects, or a file the case does not hold
    inside(text, f.line, f.column, `${f.ruleId} finding`, problems);
    if (f.endLine !== undefined) {
      inside(text, f.endLine, f.endColumn, `${f.ruleId} finding's end`, problems);
      if (f.endLine < f.line || (f.endLine === f.line && f.endColumn < f.column)) problems.push(`position: ${f.ruleId} finding ends before it starts`);
    }
    for (const r of f.related ?? []) if (texts.has(r.file)) inside(texts.get(r.file), r.line, r.column, `${f.ruleId} related location`, problems);
  }
}

function describe(err) {
  if (err instanceof Error) return `${err.name}: ${err.message}\n${(err.stack ?? '').split('\n').slice(1, 7).join('\n')}`;
  return `non-Error thrown: ${typeof err}`;
}

/** Whether the library documents this error for this input (the CLI turns each into a message). */
function expected(lib, err) {
  return lib.expectedErrors.some((E) => err instanceof E);
}

const RESOURCES = ['pods', 'services', 'endpoints', 'endpointslices', 'nodes'];

function lintReports(lib, run) {
  const input = lib.reportInputFromRun(run);
  return lib.LINT_FORMATS.map((format) => lib.formatLintReport(format, input, { color: false, cwd: '/fuzz', version: '0.0.0' }));
}

/** The lint half alone (`depth: 'lint'`): every lint format of lintSources(). */
function renderLint(lib, text, problems) {
  try {
    const run = lib.lintSources([{ path: FILE, absPath: null, text }]);
    return { text: lintReports(lib, run).join('\n\u0000\n'), findings: run.findings };
  } catch (err) {
    problems.push(`crash: lintSources() threw ${describe(err)}`);
    return { text: '', findings: [] };
  }
}

/** Everything a person can see of one manifests input, as one text: lint reports, get views, routes, DNS answers. */
function renderManifests(lib, text, problems) {
  const sources = [{ path: FILE, absPath: null, text }];
  let analysis;
  try {
    analysis = lib.analyze(sources, { seed: 1, cluster: { maxPods: MAX_PODS } });
  } catch (err) {
    if (!expected(lib, err)) problems.push(`crash: analyze() threw ${describe(err)}`);
    return { text: `error: ${err && err.message}`, findings: [] };
  }
  const out = lintReports(lib, analysis.lint);
  const cluster = analysis.cluster;
  for (const output of [undefined, 'wide', 'json', 'yaml']) {
    // Objects as JSON and YAML for the input's namespace only (the built-in ones are the same in every case), and YAML, which is slow to write, for two resources.
    const got = lib.renderGet(cluster, output === 'yaml' ? ['services', 'endpointslices'] : RESOURCES, { namespace: 'default', allNamespaces: output === undefined || output === 'wide', output });
    out.push(got.stdout, got.stderr);
  }
  // The input's own objects first (the built-in ones are the same in every case), a few of each.
  const mine = (list) => [...list.filter((x) => x.namespace === 'default'), ...list.filter((x) => x.namespace !== 'default')];
  const services = mine(cluster.services).slice(0, 4);
  const sourcesOf = ['pod', 'external', ...mine(cluster.pods).slice(0, 1).map((p) => `pod/${p.namespace}/${p.name}`), ...cluster.nodes.slice(1, 2).map((n) => `node/${n.name}`)];
  const targets = [];
  for (const s of services) {
    const p = s.ports[0];
    if (!p) continue;
    targets.push(`http://${s.name}.${s.namespace}:${p.port}/`);
    if (s.clusterIP && s.clusterIP !== 'None') targets.push(`${s.clusterIP}:${p.port}`);
    if (p.nodePort && cluster.nodes[0]) targets.push(`${cluster.nodes[0].internalIP}:${p.nodePort}`);
  }
  for (const [k, from] of sourcesOf.entries()) {
    for (const [j, to] of targets.slice(0, 6).entries()) {
      try {
        const r = cluster.route({ from, to, namespace: 'default', count: 2, seed: 1 });
        out.push(lib.formatCurl(r, j === 0));
        if (j === 0 && k < 2) out.push(lib.jsonText(r));
      } catch (err) {
        if (!expected(lib, err)) problems.push(`crash: route ${from} -> ${to} threw ${describe(err)}`);
        else out.push(`route error: ${err.message}`);
      }
    }
    for (const s of services.slice(0, 3)) {
      for (const type of ['A', 'SRV']) {
        try {
          out.push(lib.jsonText(cluster.resolve({ name: s.name, type, from, namespace: 'default' })));
        } catch (err) {
          if (!expected(lib, err)) problems.push(`crash: dig ${s.name} ${type} from ${from} threw ${describe(err)}`);
          else out.push(`dns error: ${err.message}`);
        }
      }
    }
  }
  return { text: out.join('\n\u0000\n'), findings: analysis.lint.findings };
}

/**
 * Checks one manifests input; the problems found (empty: the case passes). `depth`: `full` (lint,
 * simulate, every view, routes and DNS answers) or `lint` (parse and lint only, a tenth of the cost).
 */
function checkManifests(lib, text, depth = 'full') {
  const problems = [];
  checkParser(lib, text, problems);
  const render = depth === 'lint' ? renderLint : renderManifests;
  let first;
  let second;
  try {
    first = render(lib, text, problems);
    second = render(lib, text, problems);
  } catch (err) {
    problems.push(`crash: ${describe(err)}`);
    return problems;
  }
  if (first.text !== second.text) problems.push('nondeterministic: the same input gave different output');
  checkFindingPositions(first.findings, new Map([[FILE, text]]), problems);
  return [...new Set(problems)];
}

/** Writes a scenario case into a fresh folder (and a file beside it, which the scenario must not be able to read). */
function writeScenario(files) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-fuzz-'));
  fs.writeFileSync(path.join(root, 'outside.yaml'), 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: outside\n');
  const dir = path.join(root, 'scenario');
  for (const f of files) {
    const abs = path.join(dir, f.rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, f.text);
  }
  return { root, dir };
}

/** Loads, runs and reports one scenario folder; every format's text, for comparing two runs. */
function renderScenario(lib, dir, cwd, problems) {
  let result;
  try {
    result = lib.executeTask({ dir, variant: 'normal' }, { cwd, seed: 1, maxPods: MAX_PODS });
  } catch (err) {
    problems.push(`crash: loading or running the scenario threw ${describe(err)}`);
    return { text: '', result: null };
  }
  if (!result) return { text: '', result: null };
  for (const e of result.expectations) if (/please report it/.test(e.message)) problems.push(`crash: ${e.message.slice(0, 400)}`);
  const run = { scenarios: [result], summary: lib.summarize([result], 1), missing: [] };
  const text = lib.SCENARIO_FORMATS.map((f) => lib.formatScenarioReport(f, run, { color: false, verbose: true })).join('\n\u0000\n');
  return { text, result };
}

/** Checks one scenario folder: no crash, located errors inside their files, no file read from outside, same bytes twice. */
function checkScenario(lib, files) {
  const problems = [];
  const { root, dir } = writeScenario(files);
  try {
    const first = renderScenario(lib, dir, root, problems);
    const second = renderScenario(lib, dir, root, problems);
    if (first.text !== second.text) problems.push('nondeterministic: the same scenario gave different reports');
    if (first.text.includes('name: outside') || /\boutside\.yaml:\d/.test(first.text)) problems.push('confinement: the scenario read a file outside its folder');
    const texts = new Map(files.map((f) => [`scenario/${f.rel}`, f.text]));
    for (const e of first.result ? first.result.expectations : []) {
      if (texts.has(e.file)) inside(texts.get(e.file), e.line, e.column, `scenario ${e.kind} result "${e.name.slice(0, 60)}"`, problems);
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  return [...new Set(problems)];
}

/** Checks one generated case of either type. */
function checkCase(lib, corpus, c, depth = 'full') {
  return c.type === 'manifests' ? checkManifests(lib, manifestText(corpus, c), depth) : checkScenario(lib, scenarioFiles(corpus, c));
}

/** The kind of a problem (`crash`, `position`, `nondeterministic`, `parser`, `confinement`), for the tally. */
function problemKind(p) {
  return p.slice(0, p.indexOf(':'));
}

module.exports = { libraryAt, loadCorpus, arbitraries, manifestText, scenarioFiles, checkCase, checkManifests, checkScenario, applyOp, problemKind, linesOf, VALUE_TOKENS, KEY_TOKENS, INSERT_TOKENS };
