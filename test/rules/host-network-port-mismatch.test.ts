// validateHostNetwork (validation.go): with hostNetwork, hostPort must equal containerPort (0 or unset is defaulted to it).
import { ruleTester } from '../helpers';

const ds = (hostNetwork: boolean, ports: string) => `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: exporter }
spec:
  selector: { matchLabels: { app: exporter } }
  template:
    metadata: { labels: { app: exporter } }
    spec:
      hostNetwork: ${hostNetwork}
      containers:
      - name: exporter
        image: prom/node-exporter:v1.8.2
        ports: ${ports}
`;

ruleTester('host-network-port-mismatch', {
  valid: [
    ds(true, '[ { containerPort: 9100 } ]'),
    ds(true, '[ { containerPort: 9100, hostPort: 9100 } ]'),
    ds(true, '[ { containerPort: 9100, hostPort: 0 } ]'),
    // Without hostNetwork a hostPort maps the node's port to the container's.
    ds(false, '[ { containerPort: 9100, hostPort: 19100 } ]'),
  ],
  invalid: [
    {
      code: ds(true, '[ { name: metrics, containerPort: 9100, hostPort: 19100 } ]'),
      errors: [{ line: 13, path: 'spec.template.spec.containers[0].ports[0].hostPort', message: 'hostPort 19100 differs from containerPort 9100 in container `exporter` of a hostNetwork pod' }],
    },
    {
      code: 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  hostNetwork: true\n  initContainers: [ { name: side, image: s, restartPolicy: Always, ports: [ { containerPort: 80, hostPort: 8080 } ] } ]\n  containers: [ { name: a, image: a } ]\n',
      errors: [{ path: 'spec.initContainers[0].ports[0].hostPort', message: 'in init container `side`' }],
    },
  ],
});
