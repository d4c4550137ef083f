/**
 * Issue 13, points 6 and 7: limits a user can see and change.
 *  - replicas / parallelism are int32 in the API (k8s.io/api apps/v1 DeploymentSpec.Replicas
 *    *int32, batch/v1 JobSpec.Parallelism *int32): 2147483648 does not decode ("cannot unmarshal
 *    number 2147483648 into Go struct field ... of type int32"), so lint reports it;
 *  - a valid but huge count would create one pod per replica: the simulator stops at a pod limit
 *    (50,000 by default) with an error naming the workload, worded like the ResourceQuota
 *    admission plugin's (k8s.io/apiserver/pkg/admission/plugin/resourcequota, "exceeded quota:
 *    ..., requested: pods=N, used: pods=U, limited: pods=L");
 *  - a reachability matrix of more than 10,000 cells is a located scenario error; a large one
 *    under the limit reports without a stack overflow.
 */
import * as path from 'node:path';
import { lintSources } from '../../src/lint';
import { simulate } from '../../src/sim/simulate';
import { PodLimitError } from '../../src/sim/pods';
import { ClusterConfigError } from '../../src/sim/cluster-config';
import { DEFAULT_MAX_PODS, MAX_POD_LIMIT } from '../../src/sim/limits';
import { loadScenario } from '../../src/scenario/load';
import { runScenario } from '../../src/scenario/run';
import { MAX_MATRIX_CELLS } from '../../src/scenario/limits';
import { formatScenarioReport, SCENARIO_FORMATS } from '../../src/report/scenario/index';
import { renderTable } from '../../src/views/printers';
import { runCli } from '../helpers';
import { removeTempDirs, tempDir, write } from './temp';

const deployment = (replicas: string, name = 'web') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: { app: ${name} }
  template:
    metadata:
      labels: { app: ${name} }
    spec:
      containers:
      - name: web
        image: nginx
`;

const job = (parallelism: string) => `apiVersion: batch/v1
kind: Job
metadata:
  name: batch
spec:
  parallelism: ${parallelism}
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: worker
        image: busybox
`;

const schemaFindings = (text: string) => lintSources([{ path: 'a.yaml', absPath: null, text }]).findings.filter((f) => f.ruleId === 'schema').map((f) => `${f.path}: ${f.message}`);

describe('int32 counts, as the API server decodes them', () => {
  test('replicas: 2147483647 is the largest int32, and valid', () => {
    expect(schemaFindings(deployment('2147483647'))).toEqual([]);
  });

  test('replicas: 2147483648 does not fit an int32: a schema error at the field', () => {
    expect(schemaFindings(deployment('2147483648'))).toEqual([expect.stringMatching(/^spec\.replicas: .*at most 2147483647, but it is 2147483648/)]);
  });

  test('a Job\'s parallelism and completions are int32 too', () => {
    expect(schemaFindings(job('2147483648'))).toEqual([expect.stringMatching(/^spec\.parallelism: .*at most 2147483647/)]);
    expect(schemaFindings(job('2147483647'))).toEqual([]);
  });

  test('StatefulSet, ReplicaSet and ReplicationController replicas, and ordinals.start', () => {
    const sts = deployment('4294967296').replace('kind: Deployment', 'kind: StatefulSet').replace('spec:\n  replicas', 'spec:\n  serviceName: web\n  ordinals: { start: 2147483648 }\n  replicas');
    expect(schemaFindings(sts).map((f) => f.split(':')[0]).sort()).toEqual(['spec.ordinals.start', 'spec.replicas']);
    expect(schemaFindings(deployment('2147483648').replace('kind: Deployment', 'kind: ReplicaSet'))).toHaveLength(1);
    const rc = `apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: rc\nspec:\n  replicas: 2147483648\n  selector: { app: rc }\n  template:\n    metadata:\n      labels: { app: rc }\n    spec:\n      containers: [ { name: c, image: nginx } ]\n`;
    expect(schemaFindings(rc)).toEqual([expect.stringMatching(/^spec\.replicas: /)]);
  });
});

describe('the pod limit', () => {
  test('replicas: 2147483647 stops the simulation at once with an error naming the workload', () => {
    const started = Date.now();
    let error: unknown;
    try {
      simulate(`${deployment('3', 'small')}---\n${deployment('2147483647')}`);
    } catch (err) {
      error = err;
    }
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error).toBeInstanceOf(PodLimitError);
    const e = error as PodLimitError;
    expect(e.workload).toEqual({ kind: 'Deployment', namespace: 'default', name: 'web' });
    // CoreDNS's two pods and the three of `small` exist already.
    expect({ requested: e.requested, used: e.used, limit: e.limit }).toEqual({ requested: 2147483647, used: 5, limit: DEFAULT_MAX_PODS });
    expect(e.message).toBe(
      'Deployment default/web asks for 2147483647 pods, more than the simulated cluster holds: exceeded the pod limit, requested: pods=2147483647, used: pods=5, limited: pods=50000. ' +
        'Lower spec.replicas, or raise the limit with --max-pods N or spec.maxPods in the Cluster object.',
    );
  });

  test('a Job\'s parallelism counts, capped by its completions (as the Job controller starts min(parallelism, completions))', () => {
    expect(() => simulate(job('2147483647'))).toThrow(/^Job default\/batch asks for 2147483647 pods.*Lower spec\.parallelism/);
    expect(simulate(job('2147483647').replace('parallelism:', 'completions: 2\n  parallelism:')).pods.filter((p) => p.namespace === 'default')).toHaveLength(2);
  });

  test('the limit counts every pod: exactly at the limit is fine, one more is refused', () => {
    // 10 of the input, CoreDNS's 2 and the ingress-nginx controller's 1 (the cluster runs it unless the Cluster turns it off).
    const cluster = { maxPods: 13 };
    expect(simulate(deployment('10'), { cluster }).pods).toHaveLength(13);
    expect(simulate(deployment('11'), { cluster: { ...cluster, ingressController: 'none' } }).pods).toHaveLength(13);
    expect(() => simulate(deployment('11'), { cluster })).toThrow(PodLimitError);
  });

  test('a Cluster object among the manifests sets it (spec.maxPods), and the schema knows the field', () => {
    const clusterObject = 'apiVersion: svclab.io/v1alpha1\nkind: Cluster\nmetadata:\n  name: lab\nspec:\n  maxPods: 100000\n';
    expect(simulate(`${clusterObject}---\n${deployment('60000')}`).pods).toHaveLength(60003);
    expect(lintSources([{ path: 'c.yaml', absPath: null, text: clusterObject }]).findings).toEqual([]);
    expect(lintSources([{ path: 'c.yaml', absPath: null, text: clusterObject.replace('100000', '500001') }]).findings.map((f) => f.ruleId)).toEqual(['schema']);
  });

  test(`it can be raised to ${MAX_POD_LIMIT} and no further: a limit past that is a cluster error, not a way to exhaust memory`, () => {
    expect(() => simulate(deployment('1'), { cluster: { maxPods: MAX_POD_LIMIT + 1 } })).toThrow(ClusterConfigError);
    expect(() => simulate(deployment('1'), { cluster: { maxPods: 0 } })).toThrow(/not a pod count from 1 to 500000/);
  });

  test('CLI: get|curl|dig say it and exit 2; --max-pods changes it and is checked', async () => {
    const dir = tempDir('svclab-limits-');
    write(dir, 'm.yaml', deployment('2147483647'));
    write(dir, 'small.yaml', deployment('30'));
    for (const argv of [['get', 'pods', '-f', 'm.yaml'], ['curl', 'web:80', '-f', 'm.yaml'], ['dig', 'web', '-f', 'm.yaml']]) {
      const r = await runCli(argv, { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^svclab \w+: Deployment default\/web asks for 2147483647 pods, .*--max-pods N/m);
    }
    expect((await runCli(['get', 'pods', '-f', 'small.yaml', '--max-pods', '20'], { cwd: dir })).stderr).toMatch(/asks for 30 pods.*limited: pods=20/);
    expect((await runCli(['get', 'pods', '-f', 'small.yaml', '--max-pods', '40'], { cwd: dir })).code).toBe(0);
    for (const bad of ['0', '1.5', '500001']) {
      const r = await runCli(['get', 'pods', '-f', 'small.yaml', '--max-pods', bad], { cwd: dir });
      expect(r).toMatchObject({ code: 2, stderr: expect.stringMatching(/--max-pods needs a whole number from 1 to 500000/) });
    }
  });

  test('svclab test: a scenario over the limit fails with the message on each expectation; cluster.maxPods and --max-pods raise it', async () => {
    const root = tempDir('svclab-limits-');
    write(root, 's/app.yaml', deployment('60'));
    write(root, 's/scenario.yaml', 'apiVersion: svclab.io/v1alpha1\nkind: Scenario\nmetadata:\n  name: many\ncluster: { maxPods: 50 }\nexpect:\n  objects:\n    - ref: Pod/web-*\n      count: 60\n');
    const failed = await runCli(['test', 's', '--format', 'json'], { cwd: root });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/Deployment default\/web asks for 60 pods, .*limited: pods=50/);
    expect((await runCli(['test', 's', '--max-pods', '100'], { cwd: root })).code).toBe(0);
  });
});

describe('reachability matrices', () => {
  const matrixScenario = (from: number, to: number) => {
    const root = tempDir('svclab-matrix-');
    write(root, 's/app.yaml', deployment('1'));
    const list = (n: number, f: (i: number) => string) => `[ ${Array.from({ length: n }, (_, i) => f(i)).join(', ')} ]`;
    write(root, 's/scenario.yaml', `apiVersion: svclab.io/v1alpha1\nkind: Scenario\nmetadata:\n  name: m\nexpect:\n  matrix:\n    - from: ${list(from, () => 'pod')}\n      to: ${list(to, (i) => `10.0.${Math.floor(i / 250)}.${i % 250}:80`)}\n      expect: ok\n`);
    return { root, dir: path.join(root, 's') };
  };

  test(`more than ${MAX_MATRIX_CELLS} cells is a load error at the matrix`, () => {
    const { root, dir } = matrixScenario(101, 100);
    const loaded = loadScenario(dir, root);
    expect(loaded.ok).toBe(false);
    expect(!loaded.ok && loaded.errors).toEqual([
      { file: 's/scenario.yaml', line: 7, column: 7, path: 'expect.matrix[0]', message: 'this matrix has 101 sources x 100 targets = 10100 cells, more than the limit of 10000; split it into several matrices (each checks its own sources and targets)' },
    ]);
  });

  test('node/* counts every node: a matrix that only grows past the limit when expanded is an error on that matrix', () => {
    const root = tempDir('svclab-matrix-');
    write(root, 's/app.yaml', deployment('1'));
    const to = Array.from({ length: 100 }, (_, i) => `10.0.0.${i}:80`).join(', ');
    write(root, 's/scenario.yaml', `apiVersion: svclab.io/v1alpha1\nkind: Scenario\nmetadata:\n  name: m\ncluster: { nodes: 200 }\nexpect:\n  matrix:\n    - from: [ node/* ]\n      to: [ ${to} ]\n      expect: dropped\n`);
    const loaded = loadScenario(path.join(root, 's'), root);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const [result] = runScenario(loaded.scenario).expectations;
    expect(result).toMatchObject({ kind: 'matrix', status: 'error', line: 8, column: 7 });
    expect(result.message).toMatch(/201 sources x 100 targets = 20100 cells, more than the limit of 10000/);
  });

  test('a failing matrix at the limit reports in every format (no spread of a huge list)', () => {
    const { root, dir } = matrixScenario(100, 100);
    const loaded = loadScenario(dir, root);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const result = runScenario(loaded.scenario);
    const [matrix] = result.expectations;
    expect(matrix.table).toMatchObject({ right: 0, wrong: 10000 });
    const run = { scenarios: [result], summary: { scenarios: 1, passed: 0, failed: 1, errors: 0, expectations: 1, expectationsFailed: 1, seed: 1 }, missing: [] };
    for (const format of SCENARIO_FORMATS) {
      const text = formatScenarioReport(format, run, { color: false });
      // json, tap and html say how many cells differ (html shows them in its table); stylish, junit and github list every wrong cell.
      if (format === 'json' || format === 'tap' || format === 'html') expect(text).toMatch(/10000 of 10000 cells differ/);
      else expect(text).toContain('pod -> 10.0.0.99:80: dropped, expected ok');
    }
  });

  test('a kubectl table of 200,000 rows renders (widths without a spread)', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [`pod-${i}`, 'Running']);
    expect(renderTable({ headers: ['NAME', 'STATUS'], rows }).split('\n')).toHaveLength(200_002);
  });
});

afterAll(removeTempDirs);
