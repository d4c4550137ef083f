import { defineRule } from './rule';
import { edgeModel } from '../model/edge';
import { ingressHostMatches } from '../edge/http-match';

/**
 * A host under spec.tls that no rule of the Ingress routes (networking/v1 IngressTLS: "hosts
 * included in the TLS certificate ... must match the host of a rule"): the certificate is
 * served for a name that has no route, which is usually a typo in one of the two lists.
 */
export default defineRule({
  meta: {
    id: 'ingress-tls-host-uncovered',
    severity: 'warning',
    description: 'A TLS host of an Ingress matches none of its rules, so HTTPS for it has no route (usually a typo).',
    category: 'service',
    messages: {
      uncovered: {
        message: 'TLS host {{host}} matches no rule host of this Ingress ({{hosts}}): HTTPS requests for it reach the controller but no rule of this Ingress',
        hint: 'Make spec.tls[].hosts and spec.rules[].host name the same hosts.',
      },
    },
  },
  check(ctx) {
    for (const ing of edgeModel(ctx.model).ingresses) {
      const hosts = ing.rules.map((r) => r.host);
      if (hosts.some((h) => h === undefined)) continue;
      ing.tls.forEach((t) => t.hosts.forEach((h, i) => {
        if (hosts.some((r) => r === h || (r!.startsWith('*.') && ingressHostMatches(r!, h)))) return;
        ctx.report({ messageId: 'uncovered', manifest: ing.object.manifest, path: [...t.fieldPath, 'hosts', i], data: { host: h, hosts: hosts.join(', ') || 'none' } });
      }));
    }
  },
});
