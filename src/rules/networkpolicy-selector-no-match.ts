import { defineRule } from './rule';
import { formatLabels, selectorFromSet } from '../model/selectors';
import { compilePolicy } from '../policy/compile';
import type { LabelSelector, WorkloadObject } from '../model/types';
import { templateLabelsPath, workloadName } from './workload-ports';
import { likelyPodOwners } from './custom-resources';

function describeSelector(s: LabelSelector): string {
  const parts = [formatLabels(s.matchLabels)].filter((p) => p !== '<none>');
  for (const e of s.matchExpressions) parts.push(e.values.length ? `${e.key} ${e.operator} (${e.values.join(',')})` : `${e.key} ${e.operator}`);
  return parts.join(',');
}

/** The workload sharing the most selector pairs, to show the user what exists. */
function nearest(selector: LabelSelector, workloads: readonly WorkloadObject[]): WorkloadObject | undefined {
  let best: WorkloadObject | undefined;
  let bestScore = 0;
  for (const w of workloads) {
    const labels = w.template.metadata.labels;
    let score = 0;
    for (const [k, v] of Object.entries(selector.matchLabels)) score += labels[k] === v ? 2 : k in labels ? 1 : 0;
    for (const e of selector.matchExpressions) score += e.key in labels ? 1 : 0;
    if (score > bestScore) [best, bestScore] = [w, score];
  }
  return best;
}

/**
 * A NetworkPolicy applies to the pods its podSelector picks in its own namespace
 * (networking.k8s.io/v1 NetworkPolicySpec.podSelector; empty = all pods). A selector that
 * picks nothing makes the policy a silent no-op: the isolation it was written for is missing.
 */
export default defineRule({
  meta: {
    id: 'networkpolicy-selector-no-match',
    severity: 'warning',
    description: 'A NetworkPolicy podSelector selects no pod template in its namespace, so the policy protects nothing.',
    category: 'cross-object',
    messages: {
      noMatch: {
        message: 'podSelector {{selector}} selects no pod in namespace {{namespace}}{{nearest}}; this policy applies to nothing',
        hint: 'Make spec.podSelector match the labels of the pods to protect (spec.template.metadata.labels of their workload); an empty podSelector ({}) selects every pod of the namespace.',
      },
      operator: {
        message: 'podSelector {{selector}} selects no pod template in namespace {{namespace}}; the pods may come from custom resources here ({{custom}}), whose operator svclab cannot see',
        hint: 'If an operator creates these pods, this is expected; otherwise make spec.podSelector match the pod labels. Silence it per object with the annotation svclab.io/ignore: networkpolicy-selector-no-match.',
      },
    },
  },
  check(ctx) {
    for (const np of ctx.model.networkPolicies) {
      const selector = np.podSelector;
      // The simulator's evaluator compiles the same selector (src/policy/compile.ts).
      if (compilePolicy(np).selector.empty()) continue;
      const ns = np.ref.namespace;
      const index = ctx.podTemplatesIn(ns);
      if (index.select(selector).length > 0) continue;
      const path = ['spec', 'podSelector'];
      const data = { selector: describeSelector(selector), namespace: ns };
      const custom = ctx.possiblePodOwnersIn(ns);
      if (custom.length > 0) {
        // Name first the custom resources the selector seems to be about (Alertmanager for name=alertmanager).
        const owners = likelyPodOwners(custom, [...Object.values(selector.matchLabels), ...selector.matchExpressions.flatMap((e) => e.values)]);
        ctx.report({ messageId: 'operator', manifest: np.manifest, path, data: { ...data, custom: owners }, severity: 'info' });
        continue;
      }
      const near = nearest(selector, index.items());
      const partial = near && selectorFromSet(selector.matchLabels).matches(near.template.metadata.labels) ? ' (they fail its matchExpressions)' : '';
      ctx.report({
        messageId: 'noMatch', manifest: np.manifest, path,
        data: {
          ...data,
          nearest: near ? `; pods of ${workloadName(near)} carry ${formatLabels(near.template.metadata.labels)}${partial}` : index.items().length === 0 ? ' (there is no workload in this namespace)' : '',
        },
        related: near ? [{ manifest: near.manifest, path: templateLabelsPath(near), message: `labels of ${workloadName(near)}'s pods` }] : [],
      });
    }
  },
});
