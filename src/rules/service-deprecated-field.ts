import { defineRule } from './rule';
import { isHeadlessClusterIP, isSet, rawSpec, rawString, serviceType } from './service-helpers';
import { obj } from '../model/guards';

const HINTS_ANNOTATION = 'service.kubernetes.io/topology-aware-hints';
const MODE_ANNOTATION = 'service.kubernetes.io/topology-mode';

/**
 * Deprecated Service fields: spec.loadBalancerIP (deprecated since Kubernetes 1.24, see the
 * ServiceSpec field doc in staging/src/k8s.io/api/core/v1/types.go), and what
 * GetWarningsForService (pkg/api/service/warnings.go) warns about: the topology-aware-hints
 * annotation and trafficDistribution PreferClose.
 */
export default defineRule({
  meta: {
    id: 'service-deprecated-field',
    severity: 'warning',
    description: 'A Service uses a deprecated field or annotation (loadBalancerIP, topology-aware-hints, trafficDistribution PreferClose).',
    category: 'service',
    scope: 'object',
    messages: {
      loadBalancerIP: {
        message: 'spec.loadBalancerIP is deprecated (since Kubernetes 1.24): it was never portable across load-balancer implementations and may be removed',
        hint: 'Use the annotation or field your load-balancer implementation documents for a fixed address (e.g. a cloud-provider annotation, or Gateway API addresses).',
      },
      topologyHints: {
        message: 'annotation {{old}} is deprecated, please use {{new}} instead',
        hint: 'Rename the annotation to {{new}} (same value).',
      },
      preferClose: {
        message: 'spec.trafficDistribution "PreferClose" is deprecated since Kubernetes 1.34; its new name is "PreferSameZone"',
        // PreferSameZone exists only from 1.33 on (KEP-3015): older API servers reject it.
        hint: 'On Kubernetes 1.33 or later write `trafficDistribution: PreferSameZone`, which means the same; an older API server rejects PreferSameZone, so keep PreferClose there (or silence this rule).',
      },
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services) {
      const spec = rawSpec(svc);
      // On other types the field is ignored, which service-field-ignored reports: one finding per mistake.
      if (serviceType(svc) === 'LoadBalancer' && !isHeadlessClusterIP(svc) && isSet(spec, 'loadBalancerIP')) {
        ctx.report({ messageId: 'loadBalancerIP', manifest: svc.manifest, path: ['spec', 'loadBalancerIP'] });
      }
      const annotations = obj(obj(svc.manifest.value.metadata).annotations);
      if (Object.prototype.hasOwnProperty.call(annotations, HINTS_ANNOTATION)) {
        ctx.report({
          messageId: 'topologyHints', manifest: svc.manifest, path: ['metadata', 'annotations', HINTS_ANNOTATION], atKey: true,
          data: { old: HINTS_ANNOTATION, new: MODE_ANNOTATION },
        });
      }
      if (rawString(spec, 'trafficDistribution') === 'PreferClose') {
        ctx.report({ messageId: 'preferClose', manifest: svc.manifest, path: ['spec', 'trafficDistribution'] });
      }
    }
  },
});
