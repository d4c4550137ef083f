import * as fs from 'node:fs';
import * as path from 'node:path';
import { runScenarios } from '../../src/scenario/index';
import { scenario, tempTree, WEB_DEPLOYMENT, webService } from './fixtures';

async function runOne(files: Record<string, string>, options: { update?: boolean } = {}) {
  const root = tempTree(files);
  const run = await runScenarios([root], { cwd: root, jobs: 1, ...options });
  expect(run.scenarios).toHaveLength(1);
  return { root, result: run.scenarios[0], run };
}

describe('running scenarios', () => {
  test('a passing scenario: lint, objects, endpoints, routes, dns', async () => {
    const { result } = await runOne({
      's/scenario.yaml': scenario(`expect:
  lint: { errors: 0 }
  objects:
    - ref: Service/web
      match: { spec: { clusterIP: { inCIDR: 10.96.0.0/12 }, ports: [ { port: 8080, targetPort: 80 } ] } }
  endpoints:
    - service: web
      ready: { workload: Deployment/web, port: 80, count: 3 }
  routes:
    - from: pod
      to: web:8080
      count: 30
      expect: { outcome: ok, reaches: { workload: Deployment/web }, spread: all }
  dns:
    - from: pod
      name: web
      expect: { rcode: NOERROR, a: [ { service: web } ] }
`),
      's/deploy.yaml': WEB_DEPLOYMENT,
      's/svc.yaml': webService(),
    });
    expect(result.status).toBe('passed');
    expect(result.expectations.map((e) => [e.kind, e.status])).toEqual([['lint', 'passed'], ['objects', 'passed'], ['endpoints', 'passed'], ['routes', 'passed'], ['dns', 'passed']]);
    // Names are `step › kind[index] title`, the kind said once ("lint reports", not "lint lint reports").
    expect(result.expectations[0].name).toBe('expect › lint reports 0 errors');
    expect(result.expectations[1].name).toBe('expect › objects[0] Service/web matches');
  });

  test('a failing expectation carries its line, every mismatch, the hint and the route explanation', async () => {
    const { result } = await runOne({
      's/scenario.yaml': scenario(`expect:
  routes:
    - from: pod
      to: web:8080
      expect: { outcome: ok, reaches: { workload: Deployment/web } }
      hint: Check the selector.
`),
      's/deploy.yaml': WEB_DEPLOYMENT,
      's/svc.yaml': webService('wbe'),
    });
    const [e] = result.expectations;
    expect(result.status).toBe('failed');
    expect(e).toMatchObject({ kind: 'routes', status: 'failed', line: 7, hint: 'Check the selector.', file: 's/scenario.yaml' });
    expect(e.mismatches.map((m) => m.path)).toEqual(['outcome', 'reaches']);
    expect(e.explain.join('\n')).toMatch(/selector app=wbe picks 0 pods/);
    expect(e.explain.join('\n')).toMatch(/pods in default carry: app=web/);
  });

  test('steps change the manifests in order: scale, relabel, setReady, delete, apply', async () => {
    const { result } = await runOne({
      's/scenario.yaml': scenario(`expect:
  endpoints: [ { service: web, ready: { count: 3 } } ]
steps:
  - name: scale
    scale: [ { ref: Deployment/web, replicas: 1 } ]
    expect: { endpoints: [ { service: web, ready: { count: 1 } } ] }
  - name: not ready
    setReady: [ { ref: Deployment/web, ready: false } ]
    expect: { endpoints: [ { service: web, ready: { count: 0 }, notReady: { count: 1 } } ] }
  - name: relabel
    setReady: [ { ref: Deployment/web, ready: true } ]
    relabel: [ { ref: Service/web, selector: { app: nothing } } ]
    expect: { endpoints: [ { service: web, empty: true } ] }
  - name: apply the fixed Service again
    apply: [ steps/svc.yaml ]
    expect: { endpoints: [ { service: web, ready: { count: 1 } } ] }
  - name: delete
    delete: [ Service/web ]
    expect: { objects: [ { ref: Service/web, absent: true } ] }
`),
      's/deploy.yaml': WEB_DEPLOYMENT,
      's/svc.yaml': webService(),
      's/steps/svc.yaml': webService(),
    });
    expect(result.expectations.filter((e) => e.status !== 'passed').map((e) => e.message)).toEqual([]);
    expect(result.steps.map((s) => [s.name, s.status])).toEqual([['scale', 'passed'], ['not ready', 'passed'], ['relabel', 'passed'], ['apply the fixed Service again', 'passed'], ['delete', 'passed']]);
  });

  test('a step ref without a namespace means the scenario namespace, as kubectl -n does; Kind/ns/name reaches another one', async () => {
    const other = webService().replace('name: web', 'name: web\n  namespace: staging');
    const { result } = await runOne({
      's/scenario.yaml': scenario(`steps:
  - name: delete the default one only
    delete: [ Service/web ]
    expect: { objects: [ { ref: Service/web, absent: true }, { ref: Service/staging/web, match: { metadata: { name: web } } } ] }
  - name: then the staging one
    delete: [ Service/staging/web ]
    expect: { objects: [ { ref: Service/staging/web, absent: true } ] }
`),
      's/deploy.yaml': WEB_DEPLOYMENT,
      's/svc.yaml': webService(),
      's/staging.yaml': other,
    });
    expect(result.expectations.filter((e) => e.status !== 'passed').map((e) => e.message)).toEqual([]);
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
  });

  test('a step naming a missing object is an error, and later steps do not run', async () => {
    const { result } = await runOne({
      's/scenario.yaml': scenario(`steps:
  - name: one
    scale: [ { ref: Deployment/nope, replicas: 1 } ]
  - name: two
    expect: { lint: { errors: 0 } }
`),
      's/deploy.yaml': WEB_DEPLOYMENT,
    });
    expect(result.status).toBe('failed');
    expect(result.expectations[0]).toMatchObject({ kind: 'step', status: 'error', line: 7 });
    expect(result.steps.map((s) => s.status)).toEqual(['error', 'error']);
  });

  test('an expectation that cannot be evaluated fails; so does a scenario without expectations', async () => {
    const { result } = await runOne({ 's/scenario.yaml': scenario('expect:\n  endpoints: [ { service: missing, empty: true } ]\n'), 's/d.yaml': WEB_DEPLOYMENT });
    expect(result.expectations[0]).toMatchObject({ status: 'error', message: 'there is no Service default/missing' });
    const empty = await runOne({ 's/scenario.yaml': scenario('description: nothing\n') });
    expect(empty.result.status).toBe('failed');
    expect(empty.result.expectations[0].message).toMatch(/checks nothing/);
  });

  test('get snapshots: missing fails, --update writes atomically, a change shows a line diff', async () => {
    const files = { 's/scenario.yaml': scenario('expect:\n  get: [ { resource: svc } ]\n'), 's/svc.yaml': webService() };
    const first = await runOne(files);
    expect(first.result.expectations[0].message).toMatch(/there is no snapshot s\/__snapshots__\/start-svc.txt/);
    const root = first.root;
    const updated = await runScenarios([root], { cwd: root, update: true });
    expect(updated.scenarios[0].status).toBe('passed');
    const snap = path.join(root, 's/__snapshots__/start-svc.txt');
    expect(fs.readFileSync(snap, 'utf8')).toMatch(/^NAME\s+TYPE\s+CLUSTER-IP/);
    expect(fs.readdirSync(path.dirname(snap))).toEqual(['start-svc.txt']);
    fs.writeFileSync(path.join(root, 's/svc.yaml'), webService().replace('port: 8080', 'port: 9090'));
    const changed = await runScenarios([root], { cwd: root });
    expect(changed.scenarios[0].expectations[0].message).toMatch(/- web .*8080\/TCP[\s\S]*\+ web .*9090\/TCP/);
    // --update rewrites snapshots only: the manifest is untouched.
    expect(fs.readFileSync(path.join(root, 's/svc.yaml'), 'utf8')).toContain('9090');
  });

  test('a matrix failure carries the truth table with right/wrong counts', async () => {
    const { result } = await runOne({
      's/scenario.yaml': scenario(`expect:
  matrix:
    - from: [ pod, node/node-1, external ]
      to: [ "web:8080", "\${svc:web}:8080" ]
      expect: ok
`),
      's/deploy.yaml': WEB_DEPLOYMENT,
      's/svc.yaml': webService(),
    });
    const t = result.expectations[0].table!;
    expect(t.from).toEqual(['pod', 'node/node-1', 'external']);
    expect(t.actual[1][0]).toBe('dns-error');
    expect([t.right, t.wrong]).toEqual([3, 3]);
  });

  test('filter, shard and bail', async () => {
    const root = tempTree({
      'a/scenario.yaml': scenario('expect: { lint: { errors: 1 } }\n', 'alpha'),
      'b/scenario.yaml': scenario('expect: { lint: { errors: 0 } }\n', 'beta'),
      'c/scenario.yaml': scenario('expect: { lint: { errors: 0 } }\n', 'gamma'),
    });
    expect((await runScenarios([], { cwd: root, filter: 'bet' })).scenarios.map((s) => s.name)).toEqual(['beta']);
    expect((await runScenarios([], { cwd: root, shard: { index: 1, count: 2 } })).scenarios.map((s) => s.name)).toEqual(['alpha', 'gamma']);
    expect((await runScenarios([], { cwd: root, shard: { index: 2, count: 2 } })).scenarios.map((s) => s.name)).toEqual(['beta']);
    expect((await runScenarios([], { cwd: root, bail: true })).scenarios.map((s) => s.name)).toEqual(['alpha']);
  });
});

describe('--update and manifests', () => {
  test('--update refuses a snapshot path that names a manifest, and leaves the manifest as it was', async () => {
    const svc = webService();
    const root = tempTree({ 's/scenario.yaml': scenario('expect:\n  get: [ { resource: svc, snapshot: svc.yaml } ]\n'), 's/svc.yaml': svc });
    const run = await runScenarios([root], { cwd: root, update: true, jobs: 1 });
    expect(run.scenarios[0].status).toBe('error');
    expect(run.scenarios[0].expectations[0].message).toMatch(/snapshot "svc.yaml" must not be a .yaml file/);
    expect(fs.readFileSync(path.join(root, 's/svc.yaml'), 'utf8')).toBe(svc);
  });
});

describe('matrix exceptions', () => {
  const files = (except: string) => ({
    's/scenario.yaml': scenario(`expect:
  matrix:
    - from: [ external, pod, node/* ]
      to: [ "web:8080", "\${svc:web}:8080" ]
      expect: ok
      except:
${except}`),
    's/deploy.yaml': WEB_DEPLOYMENT,
    's/svc.yaml': webService(),
  });

  test('an exception names rows and columns as written (node/*, a target before expansion) or as expanded; a later one wins', async () => {
    const { result } = await runOne(files(`        - { from: external, to: "web:8080", outcome: dns-error }
        - { from: external, to: "\${svc:web}:8080", outcome: dropped }
        - { from: "node/*", to: "web:8080", outcome: ok }
        - { from: "node/*", to: "web:8080", outcome: dns-error }
`));
    expect(result.expectations[0].message).toMatch(/^matrix .*\(\d+ cells\)$/);
    expect(result.status).toBe('passed');
  });

  test('an exception that names no cell cannot be evaluated (a typo must not leave the default silently in place)', async () => {
    const { result } = await runOne(files(`        - { from: external, to: "web:8080", outcome: dns-error }
        - { from: external, to: "\${svc:web}:8080", outcome: dropped }
        - { from: "node/*", to: "web:8080", outcome: dns-error }
        - { from: pod/typo, to: "web:8080", outcome: refused }
`));
    expect(result.expectations[0].status).toBe('error');
    expect(result.expectations[0].message).toMatch(/^except\[3\] \(pod\/typo -> web:8080\) names no cell of the matrix; rows: external, pod, node\/\*/);
  });
});

describe('expectations that cannot be evaluated say why', () => {
  test('an objects ref with a misspelt kind is an error with a did-you-mean', async () => {
    const { result } = await runOne({ 's/scenario.yaml': scenario('expect:\n  objects: [ { ref: Servce/web } ]\n'), 's/svc.yaml': webService() });
    expect(result.expectations[0]).toMatchObject({ status: 'error', message: 'objects: svclab simulates Node, Service, Pod, Endpoints, EndpointSlice; "Servce" is not one of them (did you mean "Service"?)' });
  });
});

describe('endpoints expectations follow the EndpointSlice controller (podToEndpoint)', () => {
  test('under publishNotReadyAddresses, not-ready pods are listed as ready: `ready: { workload }` holds', async () => {
    const { result } = await runOne({
      's/scenario.yaml': scenario(`steps:
  - name: the pods fail their readiness probe
    setReady: [ { ref: Deployment/web, ready: false } ]
    expect:
      endpoints:
        - service: web
          ready: { workload: Deployment/web, count: 3 }
          notReady: { count: 0 }
`),
      's/deploy.yaml': WEB_DEPLOYMENT,
      's/svc.yaml': webService().replace('spec:\n', 'spec:\n  publishNotReadyAddresses: true\n'),
    });
    expect(result.expectations.map((e) => `${e.status} ${e.message}`)).toEqual([expect.stringMatching(/^passed /)]);
  });
});

describe('a scenario that trips over its files does not end the run', () => {
  test('a dangling symlink among the manifests is a load error of that scenario (exit 2), the others still run', async () => {
    const root = tempTree({ 'a/scenario.yaml': scenario('expect:\n  lint: { errors: 0 }\n', 'a'), 'a/d.yaml': WEB_DEPLOYMENT, 'b/scenario.yaml': scenario('expect:\n  lint: { errors: 0 }\n', 'b'), 'b/d.yaml': WEB_DEPLOYMENT });
    fs.symlinkSync(path.join(root, 'missing.yaml'), path.join(root, 'a/broken.yaml'));
    const run = await runScenarios([root], { cwd: root, jobs: 1 });
    expect(run.scenarios.map((s) => [s.name, s.status])).toEqual([['a', 'error'], ['b', 'passed']]);
    expect(run.scenarios[0].expectations[0]).toMatchObject({ kind: 'load', file: 'a/broken.yaml', line: 1, message: 'cannot read the manifest a/broken.yaml: it is a link to a file that does not exist' });
  });

  test('an internal error while running one scenario becomes an error result of that scenario', () => {
    const root = tempTree({ 's/scenario.yaml': scenario('expect:\n  lint: { errors: 0 }\n'), 's/d.yaml': WEB_DEPLOYMENT });
    let result: unknown;
    jest.isolateModules(() => {
      jest.doMock('../../src/scenario/run', () => ({ ...jest.requireActual('../../src/scenario/run'), runScenario: () => { throw new Error('boom'); } }));
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { executeTask } = require('../../src/scenario/execute') as typeof import('../../src/scenario/execute');
      result = executeTask({ dir: path.join(root, 's'), variant: 'normal' }, { cwd: root });
    });
    expect(result).toMatchObject({ status: 'error', expectations: [{ kind: 'load', status: 'error', message: 'svclab failed while running this scenario: boom (please report it)' }] });
  });
});
