import { neverMakesPods } from '../../src/model/kinds';
import { deployment, ruleTester } from '../helpers';

const svc = (selector: string, ns?: string) => `---
apiVersion: v1
kind: Service
metadata:
  name: web${ns ? `\n  namespace: ${ns}` : ''}
spec:
  selector:
    ${selector}
  ports:
  - port: 8080
    targetPort: 80
`;

ruleTester('service-selector-no-match', {
  valid: [
    deployment('hostname-deployment', { app: 'webserver' }) + svc('app: webserver'),
    // The selector may be a subset of the pod labels.
    deployment('api', { app: 'api', track: 'stable' }) + svc('app: api'),
    // No selector: endpoints are managed by hand, another rule looks at that.
    `apiVersion: v1\nkind: Service\nmetadata: {name: ext}\nspec:\n  ports: [{port: 80}]\n`,
  ],
  invalid: [
    {
      code: deployment('hostname-deployment', { app: 'webserver' }) + svc('app: web-server'),
      errors: [{ line: 27, column: 5, path: 'spec.selector', object: 'Service/default/web', message: /selector app=web-server matches no pod in namespace default; pods of Deployment\/default\/hostname-deployment carry app=webserver/ }],
    },
    {
      code: deployment('api', { app: 'api' }, undefined, 'backend') + svc('app: api', 'frontend'),
      errors: [{ message: /matches Deployment\/api in namespace backend/ }],
    },
    {
      code: `apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata: {name: k8s, namespace: monitoring}\n` + svc('app: prometheus', 'monitoring'),
      errors: [{ severity: 'warning', message: /custom resources here \(Prometheus\/k8s\)/ }],
    },
    {
      // kube-prometheus: the resource whose kind/name the selector names comes first, even after other custom resources.
      code:
        ['alertmanager-main', 'blackbox-exporter', 'kubelet'].map((n) => `apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: ${n}, namespace: monitoring}\n---\n`).join('') +
        `apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata: {name: k8s, namespace: monitoring}\n` +
        svc('app.kubernetes.io/name: prometheus\n    app.kubernetes.io/instance: k8s', 'monitoring'),
      // ServiceMonitors never make pods (the kinds catalogue, model/kinds.ts neverMakesPods): they are not offered as owners.
      errors: [{ severity: 'warning', message: /custom resources here \(Prometheus\/k8s\), whose operator/ }],
    },
    {
      // A namespace whose only custom resources make no pods: the selector really matches nothing, an error.
      code:
        `apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: web, namespace: shop}\n---\n` +
        `apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: web-tls, namespace: shop}\n` +
        svc('app: web', 'shop'),
      errors: [{ severity: 'error', message: 'selector app=web matches no pod in namespace shop (there is no workload in this namespace)' }],
    },
    {
      // An unknown custom kind may come with an operator that makes pods: still a possible owner.
      code: `apiVersion: acid.zalan.do/v1\nkind: postgresql\nmetadata: {name: db, namespace: shop}\n` + svc('app: db', 'shop'),
      errors: [{ severity: 'warning', message: /custom resources here \(postgresql\/db\)/ }],
    },
  ],
});

describe('neverMakesPods (the kinds catalogue)', () => {
  test.each([
    ['monitoring.coreos.com/v1', 'ServiceMonitor', true],
    ['monitoring.coreos.com/v1', 'PodMonitor', true],
    ['gateway.networking.k8s.io/v1', 'HTTPRoute', true],
    ['v1', 'ConfigMap', true],
    // Kinds whose controllers make pods.
    ['monitoring.coreos.com/v1', 'Prometheus', false],
    ['gateway.networking.k8s.io/v1', 'Gateway', false],
    ['apps/v1', 'Deployment', false],
    ['example.com/v1', 'Widget', false],
  ])('%s %s: %s', (apiVersion, kind, never) => {
    expect(neverMakesPods(apiVersion, kind)).toBe(never);
  });
});
