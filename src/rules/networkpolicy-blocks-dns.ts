import { defineRule } from './rule';
import { compilePolicy, type CompiledPolicy } from '../policy/compile';
import { allows, type PolicyEnd } from '../policy/evaluate';
import { namespaceLabelTable, NAMESPACE_NAME_LABEL } from '../model/network-policy';
import { formatLabels } from '../model/selectors';
import { cidrAddress, parseCIDR } from '../util/ip';
import { workloadName } from './workload-ports';

/**
 * An egress-isolated pod resolves names through CoreDNS, so it needs egress to the CoreDNS pods
 * (kube-system, k8s-app=kube-dns) on 53/UDP (and TCP for long answers): without it every lookup
 * of a Service name times out. Checked with the simulator's own evaluator (src/policy): the
 * policies of the namespace that isolate the pods for egress are asked whether they allow a
 * CoreDNS pod on 53/UDP (an ipBlock allows it when it holds the pod CIDR's addresses).
 */
export default defineRule({
  meta: {
    id: 'networkpolicy-blocks-dns',
    severity: 'warning',
    description: 'A NetworkPolicy isolates pods for egress and no policy lets them reach CoreDNS on port 53, so their name lookups fail.',
    category: 'cross-object',
    messages: {
      blocks: {
        message: 'this policy isolates {{pods}} for egress, and no egress rule of the policies selecting them allows DNS (53/UDP to the CoreDNS pods, kube-system k8s-app=kube-dns): their lookups of Service names will time out',
        hint: 'Add an egress rule to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}] with ports [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}] (in this policy or another one selecting the same pods).',
      },
    },
  },
  check(ctx) {
    const egressPolicies = ctx.model.networkPolicies.filter((np) => np.policyTypes.includes('Egress'));
    if (egressPolicies.length === 0) return;
    const table = namespaceLabelTable(ctx.model, [...ctx.namespacesSeen, 'kube-system']);
    const labels = { namespaceLabels: (ns: string) => table.get(ns) ?? { [NAMESPACE_NAME_LABEL]: ns } };
    const pod = parseCIDR(ctx.settings.podCIDR);
    const coreDns: PolicyEnd = {
      ip: pod ? cidrAddress(pod, 2) : '10.244.0.2',
      pod: {
        namespace: 'kube-system', name: 'coredns', labels: { 'k8s-app': 'kube-dns' }, nodeName: '',
        spec: { hostNetwork: false, initContainers: [], containers: [{ name: 'coredns', image: 'coredns', env: [], readinessProbe: undefined, livenessProbe: undefined, startupProbe: undefined, ports: [
          { name: 'dns', containerPort: 53, protocol: 'UDP', hostPort: undefined, hostIP: undefined, index: 0 },
          { name: 'dns-tcp', containerPort: 53, protocol: 'TCP', hostPort: undefined, hostIP: undefined, index: 1 },
        ] }] },
      },
    };
    const compiled = new Map<string, CompiledPolicy[]>();
    for (const np of ctx.model.networkPolicies) {
      const c = compilePolicy(np);
      compiled.set(c.namespace, [...(compiled.get(c.namespace) ?? []), c]);
    }
    for (const np of egressPolicies) {
      const ns = np.ref.namespace;
      const workloads = ctx.podTemplatesIn(ns).select(np.podSelector);
      // Without a workload in the input, the policy's own matchLabels stand for its pods.
      const subjects = workloads.length
        ? workloads.map((w) => ({ labels: w.template.metadata.labels, name: `the pods of ${workloadName(w)}` }))
        : [{ labels: np.podSelector.matchLabels, name: Object.keys(np.podSelector.matchLabels).length ? `the pods labelled ${formatLabels(np.podSelector.matchLabels)}` : `every pod of namespace ${ns}` }];
      for (const s of subjects) {
        const isolating = (compiled.get(ns) ?? []).filter((p) => p.egress && p.selector.matches(s.labels));
        if (allows(labels, isolating, 'egress', coreDns, coreDns.pod, 53, 'UDP')) continue;
        ctx.report({ messageId: 'blocks', manifest: np.manifest, path: np.writtenPolicyTypes.length ? ['spec', 'policyTypes'] : ['spec', 'podSelector'], data: { pods: s.name } });
        break;
      }
    }
  },
});
