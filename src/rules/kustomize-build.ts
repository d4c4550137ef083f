import { defineRule } from './rule';

const CHECK_PATH = 'Paths in a kustomization are relative to its folder; fix the path, or remove the entry.';

/**
 * Reported by the kustomize stage (src/kustomize/): what makes `kustomize build` (and
 * `kubectl apply -k`) fail, with kustomize's own reason, at the kustomization line that causes
 * it. Only what kustomize itself refuses: a field svclab does not build is `kustomize-skipped`.
 */
export default defineRule({
  meta: {
    id: 'kustomize-build',
    severity: 'error',
    description: 'A kustomization cannot be built: kustomize build (and kubectl apply -k) fails on it.',
    category: 'input',
    messages: {
      notFound: {
        message: '{{field}} entry {{entry}} does not exist ({{path}}); `kustomize build` fails on it',
        hint: CHECK_PATH,
      },
      noKustomization: {
        message: '{{entry}} is a folder without kustomization.yaml, kustomization.yml or Kustomization; `kustomize build` fails on it',
        hint: 'List the files of the folder one by one under `resources:`, or give the folder a kustomization.yaml that lists them.',
      },
      manyKustomizations: {
        message: '{{dir}} holds more than one kustomization file ({{files}}); kustomize refuses to choose',
        hint: 'Keep one of them (kustomization.yaml is the usual name) and delete the others.',
      },
      notYaml: {
        message: 'the kustomization cannot be read: {{problem}}',
        hint: 'Fix the YAML syntax; `kustomize build` stops at this file.',
      },
      notMapping: {
        message: 'the kustomization is not a mapping of fields ({{found}})',
        hint: 'A kustomization file is a YAML mapping: `resources:`, `namespace:`, `patches:` and so on.',
      },
      unknownField: {
        message: 'unknown field `{{field}}` in the kustomization{{suggestion}}: kustomize rejects the file (json: unknown field)',
        hint: 'Field names are case-sensitive; the fields of a kustomization are listed at https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/.',
      },
      fieldType: {
        message: '`{{field}}` must be {{expected}}; kustomize cannot read this kustomization',
        hint: 'See https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/ for the shape of each field.',
      },
      badKind: {
        message: 'kind `{{kind}}` with apiVersion `{{apiVersion}}`: a kustomization is `kind: Kustomization` (kustomize.config.k8s.io/v1beta1) or `kind: Component` (kustomize.config.k8s.io/v1alpha1)',
        hint: 'Fix the kind and apiVersion, or remove them (kustomize assumes a Kustomization).',
      },
      cycle: {
        message: '{{entry}} includes {{dir}}, which is already being built: a cycle, which kustomize refuses',
        hint: 'A kustomization may not include itself, directly or through other kustomizations.',
      },
      componentExpected: {
        message: '{{entry}} is listed under `components:` but is a {{kind}}, not a Component; `kustomize build` fails on it',
        hint: 'Give its kustomization `apiVersion: kustomize.config.k8s.io/v1alpha1` and `kind: Component`, or list it under `resources:`.',
      },
      componentNotResource: {
        message: '{{entry}} is a Component, which cannot be listed under `resources:`; `kustomize build` fails on it',
        hint: 'Move it to `components:`.',
      },
      duplicateId: {
        message: '{{id}} is added twice to the build of {{dir}} (also from {{first}}); kustomize fails: may not add resource with an already registered id',
        hint: 'Each object may be included once per build: remove one of the entries, or give one copy another name (namePrefix in its own kustomization).',
      },
      conflict: {
        message: '{{what}} makes two objects the same ({{id}}); kustomize fails: ID conflict',
        hint: 'Objects must differ by kind, namespace or name after every transformation.',
      },
      patchNoMatch: {
        message: 'no object of the build is {{id}}, the object this patch names; `kustomize build` fails: no resource matches strategic merge patch',
        hint: 'The patch must name an object of the build (apiVersion, kind and metadata.name as in the resource, before any namePrefix); or select objects with `target:`.',
      },
      patchManyMatch: {
        message: 'the patch for {{id}} matches {{count}} objects; kustomize fails: it must match exactly one',
        hint: 'Give the patch a metadata.namespace, or select its objects with `target:`.',
      },
      patchNeedsTarget: {
        message: 'a JSON patch (RFC 6902) needs a `target:`; kustomize fails: must specify a target for JSON patch',
        hint: 'Add `target:` with the kind and name of the objects to patch.',
      },
      patchUnreadable: {
        message: 'the patch cannot be read: {{problem}}',
        hint: 'A patch is either a strategic merge patch (a partial object with apiVersion, kind and metadata.name) or a JSON patch (a list of operations).',
      },
      patchFailed: {
        message: 'the patch cannot be applied to {{id}}: {{problem}}',
        hint: 'Check the patch against the object as the build has it at this point (after the resources and patches before it).',
      },
      generator: {
        message: '{{generator}} {{name}}: {{problem}}',
        hint: 'See https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/configmapgenerator/ for the generator fields.',
      },
      generatorTarget: {
        message: '{{generator}} {{name}} has behavior `{{behavior}}` but {{problem}}; `kustomize build` fails',
        hint: '`merge` and `replace` change a ConfigMap or Secret generated by a base (same name and namespace); use `create` (the default) for a new one.',
      },
      nameReference: {
        message: '{{field}} names {{name}}, which the build has as several objects ({{ids}}); kustomize fails: found multiple possible referrals',
        hint: 'Give the copies different namespaces or names, or keep one of them.',
      },
    },
  },
});
