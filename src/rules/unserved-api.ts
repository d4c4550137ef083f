import { defineRule } from './rule';
import { isKubernetesGroup, isServed, KINDS_SOURCE, kindsInGroup, removedApi, servedVersionsOf } from '../model/kinds';
import { didYouMean } from '../util/did-you-mean';

/**
 * Kubernetes' own API groups hold only the kinds Kubernetes defines: `apiVersion: v2` or
 * `kind: Deploymnet` in `apps/v1` is rejected by the API server ("no matches for kind ... in
 * version ..."). Custom resources live in other groups and are `unknown-kind`'s business;
 * removed apiVersions are `deprecated-api`'s.
 */
export default defineRule({
  meta: {
    id: 'unserved-api',
    severity: 'error',
    description: "An object's apiVersion and kind name no API that Kubernetes serves (a typo in the kind or version).",
    category: 'input',
    scope: 'object',
    messages: {
      wrongVersion: {
        message: 'Kubernetes serves no {{kind}} in `{{apiVersion}}`; the API server rejects it ("no matches for kind {{kind}} in version {{apiVersion}}")',
        hint: 'Use `apiVersion: {{served}}` for {{kind}}.',
      },
      unknownKind: {
        message: 'Kubernetes serves no kind {{kind}} in `{{apiVersion}}`; the API server rejects it ("no matches for kind {{kind}} in version {{apiVersion}}")',
        hint: '{{fix}}',
      },
    },
  },
  check(ctx) {
    for (const o of ctx.model.objects) {
      const { apiVersion } = o.ref;
      if (!isKubernetesGroup(apiVersion) || isServed(apiVersion, o.kind) || removedApi(apiVersion, o.kind)) continue;
      const versions = servedVersionsOf(o.kind);
      if (versions.length > 0) {
        ctx.report({ messageId: 'wrongVersion', manifest: o.manifest, path: ['apiVersion'], data: { kind: o.kind, apiVersion, served: versions[0] } });
        continue;
      }
      const guess = didYouMean(o.kind, kindsInGroup(apiVersion));
      const fix = guess
        ? `Did you mean \`kind: ${guess}\`? Kinds are case-sensitive.`
        : `Check the kind against the API reference (svclab knows the kinds of ${KINDS_SOURCE}).`;
      ctx.report({ messageId: 'unknownKind', manifest: o.manifest, path: ['kind'], data: { kind: o.kind, apiVersion, fix } });
    }
  },
});
