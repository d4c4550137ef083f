/**
 * NetworkPolicy (networking.k8s.io/v1) as the API server stores it, and the namespace labels
 * its namespaceSelectors read.
 *
 * - SetDefaults_NetworkPolicy (pkg/apis/networking/v1/defaults.go): when spec.policyTypes is
 *   empty it becomes [Ingress], plus Egress when the policy has egress rules;
 * - SetDefaults_NetworkPolicyPort: a port without protocol is TCP;
 * - every namespace carries `kubernetes.io/metadata.name: <name>`, set by the API server
 *   (the NamespaceDefaultLabelName feature, GA in 1.22), whatever the user wrote for that key.
 */
import type { FieldPath } from '../types';
import { protocol } from './build-pod';
import { arr, intOrString, isObj, num, obj, str, type Obj } from './guards';
import type { InvalidValue } from './invalid';
import { parseCIDR, type CIDR } from '../util/ip';
import type { IPBlock, LabelSelector, Model, NetworkPolicyObject, NetworkPolicyPeer, NetworkPolicyPort, NetworkPolicyRule, PolicyType } from './types';

/** The label the API server puts on every namespace (v1.LabelMetadataName). */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

const POLICY_TYPES: readonly PolicyType[] = ['Ingress', 'Egress'];

type SelectorReader = (v: unknown, path: FieldPath, invalid: InvalidValue[]) => LabelSelector;

function peer(v: Obj, path: FieldPath, invalid: InvalidValue[], selector: SelectorReader): NetworkPolicyPeer {
  const ip = isObj(v.ipBlock) ? v.ipBlock : undefined;
  const ipBlock: IPBlock | undefined = ip ? { cidr: str(ip.cidr), except: arr(ip.except).filter((x): x is string => typeof x === 'string') } : undefined;
  return {
    podSelector: isObj(v.podSelector) ? selector(v.podSelector, [...path, 'podSelector'], invalid) : undefined,
    namespaceSelector: isObj(v.namespaceSelector) ? selector(v.namespaceSelector, [...path, 'namespaceSelector'], invalid) : undefined,
    ipBlock,
    path: [...path],
  };
}

function port(v: Obj, path: FieldPath, invalid: InvalidValue[]): NetworkPolicyPort {
  const p = intOrString(v.port);
  return { protocol: protocol(v.protocol, [...path, 'protocol'], invalid), port: p === '' ? undefined : p, endPort: num(v.endPort), path: [...path] };
}

function rules(list: unknown, key: 'from' | 'to', path: FieldPath, invalid: InvalidValue[], selector: SelectorReader): NetworkPolicyRule[] {
  return arr(list).map((r, i) => {
    const o = obj(r);
    const at = [...path, i];
    return {
      peers: arr(o[key]).flatMap((p, j) => (isObj(p) ? [peer(p, [...at, key, j], invalid, selector)] : [])),
      ports: arr(o.ports).flatMap((p, j) => (isObj(p) ? [port(p, [...at, 'ports', j], invalid)] : [])),
      path: at,
    };
  });
}

/** The typed, defaulted spec of a NetworkPolicy. */
export function networkPolicySpec(spec: Obj, invalid: InvalidValue[], selector: SelectorReader): Pick<NetworkPolicyObject, 'podSelector' | 'ingress' | 'egress' | 'policyTypes' | 'writtenPolicyTypes'> {
  const ingress = rules(spec.ingress, 'from', ['spec', 'ingress'], invalid, selector);
  const egress = rules(spec.egress, 'to', ['spec', 'egress'], invalid, selector);
  const written = arr(spec.policyTypes).flatMap((t, i) => {
    const known = POLICY_TYPES.find((x) => x === t);
    if (known === undefined) invalid.push({ path: ['spec', 'policyTypes', i], value: t, allowed: POLICY_TYPES });
    return known === undefined ? [] : [known];
  });
  return { podSelector: selector(spec.podSelector, ['spec', 'podSelector'], invalid), ingress, egress, policyTypes: defaultPolicyTypes(written, egress.length > 0), writtenPolicyTypes: written };
}

/** SetDefaults_NetworkPolicy: an empty policyTypes means Ingress, and Egress when there are egress rules. */
export function defaultPolicyTypes(written: readonly PolicyType[], hasEgressRules: boolean): PolicyType[] {
  if (written.length > 0) return [...new Set(written)];
  return hasEgressRules ? ['Ingress', 'Egress'] : ['Ingress'];
}

/**
 * The labels of a namespace as the API server keeps them: those of its Namespace object in the
 * input (if any), with `kubernetes.io/metadata.name` set to its name. A namespace only implied
 * by an object in it (default, kube-system, ...) carries that label alone.
 */
export function namespaceLabels(model: Pick<Model, 'namespaces'>, name: string): Record<string, string> {
  const ns = model.namespaces.find((n) => n.metadata.name === name);
  return { ...(ns?.metadata.labels ?? {}), [NAMESPACE_NAME_LABEL]: name };
}

/** Every namespace's labels, by name: the input's Namespace objects and the names in `implied`. */
export function namespaceLabelTable(model: Pick<Model, 'namespaces'>, implied: Iterable<string>): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  for (const n of model.namespaces) if (n.metadata.name) out.set(n.metadata.name, { ...n.metadata.labels, [NAMESPACE_NAME_LABEL]: n.metadata.name });
  for (const name of implied) if (!out.has(name)) out.set(name, { [NAMESPACE_NAME_LABEL]: name });
  return out;
}

/** `inner` lies strictly inside `outer`: same family, a longer prefix, within its addresses. */
export function strictSubset(inner: CIDR, outer: CIDR): boolean {
  return inner.family === outer.family && inner.prefix > outer.prefix && inner.base >= outer.base && inner.base + inner.size <= outer.base + outer.size;
}

/**
 * ValidateNetworkPolicySpec's checks of ports and ipBlocks (pkg/apis/networking/validation/
 * validation.go ValidateNetworkPolicyPort, ValidateIPBlock), in the API server's words: the
 * simulator refuses a policy with any of them (and with the enum values in `invalid`), as
 * `kubectl apply` would fail; the networkpolicy-endport-invalid and
 * networkpolicy-except-outside-cidr rules report the same cases.
 */
export function validateNetworkPolicy(np: NetworkPolicyObject): InvalidValue[] {
  const out: InvalidValue[] = [...np.invalid];
  for (const rule of [...np.ingress, ...np.egress]) {
    for (const p of rule.ports) {
      if (p.endPort === undefined) continue;
      if (p.port === undefined) out.push({ path: [...p.path, 'port'], value: undefined, allowed: [], type: 'Required', detail: 'must be specified when endPort is specified' });
      else if (typeof p.port === 'string') out.push({ path: [...p.path, 'endPort'], value: p.endPort, allowed: [], detail: 'may not be specified when `port` is non-numeric' });
      else if (p.endPort < p.port) out.push({ path: [...p.path, 'endPort'], value: p.endPort, allowed: [], detail: 'must be greater than or equal to `port`' });
    }
    for (const peer of rule.peers) {
      const block = peer.ipBlock;
      if (!block || block.cidr === undefined) continue;
      const cidr = parseCIDR(block.cidr);
      if (!cidr) {
        out.push({ path: [...peer.path, 'ipBlock', 'cidr'], value: block.cidr, allowed: [], detail: 'must be a valid CIDR' });
        continue;
      }
      block.except.forEach((e, i) => {
        const inner = parseCIDR(e);
        if (!inner || !strictSubset(inner, cidr)) out.push({ path: [...peer.path, 'ipBlock', 'except', i], value: e, allowed: [], detail: inner ? 'must be a strict subset of `cidr`' : 'must be a valid CIDR' });
      });
    }
  }
  return out;
}
