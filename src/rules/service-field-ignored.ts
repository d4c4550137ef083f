import { defineMessages, defineRule, type RuleContext } from './rule';
import { isHeadlessClusterIP, isSet, rawNodePort, rawPorts, rawSpec, rawString, serviceType } from './service-helpers';
import type { ServiceObject } from '../model/types';
import { arr, isObj } from '../model/guards';

const messages = defineMessages({
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
});

type Context = RuleContext<typeof messages>;

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
    messages,
  },
  check(ctx) {
    for (const svc of ctx.model.services) checkService(ctx, svc);
  },
});

function checkService(ctx: Context, svc: ServiceObject): void {
  const spec = rawSpec(svc);
  const type = serviceType(svc);
  const manifest = svc.manifest;
  const affinity = rawString(spec, 'sessionAffinity') || 'None';
  if (affinity === 'None' && isObj(spec.sessionAffinityConfig)) {
    ctx.report({ messageId: 'affinityConfig', manifest, path: ['spec', 'sessionAffinityConfig'], atKey: true, data: { affinity: rawString(spec, 'sessionAffinity') ? 'None' : 'not set (None)' } });
  }
  if (type !== 'ExternalName' && rawString(spec, 'externalName') !== '') {
    ctx.report({ messageId: 'externalName', manifest, path: ['spec', 'externalName'], data: { type, value: rawString(spec, 'externalName') } });
  }
  if (isHeadlessClusterIP(svc)) {
    if (isSet(spec, 'loadBalancerIP')) ctx.report({ messageId: 'headless', manifest, path: ['spec', 'loadBalancerIP'], data: { field: 'spec.loadBalancerIP' } });
    if (arr(spec.externalIPs).length > 0) ctx.report({ messageId: 'headless', manifest, path: ['spec', 'externalIPs'], data: { field: 'spec.externalIPs' } });
    if (affinity !== 'None') ctx.report({ messageId: 'headless', manifest, path: ['spec', 'sessionAffinity'], data: { field: `sessionAffinity: ${affinity}` } });
  } else if (type !== 'LoadBalancer' && isSet(spec, 'loadBalancerIP')) {
    ctx.report({ messageId: 'loadBalancerIP', manifest, path: ['spec', 'loadBalancerIP'], data: { type } });
  }
  if (type === 'ExternalName') {
    if (arr(spec.externalIPs).length > 0) ctx.report({ messageId: 'externalNameIPs', manifest, path: ['spec', 'externalIPs'] });
    rawPorts(svc).forEach((p, i) => {
      const np = rawNodePort(p);
      if (np !== undefined) ctx.report({ messageId: 'externalNameNodePort', manifest, path: ['spec', 'ports', i, 'nodePort'], data: { nodePort: np } });
    });
  }
}
