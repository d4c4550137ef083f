import { defineRule } from './rule';
import { rawSpec } from './service-helpers';
import { obj } from '../model/guards';
import { TOPOLOGY_HINTS_ANNOTATION, TOPOLOGY_MODE_ANNOTATION } from '../model/validate-service';

const TRAFFIC_DISTRIBUTIONS = ['PreferClose', 'PreferSameZone', 'PreferSameNode'];

/**
 * The topology settings of a Service the API server refuses (ValidateService,
 * pkg/apis/core/validation/validation.go): a `trafficDistribution` other than PreferClose,
 * PreferSameZone or PreferSameNode (validateServiceTrafficDistribution; the last two from
 * Kubernetes 1.34, feature PreferSameTrafficDistribution), and the topology-mode annotation set
 * to another value than the deprecated topology-aware-hints annotation ("must match ... when both
 * are specified"). service-deprecated-field warns about the deprecated spellings themselves.
 */
export default defineRule({
  meta: {
    id: 'service-topology-invalid',
    severity: 'error',
    description: 'A trafficDistribution value the API server does not support, or topology annotations that contradict each other.',
    category: 'service',
    scope: 'object',
    messages: {
      trafficDistribution: {
        message: 'trafficDistribution `{{value}}` is not supported: the API server accepts PreferClose, PreferSameZone (the same, under its new name) and PreferSameNode',
        hint: 'Write `trafficDistribution: PreferSameZone` to keep traffic in the client\'s zone (`PreferClose` on clusters older than 1.33), `PreferSameNode` to prefer the client\'s node, or leave it out to spread traffic over every endpoint.',
      },
      annotations: {
        message: 'annotation {{mode}} is `{{modeValue}}` but {{hints}} is `{{hintsValue}}`: the API server requires them to match when both are set',
        hint: 'Remove the deprecated {{hints}} annotation and keep {{mode}} (`Auto` enables topology-aware hints).',
      },
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services) {
      const value = rawSpec(svc).trafficDistribution;
      if (typeof value === 'string' && !TRAFFIC_DISTRIBUTIONS.includes(value)) {
        ctx.report({ messageId: 'trafficDistribution', manifest: svc.manifest, path: ['spec', 'trafficDistribution'], data: { value } });
      }
      const annotations = obj(obj(svc.manifest.value.metadata).annotations);
      const mode = annotations[TOPOLOGY_MODE_ANNOTATION];
      const hints = annotations[TOPOLOGY_HINTS_ANNOTATION];
      if (mode !== undefined && hints !== undefined && mode !== hints) {
        ctx.report({
          messageId: 'annotations', manifest: svc.manifest, path: ['metadata', 'annotations', TOPOLOGY_MODE_ANNOTATION],
          data: { mode: TOPOLOGY_MODE_ANNOTATION, modeValue: String(mode), hints: TOPOLOGY_HINTS_ANNOTATION, hintsValue: String(hints) },
        });
      }
    }
  },
});
