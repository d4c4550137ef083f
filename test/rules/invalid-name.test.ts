import { ruleTester } from '../helpers';
import { suggest } from '../../src/rules/invalid-name';
import { dns1035LabelProblem, dns1123LabelProblem, dns1123SubdomainProblem, pathSegmentProblem } from '../../src/util/name-formats';

const obj = (kind: string, name: string, apiVersion = 'v1', extra = '') => `apiVersion: ${apiVersion}
kind: ${kind}
metadata:
  name: ${name}
${extra}`;

ruleTester('invalid-name', {
  valid: [
    obj('Service', 'web-1'),
    obj('ConfigMap', 'app.config-v2'),
    obj('Namespace', 'team-a'),
    // RBAC names are path segments only (ValidateRBACName): colons are fine.
    obj('ClusterRole', 'system:aggregate-to-view', 'rbac.authorization.k8s.io/v1'),
    obj('Deployment', 'a'.repeat(253), 'apps/v1'),
    obj('CronJob', 'n'.repeat(52), 'batch/v1'),
    // generateName is a prefix: a trailing '-' is expected.
    `apiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: migrate-\n`,
    // A non-string name is the schema's type error, not ours.
    obj('ConfigMap', '12345'),
    // A namespace on a cluster-scoped kind is ignored by the API server.
    obj('ClusterRole', 'reader', 'rbac.authorization.k8s.io/v1', '  namespace: Not_Used\n'),
  ],
  invalid: [
    {
      // ValidateServiceName = NameIsDNS1035Label (kubernetes pkg/apis/core/validation).
      code: obj('Service', 'my_svc'),
      errors: [{ line: 4, column: 9, path: 'metadata.name', object: 'Service/default/my_svc', message: 'Service names become DNS labels (`<name>.<namespace>.svc`), so they must be RFC 1035 labels: lowercase letters, digits and \'-\', starting with a letter, at most 63 characters: `my_svc` has an underscore' }],
    },
    {
      code: obj('Service', '8080-web'),
      errors: [{ message: '`8080-web` starts with a digit' }],
    },
    {
      code: obj('Deployment', 'Web.App', 'apps/v1'),
      errors: [{ line: 4, column: 9, message: /^Deployment names must be DNS subdomains .*: `Web\.App` has uppercase letters/ }],
    },
    {
      code: obj('ConfigMap', 'settings..v2'),
      errors: [{ message: 'has an empty part (two dots in a row' }],
    },
    {
      // ValidateNamespaceName = NameIsDNSLabel: no dots.
      code: obj('Namespace', 'team.a'),
      errors: [{ message: /^Namespace names .* RFC 1123 labels.*: `team\.a` has a dot/ }],
    },
    {
      code: obj('Service', 's'.repeat(64)),
      errors: [{ message: 'is 64 characters long (at most 63)' }],
    },
    {
      code: obj('CronJob', 'n'.repeat(53), 'batch/v1'),
      errors: [{ message: /^CronJob names may be at most 52 characters because the CronJob controller appends an 11-character suffix/ }],
    },
    {
      code: obj('Role', 'a/b', 'rbac.authorization.k8s.io/v1'),
      errors: [{ message: 'has the character `/`' }],
    },
    {
      code: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: { app: web }\ndata: {}\n`,
      errors: [{ line: 3, column: 1, path: 'metadata.name', message: 'this ConfigMap has no metadata.name, so the API server rejects it ("name or generateName is required")' }],
    },
    {
      code: `apiVersion: v1\nkind: Pod\nmetadata:\n  generateName: Worker_\n`,
      errors: [{ line: 4, column: 17, path: 'metadata.generateName', message: 'the prefix metadata.generateName `Worker_` has uppercase letters' }],
    },
    {
      code: obj('Service', 'web', 'v1', '  namespace: Shop_Front\n'),
      errors: [{ line: 5, column: 14, path: 'metadata.namespace', message: /^namespace names .*: `Shop_Front` has uppercase letters/ }],
    },
  ],
});

describe('name formats (k8s.io/apimachinery/pkg/util/validation)', () => {
  test('DNS-1123 label', () => {
    expect(dns1123LabelProblem('a-1')).toBeUndefined();
    expect(dns1123LabelProblem('1a')).toBeUndefined();
    expect(dns1123LabelProblem('a'.repeat(63))).toBeUndefined();
    expect(dns1123LabelProblem('a'.repeat(64))).toMatch(/64 characters/);
    expect(dns1123LabelProblem('-a')).toMatch(/starts with `-`/);
    expect(dns1123LabelProblem('a-')).toMatch(/ends with `-`/);
    expect(dns1123LabelProblem('')).toBe('is empty');
  });
  test('DNS-1035 label needs a leading letter', () => {
    expect(dns1035LabelProblem('web')).toBeUndefined();
    expect(dns1035LabelProblem('1web')).toMatch(/starts with a digit/);
  });
  test('DNS-1123 subdomain', () => {
    expect(dns1123SubdomainProblem('a.b-c.d')).toBeUndefined();
    expect(dns1123SubdomainProblem('a.-b')).toMatch(/part `-b` that starts with `-`/);
    expect(dns1123SubdomainProblem('a@b')).toMatch(/character `@`/);
    expect(dns1123SubdomainProblem('a'.repeat(254))).toMatch(/at most 253/);
  });
  test('path segment', () => {
    expect(pathSegmentProblem('system:node')).toBeUndefined();
    expect(pathSegmentProblem('..')).toMatch(/may not be/);
    expect(pathSegmentProblem('a%b')).toMatch(/`%`/);
  });
  test('suggestions are valid names', () => {
    expect(suggest('My_Svc', 'dns1035-label')).toBe('my-svc');
    expect(suggest('8080-web', 'dns1035-label')).toBe('svc-8080-web');
    expect(suggest('Web..App_', 'dns1123-subdomain')).toBe('web.app');
    expect(dns1035LabelProblem(suggest('__', 'dns1035-label'))).toBeUndefined();
  });
});
