import { defineRule } from './rule';
import { rawPorts, rawSpec, serviceType } from './service-helpers';
import { arr, obj } from '../model/guards';
import type { Manifest } from '../parse/manifest';
import type { FieldPath } from '../types';
import { labelKeyProblem } from '../util/name-formats';

/**
 * Fields the API server requires to be qualified names (k8s.io/apimachinery IsQualifiedName:
 * an optional DNS-subdomain prefix and `/`, then a name of at most 63 characters): a Service's
 * `loadBalancerClass` (validateLoadBalancerClassField; on other types loadbalancer-field-not-allowed
 * reports it) and the `appProtocol` of Service ports (validateServicePort), Endpoints ports
 * (validateEndpointPort) and EndpointSlice ports (discovery validatePorts). The simulator refuses
 * the same objects (model/validate-service.ts, model/validate-endpoints.ts).
 */
export default defineRule({
  meta: {
    id: 'qualified-name-invalid',
    severity: 'error',
    description: 'A loadBalancerClass or appProtocol that is not a qualified name (`[prefix/]name`); the API server rejects the object.',
    category: 'service',
    scope: 'object',
    messages: {
      appProtocol: {
        message: 'appProtocol `{{value}}` {{problem}}; the API server accepts only a qualified name: an optional DNS-subdomain prefix and `/`, then at most 63 letters, digits, \'-\', \'_\' or \'.\' that start and end with a letter or digit',
        hint: 'Use an IANA service name such as `http`, `https` or `grpc`, a Kubernetes protocol such as `kubernetes.io/h2c` or `kubernetes.io/ws`, or a name with your own domain as prefix (`example.com/my-protocol`).',
      },
      loadBalancerClass: {
        message: 'loadBalancerClass `{{value}}` {{problem}}; the API server accepts only a qualified name (an optional DNS-subdomain prefix and `/`, then at most 63 letters, digits, \'-\', \'_\' or \'.\')',
        hint: 'Use the class your load-balancer implementation documents, usually a domain-prefixed name such as `example.com/internal-vip`; leave the field out for the cloud provider\'s default load balancer.',
      },
    },
  },
  check(ctx) {
    const appProtocols = (manifest: Manifest, ports: unknown[], at: FieldPath) => {
      ports.forEach((p, i) => {
        const value = obj(p).appProtocol;
        if (typeof value !== 'string') return;
        const problem = labelKeyProblem(value);
        if (problem) ctx.report({ messageId: 'appProtocol', manifest, path: [...at, i, 'appProtocol'], data: { value, problem } });
      });
    };
    for (const svc of ctx.model.services) {
      const cls = rawSpec(svc).loadBalancerClass;
      if (serviceType(svc) === 'LoadBalancer' && typeof cls === 'string') {
        const problem = labelKeyProblem(cls);
        if (problem) ctx.report({ messageId: 'loadBalancerClass', manifest: svc.manifest, path: ['spec', 'loadBalancerClass'], data: { value: cls, problem } });
      }
      appProtocols(svc.manifest, rawPorts(svc), ['spec', 'ports']);
    }
    for (const ep of ctx.model.endpoints) {
      arr(ep.manifest.value.subsets).forEach((s, i) => appProtocols(ep.manifest, arr(obj(s).ports), ['subsets', i, 'ports']));
    }
    for (const slice of ctx.model.endpointSlices) appProtocols(slice.manifest, arr(slice.manifest.value.ports), ['ports']);
  },
});
