import type { Manifest } from '../parse/manifest';

/**
 * Names (`Kind/name`) of the custom resources most likely to own pods with these label values,
 * at most `limit`: an operator usually labels the pods after the resource's kind and name
 * (kube-prometheus' `Prometheus/k8s` makes pods `app.kubernetes.io/name=prometheus`,
 * `...instance=k8s`), so matching kinds rank first, then matching names, then input order.
 */
export function likelyPodOwners(custom: readonly Manifest[], labelValues: Iterable<string>, limit = 3): string {
  const values = new Set([...labelValues].map((v) => v.toLowerCase()));
  const score = (m: Manifest) => (values.has(m.kind.toLowerCase()) ? 2 : 0) + (values.has(m.name.toLowerCase()) ? 1 : 0);
  // Array.prototype.sort is stable, so equal scores keep the input order.
  const ranked = [...custom].sort((a, b) => score(b) - score(a));
  return [...new Set(ranked.map((m) => `${m.kind}/${m.name}`))].slice(0, limit).join(', ');
}
