import { findingsOf, ruleTester } from '../helpers';

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
      // A known kind under an apiVersion that never served it (not a removed one: that is deprecated-api's).
      code: `apiVersion: v2\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80}]}\n`,
      errors: [{ line: 2, column: 7, message: 'no schema for Service in v2, so this object was not checked against one' }],
    },
    {
      // Each object gets its own finding, List items included.
      code: `apiVersion: v1\nkind: List\nitems:\n- apiVersion: example.com/v1\n  kind: Widget\n  metadata: {name: a}\n- apiVersion: example.com/v1\n  kind: Widget\n  metadata: {name: b}\n`,
      errors: [{ line: 5, column: 9, path: 'kind' }, { line: 8, column: 9, path: 'kind' }],
    },
  ],
});

describe('unknown-kind hints', () => {
  test('a misspelt built-in kind gets the right name', () => {
    const [f] = findingsOf(`apiVersion: apps/v1\nkind: Deploymnet\nmetadata: {name: d}\n`, 'unknown-kind');
    expect(f.hint).toBe('If you meant the built-in kind, write `kind: Deployment` (kinds are case-sensitive).');
  });

  test('a built-in kind under the wrong apiVersion names the served one', () => {
    const [f] = findingsOf(`apiVersion: apps/v1\nkind: Service\nmetadata: {name: s}\n`, 'unknown-kind');
    expect(f.hint).toBe('Service is served as `apiVersion: v1`; change the apiVersion (`apps/v1` has no Service).');
  });

  test('a custom resource gets the schema file name to add', () => {
    const [f] = findingsOf(`apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: c}\n`, 'unknown-kind');
    expect(f.hint).toContain('certificate-cert-manager-v1.json (kubeconform naming)');
  });
});
