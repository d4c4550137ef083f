import { ruleTester } from '../helpers';

ruleTester('not-an-object', {
  valid: [
    `apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}\n`,
    // A List holds objects under items.
    `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n`,
    // Comments only: an empty document, skipped silently.
    `# nothing here yet\n`,
  ],
  invalid: [
    {
      code: `- apiVersion: v1\n  kind: Service\n  metadata: {name: web}\n`,
      errors: [{ line: 1, column: 1, path: '', message: 'this document is a list, not a Kubernetes object' }],
    },
    {
      code: `just some text\n`,
      errors: [{ line: 1, column: 1, message: 'this document is a string ("just some text"), not a Kubernetes object' }],
    },
    {
      code: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n42\n`,
      errors: [{ line: 5, message: 'is a number (42)' }],
    },
    {
      code: `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n- oops\n`,
      errors: [{ line: 7, column: 3, path: 'items[1]', message: 'item items[1] is a string' }],
    },
    {
      // An empty List item (was worded "is a object (null)").
      code: `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n-\n`,
      errors: [{ line: 7, path: 'items[1]', message: 'item items[1] is empty (null), not a Kubernetes object' }],
    },
  ],
});
