import { defineRule } from './rule';
import { edgeModel } from '../model/edge';
import { allRoutes, referencePermitted } from '../edge/gateway';

/**
 * A backendRef to a Service of another namespace without a ReferenceGrant in that namespace
 * that permits it (gateway-api apis/v1beta1 referencegrant_types.go; conformance tests
 * httproute-invalid-cross-namespace-backend-ref and httproute-reference-grant): ResolvedRefs is
 * False with reason RefNotPermitted and requests for that backend get a 500. GRPCRoutes likewise
 * (their requests get UNAVAILABLE), with grants naming kind GRPCRoute.
 */
export default defineRule({
  meta: {
    id: 'httproute-backend-not-permitted',
    severity: 'error',
    description: 'An HTTPRoute (or GRPCRoute) backendRef points to another namespace without a ReferenceGrant there that permits it.',
    category: 'cross-object',
    messages: {
      notPermitted: {
        message: 'backendRef {{backend}} is in namespace {{target}}, and no ReferenceGrant in {{target}} lets {{kind}}s of {{from}} refer to it: ResolvedRefs False (RefNotPermitted), requests for it get {{answer}}',
        hint: 'Create a ReferenceGrant in namespace {{target}} with from: [{group: gateway.networking.k8s.io, kind: {{kind}}, namespace: {{from}}}] and to: [{group: "", kind: Service, name: {{name}}}].',
      },
    },
  },
  check(ctx) {
    const edge = edgeModel(ctx.model);
    for (const route of allRoutes(edge)) {
      for (const rule of route.rules) {
        for (const ref of rule.backendRefs) {
          if (ref.namespace === route.namespace || !(ref.group === '' || ref.group === 'core') || ref.kind !== 'Service') continue;
          if (referencePermitted(edge.referenceGrants, route.namespace, ref.namespace, ref.name, route.kind)) continue;
          ctx.report({
            messageId: 'notPermitted', manifest: route.object.manifest, path: [...ref.fieldPath, 'namespace'],
            data: { backend: `${ref.namespace}/${ref.name}`, target: ref.namespace, from: route.namespace, name: ref.name, kind: route.kind, answer: route.kind === 'GRPCRoute' ? 'UNAVAILABLE' : '500' },
          });
        }
      }
    }
  },
});
