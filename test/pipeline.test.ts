/** `analyze()`: the one pipeline (lint against the cluster, then simulate), as the public API exposes it. */
import { analyze, ClusterConfigError, lintStage, simulateStage, type SourceFile } from '../src/index';

const source = (text: string, path = 'app.yaml'): SourceFile => ({ path, absPath: null, text });
const WEB = source('apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  selector: { matchLabels: { app: web } }\n  template:\n    metadata: { labels: { app: web } }\n    spec: { containers: [ { name: web, image: web } ] }\n', 'web.yaml');

const NODEPORT = (nodePort: number, name = 'web') => `apiVersion: v1
kind: Service
metadata: { name: ${name} }
spec:
  type: NodePort
  selector: { app: web }
  ports: [ { port: 80, nodePort: ${nodePort} } ]
`;
const CLUSTER = 'apiVersion: svclab.io/v1alpha1\nkind: Cluster\nmetadata: { name: lab }\nspec: { nodePortRange: 20000-22767 }\n';
/** The rules of the error findings. */
const rules = (a: { lint: { findings: Array<{ ruleId: string; severity: string }> } }) => a.lint.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId);

describe('analyze(sources, options)', () => {
  test('lints against the default cluster and simulates it', () => {
    const a = analyze([WEB, source(NODEPORT(31000))]);
    expect(rules(a)).toEqual([]);
    expect(a.config.nodePortRange).toEqual({ min: 30000, max: 32767 });
    expect(a.cluster.services.find((s) => s.name === 'web')?.ports[0].nodePort).toBe(31000);
    expect(a.rejected).toEqual([]);
  });

  test('a cluster override changes what the linter checks (the API server --service-node-port-range) and what is simulated', () => {
    const a = analyze([WEB, source(NODEPORT(21000))], { cluster: { nodePortRange: { min: 20000, max: 22767 } } });
    expect(rules(a)).toEqual([]);
    expect(a.cluster.services.find((s) => s.name === 'web')?.ports[0].nodePort).toBe(21000);
    const b = analyze([WEB, source(NODEPORT(31000))], { cluster: { nodePortRange: { min: 20000, max: 22767 } } });
    expect(rules(b)).toEqual(['nodeport-out-of-range']);
    // The API server refuses the object that the linter flags.
    expect(b.rejected.map((r) => `${r.kind}/${r.name}`)).toEqual(['Service/web']);
    expect(b.cluster.services.find((s) => s.name === 'web')).toBeUndefined();
  });

  test('a Cluster object among the sources sets the cluster too: the sources are linted again against it', () => {
    const a = analyze([WEB, source(CLUSTER, 'cluster.yaml'), source(NODEPORT(21000))]);
    expect(a.config.nodePortRange).toEqual({ min: 20000, max: 22767 });
    expect(rules(a)).toEqual([]);
  });

  test('simulate: false lints only; the stages give what analyze gives', () => {
    const sources = [WEB, source(NODEPORT(21000)), source(NODEPORT(40000, 'far'), 'far.yaml')];
    const options = { cluster: { nodePortRange: { min: 20000, max: 22767 } }, seed: 3 };
    const lintOnly = analyze(sources, { ...options, simulate: false });
    expect(lintOnly.cluster).toBeNull();
    expect(lintOnly.rejected).toEqual([]);
    const full = analyze(sources, options);
    expect(lintOnly.lint.findings).toEqual(full.lint.findings);
    const linted = lintStage(sources, options);
    expect(linted.lint.findings).toEqual(full.lint.findings);
    const cluster = simulateStage(linted.lint, options);
    expect(cluster.services.map((s) => `${s.name} ${s.clusterIP}`)).toEqual(full.cluster.services.map((s) => `${s.name} ${s.clusterIP}`));
    expect(cluster.rejected).toEqual(full.rejected);
  });

  test('namespace, rules and seed are the linter\'s and the simulator\'s', () => {
    const a = analyze([WEB, source(NODEPORT(40000))], { namespace: 'shop', rules: { 'nodeport-out-of-range': 'off' }, seed: 7 });
    expect(rules(a)).toEqual([]);
    expect(a.cluster.seed).toBe(7);
    expect(a.cluster.pods.filter((p) => p.name.startsWith('web-')).map((p) => p.namespace)).toEqual(['shop']);
  });

  test('a cluster that cannot be is a ClusterConfigError', () => {
    expect(() => analyze([WEB, source(NODEPORT(31000))], { cluster: { serviceCIDR: 'not-a-cidr' } })).toThrow(ClusterConfigError);
  });
});
