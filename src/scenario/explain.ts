/**
 * Why a request went where it did: the chain Service -> selector -> pods -> EndpointSlice ->
 * targetPort -> containerPort, in sentences, for a failed route.
 */
import type { RouteResult, SimCluster, SimService } from '../sim/types';
import { selectorFromSet } from '../model/selectors';

export function explainRoute(cluster: SimCluster, result: RouteResult): string[] {
  const svc = findService(cluster, result);
  if (!svc) {
    const first = result.results[0];
    return first ? [`no Service is involved: ${first.reason}`] : [];
  }
  const lines: string[] = [];
  const id = `${svc.namespace}/${svc.name}`;
  lines.push(`Service ${id}: type ${svc.type}, ClusterIP ${svc.clusterIP ?? '<none>'}, ports ${svc.ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol} -> targetPort ${p.targetPort}`).join(', ') || '<none>'}`);
  if (svc.type === 'ExternalName') {
    lines.push(`ExternalName: the name is a CNAME to ${svc.spec.externalName ?? '?'}; no proxying happens in the cluster`);
    return lines;
  }
  const selector = svc.spec.selector;
  if (!selector) {
    lines.push('selector: none — endpoints come only from Endpoints/EndpointSlices written by hand');
  } else {
    const sel = Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(',');
    const sameNs = cluster.pods.filter((p) => p.namespace === svc.namespace);
    const selects = selectorFromSet(selector);
    const picked = sameNs.filter((p) => selects.matches(p.labels));
    lines.push(`selector ${sel} picks ${picked.length} pod${picked.length === 1 ? '' : 's'} in namespace ${svc.namespace}${picked.length ? `: ${picked.slice(0, 5).map((p) => `${p.name}${p.ready ? '' : ' (not ready)'}`).join(', ')}${picked.length > 5 ? ', ...' : ''}` : ''}`);
    if (picked.length === 0) {
      const labelSets = [...new Set(sameNs.map((p) => Object.entries(p.labels).map(([k, v]) => `${k}=${v}`).join(',')))].slice(0, 4);
      if (labelSets.length) lines.push(`  pods in ${svc.namespace} carry: ${labelSets.join(' | ')}`);
      const elsewhere = cluster.pods.filter((p) => p.namespace !== svc.namespace && selects.matches(p.labels));
      if (elsewhere.length) lines.push(`  matching pods exist in another namespace (${[...new Set(elsewhere.map((p) => p.namespace))].join(', ')}); a selector only picks pods of the Service's own namespace`);
    }
  }
  const slices = cluster.endpointSlices.filter((s) => s.namespace === svc.namespace && s.serviceName === svc.name);
  const ready = slices.flatMap((s) => s.endpoints.filter((e) => e.conditions.ready));
  const notReady = slices.flatMap((s) => s.endpoints.filter((e) => !e.conditions.ready));
  lines.push(`EndpointSlice: ${ready.length} ready, ${notReady.length} not ready endpoint${ready.length + notReady.length === 1 ? '' : 's'}${slices.length ? ` on port${slices.flatMap((s) => s.ports).length === 1 ? '' : 's'} ${[...new Set(slices.flatMap((s) => s.ports.map((p) => `${p.name ? `${p.name}=` : ''}${p.port}`)))].join(', ') || '<none>'}` : ''}`);
  for (const p of svc.ports) {
    // A Service without a selector selects no pod (its endpoints are written by hand).
    const pods = selector ? cluster.pods.filter((pod) => pod.namespace === svc.namespace && selectorFromSet(selector).matches(pod.labels)) : [];
    if (pods.length === 0) continue;
    const declared = [...new Set(pods.flatMap((pod) => pod.spec.containers.flatMap((c) => c.ports.map((cp) => `${cp.containerPort}${cp.name ? ` (${cp.name})` : ''}`))))];
    const target = p.targetPort;
    const ok = typeof target === 'number' ? pods.some((pod) => pod.spec.containers.some((c) => c.ports.length === 0 || c.ports.some((cp) => cp.containerPort === target))) : pods.some((pod) => pod.spec.containers.some((c) => c.ports.some((cp) => cp.name === target)));
    lines.push(`targetPort ${target} of port ${p.port}: ${ok ? 'matches' : 'does not match'} the containers' ports ${declared.join(', ') || '(none declared)'}`);
  }
  // The chain may be sound and a NetworkPolicy still drop the connection after DNAT (or its DNS query).
  const policy = result.results.find((r) => r.why.rule === 'network-policy');
  if (policy) lines.push(`NetworkPolicy: ${policy.reason}`);
  return lines;
}

function findService(cluster: SimCluster, result: RouteResult): SimService | undefined {
  const viaResult = result.results.find((r) => r.service)?.service;
  if (viaResult) return cluster.services.find((s) => `${s.namespace}/${s.name}` === viaResult);
  const ip = result.resolved?.ip;
  if (ip) {
    const byIP = cluster.services.find((s) => s.clusterIP === ip || (s.loadBalancerIngress ?? []).includes(ip));
    if (byIP) return byIP;
  }
  const host = result.request.to.replace(/^https?:\/\//, '').split(/[:/]/)[0];
  const [name, ns] = host.split('.');
  return cluster.services.find((s) => s.name === name && s.namespace === (ns && ns !== 'svc' ? ns : result.request.namespace));
}
