import { defineRule } from './rule';
import { externallyAccessible, needsHealthCheck } from '../model/service';
import { rawHealthCheckNodePort, rawSpec, rawString, serviceType, writtenSpec } from './service-helpers';

/**
 * validateServiceExternalTrafficPolicy (pkg/apis/core/validation/validation.go):
 * externalTrafficPolicy "may only be set for externally-accessible services" (ExternallyAccessible
 * in pkg/api/service: NodePort, LoadBalancer, or ClusterIP with externalIPs), and
 * healthCheckNodePort "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy`
 * is 'Local'" (NeedsHealthCheck).
 */
export default defineRule({
  meta: {
    id: 'external-traffic-policy-invalid',
    severity: 'error',
    description: 'externalTrafficPolicy is set on a Service that is not externally accessible, or healthCheckNodePort is set where it cannot be used.',
    category: 'service',
    scope: 'object',
    messages: {
      notExternal: {
        message: 'externalTrafficPolicy may only be set on an externally accessible Service (NodePort, LoadBalancer, or ClusterIP with externalIPs); this one is {{what}}',
        hint: 'Remove externalTrafficPolicy (use internalTrafficPolicy for traffic from inside the cluster), or make the Service type NodePort or LoadBalancer.',
      },
      healthCheck: {
        message: 'healthCheckNodePort may only be set when type is LoadBalancer and externalTrafficPolicy is Local (this Service: type {{type}}, externalTrafficPolicy {{policy}})',
        hint: 'Remove healthCheckNodePort, or use `type: LoadBalancer` with `externalTrafficPolicy: Local`.',
      },
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services) {
      const spec = rawSpec(svc);
      const type = serviceType(svc);
      const policy = rawString(spec, 'externalTrafficPolicy');
      if (!externallyAccessible(writtenSpec(svc)) && policy !== '') {
        const what = type === 'ClusterIP' ? 'a ClusterIP Service without externalIPs' : `of type ${type}`;
        ctx.report({ messageId: 'notExternal', manifest: svc.manifest, path: ['spec', 'externalTrafficPolicy'], data: { what } });
      }
      if (rawHealthCheckNodePort(svc) !== undefined && !needsHealthCheck(writtenSpec(svc))) {
        ctx.report({
          messageId: 'healthCheck', manifest: svc.manifest, path: ['spec', 'healthCheckNodePort'],
          data: { type, policy: policy || (externallyAccessible(writtenSpec(svc)) ? 'Cluster (the default)' : 'unset') },
        });
      }
    }
  },
});
