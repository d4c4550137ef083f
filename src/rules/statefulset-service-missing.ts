import { defineRule } from './rule';
import { formatLabels, selectorFromSet } from '../model/selectors';
import { didYouMean } from '../util/did-you-mean';
import { isHeadless } from './service-helpers';
import { serviceIndex } from './workload-ports';

/**
 * A StatefulSet's pods get per-pod DNS names (`<pod>.<serviceName>.<ns>.svc.<domain>`) from the
 * Service named by serviceName: the EndpointSlice controller gives each endpoint the pod's
 * hostname when the pod's subdomain names the Service (podToEndpoint), and the StatefulSet
 * controller sets hostname and subdomain. The Kubernetes DNS specification (kubernetes/dns
 * docs/specification.md, 2.4 "Records for a Headless Service") defines these names only for a
 * headless Service, and the StatefulSet API asks for one ("serviceName is the name of the service
 * that governs this StatefulSet. This service must exist before the StatefulSet"). CoreDNS answers
 * `<pod>.<service>` for a ClusterIP Service too (plugin/kubernetes findServices:
 * `svc.Headless() || r.endpoint != ""`), and so does svclab's `dig`; kube-dns and other DNS
 * providers that follow the specification do not, and the Service's own name then resolves to
 * one virtual IP, not to the pods. Kubernetes accepts any serviceName, so the mistake shows
 * only at run time.
 */
export default defineRule({
  meta: {
    id: 'statefulset-service-missing',
    severity: 'warning',
    description: 'A StatefulSet whose serviceName is not a headless Service selecting its pods: per-pod DNS names are missing, or rest on CoreDNS alone.',
    category: 'cross-object',
    messages: {
      missing: {
        message: 'serviceName "{{service}}" names no Service in namespace {{namespace}}{{suggestion}}; the pods of StatefulSet {{name}} get no stable DNS names ({{name}}-0.{{service}}...)',
        hint: 'Create a headless Service (clusterIP: None) named {{service}} whose selector matches the pod labels, or set spec.serviceName to the existing headless Service.',
      },
      notHeadless: {
        message: 'serviceName "{{service}}" names a Service that is not headless (clusterIP {{clusterIP}}); CoreDNS still answers the per-pod names ({{name}}-0.{{service}}...), but the StatefulSet contract asks for a headless Service: kube-dns and other DNS providers that follow the Kubernetes DNS specification give per-pod names only for headless Services, and the name {{service}} resolves to one virtual IP instead of the pod IPs that peers use to find each other',
        hint: 'Add a separate headless Service (clusterIP: None) for the StatefulSet and point spec.serviceName at it; keep the ClusterIP Service for clients that want any pod.',
      },
      notSelecting: {
        message: 'serviceName "{{service}}" is a {{what}} Service whose selector {{selector}} does not select the pods of StatefulSet {{name}} ({{labels}}), so they are not its endpoints and no per-pod DNS name ({{name}}-0.{{service}}...) resolves for them',
        hint: "Make the Service's spec.selector match the StatefulSet's pod labels (spec.template.metadata.labels){{headless}}.",
      },
    },
  },
  check(ctx) {
    const services = serviceIndex(ctx);
    for (const w of ctx.model.workloads) {
      if (w.kind !== 'StatefulSet' || !w.serviceName) continue;
      const ns = w.ref.namespace;
      const path = ['spec', 'serviceName'];
      const data = { service: w.serviceName, name: w.ref.name };
      const svc = services.byKey.get(`${ns}/${w.serviceName}`);
      if (!svc) {
        // Only a headless Service would be a fitting serviceName, so only those are suggested.
        const names = services.inNamespace(ns).filter(isHeadless).map((s) => s.ref.name);
        const near = didYouMean(w.serviceName, names);
        const nearSvc = near !== undefined ? services.byKey.get(`${ns}/${near}`) : undefined;
        ctx.report({
          messageId: 'missing', manifest: w.manifest, path, data: { ...data, namespace: ns, suggestion: near ? ` (did you mean "${near}"?)` : '' },
          related: nearSvc ? [{ manifest: nearSvc.manifest, path: ['metadata', 'name'], message: `headless Service ${ns}/${near}` }] : [],
        });
        continue;
      }
      const related = [{ manifest: svc.manifest, path: ['metadata', 'name'], message: `Service ${ns}/${svc.ref.name}` }];
      const headless = isHeadless(svc);
      const selector = svc.spec.selector;
      // Endpoints (and so per-pod names) come only from pods the selector selects; a Service without one is judged by its hand-written endpoints, which svclab does not read here.
      if (selector && !selectorFromSet(selector).matches(w.template.metadata.labels)) {
        ctx.report({
          messageId: 'notSelecting', manifest: w.manifest, path,
          data: {
            ...data, what: headless ? 'headless' : `non-headless (clusterIP ${svc.spec.clusterIP ?? '<allocated>'})`,
            selector: formatLabels(selector), labels: formatLabels(w.template.metadata.labels),
            headless: headless ? '' : ', and make it headless (clusterIP: None) or point serviceName at a headless one',
          },
          related: [{ manifest: svc.manifest, path: ['spec', 'selector'], message: `selector of Service ${ns}/${svc.ref.name}` }],
        });
        continue;
      }
      if (!headless) ctx.report({ messageId: 'notHeadless', manifest: w.manifest, path, data: { ...data, clusterIP: svc.spec.clusterIP ?? '<allocated>' }, related });
    }
  },
});
