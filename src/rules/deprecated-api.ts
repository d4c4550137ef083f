import { defineRule } from './rule';
import { isRemovedBy, removedApi } from '../model/kinds';

/**
 * apiVersions Kubernetes stopped serving, from the "Deprecated API Migration Guide" (kept in the
 * kinds catalogue, model/kinds.ts removedApi). Judged against the Kubernetes release of the
 * cluster the objects go to (the default cluster's, or a Cluster object's `kubernetesVersion`):
 * when that release no longer serves the apiVersion the object cannot be created at all (the
 * API server's RESTMapper answers `no matches for kind "X" in version "Y"`): an error. When the
 * cluster is older than the removal, it still serves it: a warning that the upgrade will break
 * the manifest. The simulator refuses the same objects with the same words (sim/served.ts).
 */
export default defineRule({
  meta: {
    id: 'deprecated-api',
    severity: 'error',
    description: 'An apiVersion Kubernetes no longer serves for this kind (e.g. extensions/v1beta1 Deployment): the object cannot be created.',
    category: 'input',
    scope: 'object',
    messages: {
      removed: {
        message: '{{apiVersion}} {{kind}} is no longer served since Kubernetes {{removedIn}} (this cluster runs {{version}}), so the object cannot be created (the API server answers: no matches for kind "{{kind}}" in version "{{apiVersion}}")',
        hint: 'Change apiVersion to {{replacement}}{{note}}.',
      },
      removedNoReplacement: {
        message: '{{apiVersion}} {{kind}} is no longer served since Kubernetes {{removedIn}} (this cluster runs {{version}}), and the kind has no replacement: the object cannot be created',
        hint: 'Remove this object; {{note}}.',
      },
      removedLater: {
        message: '{{apiVersion}} {{kind}} is still served by this cluster\'s Kubernetes {{version}}, but no longer from {{removedIn}} on: after that upgrade the API server answers: no matches for kind "{{kind}}" in version "{{apiVersion}}"',
        hint: 'Change apiVersion to {{replacement}} before upgrading{{note}}.',
      },
      removedLaterNoReplacement: {
        message: '{{apiVersion}} {{kind}} is still served by this cluster\'s Kubernetes {{version}}, but no longer from {{removedIn}} on, and the kind has no replacement',
        hint: 'Plan to remove this object before upgrading; {{note}}.',
      },
    },
  },
  check(ctx) {
    const version = ctx.settings.kubernetesVersion;
    for (const o of ctx.model.objects) {
      const removed = removedApi(o.ref.apiVersion, o.kind);
      if (!removed) continue;
      const gone = isRemovedBy(removed, version);
      const data = { apiVersion: removed.apiVersion, kind: removed.kind, removedIn: removed.removedIn, version };
      const at = { manifest: o.manifest, path: ['apiVersion'] };
      if (removed.replacement) {
        const note = removed.note ? `; note that ${removed.note}` : '';
        if (gone) ctx.report({ messageId: 'removed', ...at, data: { ...data, replacement: removed.replacement, note } });
        else ctx.report({ messageId: 'removedLater', ...at, data: { ...data, replacement: removed.replacement, note }, severity: 'warning' });
      } else if (gone) {
        ctx.report({ messageId: 'removedNoReplacement', ...at, data: { ...data, note: removed.note } });
      } else {
        ctx.report({ messageId: 'removedLaterNoReplacement', ...at, data: { ...data, note: removed.note }, severity: 'warning' });
      }
    }
  },
});
