import { ruleTester } from '../helpers';

ruleTester('unknown-kind', {
  valid: [
    `apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80}]}\n`,
    `apiVersion: svclab.io/v1alpha1\nkind: Cluster\nmetadata: {name: lab}\n`,
    // A removed apiVersion of a known kind belongs to deprecated-api; no second finding here.
    `apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: d}\nspec: {template: {spec: {containers: [{name: a, image: b}]}}}\n`,
  ],
  invalid: [
    {
      code: `apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: web\nspec: {}\n`,
      errors: [{ line: 2, column: 7, path: 'kind', severity: 'info', message: 'no schema for ServiceMonitor in monitoring.coreos.com/v1, so this object was not checked against one' }],
    },
    {
      // A typo in a built-in kind: the hint names the kind that was meant.
      code: `apiVersion: apps/v1\nkind: Deploymnet\nmetadata: {name: d}\n`,
      errors: [{ line: 2, column: 7, severity: 'info', message: /no schema for Deploymnet in apps\/v1/ }],
    },
    {
      // Each object gets its own finding, List items included.
      code: `apiVersion: v1\nkind: List\nitems:\n- apiVersion: example.com/v1\n  kind: Widget\n  metadata: {name: a}\n- apiVersion: example.com/v1\n  kind: Widget\n  metadata: {name: b}\n`,
      errors: [{ line: 5, column: 9, path: 'kind' }, { line: 8, column: 9, path: 'kind' }],
    },
  ],
});
