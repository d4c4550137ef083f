import type { ClusterState, RouteRequest, RouteResult } from './types';

// Placeholder until routing lands: the real implementation models kube-proxy's rules.
export function routeRequest(_cluster: ClusterState, _request: RouteRequest): RouteResult {
  throw new Error('routing is not available yet');
}
