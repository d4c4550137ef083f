import { defineRule } from './rule';
import { didYouMean } from '../util/did-you-mean';
import { serviceIndex } from './workload-ports';

/**
 * An Ingress backend (`service.name` + `service.port.number|name`, networking.k8s.io/v1)
 * names a Service of the Ingress's own namespace. The API server does not check that it
 * exists; the controller answers 503 (ingress-nginx: "default backend") for that path.
 */
export default defineRule({
  meta: {
    id: 'ingress-backend-unresolved',
    severity: 'error',
    description: 'An Ingress backend names a Service, or a Service port, that does not exist in its namespace.',
    category: 'cross-object',
    messages: {
      noService: {
        message: 'backend Service "{{service}}" does not exist in namespace {{namespace}}{{suggestion}}; requests for this path get an error from the ingress controller (typically 503)',
        hint: 'Set service.name to the name of a Service in namespace {{namespace}} (an Ingress can only reach Services of its own namespace), or create that Service.',
      },
      noPortNumber: {
        message: 'backend port {{port}} is not a port of Service {{service}} (it exposes {{ports}}){{suggestion}}; requests for this path get an error from the ingress controller',
        hint: "Use one of the Service's spec.ports[].port values (the Service port, not the targetPort or containerPort).",
      },
      noPortName: {
        message: 'backend port name "{{port}}" is not a port name of Service {{service}} (it exposes {{ports}}){{suggestion}}; requests for this path get an error from the ingress controller',
        hint: "Use one of the Service's spec.ports[].name values, or port.number with its port.",
      },
    },
  },
  check(ctx) {
    const services = serviceIndex(ctx);
    for (const ing of ctx.model.ingresses) {
      const ns = ing.ref.namespace;
      for (const b of ing.backends) {
        const svc = services.byKey.get(`${ns}/${b.serviceName}`);
        if (!svc) {
          const near = didYouMean(b.serviceName, services.inNamespace(ns).map((s) => s.ref.name));
          const nearSvc = near !== undefined ? services.byKey.get(`${ns}/${near}`) : undefined;
          ctx.report({
            messageId: 'noService', manifest: ing.manifest, path: [...b.path, 'name'],
            data: { service: b.serviceName, namespace: ns, suggestion: near ? ` (did you mean "${near}"?)` : '' },
            related: nearSvc ? [{ manifest: nearSvc.manifest, path: ['metadata', 'name'], message: `Service ${ns}/${near}` }] : [],
          });
          continue;
        }
        // An ExternalName Service without ports: controllers use the backend port as given.
        if (b.port === undefined || svc.spec.ports.length === 0) continue;
        const related = [{ manifest: svc.manifest, path: ['spec', 'ports'], message: `ports of Service ${ns}/${svc.ref.name}` }];
        const ports = svc.spec.ports.map((p) => (p.name ? `${p.name} (${p.port})` : String(p.port))).join(', ');
        if (typeof b.port === 'number') {
          if (svc.spec.ports.some((p) => p.port === b.port)) continue;
          // Using the targetPort instead of the Service port is the usual slip.
          const viaTarget = svc.spec.ports.find((p) => p.targetPort === b.port);
          ctx.report({
            messageId: 'noPortNumber', manifest: ing.manifest, path: [...b.path, 'port', 'number'],
            data: { port: b.port, service: b.serviceName, ports, suggestion: viaTarget ? `: ${b.port} is the targetPort of Service port ${viaTarget.port}` : '' },
            related,
          });
        } else {
          if (svc.spec.ports.some((p) => p.name === b.port)) continue;
          const near = didYouMean(b.port, svc.spec.ports.map((p) => p.name).filter((n): n is string => n !== undefined));
          ctx.report({
            messageId: 'noPortName', manifest: ing.manifest, path: [...b.path, 'port', 'name'],
            data: { port: b.port, service: b.serviceName, ports, suggestion: near ? ` (did you mean "${near}"?)` : '' },
            related,
          });
        }
      }
    }
  },
});
