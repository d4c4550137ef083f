import { defineRule } from './rule';
import { removedApi } from '../model/kinds';

/**
 * apiVersions Kubernetes stopped serving, from the "Deprecated API Migration Guide" (kept in the
 * kinds catalogue, model/kinds.ts removedApi): a current API server answers "no matches for kind".
 */
export default defineRule({
  meta: {
    id: 'deprecated-api',
    severity: 'warning',
    description: 'An apiVersion that Kubernetes no longer serves for this kind (e.g. extensions/v1beta1 Deployment).',
    category: 'input',
    scope: 'object',
    messages: {
      removed: {
        message: '{{apiVersion}} {{kind}} is no longer served since Kubernetes {{removedIn}}; a current API server rejects it ("no matches for kind {{kind}} in version {{apiVersion}}")',
        hint: 'Change apiVersion to {{replacement}}{{note}}.',
      },
      removedNoReplacement: {
        message: '{{apiVersion}} {{kind}} is no longer served since Kubernetes {{removedIn}}, and the kind has no replacement',
        hint: 'Remove this object; {{note}}.',
      },
    },
  },
  check(ctx) {
    for (const o of ctx.model.objects) {
      const removed = removedApi(o.ref.apiVersion, o.kind);
      if (!removed) continue;
      const data = { apiVersion: removed.apiVersion, kind: removed.kind, removedIn: removed.removedIn };
      if (removed.replacement) {
        ctx.report({
          messageId: 'removed', manifest: o.manifest, path: ['apiVersion'],
          data: { ...data, replacement: removed.replacement, note: removed.note ? `; note that ${removed.note}` : '' },
        });
      } else {
        ctx.report({ messageId: 'removedNoReplacement', manifest: o.manifest, path: ['apiVersion'], data: { ...data, note: removed.note } });
      }
    }
  },
});
