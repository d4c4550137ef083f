import { defineRule } from './rule';
import { edgeModel } from '../model/edge';
import { ingressClassOf } from '../edge/ingress';

/**
 * The same host, path and pathType in two Ingresses of one class. ingress-nginx merges every
 * Ingress of a host into one server and keeps the oldest Ingress's path (ingress-nginx docs,
 * "Multiple Ingresses": the oldest rule wins; without clocks, the earlier one in input order),
 * so the later one's backend never gets that traffic.
 */
export default defineRule({
  meta: {
    id: 'ingress-duplicate-path',
    severity: 'warning',
    description: 'Two Ingresses of one class route the same host and path; only the older one is used.',
    category: 'cross-object',
    messages: {
      duplicate: {
        message: 'host {{host}} path {{path}} ({{pathType}}) is also routed by Ingress {{first}}, which comes first: ingress-nginx sends it to {{firstBackend}}, never to {{backend}} here',
        hint: 'Remove one of the two rules, or give them different hosts or paths.',
      },
    },
  },
  check(ctx) {
    const edge = edgeModel(ctx.model);
    const seen = new Map<string, { ingress: string; backend: string; manifest: (typeof edge.ingresses)[number]['object']['manifest']; path: Array<string | number> }>();
    for (const ing of edge.ingresses) {
      const cls = ingressClassOf(edge, ing, true).name ?? '';
      ing.rules.forEach((rule) => rule.paths.forEach((p) => {
        const key = `${cls}\n${rule.host ?? '*'}\n${p.path}\n${p.pathType}`;
        const backend = p.backend.service ? `Service ${ing.namespace}/${p.backend.service.name}` : 'a resource backend';
        const first = seen.get(key);
        if (!first) {
          seen.set(key, { ingress: `${ing.namespace}/${ing.name}`, backend, manifest: ing.object.manifest, path: [...p.fieldPath, 'path'] });
          return;
        }
        if (first.ingress === `${ing.namespace}/${ing.name}`) return;
        ctx.report({
          messageId: 'duplicate', manifest: ing.object.manifest, path: [...p.fieldPath, 'path'],
          data: { host: rule.host ?? '(any host)', path: p.path, pathType: p.pathType, first: first.ingress, firstBackend: first.backend, backend },
          related: [{ manifest: first.manifest, path: first.path, message: `the same path in Ingress ${first.ingress}` }],
        });
      }));
    }
  },
});
