import { defineRule } from './rule';

/**
 * Without a selector the endpoint controllers leave a Service alone: its endpoints are
 * whatever Endpoints object (same name) or EndpointSlices (label kubernetes.io/service-name)
 * someone writes by hand. When the input holds neither, the Service has no endpoints.
 * A Service backed by such an object is the documented pattern for reaching outside
 * backends, and is not reported (kube-linter's most-reported false positive).
 */
export default defineRule({
  meta: {
    id: 'service-no-selector',
    severity: 'info',
    description: 'A Service without selector and without a hand-written Endpoints or EndpointSlice in the input: it has no endpoints.',
    category: 'cross-object',
    messages: {
      dangling: {
        message: 'Service {{name}} has no selector and the input holds no Endpoints or EndpointSlice for it, so it has no endpoints (connections to it are refused)',
        hint: 'Add spec.selector with the labels of the pods that serve it; or, for a backend outside the cluster, add an EndpointSlice labelled kubernetes.io/service-name: {{name}} (or an Endpoints object named {{name}}), or use type: ExternalName.',
      },
    },
  },
  check(ctx) {
    const backed = new Set<string>();
    for (const e of ctx.model.endpoints) backed.add(`${e.ref.namespace}/${e.ref.name}`);
    for (const s of ctx.model.endpointSlices) if (s.slice.serviceName) backed.add(`${s.ref.namespace}/${s.slice.serviceName}`);
    for (const svc of ctx.model.services) {
      if (svc.spec.selector || svc.spec.type === 'ExternalName') continue;
      if (backed.has(`${svc.ref.namespace}/${svc.ref.name}`)) continue;
      // default/kubernetes has no selector by design: the API server writes its endpoints
      // itself (the endpoint reconciler in pkg/controlplane/reconcilers), so it is never dangling.
      if (svc.ref.namespace === 'default' && svc.ref.name === 'kubernetes') continue;
      ctx.report({ messageId: 'dangling', manifest: svc.manifest, path: ['spec'], atKey: true, data: { name: svc.ref.name } });
    }
  },
});
