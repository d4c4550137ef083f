import { defineRule } from './rule';

/**
 * Reported by the lint run (rules/default-namespace.ts), not by a `check`: a file sets
 * `metadata.namespace: X` on some objects and none on others, and it is linted with the default
 * namespace (no `-n`). `kubectl apply -f` puts the objects without a namespace into the
 * context's namespace, so the file most likely is applied with `-n X`; findings that hold only
 * because those objects landed in `default` are left out, and this one hint says so.
 */
export default defineRule({
  meta: {
    id: 'namespace-partly-set',
    severity: 'info',
    description: 'A file sets metadata.namespace on some objects and not on others: lint it with -n for the namespace it is applied to.',
    category: 'input',
    messages: {
      partly: {
        message: '{{unset}} no namespace while {{set}} namespace {{namespace}}; svclab linted {{them}} in namespace {{default}}, where {{onlyDefault}} that would not hold in {{namespace}} (left out){{onlyOther}}',
        hint: 'If this file is applied with `kubectl apply -n {{namespace}}`, lint it the same way: `svclab lint -n {{namespace}}`. Or set metadata.namespace on every object, so that the file says where each one goes.',
      },
    },
  },
});
