import { lintSources } from '../../src/lint';
import { ruleTester, runCli } from '../helpers';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * What the tools do with a repeated key (src/parse/duplicate-key.ts): kubectl converts YAML with
 * sigs.k8s.io/yaml `YAMLToJSON` (go-yaml's non-strict Unmarshal: the last value wins, silently);
 * kustomize's kyaml (go-yaml v3) refuses with `mapping key "x" already defined`; strict decoding
 * (yaml.v2 `UnmarshalStrict`, the API server's strict field validation) refuses with
 * `key "x" already set in map`.
 */
ruleTester('duplicate-key', {
  valid: [
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n`,
    // The same key in different mappings is not a duplicate.
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels: {name: a}\ndata:\n  name: a\n`,
  ],
  invalid: [
    {
      // YAMLToJSON keeps the second selector: the Service selects app=web-v2.
      code: `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n  selector:\n    app: web-v2\n`,
      errors: [{
        line: 10, column: 3, path: 'spec.selector', object: 'Service/default/web',
        message: 'the key `selector` appears again in this mapping (first at line 6); kubectl keeps only the last value (this one) and silently drops the earlier one, while kustomize and the API server\'s strict decoding reject the document',
      }],
    },
    {
      code: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, name: b}\n`,
      errors: [{ line: 3, column: 21, path: 'metadata.name', object: 'ConfigMap/default/b', message: 'the key `name` appears again in this mapping (first at line 3); kubectl keeps only the last value (this one, `name: b`)' }],
    },
    {
      code: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  "a.conf": x\n  "a.conf": y\n`,
      errors: [{ line: 7, column: 3, path: 'data["a.conf"]', message: 'the key `"a.conf"` appears again' }],
    },
    {
      // The case: real limits silently replaced by `resources: {}`. Three times: each repeat is
      // reported, and each names the one kubectl keeps (the last).
      code: `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\nspec:\n  containers:\n  - name: c\n    image: nginx\n    resources: {limits: {cpu: "1"}}\n    resources: {requests: {cpu: "1"}}\n    resources: {}\n`,
      errors: [
        { line: 9, column: 5, path: 'spec.containers[0].resources', object: 'Pod/shop/p', message: 'kubectl keeps only the last value (line 10, `resources: {}`)' },
        { line: 10, column: 5, path: 'spec.containers[0].resources', object: 'Pod/shop/p', message: 'kubectl keeps only the last value (this one, `resources: {}`)' },
      ],
    },
    {
      // An item of a kind: List is its own object.
      code: `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: one}\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: two\n    labels: {a: "1"}\n    labels: {b: "2"}\n`,
      errors: [{ line: 12, column: 5, path: 'metadata.labels', object: 'ConfigMap/default/two' }],
    },
  ],
});

describe('duplicate-key is located and attached like a rule finding', () => {
  const code = `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n  selector: {app: web-v2}\n`;

  test('the range spans the whole key, not its first character', () => {
    const f = lintSources([{ path: 'svc.yaml', absPath: null, text: code }]).findings.find((x) => x.ruleId === 'duplicate-key')!;
    expect([f.line, f.column, f.endLine, f.endColumn]).toEqual([8, 3, 8, 11]);
  });

  test('svclab.io/ignore on the object silences it, as for every finding about an object', () => {
    const ignored = code.replace('  name: web\n', '  name: web\n  annotations: {svclab.io/ignore: duplicate-key}\n');
    expect(lintSources([{ path: 'svc.yaml', absPath: null, text: ignored }]).findings.filter((x) => x.ruleId === 'duplicate-key')).toEqual([]);
  });

  test('the object takes the run namespace (-n) when it sets none', () => {
    const f = lintSources([{ path: 'svc.yaml', absPath: null, text: code }], { namespace: 'shop' }).findings.find((x) => x.ruleId === 'duplicate-key')!;
    expect(f.object).toEqual({ apiVersion: 'v1', kind: 'Service', namespace: 'shop', name: 'web' });
  });

  test('CLI: the JSON finding names object and path', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-dupkey-'));
    fs.writeFileSync(path.join(dir, 'svc.yaml'), code);
    const r = await runCli(['lint', '-o', 'json', path.join(dir, 'svc.yaml')]);
    const f = JSON.parse(r.stdout).findings.find((x: { ruleId: string }) => x.ruleId === 'duplicate-key');
    expect(r.code).toBe(1);
    expect(f).toMatchObject({ object: { kind: 'Service', name: 'web' }, path: 'spec.selector', line: 8, column: 3, endColumn: 11 });
    expect(f.hint).toMatch(/Keep one `selector`/);
  });
});
