import { defineRule, type RuleContext } from './rule';
import { isHeadlessClusterIP, isSet, rawNodePort, rawPorts, rawSpec, rawString, serviceType } from './service-helpers';
import type { ServiceObject } from '../model/types';
import { arr, isObj } from '../model/guards';

/**
 * Fields the API server accepts but drops or ignores, which it either warns about
 * (GetWarningsForService in pkg/api/service/warnings.go) or silently discards:
 * SetDefaults_Service (pkg/apis/core/v1/defaults.go) drops sessionAffinityConfig when
 * sessionAffinity is None; an ExternalName Service keeps nodePorts that are never allocated
 * (txnAllocNodePorts only serves NodePort and LoadBalancer); loadBalancerIP is read only by
 * load-balancer implementations.
 */
export default defineRule({
  meta: {
    id: 'service-field-ignored',
    severity: 'warning',
    description: 'A Service field that Kubernetes accepts but ignores or drops for this kind of Service.',
    category: 'service',
    scope: 'object',
    messages: {
      affinityConfig: {
        message: 'sessionAffinityConfig is dropped because sessionAffinity is {{affinity}}: the API server removes it when the Service is created',
        hint: 'Add `sessionAffinity: ClientIP` if you want sticky sessions, or remove sessionAffinityConfig.',
      },
      externalName: {
        message: 'spec.externalName is ignored when spec.type is not "ExternalName" (this Service is {{type}})',
        hint: 'Set `type: ExternalName` to make the Service a DNS alias for {{value}}, or remove externalName.',
      },
      headless: {
        message: '{{field}} is ignored for a headless Service (clusterIP: None): no virtual IP is programmed, clients connect to the pods directly',
        hint: 'Remove {{field}}, or give the Service a cluster IP (remove `clusterIP: None`) if you need it.',
      },
      externalNameIPs: {
        message: 'spec.externalIPs is ignored when spec.type is "ExternalName": the Service is only a DNS CNAME',
        hint: 'Remove externalIPs, or use type ClusterIP/NodePort/LoadBalancer to receive traffic on those addresses.',
      },
      externalNameNodePort: {
        message: 'nodePort {{nodePort}} is ignored on an ExternalName Service: no port is opened on the nodes',
        hint: 'Remove nodePort; an ExternalName Service is only a DNS alias.',
      },
      loadBalancerIP: {
        message: 'spec.loadBalancerIP is ignored on a {{type}} Service: only a LoadBalancer implementation reads it',
        hint: 'Remove loadBalancerIP, or use `type: LoadBalancer` if you want a load balancer with that address.',
      },
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services) checkService(ctx, svc);
  },
});

function checkService(ctx: RuleContext, svc: ServiceObject): void {
  const spec = rawSpec(svc);
  const type = serviceType(svc);
  const report = (messageId: string, path: Array<string | number>, data: Record<string, string | number> = {}, atKey = false) =>
    ctx.report({ messageId, manifest: svc.manifest, path, data, atKey });
  const affinity = rawString(spec, 'sessionAffinity') || 'None';
  if (affinity === 'None' && isObj(spec.sessionAffinityConfig)) {
    report('affinityConfig', ['spec', 'sessionAffinityConfig'], { affinity: rawString(spec, 'sessionAffinity') ? 'None' : 'not set (None)' }, true);
  }
  if (type !== 'ExternalName' && rawString(spec, 'externalName') !== '') {
    report('externalName', ['spec', 'externalName'], { type, value: rawString(spec, 'externalName') });
  }
  if (isHeadlessClusterIP(svc)) {
    if (isSet(spec, 'loadBalancerIP')) report('headless', ['spec', 'loadBalancerIP'], { field: 'spec.loadBalancerIP' });
    if (arr(spec.externalIPs).length > 0) report('headless', ['spec', 'externalIPs'], { field: 'spec.externalIPs' });
    if (affinity !== 'None') report('headless', ['spec', 'sessionAffinity'], { field: `sessionAffinity: ${affinity}` });
  } else if (type !== 'LoadBalancer' && isSet(spec, 'loadBalancerIP')) {
    report('loadBalancerIP', ['spec', 'loadBalancerIP'], { type });
  }
  if (type === 'ExternalName') {
    if (arr(spec.externalIPs).length > 0) report('externalNameIPs', ['spec', 'externalIPs']);
    rawPorts(svc).forEach((p, i) => {
      const np = rawNodePort(p);
      if (np !== undefined) report('externalNameNodePort', ['spec', 'ports', i, 'nodePort'], { nodePort: np });
    });
  }
}
