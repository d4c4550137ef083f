/**
 * The behaviours of the Kubernetes e2e network-policy suite
 * (kubernetes/kubernetes test/e2e/network/netpol/network_policy.go, "Netpol NetworkPolicy
 * between server and client"), each test named after the e2e test it follows, with the
 * suite's model (./e2e-model) and its hand-written expectations. Every cell is a route
 * through the destination's ClusterIP, so the verdict is taken after DNAT, per backend pod.
 */
import { modelCluster, podsOf, Reachability, validate, type ModelOptions } from './e2e-model';
import { routeRequest } from '../../src/sim/proxy/index';
import type { SimCluster } from '../../src/sim/types';

const NS_LABEL = 'kubernetes.io/metadata.name';

function np(name: string, namespace: string, spec: Record<string, unknown>): string {
  return JSON.stringify({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace }, spec });
}
const policies = (...docs: string[]) => docs.join('\n---\n');

function setup(docs: string[], options?: ModelOptions): { c: SimCluster; all: () => Reachability } {
  const c = modelCluster(policies(...docs), options);
  const pods = podsOf(c);
  return { c, all: () => new Reachability(pods, true) };
}

const podIP = (c: SimCluster, key: string) => c.pods.find((p) => `${p.namespace}/${p.name}` === key)!.podIP;

describe('e2e network_policy.go: NetworkPolicy between server and client', () => {
  test("should support a 'default-deny-ingress' policy", () => {
    const { c, all } = setup([np('deny-ingress', 'x', { podSelector: {}, policyTypes: ['Ingress'] })]);
    expect(validate(c, all().expectPeer({}, { namespace: 'x' }, false), 80)).toEqual([]);
  });

  test("should support a 'default-deny-all' policy", () => {
    const { c, all } = setup([np('deny-all', 'x', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] })]);
    expect(validate(c, all().expectPeer({}, { namespace: 'x' }, false).expectPeer({ namespace: 'x' }, {}, false), 80)).toEqual([]);
  });

  test('should enforce policy to allow traffic from pods within server namespace based on PodSelector', () => {
    const { c, all } = setup([np('x-a-allows-x-b', 'x', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ podSelector: { matchLabels: { pod: 'b' } } }] }] })]);
    expect(validate(c, all().expectAllIngress('x/a', false).expect('x/b', 'x/a', true), 80)).toEqual([]);
  });

  test('should enforce policy to allow ingress traffic for a target', () => {
    const { c, all } = setup([
      np('deny-all', 'x', { podSelector: {}, policyTypes: ['Ingress'] }),
      np('allow-all-to-a', 'x', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ podSelector: {}, namespaceSelector: {} }] }] }),
    ]);
    expect(validate(c, all().expectPeer({}, { namespace: 'x' }, false).expectAllIngress('x/a', true), 80)).toEqual([]);
  });

  test('should enforce policy to allow ingress traffic from pods in all namespaces', () => {
    const { c, all } = setup([np('allow-from-another-ns', 'x', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: {} }] }] })]);
    expect(validate(c, all(), 80)).toEqual([]);
  });

  test('should enforce policy to allow traffic only from a different namespace, based on NamespaceSelector', () => {
    const { c, all } = setup([np('allow-client-a-via-ns-selector', 'x', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { [NS_LABEL]: 'y' } } }] }] })]);
    expect(validate(c, all().expectPeer({ namespace: 'x' }, { namespace: 'x', pod: 'a' }, false).expectPeer({ namespace: 'z' }, { namespace: 'x', pod: 'a' }, false), 80)).toEqual([]);
  });

  test('should enforce policy based on PodSelector with MatchExpressions', () => {
    const { c, all } = setup([np('x-a-allows-x-b', 'x', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ podSelector: { matchExpressions: [{ key: 'pod', operator: 'In', values: ['b'] }] } }] }] })]);
    expect(validate(c, all().expectAllIngress('x/a', false).expect('x/b', 'x/a', true), 80)).toEqual([]);
  });

  test('should enforce policy based on NamespaceSelector with MatchExpressions', () => {
    const { c, all } = setup([np('allow-ns-y-match-selector', 'x', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: { matchExpressions: [{ key: NS_LABEL, operator: 'In', values: ['y'] }] } }] }] })]);
    expect(validate(c, all().expectPeer({ namespace: 'x' }, { namespace: 'x', pod: 'a' }, false).expectPeer({ namespace: 'z' }, { namespace: 'x', pod: 'a' }, false), 80)).toEqual([]);
  });

  test('should enforce policy based on PodSelector or NamespaceSelector', () => {
    const notX = { matchExpressions: [{ key: NS_LABEL, operator: 'NotIn', values: ['x'] }] };
    const { c, all } = setup([np('allow-ns-y-match-selector', 'x', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: notX }, { podSelector: { matchLabels: { pod: 'b' } } }] }] })]);
    expect(validate(c, all().expect('x/c', 'x/a', false), 80)).toEqual([]);
  });

  test('should enforce policy based on PodSelector and NamespaceSelector', () => {
    const notX = { matchExpressions: [{ key: NS_LABEL, operator: 'NotIn', values: ['x'] }] };
    const { c, all } = setup([np('allow-ns-y-podselector-and-nsselector', 'x', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: notX, podSelector: { matchLabels: { pod: 'b' } } }] }] })]);
    expect(validate(c, all().expectAllIngress('x/a', false).expect('y/b', 'x/a', true).expect('z/b', 'x/a', true), 80)).toEqual([]);
  });

  test('should enforce policy based on Multiple PodSelectors and NamespaceSelectors', () => {
    const notX = { matchExpressions: [{ key: NS_LABEL, operator: 'NotIn', values: ['x'] }] };
    const { c, all } = setup([np('allow-ns-y-z-pod-b-c', 'x', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: notX, podSelector: { matchExpressions: [{ key: 'pod', operator: 'In', values: ['b', 'c'] }] } }] }] })]);
    expect(validate(c, all().expectPeer({ namespace: 'x' }, { namespace: 'x', pod: 'a' }, false).expect('y/a', 'x/a', false).expect('z/a', 'x/a', false), 80)).toEqual([]);
  });

  test('should enforce policy based on any PodSelectors', () => {
    const { c, all } = setup([np('allow-ns-x-pod-b-c', 'x', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ podSelector: { matchLabels: { pod: 'b' } } }, { podSelector: { matchLabels: { pod: 'c' } } }] }] })]);
    expect(validate(c, all().expectAllIngress('x/a', false).expect('x/b', 'x/a', true).expect('x/c', 'x/a', true), 80)).toEqual([]);
  });

  test('should enforce policy to allow traffic only from a pod in a different namespace based on PodSelector and NamespaceSelector', () => {
    const { c, all } = setup([np('allow-ns-y-pod-a-via-namespace-pod-selector', 'x', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { [NS_LABEL]: 'y' } }, podSelector: { matchLabels: { pod: 'a' } } }] }] })]);
    expect(validate(c, all().expectAllIngress('x/a', false).expect('y/a', 'x/a', true), 80)).toEqual([]);
  });

  test('should enforce policy based on Ports', () => {
    const { c, all } = setup([np('allow-client-a-via-ns-selector', 'x', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { [NS_LABEL]: 'y' } } }], ports: [{ port: 81, protocol: 'TCP' }] }] })]);
    const r = all().expectPeer({ namespace: 'x' }, { namespace: 'x', pod: 'a' }, false).expectPeer({ namespace: 'y' }, { namespace: 'x', pod: 'a' }, true).expectPeer({ namespace: 'z' }, { namespace: 'x', pod: 'a' }, false);
    expect(validate(c, r, 81)).toEqual([]);
  });

  test('should enforce multiple, stacked policies with overlapping podSelectors', () => {
    const rule = (port: number) => ({ from: [{ namespaceSelector: { matchLabels: { [NS_LABEL]: 'y' } } }], ports: [{ port, protocol: 'TCP' }] });
    const first = np('allow-client-a-via-ns-selector', 'x', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [rule(81)] });
    const one = setup([first]);
    const allow = () => one.all().expectPeer({ namespace: 'x' }, { namespace: 'x', pod: 'a' }, false).expectPeer({ namespace: 'y' }, { namespace: 'x', pod: 'a' }, true).expectPeer({ namespace: 'z' }, { namespace: 'x', pod: 'a' }, false);
    expect(validate(one.c, allow(), 81)).toEqual([]);
    expect(validate(one.c, one.all().expectAllIngress('x/a', false), 80)).toEqual([]);
    const both = setup([first, np('allow-client-a-via-ns-selector-80', 'x', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [rule(80)] })]);
    expect(validate(both.c, allow(), 80)).toEqual([]);
  });

  test('should support allow-all policy', () => {
    const { c, all } = setup([np('allow-all', 'x', { podSelector: {}, ingress: [{}] })]);
    expect(validate(c, all(), 80)).toEqual([]);
    expect(validate(c, all(), 81)).toEqual([]);
  });

  test('should allow ingress access on one named port', () => {
    const { c, all } = setup([np('allow-all', 'x', { podSelector: {}, ingress: [{ ports: [{ port: 'serve-81-tcp' }] }] })]);
    expect(validate(c, all(), 81)).toEqual([]);
    expect(validate(c, all().expectPeer({}, { namespace: 'x' }, false), 80)).toEqual([]);
  });

  test('should allow ingress access from namespace on one named port', () => {
    const { c, all } = setup([np('allow-client-a-via-ns-selector-80', 'x', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { [NS_LABEL]: 'y' } } }], ports: [{ port: 'serve-80-tcp', protocol: 'TCP' }] }] })]);
    expect(validate(c, all().expectPeer({ namespace: 'x' }, { namespace: 'x', pod: 'a' }, false).expectPeer({ namespace: 'z' }, { namespace: 'x', pod: 'a' }, false), 80)).toEqual([]);
    expect(validate(c, all().expectAllIngress('x/a', false), 81)).toEqual([]);
  });

  test('should allow egress access on one named port', () => {
    const { c, all } = setup([np('allow-egress', 'x', { podSelector: {}, egress: [{ ports: [{ port: 'serve-80-tcp' }] }], policyTypes: ['Egress'] })]);
    expect(validate(c, all(), 80)).toEqual([]);
    expect(validate(c, all().expectPeer({ namespace: 'x' }, {}, false), 81)).toEqual([]);
  });

  test('should enforce updated policy (allow-all, then its ingress emptied: deny-all)', () => {
    const before = setup([np('allow-all-mutate-to-deny-all', 'x', { podSelector: {}, ingress: [{}] })]);
    expect(validate(before.c, before.all(), 81)).toEqual([]);
    const after = setup([np('allow-all-mutate-to-deny-all', 'x', { podSelector: {}, ingress: [] })]);
    expect(validate(after.c, after.all().expectPeer({}, { namespace: 'x' }, false), 81)).toEqual([]);
  });

  test('should allow ingress access from updated namespace', () => {
    const policy = np('allow-client-a-via-ns-selector', 'x', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { ns2: 'updated' } } }] }] });
    const before = setup([policy]);
    expect(validate(before.c, before.all().expectAllIngress('x/a', false), 80)).toEqual([]);
    const after = setup([policy], { namespaceLabels: { y: { ns2: 'updated' } } });
    expect(validate(after.c, after.all().expectAllIngress('x/a', false).expectPeer({ namespace: 'y' }, {}, true), 80)).toEqual([]);
  });

  test('should allow ingress access from updated pod', () => {
    const policy = np('allow-client-a-via-pod-selector', 'x', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ podSelector: { matchLabels: { pod: 'b', pod2: 'updated' } } }] }] });
    const before = setup([policy]);
    expect(validate(before.c, before.all().expectAllIngress('x/a', false), 80)).toEqual([]);
    const after = setup([policy], { podLabels: { 'x/b': { pod2: 'updated' } } });
    expect(validate(after.c, after.all().expectAllIngress('x/a', false).expect('x/b', 'x/a', true), 80)).toEqual([]);
  });

  test('should deny ingress from pods on other namespaces', () => {
    const { c, all } = setup([np('deny-empty-policy', 'x', { podSelector: {}, ingress: [{ from: [{ podSelector: {} }] }] })]);
    expect(validate(c, all().expectPeer({ namespace: 'y' }, { namespace: 'x' }, false).expectPeer({ namespace: 'z' }, { namespace: 'x' }, false), 80)).toEqual([]);
  });

  test('should deny ingress access to updated pod', () => {
    const policy = np('deny-ingress-via-label-selector', 'x', { podSelector: { matchLabels: { target: 'isolated' } }, policyTypes: ['Ingress'] });
    const before = setup([policy]);
    expect(validate(before.c, before.all(), 80)).toEqual([]);
    const after = setup([policy], { podLabels: { 'x/a': { target: 'isolated' } } });
    expect(validate(after.c, after.all().expectAllIngress('x/a', false), 80)).toEqual([]);
  });

  test('should deny egress from pods based on PodSelector', () => {
    const { c, all } = setup([np('deny-egress-pod-a', 'x', { podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Egress'] })]);
    expect(validate(c, all().expectAllEgress('x/a', false), 80)).toEqual([]);
  });

  test('should deny egress from all pods in a namespace', () => {
    const { c, all } = setup([np('deny-egress-ns-x', 'x', { podSelector: {}, policyTypes: ['Egress'] })]);
    expect(validate(c, all().expectPeer({ namespace: 'x' }, {}, false), 80)).toEqual([]);
  });

  test('should work with Ingress, Egress specified together', () => {
    const { c, all } = setup([np('allow-client-a-via-pod-selector', 'x', {
      podSelector: { matchLabels: { pod: 'a' } },
      ingress: [{ from: [{ podSelector: { matchLabels: { pod: 'b' } } }] }],
      egress: [{ ports: [{ port: 80 }] }],
      policyTypes: ['Egress', 'Ingress'],
    })]);
    expect(validate(c, all().expectAllIngress('x/a', false).expect('x/b', 'x/a', true), 80)).toEqual([]);
    expect(validate(c, all().expectAllIngress('x/a', false).expectAllEgress('x/a', false).expect('x/b', 'x/a', true), 81)).toEqual([]);
  });

  test('should support denying of egress traffic on the client side (even if the server explicitly allows this traffic)', () => {
    const fromXA = { from: [{ namespaceSelector: { matchLabels: { [NS_LABEL]: 'x' } }, podSelector: { matchLabels: { pod: 'a' } } }] };
    const { c, all } = setup([
      np('allow-to-ns-y-pod-a', 'x', { podSelector: { matchLabels: { pod: 'a' } }, egress: [{ to: [{ namespaceSelector: { matchLabels: { [NS_LABEL]: 'y' } }, podSelector: { matchLabels: { pod: 'a' } } }] }], policyTypes: ['Egress'] }),
      np('allow-from-xa-on-ya-match-selector', 'y', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [fromXA] }),
      np('allow-from-xa-on-yb-match-selector', 'y', { podSelector: { matchLabels: { pod: 'b' } }, ingress: [fromXA] }),
    ]);
    const r = all().expectPeer({ namespace: 'x', pod: 'a' }, {}, false).expectPeer({}, { namespace: 'y', pod: 'a' }, false).expectPeer({ namespace: 'x', pod: 'a' }, { namespace: 'y', pod: 'a' }, true).expectPeer({}, { namespace: 'y', pod: 'b' }, false);
    expect(validate(c, r, 80)).toEqual([]);
  });

  test('should enforce egress policy allowing traffic to a server in a different namespace based on PodSelector and NamespaceSelector', () => {
    const { c, all } = setup([np('allow-to-ns-y-pod-a', 'x', { podSelector: { matchLabels: { pod: 'a' } }, egress: [{ to: [{ namespaceSelector: { matchLabels: { [NS_LABEL]: 'y' } }, podSelector: { matchLabels: { pod: 'a' } } }] }], policyTypes: ['Egress'] })]);
    expect(validate(c, all().expectAllEgress('x/a', false).expect('x/a', 'y/a', true), 80)).toEqual([]);
  });

  test('should enforce ingress policy allowing any port traffic to a server on a specific protocol', () => {
    const { c, all } = setup([np('allow-ingress-by-proto', 'x', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ ports: [{ protocol: 'TCP' }] }] })]);
    expect(validate(c, all(), 80, 'TCP')).toEqual([]);
    expect(validate(c, all().expectPeer({}, { namespace: 'x', pod: 'a' }, false), 80, 'UDP')).toEqual([]);
  });

  test('should enforce multiple ingress policies with ingress allow-all policy taking precedence', () => {
    const only80 = np('allow-ingress-port-80', 'x', { podSelector: {}, ingress: [{ ports: [{ port: 80 }] }] });
    const one = setup([only80]);
    expect(validate(one.c, one.all().expectPeer({}, { namespace: 'x' }, false), 81)).toEqual([]);
    const two = setup([only80, np('allow-ingress', 'x', { podSelector: {}, ingress: [{}] })]);
    expect(validate(two.c, two.all(), 81)).toEqual([]);
  });

  test('should enforce multiple egress policies with egress allow-all policy taking precedence', () => {
    const only80 = np('allow-egress-port-80', 'x', { podSelector: {}, egress: [{ ports: [{ port: 80 }] }], policyTypes: ['Egress'] });
    const one = setup([only80]);
    expect(validate(one.c, one.all().expectPeer({ namespace: 'x' }, {}, false), 81)).toEqual([]);
    const two = setup([only80, np('allow-egress', 'x', { podSelector: {}, egress: [{}], policyTypes: ['Egress'] })]);
    expect(validate(two.c, two.all(), 81)).toEqual([]);
  });

  test('should stop enforcing policies after they are deleted', () => {
    const one = setup([np('deny-all', 'x', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] })]);
    expect(validate(one.c, one.all().expectPeer({ namespace: 'x' }, {}, false).expectPeer({}, { namespace: 'x' }, false), 80)).toEqual([]);
    const none = setup([]);
    expect(validate(none.c, none.all(), 80)).toEqual([]);
  });

  test('should allow egress access to server in CIDR block (a pod IP /32, probed through its ClusterIP)', () => {
    const plain = setup([]);
    const yb = podIP(plain.c, 'y/b');
    const { c, all } = setup([np('allow-client-a-via-cidr-egress-rule', 'x', { podSelector: { matchLabels: { pod: 'a' } }, egress: [{ to: [{ ipBlock: { cidr: `${yb}/32` } }] }], policyTypes: ['Egress'] })]);
    expect(podIP(c, 'y/b')).toBe(yb);
    expect(validate(c, all().expectAllEgress('x/a', false).expect('x/a', 'y/b', true), 80)).toEqual([]);
  });

  test('should enforce except clause while egress access to server in CIDR block', () => {
    const xb = podIP(setup([]).c, 'x/b');
    const { c, all } = setup([np('allow-client-a-via-cidr-egress-rule', 'x', { podSelector: { matchLabels: { pod: 'a' } }, egress: [{ to: [{ ipBlock: { cidr: '10.244.0.0/16', except: [`${xb}/32`] } }] }], policyTypes: ['Egress'] })]);
    expect(validate(c, all().expect('x/a', 'x/b', false), 80)).toEqual([]);
  });

  test('should ensure an IP overlapping both IPBlock.CIDR and IPBlock.Except is allowed', () => {
    const xb = podIP(setup([]).c, 'x/b');
    const large = np('allow-client-a-via-cidr-egress-rule', 'x', { podSelector: { matchLabels: { pod: 'a' } }, egress: [{ to: [{ ipBlock: { cidr: '10.244.0.0/16', except: [`${xb}/32`] } }] }], policyTypes: ['Egress'] });
    const one = setup([large]);
    expect(validate(one.c, one.all().expect('x/a', 'x/b', false), 80)).toEqual([]);
    // The suite updates the policy (same name) to allow x/b alone.
    const updated = setup([np('allow-client-a-via-cidr-egress-rule', 'x', { podSelector: { matchLabels: { pod: 'a' } }, egress: [{ to: [{ ipBlock: { cidr: `${xb}/32` } }] }], policyTypes: ['Egress'] })]);
    expect(validate(updated.c, updated.all().expectAllEgress('x/a', false).expect('x/a', 'x/b', true), 80)).toEqual([]);
    // And two policies, one excepting and one allowing the address, are additive: allowed.
    const stacked = setup([large, np('allow-x-b', 'x', { podSelector: { matchLabels: { pod: 'a' } }, egress: [{ to: [{ ipBlock: { cidr: `${xb}/32` } }] }], policyTypes: ['Egress'] })]);
    expect(validate(stacked.c, stacked.all(), 80)).toEqual([]);
  });

  test('should enforce policies to check ingress and egress policies can be controlled independently based on PodSelector', () => {
    const egress = np('allow-egress-for-target', 'x', { podSelector: { matchLabels: { pod: 'a' } }, egress: [{}], policyTypes: ['Egress'] });
    const one = setup([egress]);
    expect(validate(one.c, one.all(), 80)).toEqual([]);
    const two = setup([egress, np('deny-ingress-via-label-selector', 'x', { podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Ingress'] })]);
    expect(validate(two.c, two.all().expectAllIngress('x/a', false), 80)).toEqual([]);
  });

  test("should not mistakenly treat 'protocol: SCTP' as 'protocol: TCP', even if the plugin doesn't support SCTP", () => {
    const { c, all } = setup([
      np('deny-ingress', 'x', { podSelector: {}, policyTypes: ['Ingress'] }),
      np('allow-only-sctp-ingress-on-port-81', 'x', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ ports: [{ port: 81, protocol: 'SCTP' }] }] }),
    ]);
    expect(validate(c, all().expectPeer({}, { namespace: 'x' }, false), 81, 'TCP')).toEqual([]);
  });

  test('should not allow access by TCP when a policy specifies only UDP', () => {
    const { c, all } = setup([np('allow-only-udp-ingress-on-port-81', 'x', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ ports: [{ port: 81, protocol: 'UDP' }] }] })]);
    expect(validate(c, all().expectAllIngress('x/a', false), 81, 'TCP')).toEqual([]);
    expect(validate(c, all(), 81, 'UDP')).toEqual([]);
  });

  test('should enforce policy to allow traffic based on NamespaceSelector with MatchLabels using default ns label', () => {
    // The namespaces carry no label of their own: kubernetes.io/metadata.name is the API server's.
    const { c, all } = setup([np('allow-client-a-via-ns-selector-for-immutable-ns-label', 'x', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { [NS_LABEL]: 'y' } } }] }] })]);
    expect(validate(c, all().expectPeer({ namespace: 'x' }, { namespace: 'x', pod: 'a' }, false).expectPeer({ namespace: 'z' }, { namespace: 'x', pod: 'a' }, false), 80)).toEqual([]);
  });

  test('should enforce policy based on NamespaceSelector with MatchExpressions using default ns label', () => {
    const { c, all } = setup([np('allow-client-a-via-ns-selector-for-immutable-ns-label', 'x', { podSelector: { matchLabels: { pod: 'a' } }, egress: [{ to: [{ namespaceSelector: { matchExpressions: [{ key: NS_LABEL, operator: 'In', values: ['y'] }] } }] }], policyTypes: ['Egress'] })]);
    expect(validate(c, all().expectAllEgress('x/a', false).expectPeer({ namespace: 'x', pod: 'a' }, { namespace: 'y' }, true), 80)).toEqual([]);
  });
});

describe('SetDefaults_NetworkPolicy (pkg/apis/networking/v1/defaults.go)', () => {
  test('egress rules without policyTypes make the policy isolate for Ingress and Egress (the suite always writes policyTypes)', () => {
    const { c, all } = setup([np('egress-only-rules', 'x', { podSelector: { matchLabels: { pod: 'a' } }, egress: [{}] })]);
    expect(c.model.networkPolicies[0].policyTypes).toEqual(['Ingress', 'Egress']);
    expect(validate(c, all().expectAllIngress('x/a', false), 80)).toEqual([]);
  });
  test('no rules and no policyTypes: Ingress only', () => {
    const { c, all } = setup([np('plain', 'x', { podSelector: { matchLabels: { pod: 'a' } } })]);
    expect(c.model.networkPolicies[0].policyTypes).toEqual(['Ingress']);
    expect(validate(c, all().expectAllIngress('x/a', false), 80)).toEqual([]);
  });
});

describe('what a denied route says', () => {
  test('dropped, with a reason starting "NetworkPolicy" and a hop naming the policy, the pod and the direction', () => {
    const { c } = setup([np('deny-ingress', 'x', { podSelector: {}, policyTypes: ['Ingress'] })]);
    const svc = c.services.find((s) => s.name === 's-x-a')!;
    const r = routeRequest(c, { from: 'pod/y/a', to: `${svc.clusterIP}:80` });
    const a = r.results[0];
    expect(a.outcome).toBe('dropped');
    expect(a.reason).toMatch(/^NetworkPolicy x\/deny-ingress isolates pod x\/a for ingress and no policy allows ingress from pod y\/a/);
    const last = a.hops[a.hops.length - 1];
    expect(last).toMatchObject({ kind: 'pod', message: 'network-policy-denied', rule: 'network-policy', pod: 'x/a', detail: { direction: 'ingress', policies: ['x/deny-ingress'], peerPod: 'y/a', port: 80, protocol: 'TCP' } });
    // The DNAT happened first: the verdict is on the backend pod.
    expect(a.hops.map((h) => h.message)).toEqual(['source', 'cluster-ip', 'dnat', 'network-policy-denied']);
    expect(r.candidates).toEqual([]);
  });
});
