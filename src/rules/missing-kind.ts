import { defineRule } from './rule';

const HINT = 'Add `apiVersion:` and `kind:` at the top of the object, e.g. `apiVersion: v1` and `kind: Service`.';

/** Reported by the parse stage (src/parse/parse-file.ts) for a mapping without apiVersion or kind. */
export default defineRule({
  meta: {
    id: 'missing-kind',
    severity: 'error',
    description: 'An object has no apiVersion or kind.',
    category: 'input',
    messages: {
      both: { message: 'this object has no apiVersion and kind, so Kubernetes cannot tell what it is', hint: HINT },
      apiVersion: { message: 'this object has no apiVersion, so Kubernetes cannot tell what it is', hint: HINT },
      kind: { message: 'this object has no kind, so Kubernetes cannot tell what it is', hint: HINT },
    },
  },
});
