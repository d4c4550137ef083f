/**
 * Issue 11, point 8: an author's mistakes are found when the scenario is loaded and by
 * `svclab validate`, all of a file's mistakes in one pass, labelled as author errors, with
 * did-you-mean: schema enum values, sources (`from: node-1`) and placeholders (`${nod:...}`,
 * `${node:node-9}`). The source forms are those of src/sim/proxy/request.ts parseSource.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers';

const SCENARIO = `apiVersion: svclab.io/v1alpha1
kind: Scenario
metadata: { name: author }
expect:
  routes:
    - from: node-1
      to: \${node:node-9}:30080
      protocol: tcp
      expect: { outcome: ok }
    - from: pod
      to: \${nod:node-1}:30080
      expect: { outcome: ok }
  dns:
    - from: pod
      name: web
      type: a
      expect: { rcode: NOERROR }
  matrix:
    - from: [ "node/*", external ]
      to: [ "\${node:*}:30080" ]
      expect: ok
`;

function folder(text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-author-'));
  fs.writeFileSync(path.join(dir, 'scenario.yaml'), text);
  fs.writeFileSync(path.join(dir, 'svc.yaml'), 'apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec: { selector: { app: web }, ports: [ { port: 80 } ] }\n');
  return dir;
}

describe('author mistakes, found when loading', () => {
  test('validate reports the schema errors and the source and placeholder mistakes together, in file order, with did-you-mean', async () => {
    const dir = folder(SCENARIO);
    const r = await runCli(['validate', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    const lines = r.stdout.split('\n').filter((l) => /scenario\.yaml:\d+:\d+/.test(l)).map((l) => l.trim());
    expect(lines).toEqual([
      'scenario.yaml:6:13  author error: from "node-1" is not a source: a source is pod, pod/NAME, pod/NAMESPACE/NAME, node/NAME or external (did you mean node/node-1?)',
      "scenario.yaml:7:11  author error: ${node:node-9} names no node of the scenario's cluster (nodes: control-plane, node-1, node-2, node-3); did you mean ${node:node-1}?",
      expect.stringMatching(/^scenario\.yaml:8:17 {2}expect\.routes\[0\]\.protocol must be one of "TCP", "UDP", "SCTP" \(did you mean "TCP"\?\)$/),
      'scenario.yaml:11:11  author error: ${nod:node-1} is not a placeholder: use ${svc:NAME}, ${lb:NAME}, ${nodePort:NAME}, ${node:NAME} or ${pod:NAME} (did you mean ${node:node-1}?)',
      expect.stringMatching(/^scenario\.yaml:16:13 {2}expect\.dns\[0\]\.type must be one of .*\(did you mean "A"\?\)$/),
    ]);
  });

  test('svclab test refuses the same scenario before running anything (the learner never sees it as a hint)', async () => {
    const dir = folder(SCENARIO.replace('protocol: tcp', 'protocol: TCP').replace('type: a', 'type: A'));
    const r = await runCli(['test', '.', '--no-color'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('(cannot be loaded)');
    expect(r.stdout.match(/author error:/g)).toHaveLength(3);
    expect(r.stdout).not.toMatch(/hint:/);
  });

  test('node names follow cluster.nodes; a Cluster object among the manifests turns the node-name check off', async () => {
    const five = folder(`cluster: { nodes: 5 }\n${SCENARIO.replace('protocol: tcp', 'protocol: TCP').replace('type: a', 'type: A').replace('from: node-1', 'from: node/node-5').replace('${node:node-9}', '${node:node-4}').replace('${nod:', '${node:')}`);
    expect((await runCli(['validate', '.'], { cwd: five })).stdout).not.toContain('author error');
    const withCluster = folder(SCENARIO.replace('protocol: tcp', 'protocol: TCP').replace('type: a', 'type: A').replace('from: node-1', 'from: node/worker-a').replace('${nod:', '${node:'));
    fs.writeFileSync(path.join(withCluster, 'cluster.yaml'), 'apiVersion: svclab.io/v1alpha1\nkind: Cluster\nmetadata: { name: c }\nspec: { nodes: [ { name: worker-a } ] }\n');
    const out = (await runCli(['validate', '.'], { cwd: withCluster })).stdout;
    expect(out).not.toContain('names no node');
  });
});
