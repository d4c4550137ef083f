import { defineRule } from './rule';
import { arr, isObj } from '../model/guards';
import { formatLabels, labelSelectorAsSelector } from '../model/selectors';
import type { LabelSelector, LabelSelectorRequirement } from '../model/types';

/** Kinds whose apps/v1 validation requires the selector to match the template (ValidateDeploymentSpec and siblings). */
const APPS_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet']);

function formatRequirement(r: LabelSelectorRequirement): string {
  switch (r.operator) {
    case 'Exists':
      return r.key;
    case 'DoesNotExist':
      return `!${r.key}`;
    default:
      return `${r.key} ${r.operator === 'In' ? 'in' : 'notin'} (${r.values.join(',')})`;
  }
}

export function formatSelector(s: LabelSelector): string {
  const parts = Object.keys(s.matchLabels).sort().map((k) => `${k}=${s.matchLabels[k]}`);
  parts.push(...s.matchExpressions.map(formatRequirement));
  return parts.length ? parts.join(',') : '<empty>';
}

/** The selector terms the labels fail, in words: "app=web-server (the template has app=webserver)". */
function failingTerms(labels: Record<string, string>, s: LabelSelector): string {
  const out: string[] = [];
  for (const [k, v] of Object.entries(s.matchLabels)) {
    if (labels[k] === v) continue;
    out.push(labels[k] === undefined ? `${k}=${v} (the template has no ${k} label)` : `${k}=${v} (the template has ${k}=${labels[k]})`);
  }
  for (const r of s.matchExpressions) {
    if (!labelSelectorAsSelector({ matchLabels: {}, matchExpressions: [r] }).matches(labels)) out.push(formatRequirement(r));
  }
  return out.join(', ');
}

export default defineRule({
  meta: {
    id: 'workload-selector-mismatch',
    severity: 'error',
    description: 'A Deployment/ReplicaSet/StatefulSet/DaemonSet (or ReplicationController) whose selector does not match its own pod template labels, or is empty.',
    category: 'workload',
    scope: 'object',
    messages: {
      mismatch: {
        message: '{{kind}} spec.selector {{selector}} does not match its pod template labels {{labels}}: the API server rejects it ("`selector` does not match template `labels`"); failing: {{failing}}',
        hint: 'Make spec.template.metadata.labels contain every pair of spec.selector.matchLabels (the selector may be a subset of the labels). Note that the selector cannot be changed after the {{kind}} is created.',
      },
      empty: {
        message: '{{kind}} spec.selector is empty: the API server rejects it ("empty selector is invalid for {{lowerKind}}"), since an empty selector would select every pod in the namespace',
        hint: 'Set spec.selector.matchLabels to the pod template labels (spec.template.metadata.labels), e.g. `app: {{name}}`.',
      },
    },
  },
  check(ctx) {
    for (const w of ctx.model.workloads) {
      // A ReplicationController (v1) gets its selector from the template labels when it sets none,
      // but a selector it does set must match too (ValidateReplicationControllerSpec).
      const rc = w.kind === 'ReplicationController' && w.manifest.apiVersion === 'v1';
      if (!rc && (!APPS_KINDS.has(w.kind) || w.manifest.apiVersion !== 'apps/v1')) continue;
      if (rc && (!isObj(w.manifest.value.spec) || !isObj(w.manifest.value.spec.selector) || Object.keys(w.manifest.value.spec.selector).length === 0)) continue;
      // A missing selector is a required-field error the schema stage reports.
      if (!isObj(w.manifest.value.spec) || !isObj(w.manifest.value.spec.selector) || !w.selector) continue;
      const selector = w.selector;
      // Emptiness from the written selector: the model drops keys it cannot hold (`__proto__`),
      // and a selector with only such a key is invalid-label's finding, not an empty one.
      const raw = w.manifest.value.spec.selector;
      const written = rc ? Object.keys(raw).length : Object.keys(isObj(raw.matchLabels) ? raw.matchLabels : {}).length + arr(raw.matchExpressions).length;
      if (written === 0) {
        ctx.report({ messageId: 'empty', manifest: w.manifest, path: ['spec', 'selector'], data: { kind: w.kind, lowerKind: w.kind.toLowerCase(), name: w.ref.name || 'my-app' } });
        continue;
      }
      const labels = w.template.metadata.labels;
      const asSelector = labelSelectorAsSelector(selector);
      if (asSelector.empty() || asSelector.matches(labels)) continue;
      ctx.report({
        messageId: 'mismatch', manifest: w.manifest, path: [...w.templatePath, 'metadata', 'labels'],
        data: { kind: w.kind, selector: formatSelector(selector), labels: formatLabels(labels), failing: failingTerms(labels, selector) },
        related: [{ manifest: w.manifest, path: ['spec', 'selector'], message: `the selector: ${formatSelector(selector)}` }],
      });
    }
  },
});
