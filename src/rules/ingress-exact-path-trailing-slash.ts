import { defineRule } from './rule';
import { edgeModel } from '../model/edge';

/**
 * `pathType: Exact` with a trailing `/` (or a `/` path meant as a prefix): Exact is a
 * case-sensitive string match (networking/v1 PathTypeExact; the Ingress docs' table: Exact
 * `/foo/` does not match `/foo`), so `/api/` misses `/api` and everything under it.
 */
export default defineRule({
  meta: {
    id: 'ingress-exact-path-trailing-slash',
    severity: 'warning',
    description: 'An Exact Ingress path ends in `/`, so it matches only that one string, not the path without the slash or below it.',
    category: 'service',
    messages: {
      trailing: {
        message: 'path "{{path}}" has pathType Exact: it matches only the request path "{{path}}" exactly, not "{{bare}}" and not "{{path}}anything"',
        hint: 'Use pathType: Prefix for "{{bare}}" and everything below it, or write the Exact path without the trailing slash ("{{bare}}").',
      },
    },
  },
  check(ctx) {
    for (const ing of edgeModel(ctx.model).ingresses) {
      for (const rule of ing.rules) for (const p of rule.paths) {
        if (p.pathType !== 'Exact' || p.path.length < 2 || !p.path.endsWith('/')) continue;
        ctx.report({ messageId: 'trailing', manifest: ing.object.manifest, path: [...p.fieldPath, 'path'], data: { path: p.path, bare: p.path.replace(/\/+$/, '') } });
      }
    }
  },
});
