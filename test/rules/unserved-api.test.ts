import { findingsOf, ruleTester } from '../helpers';

ruleTester('unserved-api', {
  valid: [
    'apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec:\n  ports: [{port: 80}]\n',
    'apiVersion: apps/v1\nkind: ControllerRevision\nmetadata: {name: a}\nrevision: 1\n',
    // Custom resources are unknown-kind's business, not this rule's.
    'apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata: {name: k8s}\n',
    // Removed apiVersions are deprecated-api's business.
    'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: a}\n',
    // APIService is served by the aggregation layer of every API server.
    'apiVersion: apiregistration.k8s.io/v1\nkind: APIService\nmetadata: {name: v1beta1.metrics.k8s.io}\n',
  ],
  invalid: [
    {
      code: 'apiVersion: v2\nkind: Service\nmetadata: {name: a}\n',
      errors: [{ line: 1, column: 13, path: 'apiVersion', message: 'Kubernetes serves no Service in `v2`' }],
    },
    {
      code: 'apiVersion: apps/v1\nkind: Deploymnet\nmetadata: {name: a}\n',
      errors: [{ line: 2, column: 7, path: 'kind', message: 'serves no kind Deploymnet in `apps/v1`' }],
    },
    {
      code: 'apiVersion: networking.k8s.io/v1\nkind: Service\nmetadata: {name: a}\n',
      errors: [{ path: 'apiVersion', severity: 'error' }],
    },
  ],
});

test('the hint names the apiVersion that serves the kind, or the kind the typo meant', () => {
  expect(findingsOf('apiVersion: v2\nkind: Service\nmetadata: {name: a}\n', 'unserved-api')[0].hint).toBe('Use `apiVersion: v1` for Service.');
  expect(findingsOf('apiVersion: apps/v1\nkind: Deploymnet\nmetadata: {name: a}\n', 'unserved-api')[0].hint).toContain('`kind: Deployment`');
});

test('an unserved API is not also an unknown-kind info', () => {
  expect(findingsOf('apiVersion: v2\nkind: Service\nmetadata: {name: a}\n', 'unknown-kind')).toEqual([]);
});
