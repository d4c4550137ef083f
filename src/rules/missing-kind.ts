import { defineRule } from './rule';

/** Reported by the parse stage; this module documents it. */
export default defineRule({
  meta: {
    id: 'missing-kind',
    severity: 'error',
    description: 'An object has no apiVersion or kind.',
    category: 'input',
    messages: {},
  },
});
