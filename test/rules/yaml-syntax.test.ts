import { ruleTester } from '../helpers';

const service = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
`;

ruleTester('yaml-syntax', {
  valid: [
    service,
    // JSON is YAML too.
    { code: { 'svc.json': '{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"}, "spec": {"ports": [{"port": 80}]}}' } },
    // Anchors and aliases within the limit are fine.
    `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, labels: &l {app: a}, annotations: *l}\n`,
    // An empty document between separators is skipped.
    `---\n---\n${service}`,
  ],
  invalid: [
    {
      // A tab in the indentation (YAML 1.2 spec 6.1: tabs are not allowed in indentation).
      code: service.replace('    app: web', '\tapp: web'),
      errors: [{ line: 7, column: 1, message: 'tabs are not allowed for indentation' }],
    },
    {
      code: `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports: [{port: 80}\n`,
      errors: [{ line: 7, message: /YAML syntax error/ }],
    },
    {
      // Only the broken document is reported; the next one is still read.
      code: `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n   labels: x\n---\n${service}`,
      errors: [{ line: 4, column: 9, message: /YAML syntax error: Nested mappings/ }],
    },
    {
      code: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: *missing\n`,
      errors: [{ line: 4, column: 7, message: 'the alias *missing has no anchor &missing before it' }],
    },
    {
      // "Billion laughs": every level doubles the expansion; refused, not expanded.
      code: `a: &a ["x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n`,
      errors: [{ line: 1, column: 1, message: /billion laughs/ }],
    },
  ],
});
