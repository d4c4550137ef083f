import { defineRule } from './rule';
import { formatLabels, LabelIndex } from '../model/selectors';
import type { WorkloadObject } from '../model/types';
import { editDistance } from '../util/did-you-mean';
import { likelyPodOwners } from './custom-resources';

/** The workload whose template labels come closest to the selector, to show the user what exists. */
function nearest(selector: Record<string, string>, workloads: readonly WorkloadObject[]): WorkloadObject | undefined {
  let best: WorkloadObject | undefined;
  let bestScore = 0;
  for (const w of workloads) {
    const labels = w.template.metadata.labels;
    let score = 0;
    for (const [k, v] of Object.entries(selector)) {
      if (labels[k] === v) score += 3;
      else if (labels[k] !== undefined) score += editDistance(labels[k], v) <= Math.max(2, v.length / 3) ? 2 : 1;
      else if (Object.entries(labels).some(([lk, lv]) => lv === v || editDistance(lk, k) <= 2)) score += 1;
    }
    if (score > bestScore) {
      bestScore = score;
      best = w;
    }
  }
  return best;
}

export default defineRule({
  meta: {
    id: 'service-selector-no-match',
    severity: 'error',
    description: 'A Service selector matches no pod template in its namespace, so the Service has no endpoints.',
    category: 'cross-object',
    messages: {
      noMatch: {
        message: 'selector {{selector}} matches no pod in namespace {{namespace}}{{nearest}}',
        hint: 'Make spec.selector equal to the labels of the pod template (spec.template.metadata.labels of the workload), or fix the pod labels.',
      },
      otherNamespace: {
        message: 'selector {{selector}} matches no pod in namespace {{namespace}}; it matches {{other}} in namespace {{otherNamespace}}, but a Service only selects pods of its own namespace',
        hint: 'Put the Service in namespace {{otherNamespace}} (metadata.namespace), or move the workload into {{namespace}}.',
      },
      operator: {
        message: 'selector {{selector}} matches no pod template in namespace {{namespace}}; the pods may come from custom resources here ({{custom}}), whose operator svclab cannot see',
        hint: 'If an operator creates these pods, this is expected; otherwise make spec.selector equal to the pod labels. Silence it per object with the annotation svclab.io/ignore: service-selector-no-match.',
      },
    },
  },
  check(ctx) {
    const allByLabel = new LabelIndex<WorkloadObject>((w) => w.template.metadata.labels);
    for (const w of ctx.model.workloads) allByLabel.add(w);
    for (const svc of ctx.model.services) {
      const selector = svc.spec.selector;
      if (!selector || svc.spec.type === 'ExternalName') continue;
      const ns = svc.ref.namespace;
      if (ctx.podTemplatesIn(ns).selectMap(selector).length > 0) continue;
      const data = { selector: formatLabels(selector), namespace: ns };
      const path = ['spec', 'selector'];
      const elsewhere = allByLabel.selectMap(selector).filter((w) => w.ref.namespace !== ns);
      if (elsewhere.length > 0) {
        const other = elsewhere[0];
        ctx.report({
          messageId: 'otherNamespace', manifest: svc.manifest, path,
          data: { ...data, other: `${other.kind}/${other.ref.name}`, otherNamespace: other.ref.namespace },
          related: [{ manifest: other.manifest, path: [...other.templatePath, 'metadata', 'labels'], message: `pods of ${other.kind}/${other.ref.namespace}/${other.ref.name} carry these labels` }],
        });
        continue;
      }
      const custom = ctx.possiblePodOwnersIn(ns);
      if (custom.length > 0) {
        const owners = likelyPodOwners(custom, Object.values(selector));
        ctx.report({ messageId: 'operator', manifest: svc.manifest, path, data: { ...data, custom: owners }, severity: 'warning' });
        continue;
      }
      const near = nearest(selector, ctx.podTemplatesIn(ns).items());
      const nearestText = near
        ? `; pods of ${near.kind}/${ns}/${near.ref.name} carry ${formatLabels(near.template.metadata.labels)}`
        : ctx.podTemplatesIn(ns).items().length === 0 ? ' (there is no workload in this namespace)' : '';
      ctx.report({
        messageId: 'noMatch', manifest: svc.manifest, path, data: { ...data, nearest: nearestText },
        related: near ? [{ manifest: near.manifest, path: [...near.templatePath, 'metadata', 'labels'], message: `labels of ${near.kind}/${near.ref.name}'s pods` }] : [],
      });
    }
  },
});
