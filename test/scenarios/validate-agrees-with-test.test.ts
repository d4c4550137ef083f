/**
 * `svclab validate` and `svclab test` build a scenario's state through the same pipeline
 * (src/scenario/analysis.ts -> src/pipeline.ts): the same files, linted against the same
 * cluster, `expect.lint` judged the same way. They agree by construction; these tests hold
 * them to it, on the cases where they used to disagree and on every scenario in the repository.
 */
import * as path from 'node:path';
import { runCli, REPO_ROOT } from '../helpers';
import { scenario, tempTree, WEB_DEPLOYMENT } from './fixtures';

interface Verdicts {
  validate: Record<string, boolean>;
  test: Record<string, boolean>;
}

/** Per scenario file: does `svclab validate` find it valid, does `svclab test` pass it (an exercise's solution under --solutions)? */
async function verdicts(operands: string[], cwd: string): Promise<Verdicts> {
  const v = await runCli(['validate', '--no-color', ...operands], { cwd });
  const validate: Record<string, boolean> = {};
  for (const m of v.stdout.matchAll(/^([✓✗!]) \S+ (\S+scenario\.yaml)/gm)) validate[m[2]] = m[1] === '✓';
  const t = await runCli(['test', '--solutions', '--format', 'json', '--jobs', '1', ...operands], { cwd });
  const report = JSON.parse(t.stdout) as { scenarios: Array<{ name: string; file: string; status: string }> };
  const test: Record<string, boolean> = {};
  // An exercise's starting state must fail; validate checks its solution, as `[solution]` runs it.
  for (const s of report.scenarios) if (!s.name.endsWith('[starting state]')) test[s.file] = s.status === 'passed';
  return { validate, test };
}

const NODEPORT_SERVICE = (nodePort: number) => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector: { app: web }
  ports:
  - port: 80
    nodePort: ${nodePort}
`;

describe('validate and test agree', () => {
  test('a scenario whose cluster has a custom nodePortRange, with a nodePort inside it and outside 30000-32767: both pass', async () => {
    const root = tempTree({
      'range/scenario.yaml': scenario(
        [
          'cluster: { nodePortRange: 20000-22767 }',
          'expect:',
          '  lint: { errors: 0 }',
          '  routes:',
          '    - { from: external, to: "${node:node-1}:21000", expect: { outcome: ok, reaches: { workload: Deployment/web } } }',
          '',
        ].join('\n'),
        'custom-range',
      ),
      'range/deploy.yaml': WEB_DEPLOYMENT,
      'range/svc.yaml': NODEPORT_SERVICE(21000),
    });
    const validate = await runCli(['validate', 'range'], { cwd: root });
    expect(validate.stdout).toContain('✓ custom-range');
    expect(validate.code).toBe(0);
    const test = await runCli(['test', 'range'], { cwd: root });
    expect(test.stdout).toContain('✓ 1 scenario passed');
    expect(test.code).toBe(0);
  });

  test('the cases where they used to disagree, and their mirror images, get one verdict from both', async () => {
    const files = (body: string, svc: string): Record<string, string> => ({ 'scenario.yaml': scenario(body), 'deploy.yaml': WEB_DEPLOYMENT, 'svc.yaml': svc });
    const tree: Record<string, string> = {};
    const cases: Record<string, [ReturnType<typeof files>, boolean]> = {
      // validate linted against 30000-32767 here: exit 1 while test passed.
      'custom-range': [files('cluster: { nodePortRange: 20000-22767 }\nexpect: { lint: { errors: 0 } }\n', NODEPORT_SERVICE(21000)), true],
      'outside-custom-range': [files('cluster: { nodePortRange: 20000-22767 }\nexpect: { lint: { errors: 0 } }\n', NODEPORT_SERVICE(31000)), false],
      // A Cluster object among the manifests sets the range too (test used to ignore it when linting).
      'cluster-object': [{ ...files('expect: { lint: { errors: 0 } }\n', NODEPORT_SERVICE(21000)), 'cluster.yaml': 'apiVersion: svclab.io/v1alpha1\nkind: Cluster\nmetadata: { name: lab }\nspec: { nodePortRange: 20000-22767 }\n' }, true],
      // validate passed whenever there was no lint error, even when `expect.lint` wanted one.
      'expects-an-error-that-is-not-there': [files('expect: { lint: { errors: 1 } }\n', NODEPORT_SERVICE(31000)), false],
      'expects-the-error-that-is-there': [files('expect: { lint: { findings: { contain: [ { rule: nodeport-out-of-range } ] } } }\n', NODEPORT_SERVICE(40000)), true],
      'an-error-it-does-not-expect': [files('expect: { lint: { errors: 0 } }\n', NODEPORT_SERVICE(40000)), false],
    };
    for (const [name, [f]] of Object.entries(cases)) for (const [file, text] of Object.entries(f)) tree[`${name}/${file}`] = text;
    const root = tempTree(tree);
    const { validate, test } = await verdicts(['.'], root);
    const expected = Object.fromEntries(Object.entries(cases).map(([name, [, ok]]) => [`${name}/scenario.yaml`, ok]));
    expect(validate).toEqual(expected);
    expect(test).toEqual(expected);
  });

  test('on every scenario and exercise in the repository', async () => {
    const { validate, test } = await verdicts(['scenarios', 'exercises'], REPO_ROOT);
    expect(Object.keys(validate).length).toBeGreaterThanOrEqual(24);
    expect(validate).toEqual(test);
    expect(Object.values(validate).every((ok) => ok)).toBe(true);
    expect(Object.keys(validate).map((f) => f.split(path.sep)[0]).sort()).toEqual(expect.arrayContaining(['exercises', 'scenarios']));
  });
});
