import { defineRule } from './rule';

const MESSAGE = 'no schema for {{kind}} in {{apiVersion}}, so this object was not checked against one';

/**
 * Reported by the schema stage (src/schema/index.ts), which picks the hint: a built-in kind
 * under another served version, under a version that does not serve it, a near miss of a
 * built-in kind, a built-in kind without a schema, or a custom resource.
 */
export default defineRule({
  meta: {
    id: 'unknown-kind',
    severity: 'info',
    description: 'An apiVersion and kind that svclab has no schema for; the object is not checked against a schema.',
    category: 'input',
    messages: {
      otherVersionChecked: {
        message: MESSAGE,
        hint: 'Kubernetes serves {{kind}} in `{{apiVersion}}` too, but svclab only has its schema for {{checked}}: write that apiVersion to have it checked, or put a schema in a folder as {{file}} and pass `--schema-dir` with that folder.',
      },
      servedElsewhere: {
        message: MESSAGE,
        hint: '{{kind}} is served as `apiVersion: {{served}}`; change the apiVersion (`{{apiVersion}}` has no {{kind}}).',
      },
      didYouMean: { message: MESSAGE, hint: 'If you meant the built-in kind, write `kind: {{guess}}` (kinds are case-sensitive).' },
      builtinWithoutSchema: {
        message: MESSAGE,
        hint: 'svclab has no schema for this built-in kind; to check it, put its JSON schema in a folder as {{file}} and pass `--schema-dir` with that folder.',
      },
      customResource: {
        message: MESSAGE,
        hint: 'If this is a custom resource, put its JSON schema in a folder as {{file}} (kubeconform naming) and pass `--schema-dir` with that folder.',
      },
      customResourceNotInSchemaDirs: {
        message: MESSAGE,
        hint: 'If this is a custom resource, put its JSON schema in a folder as {{file}} (kubeconform naming) and pass `--schema-dir` with that folder (no such file in the folders given).',
      },
    },
  },
});
