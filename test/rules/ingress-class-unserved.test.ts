// DefaultIngressClass admission plugin (plugin/pkg/admission/network/defaultingressclass) and
// ingress-nginx's class check (internal/ingress/controller/store IsValid).
import { ruleTester } from '../helpers';

const ing = (spec = '', meta = '') => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web${meta}}
spec:
${spec}  defaultBackend: {service: {name: web, port: {number: 80}}}
---
`;
const cls = (name: string, controller: string, isDefault = false) => `apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: ${name}${isDefault ? ', annotations: {ingressclass.kubernetes.io/is-default-class: "true"}' : ''}}
spec: {controller: ${controller}}
---
`;

const OFF = `apiVersion: svclab.io/v1alpha1
kind: Cluster
metadata: {name: lab}
spec: {ingressController: none}
---
`;

ruleTester('ingress-class-unserved', {
  valid: [
    ing(),
    ing('  ingressClassName: nginx\n'),
    cls('internal', 'k8s.io/ingress-nginx') + ing('  ingressClassName: internal\n'),
    cls('internal', 'k8s.io/ingress-nginx', true) + ing(),
    cls('other', 'example.com/x') + ing('', ', annotations: {kubernetes.io/ingress.class: nginx}'),
    // A Cluster object that keeps the controller, or options that turn it back on over the object.
    OFF.replace('none', 'nginx') + ing(),
    { code: OFF + ing(), options: { ingressController: 'nginx' } },
  ],
  invalid: [
    { code: ing('  ingressClassName: traefik\n'), errors: [{ line: 5, path: 'spec.ingressClassName', message: 'ingressClassName "traefik" names no IngressClass (classes: nginx)' }] },
    { code: cls('traefik', 'traefik.io/ingress-controller') + ing('  ingressClassName: traefik\n'), errors: [{ message: 'IngressClass "traefik" belongs to controller traefik.io/ingress-controller' }] },
    { code: cls('internal', 'k8s.io/ingress-nginx') + ing(), errors: [{ message: 'no IngressClass is marked default' }] },
    // Two defaults: the later one (another controller's) is the one the admission plugin writes.
    { code: cls('a', 'k8s.io/ingress-nginx', true) + cls('b', 'example.com/x', true) + ing(), errors: [{ message: 'IngressClass "b" belongs to controller example.com/x' }] },
    // The Cluster object turns the controller off: nothing serves any Ingress (and its class nginx does not exist).
    { code: OFF + ing(), errors: [{ path: 'spec', message: 'this cluster runs no ingress controller (Cluster spec.ingressController: none)' }] },
    { code: OFF + cls('internal', 'k8s.io/ingress-nginx') + ing('  ingressClassName: internal\n'), errors: [{ path: 'spec.ingressClassName', message: 'nothing serves this Ingress (class "internal")' }] },
    // The same switch given from outside the input (a scenario's cluster:, --cluster FILE).
    { code: ing('  ingressClassName: nginx\n'), options: { ingressController: 'none' }, errors: [{ message: 'runs no ingress controller' }] },
  ],
});
