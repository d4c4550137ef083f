import { defineRule } from './rule';

/** Reported by the parse stage; this module documents it. */
export default defineRule({
  meta: {
    id: 'not-an-object',
    severity: 'error',
    description: 'A document (or List item) is a list or a scalar, not a Kubernetes object.',
    category: 'input',
    messages: {},
  },
});
