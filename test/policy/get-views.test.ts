/**
 * `svclab get networkpolicies|namespaces` as kubectl prints them (pkg/printers/internalversion
 * printers.go printNetworkPolicy: NAME, POD-SELECTOR, AGE; printNamespace: NAME, STATUS, AGE;
 * --show-labels adds LABELS), the policy as stored (SetDefaults_NetworkPolicy), and every
 * namespace with the API server's kubernetes.io/metadata.name label.
 */
import { runCli } from '../helpers';
import { tempDir } from '../e2e/seed-manifests';

const dir = tempDir({
  'app.yaml': `apiVersion: v1
kind: Namespace
metadata: { name: shop, labels: { team: shop } }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web, namespace: shop }
spec:
  podSelector: { matchLabels: { app: web }, matchExpressions: [{ key: tier, operator: NotIn, values: [db] }] }
  egress: [{ ports: [{ port: 80 }] }]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: default-deny, namespace: shop }
spec: { podSelector: {} }
`,
});

describe('svclab get netpol / ns', () => {
  test('netpol: NAME, POD-SELECTOR (metav1.FormatLabelSelector), AGE', async () => {
    const r = await runCli(['get', 'netpol', '-n', 'shop', '-f', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`NAME           POD-SELECTOR              AGE
default-deny   <none>                    <unknown>
web            app=web,tier notin (db)   <unknown>
`);
  });

  test('-o yaml: policyTypes defaulted (Ingress, and Egress with egress rules) and port protocol TCP', async () => {
    const r = await runCli(['get', 'networkpolicies', 'web', '-n', 'shop', '-o', 'json', '-f', dir]);
    // One NAME prints the object itself, not a List, as kubectl does.
    const item = JSON.parse(r.stdout);
    expect(item.kind).toBe('NetworkPolicy');
    expect(item.apiVersion).toBe('networking.k8s.io/v1');
    expect(item.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(item.spec.egress[0].ports[0]).toEqual({ port: 80, protocol: 'TCP' });
  });

  test('ns --show-labels: every namespace, implied ones too, carries kubernetes.io/metadata.name', async () => {
    const r = await runCli(['get', 'ns', '--show-labels', '-f', dir]);
    expect(r.stdout).toMatch(/^default +Active +<unknown> +kubernetes\.io\/metadata\.name=default$/m);
    expect(r.stdout).toMatch(/^kube-system +Active +<unknown> +kubernetes\.io\/metadata\.name=kube-system$/m);
    expect(r.stdout).toMatch(/^shop +Active +<unknown> +kubernetes\.io\/metadata\.name=shop,team=shop$/m);
  });
});
