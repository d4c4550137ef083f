import { defineRule } from './rule';
import { formatLabels } from '../model/selectors';
import type { WorkloadObject } from '../model/types';
import { listNames, selectedWorkloads, templateLabelsPath, workloadName } from './workload-ports';

/**
 * Labels by which versions of one app are told apart on purpose (canary, blue/green, Istio's
 * version routing), and labels controllers or charts stamp on pod templates. Workloads that
 * differ only in these are one logical app behind one Service.
 */
const VARIANT_LABELS = new Set([
  'version', 'app.kubernetes.io/version', 'track', 'canary', 'stage', 'variant', 'color', 'colour', 'slot',
  'helm.sh/chart', 'chart', 'pod-template-hash', 'rollouts-pod-template-hash', 'controller-revision-hash',
  'service.istio.io/canonical-revision', 'istio.io/rev',
]);

/** Repository of the first container's image, without tag or digest: `redis:7` and `redis@sha256:..` are the same program. */
export function imageRepository(w: WorkloadObject): string {
  const image = w.template.spec.containers[0]?.image ?? '';
  const noDigest = image.split('@')[0];
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  return colon > slash ? noDigest.slice(0, colon) : noDigest;
}

function differOnlyInVariantLabels(a: Record<string, string>, b: Record<string, string>): boolean {
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (a[key] !== b[key] && !VARIANT_LABELS.has(key)) return false;
  }
  return true;
}

/** Two pod templates are one logical app when they run the same program or differ only in variant labels. */
export function sameApp(a: WorkloadObject, b: WorkloadObject): boolean {
  const repo = imageRepository(a);
  if (repo !== '' && repo === imageRepository(b)) return true;
  return differOnlyInVariantLabels(a.template.metadata.labels, b.template.metadata.labels);
}

/** The labels that are not variant labels, as one string: two templates differ only in variant labels exactly when these are equal. */
function nonVariantLabels(w: WorkloadObject): string {
  const labels = w.template.metadata.labels;
  return JSON.stringify(Object.keys(labels).filter((k) => !VARIANT_LABELS.has(k)).sort().map((k) => [k, labels[k]]));
}

/** A workload's grouping keys, once (a workload is selected by every copy of its Service). */
const appKeys = new WeakMap<WorkloadObject, string[]>();

/** The apps of a selection, once per selection: Services with the same selector (copies of one app) share it (selectedWorkloads). */
const groupsOf = new WeakMap<readonly WorkloadObject[], WorkloadObject[][]>();

/**
 * Groups the workloads into logical apps: the connected components of `sameApp`, each in input
 * order, ordered by their first workload. Linear: workloads join through their image repository
 * and their non-variant labels (union-find), not pairwise (a Service over many copies of one
 * app made the pairwise form cubic).
 */
function groupApps(workloads: readonly WorkloadObject[]): WorkloadObject[][] {
  const parent = workloads.map((_, i) => i);
  const rootOf = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const firstWith = new Map<string, number>();
  const join = (key: string, i: number) => {
    const j = firstWith.get(key);
    if (j === undefined) firstWith.set(key, i);
    else parent[Math.max(rootOf(i), rootOf(j))] = Math.min(rootOf(i), rootOf(j));
  };
  workloads.forEach((w, i) => {
    let keys = appKeys.get(w);
    if (!keys) {
      const repo = imageRepository(w);
      appKeys.set(w, (keys = repo !== '' ? [`r${repo}`, `l${nonVariantLabels(w)}`] : [`l${nonVariantLabels(w)}`]));
    }
    for (const key of keys) join(key, i);
  });
  const groups = new Map<number, WorkloadObject[]>();
  workloads.forEach((w, i) => {
    const root = rootOf(i);
    const g = groups.get(root);
    if (g) g.push(w);
    else groups.set(root, [w]);
  });
  // Roots are the smallest index of their group (joins keep the smaller), and a Map keeps insertion order.
  return [...groups.values()];
}

/** Labels of `own` that the other apps' pods do not carry with the same value: what a selector could add. */
function distinguishingLabels(own: WorkloadObject, others: readonly WorkloadObject[], selector: Record<string, string>): string {
  const labels = own.template.metadata.labels;
  const keys = Object.keys(labels).filter((k) => !(k in selector) && !VARIANT_LABELS.has(k) && others.every((o) => o.template.metadata.labels[k] !== labels[k]));
  return keys.slice(0, 2).map((k) => `${k}: ${labels[k]}`).join(', ');
}

export default defineRule({
  meta: {
    id: 'service-selector-overlap',
    severity: 'warning',
    description: 'A Service selector picks the pods of more than one application, so its traffic is spread over all of them.',
    category: 'cross-object',
    messages: {
      overlap: {
        message: 'selector {{selector}} picks the pods of {{count}} workloads that look like different apps: {{apps}}; connections to this Service are spread over all of them',
        hint: 'Add a label that only the intended pods carry to spec.selector{{suggestion}}. If these are versions of one app on purpose, give their pods the same labels apart from a version-like label (version, track), which svclab reads as one app.',
      },
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services) {
      const selected = selectedWorkloads(ctx, svc);
      if (selected.length < 2) continue;
      let groups = groupsOf.get(selected);
      if (!groups) groupsOf.set(selected, (groups = groupApps(selected)));
      if (groups.length < 2) continue;
      const selector = svc.spec.selector ?? {};
      const reps = groups.map((g) => g[0]);
      const apps = listNames(reps.map((w) => `${workloadName(w)} (${formatLabels(w.template.metadata.labels)}; image ${w.template.spec.containers[0]?.image || '<none>'})`), 4);
      const own = reps.find((w) => w.ref.name === svc.ref.name);
      const extra = own ? distinguishingLabels(own, selected.filter((w) => !groups.find((g) => g.includes(own))?.includes(w)), selector) : '';
      ctx.report({
        messageId: 'overlap', manifest: svc.manifest, path: ['spec', 'selector'],
        data: {
          selector: formatLabels(selector), count: groups.length, apps,
          suggestion: extra ? ` (for example \`${extra}\`, which only ${workloadName(own as WorkloadObject)} carries)` : '',
        },
        related: reps.slice(0, 4).map((w) => ({ manifest: w.manifest, path: templateLabelsPath(w), message: `pods of ${workloadName(w)} carry these labels` })),
      });
    }
  },
});
