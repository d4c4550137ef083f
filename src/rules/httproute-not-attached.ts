import { defineRule } from './rule';
import { edgeModel, namespaceLabels } from '../model/edge';
import { allowsKind, allRoutes, attachAll } from '../edge/gateway';

/**
 * A parentRef of an HTTPRoute that attaches to no listener of its Gateway, as a conformant
 * implementation decides (gateway-api apis/v1 shared_types.go RouteConditionReason:
 * NoMatchingParent, NotAllowedByListeners, NoMatchingListenerHostname; conformance tests
 * httproute-invalid-parentref-not-matching-section-name, httproute-invalid-parentref-not-matching-listener-port,
 * httproute-disallowed-kind, gateway-with-attached-routes). The route is then not served by that Gateway.
 * GRPCRoutes attach by the same rules (grpcroute-listener-hostname-matching) and are checked too.
 */
export default defineRule({
  meta: {
    id: 'httproute-not-attached',
    severity: 'error',
    description: 'An HTTPRoute (or GRPCRoute) parentRef attaches to no Gateway listener (missing Gateway, sectionName or port, allowedRoutes, hostnames).',
    category: 'cross-object',
    messages: {
      NoMatchingParent: {
        message: 'parentRef {{parent}} attaches to nothing: {{why}}; the Gateway does not serve this route (Accepted: False, NoMatchingParent)',
        hint: "Name an existing Gateway (same namespace unless parentRefs[].namespace says otherwise) and, if you set them, a listener's name as sectionName and its port as port.",
      },
      NotAllowedByListeners: {
        message: "parentRef {{parent}}: no listener of the Gateway admits this route: {{why}} (Accepted: False, NotAllowedByListeners)",
        hint: 'Set the listener\'s allowedRoutes.namespaces.from to All, or to Selector with a selector matching this namespace (kubernetes.io/metadata.name), or move the route into the Gateway\'s namespace.',
      },
      HostnameConflict: {
        message: 'parentRef {{parent}}: {{rival}}, older, is attached to the same listener with intersecting hostnames; of an HTTPRoute and a GRPCRoute sharing a hostname on a listener only the older is accepted (Accepted: False)',
        hint: 'Give the two routes different hostnames, or route the gRPC calls through the GRPCRoute only (a gRPC call is an HTTP/2 POST: an HTTPRoute can carry it too).',
      },
      NoMatchingListenerHostname: {
        message: 'parentRef {{parent}}: none of the hostnames {{hostnames}} intersects a listener hostname ({{listeners}}) (Accepted: False, NoMatchingListenerHostname)',
        hint: "Use hostnames the listener's hostname covers (a listener `*.example.com` covers `shop.example.com`), or drop spec.hostnames to take the listener's.",
      },
    },
  },
  check(ctx) {
    const edge = edgeModel(ctx.model);
    if (!edge.httpRoutes.length && !edge.grpcRoutes.length) return;
    const labels = namespaceLabels(ctx.model);
    const { parents } = attachAll(edge, labels);
    for (const route of allRoutes(edge)) {
      for (const p of parents.get(route) ?? []) {
        if (p.reason === 'Accepted') continue;
        const parent = `${p.ref.namespace}/${p.ref.name}${p.ref.sectionName ? ` sectionName ${p.ref.sectionName}` : ''}${p.ref.port ? ` port ${p.ref.port}` : ''}`;
        const gw = p.gateway;
        const listeners = gw ? gw.listeners.map((l) => `${l.name} (${l.protocol} ${l.port}${l.hostname ? ` ${l.hostname}` : ''}${l.from !== 'Same' ? `, from ${l.from}` : ''})`).join(', ') : '';
        if (p.reason === 'HostnameConflict') {
          ctx.report({ messageId: 'HostnameConflict', manifest: route.object.manifest, path: p.ref.fieldPath, data: { parent, rival: p.rival ?? '' } });
        } else if (p.reason === 'NoMatchingParent') {
          const why = !gw ? `there is no Gateway ${p.ref.namespace}/${p.ref.name}` : `Gateway ${gw.namespace}/${gw.name} has no listener with that ${p.ref.sectionName !== undefined && p.ref.port !== undefined ? 'name and port' : p.ref.sectionName !== undefined ? 'name' : 'port'} (listeners: ${listeners || 'none'})`;
          // A Gateway that is not in the input may exist in the cluster (a platform team's): a warning, not an error.
          ctx.report({ messageId: 'NoMatchingParent', manifest: route.object.manifest, path: p.ref.fieldPath, data: { parent, why }, ...(gw ? {} : { severity: 'warning' as const }) });
        } else if (p.reason === 'NotAllowedByListeners') {
          const kindOk = gw!.listeners.some((l) => allowsKind(l, route.kind));
          const why = kindOk ? `the route is in namespace ${route.namespace}, the Gateway in ${gw!.namespace}; listeners: ${listeners}` : `no listener takes a ${route.kind} (allowedRoutes.kinds, or its protocol); listeners: ${listeners}`;
          ctx.report({ messageId: 'NotAllowedByListeners', manifest: route.object.manifest, path: p.ref.fieldPath, data: { parent, why }, related: [{ manifest: gw!.object.manifest, path: ['spec', 'listeners'], message: `listeners of Gateway ${gw!.namespace}/${gw!.name}` }] });
        } else {
          ctx.report({
            messageId: 'NoMatchingListenerHostname', manifest: route.object.manifest, path: ['spec', 'hostnames'],
            data: { parent, hostnames: route.hostnames.join(', '), listeners: gw!.listeners.map((l) => l.hostname ?? '(any)').join(', ') },
          });
        }
      }
    }
  },
});
