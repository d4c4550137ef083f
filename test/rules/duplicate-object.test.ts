import { findingsOf, ruleTester } from '../helpers';

const cm = (name: string, ns?: string) => `---
apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}${ns ? `\n  namespace: ${ns}` : ''}
data: { a: "1" }
`;

ruleTester('duplicate-object', {
  valid: [
    // SOURCES.md mysql-replicated: a ConfigMap, a Service and a StatefulSet may all be named `mysql`.
    cm('mysql') + `---\napiVersion: v1\nkind: Service\nmetadata: { name: mysql }\nspec: { clusterIP: None, selector: { app: mysql }, ports: [ { port: 3306 } ] }\n`,
    // Same name in two namespaces.
    cm('settings', 'a') + cm('settings', 'b'),
    // With --namespace team, one object in team and one in default are different objects.
    { code: cm('settings') + cm('settings', 'default'), options: { namespace: 'team' } },
    // Different groups: a custom resource may share kind and name with a built-in.
    `apiVersion: v1\nkind: Service\nmetadata: { name: web }\n---\napiVersion: serving.knative.dev/v1\nkind: Service\nmetadata: { name: web }\n`,
  ],
  invalid: [
    {
      code: cm('settings') + cm('settings'),
      errors: [{ line: 11, column: 9, path: 'metadata.name', object: 'ConfigMap/default/settings', message: /ConfigMap\/default\/settings is defined again \(first at test\.yaml:5\)/ }],
    },
    {
      // No namespace means the default namespace (or --namespace), so these are the same object.
      code: cm('settings') + cm('settings', 'default'),
      errors: [{ line: 11, column: 9 }],
    },
    {
      // Byte-identical copies: the second `kubectl apply` changes nothing, so it is only redundant (info).
      code: cm('settings') + cm('settings'),
      errors: [{ severity: 'info', message: 'identical to the definition before it; applying both changes nothing, the second copy is only redundant' }],
    },
    {
      // The same values written differently (key order, flow style, the default namespace spelled out) are the same object too.
      code: cm('settings') + `---
kind: ConfigMap
data:
  a: "1"
metadata: {namespace: default, name: settings}
apiVersion: v1
`,
      errors: [{ severity: 'info', message: 'identical' }],
    },
    {
      // A different value: one silently overwrites the other.
      code: cm('settings') + cm('settings').replace('a: "1"', 'a: "2"'),
      errors: [{ severity: 'error', message: 'so applying both lets one silently overwrite the other' }],
    },
    {
      // Across files, and for cluster-scoped kinds the namespace is ignored.
      code: {
        'a.yaml': `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: { name: reader }\n`,
        'b.yaml': `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: { name: reader, namespace: ignored }\n`,
      },
      errors: [{ file: 'b.yaml', line: 3, column: 19, object: 'ClusterRole//reader', message: 'first at a.yaml:3' }],
    },
    {
      // apps/v1 and apps/v1beta2 address the same stored Deployment; reported three times for three copies.
      code: `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\n---\napiVersion: apps/v1beta2\nkind: Deployment\nmetadata: { name: web }\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\n`,
      // The third copy equals the first but replaces the second, which differs: still an overwrite.
      errors: [{ line: 7, message: 'first at test.yaml:3', severity: 'error' }, { line: 11, message: 'first at test.yaml:3', severity: 'error' }],
    },
  ],
});

test('duplicate-object links the first definition', () => {
  const [f] = findingsOf(cm('settings') + cm('settings'), 'duplicate-object');
  expect(f.related).toEqual([{ file: 'test.yaml', line: 5, column: 9, message: 'first definition of ConfigMap/default/settings' }]);
});

test('duplicate-object: copies compared by their text when both have one, by their values otherwise', () => {
  // b.yaml repeats a.yaml's text (compared as text); c.yaml holds the same values under a %YAML
  // directive, so `yaml` parses the whole file and there is no text of its own to compare;
  // d.yaml repeats the text with one value changed.
  const doc = cm('settings');
  const found = findingsOf({ 'a.yaml': doc, 'b.yaml': doc, 'c.yaml': `%YAML 1.2\n${doc}`, 'd.yaml': doc.replace('a: "1"', 'a: "2"') }, 'duplicate-object');
  expect(found.map((f) => [f.file, f.severity])).toEqual([
    ['b.yaml', 'info'],
    ['c.yaml', 'info'],
    ['d.yaml', 'error'],
  ]);
  expect(found.every((f) => f.message.includes('(first at a.yaml:5)'))).toBe(true);
});
