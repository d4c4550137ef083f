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
      errors: [{ severity: 'warning', message: /custom resources here \(Prometheus\/k8s, ServiceMonitor\/alertmanager-main, ServiceMonitor\/blackbox-exporter\)/ }],
    },
  ],
});
