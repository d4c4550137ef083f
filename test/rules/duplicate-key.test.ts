import { ruleTester } from '../helpers';

ruleTester('duplicate-key', {
  valid: [
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n`,
    // The same key in different mappings is not a duplicate.
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels: {name: a}\ndata:\n  name: a\n`,
  ],
  invalid: [
    {
      // sigs.k8s.io/yaml decodes strictly: 'mapping key "selector" already defined'.
      code: `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n  selector:\n    app: web-v2\n`,
      errors: [{ line: 10, column: 3, message: 'the key `selector` appears more than once in this mapping' }],
    },
    {
      code: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, name: b}\n`,
      errors: [{ line: 3, column: 21, message: 'the key `name` appears more than once' }],
    },
    {
      code: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  "a.conf": x\n  "a.conf": y\n`,
      errors: [{ line: 7, column: 3, message: 'the key `"a.conf"` appears more than once' }],
    },
  ],
});
