import { findingsOf, ruleTester } from '../helpers';

ruleTester('unknown-kind', {
  valid: [
    `apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80}]}\n`,
    `apiVersion: svclab.io/v1alpha1\nkind: Cluster\nmetadata: {name: lab}\n`,
    // A removed apiVersion of a known kind belongs to deprecated-api; no second finding here.
    `apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: d}\nspec: {template: {spec: {containers: [{name: a, image: b}]}}}\n`,
    // A kind or version Kubernetes' own groups do not serve is an error of unserved-api instead.
    `apiVersion: apps/v1\nkind: Deploymnet\nmetadata: {name: d}\n`,
    `apiVersion: v2\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80}]}\n`,
  ],
  invalid: [
    {
      code: `apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: web\nspec: {}\n`,
      errors: [{ line: 2, column: 7, path: 'kind', severity: 'info', message: 'no schema for ServiceMonitor in monitoring.coreos.com/v1, so this object was not checked against one' }],
    },
    {
      // A kind Kubernetes serves but svclab has no schema for.
      code: `apiVersion: coordination.k8s.io/v1\nkind: Lease\nmetadata: {name: l}\n`,
      errors: [{ line: 2, column: 7, severity: 'info', message: /no schema for Lease in coordination.k8s.io\/v1/ }],
    },
    {
      // Each object gets its own finding, List items included.
      code: `apiVersion: v1\nkind: List\nitems:\n- apiVersion: example.com/v1\n  kind: Widget\n  metadata: {name: a}\n- apiVersion: example.com/v1\n  kind: Widget\n  metadata: {name: b}\n`,
      errors: [{ line: 5, column: 9, path: 'kind' }, { line: 8, column: 9, path: 'kind' }],
    },
  ],
});

describe('unknown-kind hints', () => {
  test('a built-in kind svclab has no schema for says how to add one', () => {
    const [f] = findingsOf(`apiVersion: coordination.k8s.io/v1\nkind: Lease\nmetadata: {name: l}\n`, 'unknown-kind');
    expect(f.hint).toContain('svclab has no schema for this built-in kind');
  });

  test('a served version svclab has no schema for (autoscaling/v1 HorizontalPodAutoscaler) is not called wrong', () => {
    // autoscaling/v1 is still served next to autoscaling/v2 (the kinds catalogue, Kubernetes 1.30).
    const [f] = findingsOf(`apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\n`, 'unknown-kind');
    expect(f.hint).not.toMatch(/has no HorizontalPodAutoscaler/);
    expect(f.hint).toContain('Kubernetes serves HorizontalPodAutoscaler in `autoscaling/v1` too, but svclab only has its schema for `autoscaling/v2`');
  });

  test('a custom resource gets the schema file name to add', () => {
    const [f] = findingsOf(`apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: c}\n`, 'unknown-kind');
    expect(f.hint).toContain('certificate-cert-manager-v1.json (kubeconform naming)');
  });
});

test('scenario files (svclab.io Scenario) are left to svclab validate, not reported as unknown kinds', () => {
  expect(findingsOf('apiVersion: svclab.io/v1alpha1\nkind: Scenario\nmetadata: {name: s}\nexpect: {}\n', 'unknown-kind')).toEqual([]);
});
