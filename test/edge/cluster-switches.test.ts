/**
 * The Cluster object's edge switches: `ingressController: nginx | none` and `gatewayControllers`
 * (the GatewayClass controllerNames the cluster runs). A GatewayClass whose controllerName no
 * controller runs keeps the CRD's default status (gateway-api config/crd gatewayclasses:
 * Accepted Unknown, reason Pending, "Waiting for controller"), its Gateways get no address,
 * and a request for their hosts fails with a hop that says why. Through the library
 * (simulate, analyze) and the CLI (Cluster object among the manifests, --cluster FILE).
 */
import { analyze, simulate } from '../../src/index';
import { renderGet } from '../../src/views/kubectl-get';
import { runCli } from '../helpers';
import { tempDir } from '../e2e/seed-manifests';
import type { RouteResult } from '../../src/sim/types';

const APP = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: echo, ports: [{containerPort: 8080}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
---
`;
const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop}
spec:
  rules:
  - host: shop.example.com
    http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}
---
`;
const GATEWAY = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: envoy}
spec: {controllerName: gateway.envoyproxy.io/gatewayclass-controller}
---
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: istio}
spec: {controllerName: istio.io/gateway-controller}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: eg}
spec: {gatewayClassName: envoy, listeners: [{name: http, port: 80, protocol: HTTP}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: mesh}
spec: {gatewayClassName: istio, listeners: [{name: http, port: 80, protocol: HTTP, hostname: "*.mesh.example.com"}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: api}
spec:
  parentRefs: [{name: eg}]
  hostnames: [api.example.com]
  rules: [{backendRefs: [{name: web, port: 80}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: books}
spec:
  parentRefs: [{name: mesh}]
  hostnames: [books.mesh.example.com]
  rules: [{backendRefs: [{name: web, port: 80}]}]
---
`;
const CLUSTER = (spec: string) => `apiVersion: svclab.io/v1alpha1
kind: Cluster
metadata: {name: lab}
spec: {${spec}}
---
`;
const RUNS_ENVOY = 'gatewayControllers: [gateway.envoyproxy.io/gatewayclass-controller]';

describe('ingressController: none', () => {
  it('runs no ingress-nginx: no pods or Service in ingress-nginx, the Ingress has no address, its host does not resolve and a hop says why', () => {
    const c = simulate(APP + INGRESS + CLUSTER('ingressController: none'));
    expect(c.pods.filter((p) => p.namespace === 'ingress-nginx')).toEqual([]);
    expect(c.services.filter((s) => s.namespace === 'ingress-nginx')).toEqual([]);
    expect(renderGet(c, 'ingresses', { namespace: 'default', allNamespaces: false }).stdout).toMatch(/^shop\s+<none>\s+shop\.example\.com\s+80\s+<unknown>$/m);
    expect(renderGet(c, 'ingressclasses', { namespace: 'default', allNamespaces: false }).stdout).not.toMatch(/nginx/);
    const a = c.route({ from: 'external', to: 'http://shop.example.com/' }).results[0];
    expect(a.outcome).toBe('dns-error');
    expect(a.why).toMatchObject({ message: 'edge-unserved', detail: { host: 'shop.example.com', object: 'Ingress default/shop', cause: 'controller-off' } });
    expect(a.reason).toBe('Ingress default/shop names shop.example.com, but this cluster runs no ingress controller (Cluster spec.ingressController: none): nothing gives shop.example.com an address, so external DNS has none for it');
  });
  it('nginx (the default) and SimulateOptions.cluster win over the object as for every field', () => {
    expect(simulate(APP + INGRESS).route({ from: 'external', to: 'http://shop.example.com/' }).results[0].status).toBe(200);
    expect(simulate(APP + INGRESS + CLUSTER('ingressController: nginx')).route({ from: 'external', to: 'http://shop.example.com/' }).results[0].status).toBe(200);
    const c = simulate(APP + INGRESS + CLUSTER('ingressController: none'), { cluster: { ingressController: 'nginx' } });
    expect(c.route({ from: 'external', to: 'http://shop.example.com/' }).results[0].status).toBe(200);
  });
  it('analyze(): the ingress-class-unserved finding agrees with the switch', () => {
    const a = analyze([{ path: 'all.yaml', absPath: null, text: APP + INGRESS + CLUSTER('ingressController: none') }]);
    expect(a.lint.findings.filter((f) => f.ruleId === 'ingress-class-unserved').map((f) => f.message)).toEqual([expect.stringContaining('runs no ingress controller')]);
    const b = analyze([{ path: 'all.yaml', absPath: null, text: APP + INGRESS }], { cluster: { ingressController: 'none' } });
    expect(b.lint.findings.some((f) => f.ruleId === 'ingress-class-unserved')).toBe(true);
  });
});

describe('gatewayControllers', () => {
  it('without it every GatewayClass is accepted and each Gateway has an address', () => {
    const c = simulate(APP + GATEWAY);
    expect(renderGet(c, 'gatewayclasses', { namespace: 'default', allNamespaces: false }).stdout).toMatch(/^istio\s+istio\.io\/gateway-controller\s+True/m);
    expect(c.route({ from: 'external', to: 'http://books.mesh.example.com/' }).results[0].status).toBe(200);
  });
  it('a class of a controller the cluster does not run: Accepted Unknown (Pending), its Gateway has no address and is not Programmed', () => {
    const c = simulate(APP + GATEWAY + CLUSTER(RUNS_ENVOY));
    const classes = renderGet(c, 'gatewayclasses', { namespace: 'default', allNamespaces: false }).stdout;
    expect(classes).toMatch(/^envoy\s+gateway\.envoyproxy\.io\/gatewayclass-controller\s+True/m);
    expect(classes).toMatch(/^istio\s+istio\.io\/gateway-controller\s+Unknown/m);
    const gws = renderGet(c, 'gateways', { namespace: 'default', allNamespaces: false }).stdout;
    expect(gws).toMatch(/^eg\s+envoy\s+198\.51\.100\.\d+\s+True/m);
    expect(gws).toMatch(/^mesh\s+istio\s+Unknown/m);
    const objects = JSON.parse(renderGet(c, 'gateways', { namespace: 'default', allNamespaces: false, output: 'json' }).stdout).items;
    const mesh = objects.find((o: { metadata: { name: string } }) => o.metadata.name === 'mesh');
    expect(mesh.status.conditions.map((x: { type: string; status: string; reason: string }) => `${x.type}=${x.status}/${x.reason}`)).toEqual(['Accepted=Unknown/Pending', 'Programmed=Unknown/Pending']);
    expect(mesh.status.addresses).toBeUndefined();
    const cls = JSON.parse(renderGet(c, 'gatewayclasses', { namespace: 'default', allNamespaces: false, output: 'json' }).stdout).items.find((o: { metadata: { name: string } }) => o.metadata.name === 'istio');
    expect(cls.status.conditions[0]).toMatchObject({ type: 'Accepted', status: 'Unknown', reason: 'Pending' });
    expect(cls.status.conditions[0].message).toMatch(/^Waiting for controller: no gateway controller of this cluster runs istio\.io\/gateway-controller/);
    // Nobody writes the route's status for that parent.
    const books = JSON.parse(renderGet(c, 'httproutes', { namespace: 'default', allNamespaces: false, output: 'json' }).stdout).items.find((o: { metadata: { name: string } }) => o.metadata.name === 'books');
    expect(books.status.parents).toEqual([]);
    expect(c.services.filter((s) => s.namespace === 'gateway-system').map((s) => s.name)).toEqual(['gw-default-eg']);
  });
  it('routes through the unaccepted Gateway fail with a clear hop; the accepted one still serves', () => {
    const c = simulate(APP + GATEWAY + CLUSTER(RUNS_ENVOY));
    expect(c.route({ from: 'external', to: 'http://api.example.com/' }).results[0].status).toBe(200);
    for (const host of ['books.mesh.example.com', 'other.mesh.example.com']) {
      const a = c.route({ from: 'external', to: `http://${host}/` }).results[0];
      expect(a.outcome).toBe('dns-error');
      expect(a.hops.map((h) => h.message)).toEqual(['source', 'dns-no-address', 'edge-unserved']);
      expect(a.why.detail).toMatchObject({ cause: 'class-not-accepted', gateway: 'default/mesh', className: 'istio', controllerName: 'istio.io/gateway-controller', runs: ['gateway.envoyproxy.io/gatewayclass-controller'] });
    }
    expect(c.route({ from: 'external', to: 'http://books.mesh.example.com/' }).results[0].why.detail).toMatchObject({ object: 'HTTPRoute default/books' });
  });
  it('analyze(): gateway-class-unaccepted reports the Gateway the simulation leaves without address', () => {
    const a = analyze([{ path: 'all.yaml', absPath: null, text: APP + GATEWAY + CLUSTER(RUNS_ENVOY) }]);
    expect(a.lint.findings.filter((f) => f.ruleId === 'gateway-class-unaccepted').map((f) => f.object?.name)).toEqual(['mesh']);
  });
});

describe('svclab with the switches', () => {
  const dir = tempDir({ 'app.yaml': APP + INGRESS + GATEWAY, 'cluster.yaml': CLUSTER(`ingressController: none, ${RUNS_ENVOY}`).replace(/---\n$/, '') });
  const inDir = tempDir({ 'app.yaml': APP + INGRESS + GATEWAY + CLUSTER(RUNS_ENVOY) });
  it('get gatewayclass,gateway with the Cluster object among the manifests', async () => {
    const r = await runCli(['get', 'gatewayclass,gateway', '-f', inDir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/gatewayclass\.gateway\.networking\.k8s\.io\/istio\s+istio\.io\/gateway-controller\s+Unknown/);
    expect(r.stdout).toMatch(/gateway\.gateway\.networking\.k8s\.io\/mesh\s+istio\s+Unknown/);
  });
  it('curl -o json with --cluster FILE: the host of an unserved Ingress fails with the edge-unserved hop', async () => {
    const r = await runCli(['curl', 'http://shop.example.com/', '--from', 'external', '-o', 'json', '-f', `${dir}/app.yaml`, '--cluster', `${dir}/cluster.yaml`]);
    const a = (JSON.parse(r.stdout) as RouteResult).results[0];
    expect(a.outcome).toBe('dns-error');
    expect(a.why.detail).toMatchObject({ cause: 'controller-off' });
    const v = await runCli(['curl', 'http://books.mesh.example.com/', '--from', 'external', '-v', '-f', `${dir}/app.yaml`, '--cluster', `${dir}/cluster.yaml`]);
    expect(v.stdout).toContain('HTTPRoute default/books names books.mesh.example.com, but Gateway default/mesh is of GatewayClass istio (controllerName istio.io/gateway-controller), which no gateway controller of this cluster runs');
  });
  it('svclab lint reads the switches of a Cluster object among the files, as the simulator does', async () => {
    const r = await runCli(['lint', inDir, '--format', 'json']);
    const ids = (JSON.parse(r.stdout) as { findings: Array<{ ruleId: string }> }).findings.map((f) => f.ruleId);
    expect(ids.filter((id) => id === 'gateway-class-unaccepted')).toHaveLength(1);
    expect(ids).not.toContain('ingress-class-unserved');
    const off = tempDir({ 'app.yaml': APP + INGRESS + CLUSTER('ingressController: none') });
    expect((await runCli(['lint', off])).stdout).toContain('this cluster runs no ingress controller (Cluster spec.ingressController: none)');
  });
  it('a --cluster file with a bad value is a usage error, not a crash', async () => {
    const bad = tempDir({ 'cluster.yaml': CLUSTER('ingressController: traefik').replace(/---\n$/, '') });
    const r = await runCli(['get', 'pods', '-f', `${dir}/app.yaml`, '--cluster', `${bad}/cluster.yaml`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ingressController/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('the ingress-nginx controller is present unless the Cluster turns it off (issue: "present unless the input defines its own IngressClasses or the Cluster object turns it off")', () => {
  const CLASS = (name: string, controller: string) => `apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: ${name}}
spec: {controller: ${controller}}
---
`;
  it('runs without any Ingress in the input, with its own default class nginx; its 404 answers a request sent to its address', () => {
    const c = simulate(APP);
    expect(c.pods.filter((p) => p.namespace === 'ingress-nginx').map((p) => p.name)).toEqual([expect.stringMatching(/^ingress-nginx-controller-/)]);
    expect(renderGet(c, 'ingressclasses', { namespace: 'default', allNamespaces: false }).stdout).toMatch(/^nginx\s+k8s\.io\/ingress-nginx\s+<none>/m);
    const a = c.route({ from: 'external', to: 'http://198.51.100.10/' }).results[0];
    expect(a.status).toBe(404);
    expect(a.why.message).toBe('ingress-no-match');
  });
  it('input IngressClasses replace its own class nginx; it serves those of controller k8s.io/ingress-nginx, whatever their name', () => {
    const c = simulate(APP + CLASS('public', 'k8s.io/ingress-nginx') + CLASS('traefik', 'traefik.io/ingress-controller') + INGRESS.replace('spec:\n', 'spec:\n  ingressClassName: public\n'));
    const classes = renderGet(c, 'ingressclasses', { namespace: 'default', allNamespaces: false }).stdout;
    expect(classes).not.toMatch(/^nginx\s/m);
    expect(classes).toMatch(/^public\s+k8s\.io\/ingress-nginx/m);
    expect(c.route({ from: 'external', to: 'http://shop.example.com/' }).results[0].status).toBe(200);
    const other = simulate(APP + CLASS('public', 'k8s.io/ingress-nginx') + CLASS('traefik', 'traefik.io/ingress-controller') + INGRESS.replace('spec:\n', 'spec:\n  ingressClassName: traefik\n'));
    const a = other.route({ from: 'external', to: 'http://shop.example.com/' }).results[0];
    expect(a.why.detail).toMatchObject({ cause: 'class-unserved', className: 'traefik' });
  });
  it('its pods are the cluster\'s own: the default reachability table of a scenario leaves them out', () => {
    const c = simulate(APP);
    const own = c.pods.filter((p) => p.namespace === 'ingress-nginx');
    expect(own).toHaveLength(1);
    expect(own[0].workload.manifest.file).toBe('<built-in>');
  });
  it('svclab get pods -A shows it; get pods (the default namespace) does not', async () => {
    const dir = tempDir({ 'app.yaml': APP });
    const all = await runCli(['get', 'pods', '-A', '-f', dir]);
    expect(all.stdout).toMatch(/^ingress-nginx\s+ingress-nginx-controller-\S+\s+1\/1\s+Running/m);
    const mine = await runCli(['get', 'pods', '-f', dir]);
    expect(mine.stdout).not.toMatch(/ingress-nginx/);
  });
});
