/**
 * kubectl puts an object without metadata.namespace into the namespace it is told (`-n`), else
 * the context's (kubectl's `--namespace` flag, cli-runtime resource.Builder DefaultNamespace):
 * a file that names a namespace on only some objects is linted for that namespace too, and the
 * findings that hold only in `default` become one hint (src/rules/default-namespace.ts).
 */
import { lintYaml, ruleTester, runCli } from '../helpers';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const web = (ns?: string) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: web${ns ? `, namespace: ${ns}` : ''} }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [ { name: web, image: nginx, ports: [ { containerPort: 80 } ] } ]
---
`;
const svc = (ns?: string, port = 80) => `apiVersion: v1
kind: Service
metadata: { name: web${ns ? `, namespace: ${ns}` : ''} }
spec:
  selector: { app: web }
  ports: [ { port: ${port} } ]
---
`;

ruleTester('namespace-partly-set', {
  valid: [
    // Every object names its namespace, or none does.
    web('shop') + svc('shop'),
    web() + svc(),
    // The namespace changes nothing svclab can tell: no hint.
    web('shop') + `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: settings }\n`,
    // An explicit -n (even the default one) is what the user chose.
    { code: web('shop') + svc(), options: { namespace: 'default' } },
    { code: web('shop') + svc(), options: { namespace: 'shop' } },
    // Two namespaces written: which one the others go to is not clear.
    web('shop') + svc('cart').replace('name: web', 'name: cart') + svc(),
  ],
  invalid: [
    {
      code: web('shop') + svc(),
      errors: [{
        line: 13, path: 'metadata', severity: 'info', object: 'Service/default/web',
        message: '1 object of this file sets no namespace while 1 other sets namespace shop; svclab linted it in namespace default, where 1 finding holds that would not hold in shop (left out)',
      }],
    },
    {
      // Findings that hold only in the named namespace are counted too (the Service there exposes 80, the Ingress wants 8080).
      code: web('shop') + svc() + `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: { name: web, namespace: shop }\nspec:\n  defaultBackend: { service: { name: web, port: { number: 8080 } } }\n`,
      errors: [{ message: '1 object of this file sets no namespace while 2 others set namespace shop; svclab linted it in namespace default, where 2 findings hold that would not hold in shop (left out); in shop, 1 other finding would hold instead' }],
    },
  ],
});

describe('what is left out, and what is kept', () => {
  test('without -n: the finding that holds only in default is left out; with -n default it is reported', () => {
    const text = web('shop') + svc();
    expect(lintYaml(text).findings.map((f) => f.ruleId)).toEqual(['namespace-partly-set']);
    expect(lintYaml(text, { namespace: 'default' }).findings.map((f) => f.ruleId)).toEqual(['service-selector-no-match']);
  });

  test('a finding that holds in both namespaces stays (a Service with no matching pods anywhere)', () => {
    const text = web('shop') + svc().replace('{ app: web }', '{ app: wbe }');
    expect(lintYaml(text).findings.map((f) => f.ruleId).sort()).toEqual(['service-selector-no-match']);
  });

  test('CLI: one hint naming -n, exit 0', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svclab-ns-'));
    fs.writeFileSync(path.join(dir, 'app.yaml'), web('shop') + svc());
    const r = await runCli(['lint', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('`svclab lint -n shop`');
    expect((await runCli(['lint', '-n', 'shop', dir])).stdout).not.toContain('namespace-partly-set');
  });
});
