import { ruleTester } from '../helpers';

ruleTester('missing-kind', {
  valid: [
    `apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}\n`,
    // An unknown kind is another rule's business (unknown-kind), not a missing one.
    `apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n`,
  ],
  invalid: [
    {
      code: `metadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n`,
      errors: [{ line: 1, column: 1, message: 'this object has no apiVersion and kind' }],
    },
    {
      // Keys are case-sensitive: "Kind" is not "kind".
      code: `apiVersion: v1\nKind: Service\nmetadata: {name: web}\n`,
      errors: [{ message: 'this object has no kind,' }],
    },
    {
      code: `apiVersion: ""\nkind: Service\nmetadata: {name: web}\n`,
      errors: [{ message: 'this object has no apiVersion,' }],
    },
    {
      code: `apiVersion: v1\nkind: List\nitems:\n- metadata: {name: a}\n`,
      errors: [{ line: 4, column: 3, path: 'items[0]' }],
    },
  ],
});
