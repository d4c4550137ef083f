import { defineRule } from './rule';
import { formatLabels, selectorFromSet } from '../model/selectors';
import { didYouMean } from '../util/did-you-mean';
import { isHeadless } from './service-helpers';
import { serviceIndex } from './workload-ports';

/**
 * A StatefulSet's pods get stable DNS names (`<pod>.<serviceName>.<ns>.svc.<domain>`) only
 * from a headless Service of that name that selects them: CoreDNS answers pod names from the
 * headless Service's endpoints (kubernetes/dns docs/specification.md, 2.4 "Records for a
 * Headless Service"). Kubernetes accepts any serviceName, so the mistake shows only at run time.
 */
export default defineRule({
  meta: {
    id: 'statefulset-service-missing',
    severity: 'warning',
    description: "A StatefulSet whose serviceName is not a headless Service selecting its pods: they get no stable DNS names.",
    category: 'cross-object',
    messages: {
      missing: {
        message: 'serviceName "{{service}}" names no Service in namespace {{namespace}}{{suggestion}}; the pods of StatefulSet {{name}} get no stable DNS names ({{name}}-0.{{service}}...)',
        hint: 'Create a headless Service (clusterIP: None) named {{service}} whose selector matches the pod labels, or set spec.serviceName to the existing headless Service.',
      },
      notHeadless: {
        message: 'serviceName "{{service}}" names a Service that is not headless (clusterIP {{clusterIP}}); per-pod DNS names ({{name}}-0.{{service}}...) exist only for a headless Service',
        hint: 'Add a separate headless Service (clusterIP: None) for the StatefulSet and point spec.serviceName at it; keep the ClusterIP Service for clients that want any pod.',
      },
      notSelecting: {
        message: 'serviceName "{{service}}" is a headless Service whose selector {{selector}} does not select the pods of StatefulSet {{name}} ({{labels}}), so they get no DNS names from it',
        hint: "Make the headless Service's spec.selector match the StatefulSet's pod labels (spec.template.metadata.labels).",
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
      if (!isHeadless(svc)) {
        ctx.report({ messageId: 'notHeadless', manifest: w.manifest, path, data: { ...data, clusterIP: svc.spec.clusterIP ?? '<allocated>' }, related });
        continue;
      }
      const selector = svc.spec.selector;
      if (selector && !selectorFromSet(selector).matches(w.template.metadata.labels)) {
        ctx.report({
          messageId: 'notSelecting', manifest: w.manifest, path,
          data: { ...data, selector: formatLabels(selector), labels: formatLabels(w.template.metadata.labels) },
          related: [{ manifest: svc.manifest, path: ['spec', 'selector'], message: `selector of Service ${ns}/${svc.ref.name}` }],
        });
      }
    }
  },
});
