// pkg/registry/core/service/storage/alloc.go initIPFamilyFields against the cluster's service CIDRs,
// and ValidateServiceClusterIPsRelatedFields (no family twice).
import { ruleTester } from '../helpers';
import { service } from './service-yaml';

const ports = '  ports: [ { port: 80 } ]';
const dualStack = { serviceCIDRs: ['10.96.0.0/12', 'fd00:10:96::/112'] };

ruleTester('ip-family-invalid', {
  valid: [
    service('web', ports),
    service('web', `  ipFamilies: [ IPv4 ]\n  ipFamilyPolicy: SingleStack\n${ports}`),
    // PreferDualStack is kept as written on a single-stack cluster (one family).
    service('web', `  ipFamilyPolicy: PreferDualStack\n${ports}`),
    // A headless Service without selector gets both families (RequireDualStack), even on a single-stack cluster.
    service('db', `  clusterIP: None\n  ipFamilyPolicy: RequireDualStack\n  ipFamilies: [ IPv4, IPv6 ]\n${ports}`),
    { code: service('web', `  ipFamilies: [ IPv6, IPv4 ]\n  ipFamilyPolicy: RequireDualStack\n${ports}`), options: dualStack },
    // An IPv6 clusterIP on an IPv4 cluster is cluster-ip-invalid's finding.
    service('web', `  clusterIP: "fd00::10"\n${ports}`),
  ],
  invalid: [
    {
      code: service('web', `  ipFamilies: [ IPv6 ]\n${ports}`),
      errors: [{ line: 6, column: 17, path: 'spec.ipFamilies[0]', message: 'ipFamilies[0] is IPv6, but this cluster has no IPv6 service range (service CIDRs: 10.96.0.0/12)' }],
    },
    {
      code: service('web', `  ipFamilyPolicy: RequireDualStack\n  selector: { app: web }\n${ports}`),
      errors: [{ line: 6, column: 19, path: 'spec.ipFamilyPolicy', message: 'ipFamilyPolicy RequireDualStack needs a dual-stack cluster' }],
    },
    {
      code: service('web', `  ipFamilies: [ IPv4, IPv6 ]\n  ipFamilyPolicy: SingleStack\n${ports}`),
      options: dualStack,
      errors: [{ path: 'spec.ipFamilyPolicy', message: 'ipFamilyPolicy SingleStack allows one IP family, but ipFamilies lists two' }],
    },
    { code: service('web', `  ipFamilies: [ IPv4, IPv4 ]\n  ipFamilyPolicy: PreferDualStack\n${ports}`), errors: [{ path: 'spec.ipFamilies[1]', message: 'ipFamilies lists IPv4 twice' }] },
  ],
});
