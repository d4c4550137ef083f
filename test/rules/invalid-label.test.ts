import { ruleTester } from '../helpers';
import { labelKeyProblem, labelValueProblem } from '../../src/util/name-formats';

const withLabels = (labels: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  labels:
${labels}
`;

const deployment = (selector: string, templateLabels: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
${selector}
  template:
    metadata:
      labels:
${templateLabels}
    spec:
      containers:
      - { name: web, image: nginx }
`;

ruleTester('invalid-label', {
  valid: [
    withLabels('    app.kubernetes.io/name: web\n    tier: Back_end.v2\n    empty: ""'),
    deployment('    matchLabels: { app: web }\n    matchExpressions: [ { key: tier, operator: In, values: [a, b] } ]', '        app: web\n        tier: a'),
    // Non-string values are the schema's type errors.
    withLabels('    replicas: 3'),
    `apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec: { selector: { app.kubernetes.io/name: web }, ports: [ { port: 80 } ] }\n`,
  ],
  invalid: [
    {
      // IsValidLabelValue: at most 63 characters of [A-Za-z0-9_.-], alphanumeric at both ends.
      code: withLabels('    version: "1.0 beta"'),
      errors: [{ line: 6, column: 14, path: 'metadata.labels.version', object: 'ConfigMap/default/settings', message: 'label value `1.0 beta` of key `version` in metadata.labels has a space' }],
    },
    {
      code: withLabels(`    commit: ${'a'.repeat(64)}`),
      errors: [{ message: 'is 64 characters long (at most 63)' }],
    },
    {
      // IsQualifiedName: the key is reported at the key itself.
      code: withLabels('    -app: web\n    example.com/: x\n    a/b/c: x\n    Example.com/app: x'),
      errors: [
        { line: 6, column: 5, path: 'metadata.labels["-app"]', message: 'label key `-app` in metadata.labels has a name part `-app` that must start and end with a letter or digit' },
        { line: 7, column: 5, message: 'has an empty name part' },
        { line: 8, column: 5, message: 'has more than one `/`' },
        { line: 9, column: 5, message: 'has a prefix `Example.com` that has uppercase letters' },
      ],
    },
    {
      code: deployment('    matchLabels: { app: "web app" }', '        app: "web app"'),
      errors: [
        { line: 7, column: 25, path: 'spec.selector.matchLabels.app', message: 'in spec.selector.matchLabels has a space' },
        { line: 11, column: 14, path: 'spec.template.metadata.labels.app', message: 'in the pod template labels has a space' },
      ],
    },
    {
      code: deployment('    matchExpressions: [ { key: "my key", operator: In, values: [ "a/b" ] } ]', '        app: web'),
      errors: [
        { line: 7, column: 32, path: 'spec.selector.matchExpressions[0].key', message: 'label key `my key`' },
        { line: 7, column: 66, path: 'spec.selector.matchExpressions[0].values[0]', message: 'label value `a/b` of key `my key` in spec.selector.matchExpressions[0] has the character `/`' },
      ],
    },
    {
      code: `apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec:\n  selector: { app: "-web" }\n  ports: [ { port: 80 } ]\n`,
      errors: [{ line: 5, column: 20, path: 'spec.selector.app', message: 'in the Service selector must start and end with a letter or digit' }],
    },
  ],
});

describe('label formats', () => {
  test('keys: optional DNS-subdomain prefix, name of at most 63', () => {
    expect(labelKeyProblem('app')).toBeUndefined();
    expect(labelKeyProblem('app.kubernetes.io/part-of')).toBeUndefined();
    expect(labelKeyProblem('My_Key.v1')).toBeUndefined();
    expect(labelKeyProblem(`x/${'a'.repeat(64)}`)).toMatch(/64 characters/);
    expect(labelKeyProblem(`${'a'.repeat(254)}/x`)).toMatch(/at most 253/);
    expect(labelKeyProblem('/x')).toMatch(/empty prefix/);
  });
  test('values may be empty', () => {
    expect(labelValueProblem('')).toBeUndefined();
    expect(labelValueProblem('v1.2_3-x')).toBeUndefined();
    expect(labelValueProblem('x.')).toMatch(/start and end/);
  });
});
