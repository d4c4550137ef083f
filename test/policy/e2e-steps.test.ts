/**
 * The e2e suite's tests that change a running cluster (test/e2e/network/netpol/network_policy.go
 * "should allow ingress access from updated pod", "should deny ingress access to updated pod",
 * "should allow ingress access from updated namespace"), written as svclab scenarios with
 * steps: the step applies the relabelled pod or namespace, and a `reachability` truth table
 * asserts the whole policy set before and after.
 */
import { runScenarios } from '../../src/scenario/index';
import { tempTree } from '../scenarios/fixtures';

const pod = (ns: string, name: string, labels: Record<string, string> = {}) =>
  JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns, labels: { pod: name, ...labels } }, spec: { containers: [{ name: 'c', image: 'agnhost', ports: [{ containerPort: 80, name: 'serve-80-tcp' }] }] } });
const namespace = (name: string, labels: Record<string, string> = {}) => JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });
const np = (name: string, ns: string, spec: object) => JSON.stringify({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: ns }, spec });

const table = (rows: string[]) => JSON.stringify(['TCP/80 | x/a | x/b | y/a', ...rows].join('\n'));

async function run(files: Record<string, string>, scenarioBody: string) {
  const root = tempTree({ ...files, 's/scenario.yaml': `apiVersion: svclab.io/v1alpha1\nkind: Scenario\nmetadata: { name: e2e }\n${scenarioBody}` });
  const result = await runScenarios([root], { cwd: root, jobs: 1 });
  const s = result.scenarios[0];
  return { status: s.status, failed: s.expectations.filter((e) => e.status !== 'passed').map((e) => `${e.name}: ${e.message}`) };
}

const cluster = [namespace('x'), namespace('y'), pod('x', 'a'), pod('x', 'b'), pod('y', 'a')].join('\n---\n');

describe('e2e network_policy.go tests with updates, as scenario steps', () => {
  test('should allow ingress access from updated pod', async () => {
    const policy = np('allow-client-a-via-pod-selector', 'x', { podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: { matchLabels: { pod: 'b', pod2: 'updated' } } }] }] });
    const r = await run({ 's/cluster.yaml': cluster, 's/policy.yaml': policy, 's/steps/b.yaml': pod('x', 'b', { pod2: 'updated' }) }, `expect:
  reachability: [ { port: 80, table: ${table(['x/a | . | . | .', 'x/b | X | . | .', 'y/a | X | . | .'])} } ]
steps:
  - name: x/b gets pod2=updated
    apply: [ steps/b.yaml ]
    expect:
      reachability: [ { port: 80, table: ${table(['x/a | . | . | .', 'x/b | . | . | .', 'y/a | X | . | .'])} } ]
`);
    expect(r.failed).toEqual([]);
    expect(r.status).toBe('passed');
  });

  test('should deny ingress access to updated pod', async () => {
    const policy = np('deny-ingress-via-label-selector', 'x', { podSelector: { matchLabels: { target: 'isolated' } }, policyTypes: ['Ingress'] });
    const r = await run({ 's/cluster.yaml': cluster, 's/policy.yaml': policy, 's/steps/a.yaml': pod('x', 'a', { target: 'isolated' }) }, `expect:
  reachability: [ { port: 80, table: ${table(['x/a | . | . | .', 'x/b | . | . | .', 'y/a | . | . | .'])} } ]
steps:
  - name: x/a gets target=isolated
    apply: [ steps/a.yaml ]
    expect:
      reachability: [ { port: 80, table: ${table(['x/a | . | . | .', 'x/b | X | . | .', 'y/a | X | . | .'])} } ]
`);
    expect(r.failed).toEqual([]);
  });

  test('should allow ingress access from updated namespace', async () => {
    const policy = np('allow-client-a-via-ns-selector', 'x', { podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ namespaceSelector: { matchLabels: { ns2: 'updated' } } }] }] });
    const r = await run({ 's/cluster.yaml': cluster, 's/policy.yaml': policy, 's/steps/y.yaml': namespace('y', { ns2: 'updated' }) }, `expect:
  reachability: [ { port: 80, table: ${table(['x/a | . | . | .', 'x/b | X | . | .', 'y/a | X | . | .'])} } ]
steps:
  - name: namespace y gets ns2=updated
    apply: [ steps/y.yaml ]
    expect:
      reachability: [ { port: 80, table: ${table(['x/a | . | . | .', 'x/b | X | . | .', 'y/a | . | . | .'])} } ]
`);
    expect(r.failed).toEqual([]);
  });

  test('wrong cells fail the expectation (x/a and x/b are both isolated)', async () => {
    const policy = np('deny', 'x', { podSelector: {}, policyTypes: ['Ingress'] });
    const r = await run({ 's/cluster.yaml': cluster, 's/policy.yaml': policy }, `expect:
  reachability: [ { port: 80, table: ${table(['x/a | . | . | .', 'x/b | . | . | .', 'y/a | X | X | .'])} } ]
`);
    expect(r.status).toBe('failed');
    expect(r.failed).toEqual([expect.stringContaining('2 of 9 cells differ')]);
  });
});
