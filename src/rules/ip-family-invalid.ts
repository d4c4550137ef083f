import { defineMessages, defineRule, type RuleContext } from './rule';
import { normalizedClusterIPs, rawSpec, serviceType } from './service-helpers';
import { arr } from '../model/guards';
import { initIPFamilyFields, NOT_DUAL_STACK, SINGLE_STACK_TWO_IPS } from '../model/service';
import type { IPFamily, IPFamilyPolicy, ServiceObject } from '../model/types';
import { parseCIDR } from '../util/ip';

const messages = defineMessages({
  notConfigured: {
    message: 'ipFamilies[{{index}}] is {{family}}, but this cluster has no {{family}} service range (service CIDRs: {{cidrs}}), so the API server refuses the Service ("not configured on this cluster")',
    hint: 'Remove ipFamilies (the Service then gets the cluster\'s family), or list only {{families}}. If your cluster is dual-stack, set serviceCIDR in svclab.config.yaml to both ranges.',
  },
  notDualStack: {
    message: 'ipFamilyPolicy RequireDualStack needs a dual-stack cluster (an IPv4 and an IPv6 service range), but this one has only {{cidrs}}: the API server refuses the Service ("this cluster is not configured for dual-stack services")',
    hint: 'Use `ipFamilyPolicy: PreferDualStack` (dual-stack where the cluster has both families, single-stack here) or leave ipFamilyPolicy out.',
  },
  singleStackTwo: {
    message: 'ipFamilyPolicy SingleStack allows one IP family, but {{field}} lists two',
    hint: 'Use `ipFamilyPolicy: PreferDualStack` or `RequireDualStack` for two families, or keep one entry in {{field}}.',
  },
  duplicate: {
    message: 'ipFamilies lists {{family}} twice; a Service has at most one address per family',
    hint: 'List each family once: `[IPv4]`, `[IPv6]`, `[IPv4, IPv6]` or `[IPv6, IPv4]` (the first is the primary).',
  },
});

type Context = RuleContext<typeof messages>;

/**
 * IP families as the API server decides them on create: ValidateServiceClusterIPsRelatedFields
 * (no family twice) and pkg/registry/core/service/storage/alloc.go initIPFamilyFields against the
 * families of the cluster's service CIDRs (model/service.ts, which the simulator calls too):
 * a family the cluster does not serve, RequireDualStack on a single-stack cluster, SingleStack
 * with two families or two clusterIPs. A headless Service without selector is allowed both
 * families on any cluster. A clusterIP of a family the cluster does not serve is reported by
 * cluster-ip-invalid; ExternalName Services by cluster-ip-invalid too.
 */
export default defineRule({
  meta: {
    id: 'ip-family-invalid',
    severity: 'error',
    description: 'ipFamilies or ipFamilyPolicy that the cluster cannot serve (IPv6 or RequireDualStack on a single-stack cluster), or that contradict each other.',
    category: 'service',
    messages,
  },
  check(ctx) {
    const cidrs = ctx.settings.serviceCIDRs.map(parseCIDR).filter((c) => c !== null);
    const families = [...new Set(cidrs.map((c) => (c!.family === 4 ? 'IPv4' : 'IPv6') as IPFamily))];
    if (families.length === 0) return;
    for (const svc of ctx.model.services) if (serviceType(svc) !== 'ExternalName') checkService(ctx, svc, families);
  },
});

function checkService(ctx: Context, svc: ServiceObject, clusterFamilies: IPFamily[]): void {
  const spec = rawSpec(svc);
  const written = arr(spec.ipFamilies).filter((f): f is IPFamily => f === 'IPv4' || f === 'IPv6');
  const manifest = svc.manifest;
  const seen = new Set<string>();
  let duplicated = false;
  arr(spec.ipFamilies).forEach((f, i) => {
    if (typeof f !== 'string') return;
    if (seen.has(f)) {
      duplicated = true;
      ctx.report({ messageId: 'duplicate', manifest, path: ['spec', 'ipFamilies', i], data: { family: f } });
    }
    seen.add(f);
  });
  if (duplicated) return;
  const policy = (['SingleStack', 'PreferDualStack', 'RequireDualStack'] as const).find((p) => p === spec.ipFamilyPolicy) as IPFamilyPolicy | undefined;
  const result = initIPFamilyFields({ type: serviceType(svc), clusterIPs: normalizedClusterIPs(svc), selector: svc.spec.selector, ipFamilies: written, ipFamilyPolicy: policy }, clusterFamilies);
  const cidrs = ctx.settings.serviceCIDRs.join(', ');
  for (const e of result.errors) {
    const [, field, index] = e.path;
    if (field === 'clusterIPs') continue; // cluster-ip-invalid: notConfigured
    if (field === 'ipFamilies') {
      ctx.report({ messageId: 'notConfigured', manifest, path: ['spec', 'ipFamilies', index as number], data: { index: index as number, family: String(e.value), cidrs, families: clusterFamilies.join(', ') } });
    } else if (e.detail === NOT_DUAL_STACK) {
      ctx.report({ messageId: 'notDualStack', manifest, path: ['spec', 'ipFamilyPolicy'], data: { cidrs } });
    } else {
      const two = e.detail === SINGLE_STACK_TWO_IPS ? 'clusterIPs' : 'ipFamilies';
      ctx.report({ messageId: 'singleStackTwo', manifest, path: ['spec', 'ipFamilyPolicy'], data: { field: two } });
    }
  }
}
