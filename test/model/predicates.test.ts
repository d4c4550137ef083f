import { findPort } from '../../src/model/pod';
import { formatLabels, LabelIndex, labelSelectorAsSelector, selectorFromSet } from '../../src/model/selectors';
import {
  externallyAccessible, externalPolicyLocal, internalPolicyLocal, isHeadlessService, isServiceIPSet, needsHealthCheck, normalizeClusterIPs,
} from '../../src/model/service';
import { podSpec } from '../../src/model/build-pod';

const spec = (type: string, externalIPs: string[] = [], externalTrafficPolicy?: string) => ({ type, externalIPs, externalTrafficPolicy });

describe('Service predicates (pkg/api/v1/service/util.go)', () => {
  test('ExternallyAccessible: NodePort, LoadBalancer, or ClusterIP with externalIPs', () => {
    expect(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'].map((t) => externallyAccessible(spec(t)))).toEqual([false, true, true, false]);
    expect(externallyAccessible(spec('ClusterIP', ['203.0.113.7']))).toBe(true);
    expect(externallyAccessible(spec('ExternalName', ['203.0.113.7']))).toBe(false);
  });

  test('ExternalPolicyLocal needs an externally accessible Service; NeedsHealthCheck only a LoadBalancer one', () => {
    expect(externalPolicyLocal(spec('ClusterIP', [], 'Local'))).toBe(false);
    expect(externalPolicyLocal(spec('NodePort', [], 'Local'))).toBe(true);
    expect(needsHealthCheck(spec('NodePort', [], 'Local'))).toBe(false);
    expect(needsHealthCheck(spec('LoadBalancer', [], 'Local'))).toBe(true);
    expect(needsHealthCheck(spec('LoadBalancer', [], 'Cluster'))).toBe(false);
  });

  test('InternalPolicyLocal: internalTrafficPolicy Local', () => {
    expect([internalPolicyLocal({ internalTrafficPolicy: 'Local' }), internalPolicyLocal({ internalTrafficPolicy: 'Cluster' }), internalPolicyLocal({ internalTrafficPolicy: undefined })]).toEqual([true, false, false]);
  });
});

describe('headless and virtual IPs', () => {
  test('isHeadlessService (validation.go): clusterIPs is exactly ["None"], after normalizeClusterIPs copied a lone clusterIP', () => {
    expect(isHeadlessService({ clusterIPs: normalizeClusterIPs('None', []) })).toBe(true);
    expect(isHeadlessService({ clusterIPs: normalizeClusterIPs(undefined, ['None']) })).toBe(true);
    expect(isHeadlessService({ clusterIPs: ['None', '10.96.0.9'] })).toBe(false);
    expect(isHeadlessService({ clusterIPs: [] })).toBe(false);
  });

  test('normalizeClusterIPs (registry storage.go) on create: only a clusterIP without clusterIPs is copied', () => {
    expect(normalizeClusterIPs('10.96.0.9', [])).toEqual(['10.96.0.9']);
    expect(normalizeClusterIPs('10.96.0.9', ['10.96.0.8'])).toEqual(['10.96.0.8']);
    expect(normalizeClusterIPs(undefined, [])).toEqual([]);
  });

  test('IsServiceIPSet (core/v1/helper): a clusterIP that is neither empty nor None', () => {
    expect([null, undefined, '', 'None', '10.96.0.9'].map((clusterIP) => isServiceIPSet({ clusterIP }))).toEqual([false, false, false, false, true]);
  });
});

describe('label selectors (apimachinery labels / metav1 helpers)', () => {
  const labels = { app: 'web', tier: 'front' };

  test('labels.SelectorFromSet: every pair must match; an empty set selects everything', () => {
    expect(selectorFromSet({ app: 'web' }).matches(labels)).toBe(true);
    expect(selectorFromSet({ app: 'web', tier: 'back' }).matches(labels)).toBe(false);
    expect(selectorFromSet({}).matches(labels)).toBe(true);
    expect(selectorFromSet({}).empty()).toBe(true);
  });

  test('metav1.LabelSelectorAsSelector: matchLabels and matchExpressions ANDed; empty selects everything, nil nothing', () => {
    const expr = (operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist', key: string, values: string[] = []) =>
      labelSelectorAsSelector({ matchLabels: {}, matchExpressions: [{ key, operator, values }] }).matches(labels);
    expect([expr('In', 'app', ['web', 'api']), expr('In', 'app', ['api']), expr('In', 'zone', ['a'])]).toEqual([true, false, false]);
    expect([expr('NotIn', 'app', ['api']), expr('NotIn', 'app', ['web']), expr('NotIn', 'zone', ['a'])]).toEqual([true, false, true]);
    expect([expr('Exists', 'tier'), expr('Exists', 'zone'), expr('DoesNotExist', 'zone'), expr('DoesNotExist', 'tier')]).toEqual([true, false, true, false]);
    expect(labelSelectorAsSelector({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['back'] }] }).matches(labels)).toBe(false);
    const empty = labelSelectorAsSelector({ matchLabels: {}, matchExpressions: [] });
    expect([empty.empty(), empty.matches(labels)]).toEqual([true, true]);
    const nil = labelSelectorAsSelector(undefined);
    expect([nil.empty(), nil.matches(labels), nil.matches({})]).toEqual([false, false, false]);
  });

  test('LabelIndex selects what the selectors match', () => {
    const index = new LabelIndex<Record<string, string>>((x) => x);
    const items = [labels, { app: 'web', tier: 'back' }, { app: 'api' }];
    items.forEach((i) => index.add(i));
    expect(index.selectMap({ app: 'web' })).toEqual(items.slice(0, 2));
    expect(index.selectMap({})).toEqual(items);
    expect(index.select({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['front'] }] })).toEqual([items[1]]);
  });

  test('LabelIndex remembers an answer only until the next add, and hands out copies', () => {
    const index = new LabelIndex<Record<string, string>>((x) => x);
    const a = { app: 'web' };
    index.add(a);
    const first = index.selectMap({ app: 'web' });
    first.push({ app: 'intruder' });
    expect(index.selectMap({ app: 'web' })).toEqual([a]);
    const b = { app: 'web', tier: 'back' };
    index.add(b);
    expect(index.selectMap({ app: 'web' })).toEqual([a, b]);
    // A label may hold any character: sets that would read alike if joined are told apart.
    index.add({ a: 'x', b: 'y' });
    expect(index.selectMap({ a: 'x', b: 'y' })).toHaveLength(1);
    expect(index.selectMap({ a: 'x\u0000b\u0000y' })).toEqual([]);
  });

  test('LabelIndex.selectShared: selectMap\'s answer, the same array for the same pairs until the next add (rules memoise by it)', () => {
    const index = new LabelIndex<Record<string, string>>((x) => x);
    const a = { app: 'web', copy: '1' };
    const b = { app: 'web', copy: '2' };
    index.add(a);
    index.add(b);
    const shared = index.selectShared({ app: 'web' });
    expect(shared).toEqual(index.selectMap({ app: 'web' }));
    expect(index.selectShared({ app: 'web' })).toBe(shared);
    expect(index.selectShared({ copy: '2' })).toEqual([b]);
    const none = index.selectShared({ app: 'db' });
    expect(none).toEqual([]);
    expect(Object.isFrozen(none)).toBe(true);
    index.add({ app: 'web', copy: '3' });
    expect(index.selectShared({ app: 'web' })).not.toBe(shared);
    expect(index.selectShared({ app: 'web' })).toHaveLength(3);
  });

  test('labels.FormatLabels: sorted k=v pairs, <none> for none', () => {
    expect([formatLabels({ b: '2', a: '1' }), formatLabels({})]).toEqual(['a=1,b=2', '<none>']);
  });
});

describe('FindPort (pkg/api/v1/pod/util.go)', () => {
  const pod = {
    spec: podSpec({
      containers: [{ name: 'app', ports: [{ name: 'http', containerPort: 8080 }, { name: 'dns', containerPort: 53, protocol: 'UDP' }] }],
      initContainers: [
        { name: 'init', ports: [{ name: 'setup', containerPort: 9000 }] },
        { name: 'proxy', restartPolicy: 'Always', ports: [{ name: 'proxy', containerPort: 15001 }] },
      ],
    }, ['spec'], []),
  };

  test('a numeric targetPort is used as is, declared or not', () => {
    expect(findPort(pod, { targetPort: 9999, protocol: 'TCP' })).toBe(9999);
  });

  test('a named targetPort matches name and protocol, in the containers and then the sidecars (restartPolicy Always)', () => {
    expect(findPort(pod, { targetPort: 'http', protocol: 'TCP' })).toBe(8080);
    expect(findPort(pod, { targetPort: 'dns', protocol: 'TCP' })).toBeUndefined();
    expect(findPort(pod, { targetPort: 'dns', protocol: 'UDP' })).toBe(53);
    expect(findPort(pod, { targetPort: 'proxy', protocol: 'TCP' })).toBe(15001);
    expect(findPort(pod, { targetPort: 'setup', protocol: 'TCP' })).toBeUndefined();
  });
});
