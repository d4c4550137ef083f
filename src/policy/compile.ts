/**
 * NetworkPolicies compiled once per cluster: selectors made into matchers, CIDRs parsed, and
 * every policy filed under its namespace, so that the evaluator (./evaluate) asks only the few
 * policies of one namespace about one pod.
 *
 * Semantics of networking.k8s.io/v1 NetworkPolicyPeer (types.go comments): `podSelector` alone
 * selects pods of the policy's namespace; `namespaceSelector` alone every pod of the matching
 * namespaces; both together the pods matching `podSelector` in the matching namespaces; an
 * `ipBlock` selects addresses (its `except` CIDRs left out). Pod and namespace selectors never
 * select an address that is not a pod's own (a node, a hostNetwork pod, a client outside).
 */
import { labelSelectorAsSelector, type Selector } from '../model/selectors';
import type { NetworkPolicyObject, NetworkPolicyPort, NetworkPolicyRule } from '../model/types';
import { cidrContains, parseCIDR, parseIP, type CIDR } from '../util/ip';

export interface CompiledPeer {
  pods: Selector | null;
  namespaces: Selector | null;
  ipBlock: { cidr: CIDR; except: CIDR[] } | null;
  /** An ipBlock whose cidr does not parse: it selects nothing. */
  broken: boolean;
}

export interface CompiledRule {
  /** Empty: every peer. */
  peers: CompiledPeer[];
  /** Empty: every port. */
  ports: NetworkPolicyPort[];
}

export interface CompiledPolicy {
  /** `namespace/name`. */
  key: string;
  namespace: string;
  selector: Selector;
  /** The policy's ingress rules when it isolates for ingress (its policyTypes hold Ingress), else null. */
  ingress: CompiledRule[] | null;
  egress: CompiledRule[] | null;
  object: NetworkPolicyObject;
}

function compileRule(rule: NetworkPolicyRule): CompiledRule {
  return {
    peers: rule.peers.map((p) => {
      const cidr = p.ipBlock?.cidr !== undefined ? parseCIDR(p.ipBlock.cidr) : null;
      return {
        pods: p.podSelector ? labelSelectorAsSelector(p.podSelector) : null,
        namespaces: p.namespaceSelector ? labelSelectorAsSelector(p.namespaceSelector) : null,
        ipBlock: cidr && p.ipBlock ? { cidr, except: p.ipBlock.except.flatMap((e) => parseCIDR(e) ?? []) } : null,
        broken: p.ipBlock !== undefined && cidr === null,
      };
    }),
    ports: rule.ports,
  };
}

export function compilePolicy(np: NetworkPolicyObject): CompiledPolicy {
  return {
    key: `${np.metadata.namespace}/${np.metadata.name}`,
    namespace: np.metadata.namespace,
    selector: labelSelectorAsSelector(np.podSelector),
    ingress: np.policyTypes.includes('Ingress') ? np.ingress.map(compileRule) : null,
    egress: np.policyTypes.includes('Egress') ? np.egress.map(compileRule) : null,
    object: np,
  };
}

/** Whether an ipBlock holds the address (inside cidr, outside every except). */
export function ipBlockHolds(block: { cidr: CIDR; except: CIDR[] }, ip: string): boolean {
  const parsed = parseIP(ip);
  if (!parsed || !cidrContains(block.cidr, parsed)) return false;
  return !block.except.some((e) => cidrContains(e, parsed));
}
