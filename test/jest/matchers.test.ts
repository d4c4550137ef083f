import { svclabMatchers, toHaveFinding, toRouteTo, toResolveTo } from '../../src/jest';
import { simulate } from '../../src/sim/index';
import { lintYaml } from '../helpers';

expect.extend(svclabMatchers);

const MANIFESTS = `apiVersion: apps/v1
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
        image: example/web:1
        ports: [ { containerPort: 80 } ]
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [ { port: 8080, targetPort: 80 } ]
---
apiVersion: v1
kind: Service
metadata: { name: typo }
spec:
  selector: { app: wbe }
  ports: [ { port: 8080, targetPort: 80 } ]
`;

describe('custom matchers', () => {
  const cluster = simulate(MANIFESTS);

  test('toRouteTo: by workload shorthand and by expectation object', () => {
    expect(cluster).toRouteTo('pod', 'http://web:8080', 'Deployment/web');
    expect(cluster).toRouteTo('pod', 'web:8080', { outcome: 'ok', count: 20, spread: 'all', reaches: { count: 2 } });
    expect(cluster).not.toRouteTo('pod', 'typo:8080', 'Deployment/web');
    expect(cluster).toRouteTo('pod', 'typo:8080', { outcome: 'refused', reaches: 'none' });
  });

  test('toRouteTo explains what differs', () => {
    const r = toRouteTo(cluster, 'pod', 'typo:8080', 'Deployment/web');
    expect(r.pass).toBe(false);
    expect(r.message()).toMatch(/ended refused/);
  });

  test('toRouteTo with `assumed`: whether the outcome rests on svclab\'s guess of the ports the app listens on', () => {
    // web declares containerPort 80: a delivery there is certain; port 8081 is undeclared, so its refusal is assumed.
    expect(cluster).toRouteTo('pod', 'web:8080', { outcome: 'ok', assumed: false });
    const undeclared = simulate(MANIFESTS.replace('ports: [ { port: 8080, targetPort: 80 } ]', 'ports: [ { port: 8080, targetPort: 8081 } ]'));
    expect(undeclared).toRouteTo('pod', 'web:8080', { outcome: 'refused', assumed: true });
    const r = toRouteTo(undeclared, 'pod', 'web:8080', { outcome: 'refused', assumed: false });
    expect(r.pass).toBe(false);
    expect(r.message()).toMatch(/1 of 1 outcome is assumed \(svclab's guess of the ports the app listens on\), expected it to be certain: declare the port, or state it with the pod template annotation svclab.io\/listens/);
  });

  test('toResolveTo: addresses or a DNS expectation', () => {
    const ip = cluster.services.find((s) => s.name === 'web')!.clusterIP!;
    expect(cluster).toResolveTo('pod', 'web', [ip]);
    expect(cluster).toResolveTo('node/node-1', 'web', { rcode: 'NXDOMAIN' });
    expect(toResolveTo(cluster, 'pod', 'web', ['10.0.0.1']).message()).toMatch(/has no item matching "10.0.0.1"/);
  });

  test('toHaveFinding on a lint run', () => {
    const run = lintYaml(MANIFESTS);
    expect(run).toHaveFinding('service-selector-no-match');
    expect(run).toHaveFinding({ rule: 'service-selector-no-match', object: 'Service/typo', severity: 'error' });
    expect(run).not.toHaveFinding({ rule: 'service-selector-no-match', object: 'Service/web' });
    expect(toHaveFinding(run.findings, 'no-such-rule').message()).toMatch(/service-selector-no-match/);
  });
});

describe('scenarioTests failure text', () => {
  test('a failed expectation becomes an Error message with position, mismatches, table and hint', () => {
    const { formatFailure } = jest.requireActual('../../src/jest') as typeof import('../../src/jest');
    const text = formatFailure({
      kind: 'routes', status: 'failed', name: 'n', step: null, file: 's/scenario.yaml', line: 4, column: 7, message: 'outcome differs',
      expected: 'ok', actual: 'refused', hint: 'Check the selector.', mismatches: [{ path: 'reaches', message: 'cannot reach web-0' }], explain: ['selector app=wbe picks 0 pods'], table: null, seed: 1,
    });
    expect(text.split('\n')).toEqual(['outcome differs', '  at s/scenario.yaml:4:7', '  reaches cannot reach web-0', '  why:', '    selector app=wbe picks 0 pods', '  hint: Check the selector.']);
  });
});
