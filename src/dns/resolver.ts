import type { ClusterState, DnsQuery, DnsResult } from '../sim/types';

// Placeholder until DNS lands: the real implementation answers as CoreDNS would.
export function resolveName(_cluster: ClusterState, _query: DnsQuery): DnsResult {
  throw new Error('DNS is not available yet');
}
