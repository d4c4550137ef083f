import { defineRule } from './rule';
import { edgeModel } from '../model/edge';

/**
 * A Gateway whose GatewayClass no gateway controller of the cluster accepts: the class is
 * missing, or its controllerName is not one the cluster runs (the Cluster object's
 * `gatewayControllers`; without it, svclab's gateway implementation accepts every GatewayClass).
 * No controller reconciles such a Gateway: its status stays Accepted/Programmed Unknown
 * ("Waiting for controller", the CRDs' default status), it gets no address, and the routes
 * attached to it serve nothing (gateway-api apis/v1 gatewayclass_types.go: "Implementations
 * MUST populate status on all GatewayClass resources which specify their controller name";
 * GatewayClassConditionStatusAccepted).
 */
export default defineRule({
  meta: {
    id: 'gateway-class-unaccepted',
    severity: 'error',
    description: 'No gateway controller of the cluster accepts the GatewayClass of a Gateway, so the Gateway gets no address and its routes serve nothing.',
    category: 'cross-object',
    messages: {
      notRun: {
        message: 'GatewayClass "{{name}}" belongs to controller {{controller}}, which this cluster does not run (Cluster spec.gatewayControllers: {{runs}}): the class is not Accepted, so Gateway {{gateway}} gets no address and its routes serve nothing',
        hint: 'Use a GatewayClass of a controller the cluster runs ({{suggest}}), or add {{controller}} to spec.gatewayControllers of the Cluster object.',
      },
      missing: {
        message: 'gatewayClassName "{{name}}" names no GatewayClass{{known}}: no controller reconciles Gateway {{gateway}}, so it gets no address and its routes serve nothing',
        hint: 'Set spec.gatewayClassName to an existing GatewayClass (`kubectl get gatewayclass`){{suggestText}}, or add the GatewayClass to the manifests.',
      },
    },
  },
  check(ctx) {
    const edge = edgeModel(ctx.model);
    if (!edge.gateways.length) return;
    const runs = ctx.edgeSwitches().gatewayControllers;
    const accepted = edge.gatewayClasses.filter((c) => runs === undefined || runs.includes(c.controllerName)).map((c) => `"${c.name}"`);
    for (const gw of edge.gateways) {
      const cls = edge.gatewayClasses.find((c) => c.name === gw.className);
      const manifest = gw.object.manifest;
      const gateway = `${gw.namespace}/${gw.name}`;
      if (!cls) {
        // A GatewayClass is cluster-scoped and often installed with its controller, outside these manifests: a warning.
        ctx.report({
          messageId: 'missing', manifest, path: ['spec', 'gatewayClassName'], severity: 'warning',
          data: { name: gw.className, gateway, known: edge.gatewayClasses.length ? ` (classes: ${edge.gatewayClasses.map((c) => c.name).join(', ')})` : ' in these manifests', suggestText: accepted.length ? `, e.g. ${accepted.join(' or ')}` : '' },
        });
      } else if (runs !== undefined && !runs.includes(cls.controllerName)) {
        ctx.report({
          messageId: 'notRun', manifest, path: ['spec', 'gatewayClassName'],
          data: { name: cls.name, controller: cls.controllerName, runs: runs.join(', ') || 'none', gateway, suggest: accepted.length ? accepted.join(' or ') : `a class whose controllerName is ${runs.join(' or ') || 'run by the cluster'}` },
          related: [{ manifest: cls.object.manifest, path: ['spec', 'controllerName'], message: `GatewayClass ${cls.name}` }],
        });
      }
    }
  },
});
