import { defineRule } from './rule';
import { rawSpec, serviceType } from './service-helpers';
import { arr, obj } from '../model/guards';

export const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

/**
 * ValidateService and validateLoadBalancerClassField (pkg/apis/core/validation/validation.go):
 * loadBalancerSourceRanges (or, without it, the load-balancer-source-ranges annotation),
 * allocateLoadBalancerNodePorts and loadBalancerClass "may only be used when `type` is
 * 'LoadBalancer'". (loadBalancerIP is not checked by the API server: service-field-ignored.)
 */
export default defineRule({
  meta: {
    id: 'loadbalancer-field-not-allowed',
    severity: 'error',
    description: 'A LoadBalancer-only field (loadBalancerSourceRanges, allocateLoadBalancerNodePorts, loadBalancerClass) is set on another Service type.',
    category: 'service',
    scope: 'object',
    messages: {
      notLoadBalancer: {
        message: '{{field}} may only be used when type is LoadBalancer (this Service is {{type}})',
        hint: 'Set `type: LoadBalancer`, or remove {{field}}.',
      },
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services) {
      const type = serviceType(svc);
      if (type === 'LoadBalancer') continue;
      const spec = rawSpec(svc);
      const report = (field: string, path: Array<string | number>, atKey = false) =>
        ctx.report({ messageId: 'notLoadBalancer', manifest: svc.manifest, path, atKey, data: { field, type } });
      const annotations = obj(obj(svc.manifest.value.metadata).annotations);
      if (arr(spec.loadBalancerSourceRanges).length > 0) report('spec.loadBalancerSourceRanges', ['spec', 'loadBalancerSourceRanges'], true);
      else if (Object.prototype.hasOwnProperty.call(annotations, SOURCE_RANGES_ANNOTATION)) {
        report(`annotation ${SOURCE_RANGES_ANNOTATION}`, ['metadata', 'annotations', SOURCE_RANGES_ANNOTATION], true);
      }
      if (typeof spec.allocateLoadBalancerNodePorts === 'boolean') report('spec.allocateLoadBalancerNodePorts', ['spec', 'allocateLoadBalancerNodePorts'], true);
      if (typeof spec.loadBalancerClass === 'string') report('spec.loadBalancerClass', ['spec', 'loadBalancerClass'], true);
    }
  },
});
