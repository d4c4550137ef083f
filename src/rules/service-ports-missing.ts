import { defineRule } from './rule';
import { isHeadless, rawPorts, serviceType } from './service-helpers';

/**
 * ValidateService (pkg/apis/core/validation/validation.go): `spec.ports` is required unless the
 * Service is headless (clusterIPs ["None"]) or of type ExternalName.
 */
export default defineRule({
  meta: {
    id: 'service-ports-missing',
    severity: 'error',
    description: 'A Service that is neither headless nor ExternalName declares no ports; the API server rejects it.',
    category: 'service',
    scope: 'object',
    messages: {
      missing: {
        message: 'Service {{name}} (type {{type}}) has no ports: the API server requires spec.ports unless the Service is headless (clusterIP: None) or of type ExternalName',
        hint: 'Add at least one entry under spec.ports, e.g. `- port: 80` with `targetPort:` the containerPort of the pods; or set clusterIP: None if you only want DNS records for the pods.',
      },
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services) {
      const type = serviceType(svc);
      if (rawPorts(svc).length > 0 || isHeadless(svc) || type === 'ExternalName') continue;
      ctx.report({ messageId: 'missing', manifest: svc.manifest, path: ['spec', 'ports'], data: { name: svc.ref.name, type } });
    }
  },
});
