import { defineRule } from './rule';
import { edgeModel } from '../model/edge';
import { effectiveClasses, ingressClassOf, nginxRuns, NGINX_CONTROLLER } from '../edge/ingress';

/**
 * An Ingress whose class no controller of the cluster serves (svclab's cluster runs ingress-nginx,
 * IngressClass controller k8s.io/ingress-nginx): spec.ingressClassName names a missing class or a
 * class of another controller, or the Ingress has no class and there is no default class
 * (DefaultIngressClass admission plugin). ingress-nginx ignores such Ingresses (store IsValid).
 * It follows the cluster: a Cluster object (or a scenario's `cluster:`) with `ingressController:
 * none` runs no ingress controller, so no Ingress is served there.
 */
export default defineRule({
  meta: {
    id: 'ingress-class-unserved',
    severity: 'warning',
    description: 'No ingress controller serves the class of an Ingress, so nothing routes its rules.',
    category: 'cross-object',
    messages: {
      missing: {
        message: 'ingressClassName "{{name}}" names no IngressClass{{known}}; no controller serves this Ingress, so its hosts get no route',
        hint: 'Set spec.ingressClassName to an existing IngressClass (`kubectl get ingressclass`), e.g. {{suggest}}.',
      },
      otherController: {
        message: 'IngressClass "{{name}}" belongs to controller {{controller}}, which this cluster does not run (it runs {{ours}}); nothing routes this Ingress here',
        hint: 'Use a class of a controller the cluster runs ({{suggest}}), or run that controller.',
      },
      controllerOff: {
        message: 'this cluster runs no ingress controller (Cluster spec.ingressController: none), so nothing serves this Ingress{{classText}} and its hosts get no route',
        hint: 'Set spec.ingressController: nginx in the Cluster object (or remove the line: nginx is the default), or route through a Gateway instead.',
      },
      noClass: {
        message: 'the Ingress has no ingressClassName, no kubernetes.io/ingress.class annotation, and no IngressClass is marked default: ingress-nginx ignores it',
        hint: 'Set spec.ingressClassName (e.g. {{suggest}}), or mark an IngressClass with the annotation ingressclass.kubernetes.io/is-default-class: "true".',
      },
    },
  },
  check(ctx) {
    const edge = edgeModel(ctx.model);
    if (!edge.ingresses.length) return;
    const switches = ctx.edgeSwitches();
    const on = nginxRuns(switches.ingressController);
    const { classes } = effectiveClasses(edge, on);
    const ours = classes.filter((c) => c.controller === NGINX_CONTROLLER).map((c) => c.name);
    const suggest = ours.length ? ours.map((n) => `"${n}"`).join(' or ') : 'a class with controller k8s.io/ingress-nginx';
    for (const ing of edge.ingresses) {
      const cls = ingressClassOf(edge, ing, on);
      if (cls.served) continue;
      const manifest = ing.object.manifest;
      const path = cls.via === 'annotation' ? ['metadata', 'annotations', 'kubernetes.io/ingress.class'] : cls.via === 'spec' ? ['spec', 'ingressClassName'] : ['spec'];
      if (switches.ingressController === 'none') {
        ctx.report({ messageId: 'controllerOff', manifest, path, data: { classText: cls.name !== undefined ? ` (class "${cls.name}")` : '' } });
      } else if (cls.via === 'none') ctx.report({ messageId: 'noClass', manifest, path: ['spec'], data: { suggest } });
      else {
        const c = classes.find((x) => x.name === cls.name);
        if (c) ctx.report({ messageId: 'otherController', manifest, path, data: { name: c.name, controller: c.controller || '(none)', ours: NGINX_CONTROLLER, suggest } });
        else ctx.report({ messageId: 'missing', manifest, path, data: { name: cls.name ?? '', known: classes.length ? ` (classes: ${classes.map((x) => x.name).join(', ')})` : '', suggest } });
      }
    }
  },
});
