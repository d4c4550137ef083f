/**
 * CustomResourceDefinition (apiextensions.k8s.io/v1) is a built-in kind: its schema comes from
 * kubernetes-types apiextensions/v1, plus the Kubernetes extensions of OpenAPI that
 * kubernetes-types leaves out and every real CRD uses (k8s.io/apiextensions-apiserver
 * pkg/apis/apiextensions/v1 types_jsonschema.go: `x-kubernetes-preserve-unknown-fields`,
 * `-embedded-resource`, `-int-or-string`, `-list-type`, `-list-map-keys`, `-map-type`,
 * `-validations`; `default`/`enum`/`example` are apiextensionsv1.JSON, any value), and the
 * enums of validation.go (scope Cluster|Namespaced, conversion strategy None|Webhook).
 */
import { lintYaml } from '../helpers';
import { schemaFiles } from '../../src/model/kinds';

const crd = (patch: (s: string) => string = (s) => s) => patch(`apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names: { kind: Widget, listKind: WidgetList, plural: widgets, singular: widget, shortNames: [wd], categories: [all] }
  scope: Namespaced
  versions:
  - name: v1
    served: true
    storage: true
    subresources: { status: {}, scale: { specReplicasPath: .spec.replicas, statusReplicasPath: .status.replicas } }
    additionalPrinterColumns:
    - { name: Replicas, type: integer, jsonPath: .spec.replicas }
    schema:
      openAPIV3Schema:
        type: object
        x-kubernetes-validations:
        - { rule: "self.spec.replicas <= 10", message: too many, reason: FieldValueInvalid }
        properties:
          spec:
            type: object
            required: [size]
            properties:
              replicas: { type: integer, default: 1, minimum: 0 }
              size: { type: string, enum: [small, large], default: small }
              port: { x-kubernetes-int-or-string: true, anyOf: [ { type: integer }, { type: string } ] }
              selector: { type: object, x-kubernetes-preserve-unknown-fields: true }
              items:
                type: array
                x-kubernetes-list-type: map
                x-kubernetes-list-map-keys: [name]
                items: { type: object, required: [name], properties: { name: { type: string } } }
              template: { type: object, x-kubernetes-embedded-resource: true, x-kubernetes-preserve-unknown-fields: true }
              labels: { type: object, additionalProperties: { type: string }, x-kubernetes-map-type: granular }
              sample: { type: object, nullable: true, example: { a: 1 }, default: {} }
          status: { type: object, x-kubernetes-preserve-unknown-fields: true }
  conversion: { strategy: None }
`);

const findings = (text: string) => lintYaml(text).findings.map((f) => `${f.ruleId} ${f.path}: ${f.message}`);

describe('CustomResourceDefinition is schema-checked', () => {
  test('the catalogue lists its schema', () => {
    expect(schemaFiles()).toContainEqual({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', file: 'k8s/customresourcedefinition-apiextensions-v1.json' });
  });

  test('a CRD using every x-kubernetes extension and JSON-valued default/enum/example has no finding', () => {
    expect(findings(crd())).toEqual([]);
  });

  test('the v1beta1 layout (spec.version, spec.validation) is reported field by field', () => {
    const old = crd((s) => s.replace('  scope: Namespaced\n', '  scope: Namespaced\n  version: v1\n  validation: {}\n'));
    expect(findings(old)).toEqual([
      expect.stringMatching(/^unknown-field spec\.version: unknown field `version` in CustomResourceDefinition spec/),
      expect.stringMatching(/^unknown-field spec\.validation: unknown field `validation` in CustomResourceDefinition spec/),
    ]);
  });

  test('scope and conversion strategy are enums (ValidateCustomResourceDefinitionSpec)', () => {
    expect(findings(crd((s) => s.replace('scope: Namespaced', 'scope: namespaced')))).toEqual([
      expect.stringMatching(/^schema spec\.scope: CustomResourceDefinition spec\.scope must be one of Cluster, Namespaced, but it is "namespaced"/),
    ]);
    expect(findings(crd((s) => s.replace('strategy: None', 'strategy: webhook')))).toEqual([expect.stringMatching(/^schema spec\.conversion\.strategy: .*must be one of None, Webhook/)]);
  });

  test('required fields: names.plural, versions[].served; a misspelt schema key is named', () => {
    const text = crd((s) => s.replace('plural: widgets, ', '').replace('    served: true\n', '').replace('x-kubernetes-list-type: map', 'x-kubernetes-listType: map'));
    const out = findings(text);
    expect(out).toEqual(expect.arrayContaining([
      expect.stringMatching(/spec\.names.*plural/),
      expect.stringMatching(/spec\.versions\[0\].*served/),
      expect.stringMatching(/^unknown-field .*x-kubernetes-listType/),
    ]));
  });

  test('a CRD of the removed v1beta1 API is deprecated-api\'s error, not a schema finding', () => {
    const out = findings(crd((s) => s.replace('apiextensions.k8s.io/v1\n', 'apiextensions.k8s.io/v1beta1\n')));
    expect(out).toEqual([expect.stringMatching(/^deprecated-api apiVersion: apiextensions\.k8s\.io\/v1beta1 CustomResourceDefinition is no longer served since Kubernetes v1\.22/)]);
  });
});
