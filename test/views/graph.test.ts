/**
 * The picture (src/views/graph/): its model, the SVG's structure, determinism and escaping,
 * Mermaid and DOT, the hops of a request, stacks for large clusters.
 *
 * What it must show follows Kubernetes: a Service's links are the endpoints its EndpointSlices
 * hold (endpointslice controller reconciler, `podToEndpoint` for ready/serving/terminating); a
 * pod whose containers lack a Service's named targetPort is left out of that port
 * (`podutil.FindPort` in pkg/api/v1/pod, as endpointslice utils' `getEndpointPorts` calls it).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../src/pipeline';
import type { SourceFile } from '../../src/load/source';
import { buildGraph, layoutGraph, picture, renderPicture, renderSvg } from '../../src/views/graph/index';
import { REPO_ROOT } from '../helpers';

const sources = (files: Record<string, string>): SourceFile[] => Object.entries(files).map(([p, text]) => ({ path: p, absPath: null, text }));
const clusterOf = (files: Record<string, string>, seed = 1) => analyze(sources(files), { seed });
const example = (name: string): Record<string, string> => {
  const dir = path.join(REPO_ROOT, 'examples', name);
  return Object.fromEntries(fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => [`examples/${name}/${f}`, fs.readFileSync(path.join(dir, f), 'utf8')]));
};

const MIXED = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
      - name: web
        image: example/web
        ports: [ { name: http, containerPort: 80 } ]
---
apiVersion: v1
kind: Pod
metadata: { name: other, labels: { app: web } }
spec:
  containers: [ { name: c, image: example/c, ports: [ { containerPort: 9000 } ] } ]
---
# The API server refuses this label value (ValidateLabels), so no pod: its lint finding is drawn.
apiVersion: v1
kind: Pod
metadata: { name: evil, labels: { note: "<script>alert(1)</script>" } }
spec:
  containers: [ { name: c, image: example/c } ]
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports:
  - { name: http, port: 80, targetPort: http }
---
apiVersion: v1
kind: Service
metadata: { name: ext }
spec:
  type: ExternalName
  externalName: db.example.com
---
apiVersion: svclab.io/v1alpha1
kind: Cluster
spec:
  readiness: { "Deployment/web": false }
`;

describe('the picture model', () => {
  test('seed-000: three lanes with one pod each, the Service linked to every pod on 8080→80 (the note\'s figure 6.13)', () => {
    const { cluster, lint } = clusterOf(example('seed-000'));
    const g = buildGraph(cluster, { namespace: 'default', findings: lint.findings });
    const pods = g.elements.filter((e) => e.kind === 'pod');
    expect(pods).toHaveLength(3);
    expect(new Set(pods.map((p) => p.lane))).toEqual(new Set(['node:node-1', 'node:node-2', 'node:node-3']));
    expect(pods.every((p) => p.lines[0].startsWith('10.240.'))).toBe(true);
    const svc = g.elements.find((e) => e.id === 'svc:default/hostname-svc-clusterip');
    expect(svc?.lines).toEqual(['ClusterIP 10.96.150.4', '8080→80/TCP']);
    expect(g.links.map((l) => [l.label, l.state])).toEqual(pods.map(() => ['8080→80', 'ready']));
    expect(g.lanes.map((l) => l.title)).toEqual(['master', 'node-1', 'node-2', 'node-3']);
  });

  test('not-ready endpoints, unresolved named targetPorts and ExternalName targets are links of their own kind', () => {
    const { cluster } = clusterOf({ 'mixed.yaml': MIXED });
    const g = buildGraph(cluster, { namespace: 'default' });
    const web = g.links.filter((l) => l.from === 'svc:default/web');
    // The Deployment's pods are not Ready (readiness false): their endpoints are ready: false.
    expect(web.filter((l) => l.state === 'not-ready')).toHaveLength(2);
    // Pod `other` has the label but no port named http: left out of the port (FindPort), drawn as unresolved.
    expect(web.filter((l) => l.state === 'unresolved').map((l) => l.to)).toEqual(['pod:default/other']);
    expect(g.links.find((l) => l.from === 'svc:default/ext')).toMatchObject({ to: 'extname:default/ext', state: 'external-name' });
    expect(g.elements.find((e) => e.id === 'extname:default/ext')?.title).toBe('db.example.com');
    expect(g.elements.filter((e) => e.kind === 'pod' && e.state === 'not-ready')).toHaveLength(2);
  });

  test('a headless Service shows the per-pod names it publishes (hostname.subdomain; CoreDNS kubernetes plugin, endpoint hostname from podToEndpoint)', () => {
    const dir = path.join(REPO_ROOT, 'scenarios', '12-headless-statefulset-dns');
    const { cluster } = clusterOf({ 'web.yaml': fs.readFileSync(path.join(dir, 'web.yaml'), 'utf8') });
    const g = buildGraph(cluster, { namespace: 'default' });
    const svc = g.elements.find((e) => e.kind === 'service' && e.lines[0].endsWith('headless'));
    expect(svc).toBeDefined();
    expect(g.links.filter((l) => l.from === svc?.id).map((l) => l.label.split(' ')[1])).toEqual(['web-0.web', 'web-1.web', 'web-2.web']);
  });

  test('an Ingress is an entry point linked to its backend Services; a NetworkPolicy is the set of pods its podSelector isolates', () => {
    const { cluster } = clusterOf({
      'app.yaml': `${MIXED}---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: site }
spec:
  rules:
  - http:
      paths:
      - { path: /, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }
      - { path: /api, pathType: Prefix, backend: { service: { name: api, port: { number: 80 } } } }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web-policy }
spec:
  podSelector: { matchLabels: { app: web } }
`,
    });
    const g = buildGraph(cluster, { namespace: 'default' });
    expect(g.elements.find((e) => e.id === 'entry:default/Ingress/site')?.lines).toEqual(['Ingress', 'backend api:80: no such Service']);
    expect(g.links.filter((l) => l.from === 'entry:default/Ingress/site' || l.to === 'entry:default/Ingress/site').map((l) => [l.from, l.to, l.label])).toEqual([
      ['client:external', 'entry:default/Ingress/site', 'HTTP'],
      ['entry:default/Ingress/site', 'svc:default/web', 'web:80'],
    ]);
    // podSelector app=web picks the Deployment's two pods and the bare Pod `other` (LabelSelectorAsSelector).
    expect(g.links.filter((l) => l.from === 'policy:default/web-policy')).toHaveLength(3);
  });

  test('lint errors are marked on the object they concern', () => {
    const broken = example('seed-000');
    const key = 'examples/seed-000/hostname-svc-clusterip.yaml';
    broken[key] = broken[key].replace('targetPort: 80', 'targetPort: 8080');
    const { cluster, lint } = clusterOf(broken);
    const g = buildGraph(cluster, { namespace: 'default', findings: lint.findings });
    const svc = g.elements.find((e) => e.id === 'svc:default/hostname-svc-clusterip');
    expect(svc?.marks.map((m) => m.ruleId)).toContain('target-port-no-container-port');
  });

  test('above the stack limit, the pods of a workload become one stack with a count', () => {
    const { cluster } = clusterOf(example('seed-000'));
    const g = buildGraph(cluster, { namespace: 'default', stackAbove: 2 });
    expect(g.stacked).toBe(true);
    const stack = g.elements.find((e) => e.kind === 'stack');
    expect(stack).toMatchObject({ id: 'stack:default/Deployment/hostname-deployment', count: 3, nodes: 3, lines: ['×3 pods on 3 nodes', '3 ready'] });
    expect(g.links).toEqual([{ from: 'svc:default/hostname-svc-clusterip', to: stack?.id, label: '8080→80', state: 'ready' }]);
  });
});

describe('the SVG', () => {
  const { cluster, lint } = clusterOf({ 'mixed.yaml': MIXED });
  const svg = renderPicture('svg', picture(cluster, { namespace: 'default', findings: lint.findings }));

  test('is one svg element with a title and desc, every pod and Service drawn, no script and nothing fetched', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toMatch(/<title id="svclab-title">Cluster [^<]+<\/title>\n<desc id="svclab-desc">[^<]+<\/desc>/);
    for (const p of cluster.pods.filter((x) => x.namespace === 'default')) expect(svg).toContain(`data-id="pod:default/${p.name}"`);
    for (const s of ['web', 'ext']) expect(svg).toContain(`data-id="svc:default/${s}"`);
    expect(svg).not.toMatch(/<script|href=|url\((?!#arrow)|@import|@font-face/);
  });

  test('a label holding <script> is drawn as text (escaped), never as markup', () => {
    // The API server refuses such a label value (ValidateLabels), so a simulated pod never has
    // one: the renderer is checked on a picture whose pod label was changed after the model.
    const pic = picture(cluster, { namespace: 'default', findings: lint.findings });
    const pod = pic.model.elements.find((e) => e.kind === 'pod');
    if (!pod) throw new Error('no pod drawn');
    pod.labels = { ...pod.labels, note: '<script>alert(1)</script>' };
    const evil = renderPicture('svg', pic);
    expect(evil).toContain('note=&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(evil).not.toContain('<script>alert');
    // The refused Pod `evil` is not drawn, and its finding text is escaped wherever it appears.
    expect(svg).not.toContain('<script>alert');
  });

  test('states are said in words, not only in colour', () => {
    expect(svg).toMatch(/>not-ready<\/text>/);
    expect(svg).toContain('80→http unresolved');
    expect(svg).toContain('(not ready)');
  });

  test('the same input and seed give the same bytes', () => {
    const again = clusterOf({ 'mixed.yaml': MIXED });
    expect(renderPicture('svg', picture(again.cluster, { namespace: 'default', findings: again.lint.findings }))).toBe(svg);
    const seed000 = clusterOf(example('seed-000'));
    const a = renderSvg(buildGraph(seed000.cluster, {}));
    const b = renderSvg(buildGraph(clusterOf(example('seed-000')).cluster, {}));
    expect(a).toBe(b);
  });

  test('boxes of a compound layout do not overlap, and each pod sits inside its lane', () => {
    const g = buildGraph(clusterOf(example('seed-000')).cluster, {});
    const layout = layoutGraph(g);
    const boxes = [...layout.boxes.values()];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        expect(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y).toBe(true);
      }
    }
    for (const e of g.elements.filter((x) => x.lane)) {
      const box = layout.boxes.get(e.id);
      const lane = layout.lanes.get(e.lane ?? '');
      expect(box && lane && box.x >= lane.x && box.y >= lane.y && box.x + box.w <= lane.x + lane.w && box.y + box.h <= lane.y + lane.h).toBe(true);
    }
  });
});

describe('a large cluster', () => {
  const many = Array.from({ length: 30 }, (_, i) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: app-${i} }
spec:
  replicas: 8
  selector: { matchLabels: { app: app-${i} } }
  template:
    metadata: { labels: { app: app-${i} } }
    spec:
      containers: [ { name: c, image: example/app, ports: [ { containerPort: 8080 } ] } ]
---
apiVersion: v1
kind: Service
metadata: { name: app-${i} }
spec:
  selector: { app: app-${i} }
  ports: [ { port: 80, targetPort: 8080 } ]
`).join('---\n');

  test('240 pods: one stack per workload, parts of the same shape laid out alike and apart, the same bytes each time', () => {
    const { cluster } = clusterOf({ 'many.yaml': many });
    const g = buildGraph(cluster, { namespace: 'default' });
    expect(g.stacked).toBe(true);
    expect(g.elements.filter((e) => e.kind === 'stack')).toHaveLength(30);
    expect(g.elements.filter((e) => e.kind === 'stack').every((e) => e.count === 8 && e.lines[0].startsWith('×8 pods on '))).toBe(true);
    const layout = layoutGraph(g);
    const boxes = [...layout.boxes.values()];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        expect(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y).toBe(true);
      }
    }
    // Service → stack pairs of the same shape (the same box sizes): the stack sits at the same offset from its Service.
    const offsets = new Map<string, Set<string>>();
    for (const l of g.links) {
      const [a, b] = [layout.boxes.get(l.from), layout.boxes.get(l.to)];
      const shape = `${a?.w}x${a?.h}>${b?.w}x${b?.h}`;
      if (!offsets.has(shape)) offsets.set(shape, new Set());
      offsets.get(shape)?.add(`${(b?.x ?? 0) - (a?.x ?? 0)},${(b?.y ?? 0) - (a?.y ?? 0)}`);
    }
    expect(offsets.size).toBeLessThan(g.links.length);
    for (const set of offsets.values()) expect(set.size).toBe(1);
    expect(renderSvg(g, {}, layout)).toBe(renderSvg(buildGraph(clusterOf({ 'many.yaml': many }).cluster, { namespace: 'default' })));
  });
});

describe('a request on the picture', () => {
  test('curl from a pod: source, DNS, Service, the node that DNATs, the pod, each on its element (cf. the hops of routeRequest)', () => {
    const { cluster } = clusterOf(example('seed-000'));
    const result = cluster.route({ from: 'pod', to: 'http://hostname-svc-clusterip:8080', namespace: 'default' });
    const p = picture(cluster, { namespace: 'default', route: result });
    expect(p.route?.steps.map((s) => [s.kind, s.at])).toEqual([
      ['source', 'pod:default/debug'],
      ['dns', 'svc:kube-system/kube-dns'],
      ['service', 'svc:default/hostname-svc-clusterip'],
      ['node', `node:${result.results[0].hops[3].node}`],
      ['pod', `pod:${result.results[0].pod}`],
    ]);
    const svg = renderPicture('svg', p);
    expect(svg.match(/class="hop"/g)).toHaveLength(5);
    expect(svg).toContain('data-outcome="ok"');
  });

  test('a refused request marks the hop where it ends', () => {
    const broken = example('seed-000');
    const key = 'examples/seed-000/hostname-svc-clusterip.yaml';
    broken[key] = broken[key].replace('app: webserver', 'app: webservr');
    const { cluster } = clusterOf(broken);
    const p = picture(cluster, { route: cluster.route({ from: 'pod', to: 'hostname-svc-clusterip:8080', namespace: 'default' }) });
    expect(p.route?.outcome).toBe('refused');
    const last = p.route?.steps[p.route.steps.length - 1];
    expect(last?.ends).toBe('refused');
    expect(renderPicture('svg', p)).toContain('<circle class="end"');
  });
});

describe('Mermaid and DOT', () => {
  const { cluster } = clusterOf({ 'mixed.yaml': MIXED });
  const p = picture(cluster, { namespace: 'default' });

  test('Mermaid: a flowchart with lanes as subgraphs; names escaped with entity codes', () => {
    const m = renderPicture('mermaid', p);
    expect(m.startsWith('flowchart LR\n')).toBe(true);
    expect(m).toMatch(/subgraph lane\d+\["node node-1 /);
    expect(m).not.toMatch(/<script/);
    expect(m).toContain('-.->|"80→http unresolved"|');
  });

  test('DOT: a digraph with clusters; quotes escaped', () => {
    const d = renderPicture('dot', p);
    expect(d.startsWith('digraph svclab {')).toBe(true);
    expect(d).toContain('subgraph cluster_0 {');
    expect(d).toMatch(/"svc:default\/web" -> "pod:default\/other" \[label="80→http unresolved", style=dashed\];/);
  });
});
