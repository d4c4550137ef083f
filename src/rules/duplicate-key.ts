import { defineRule } from './rule';

/** Reported by the parse stage; this module documents it. */
export default defineRule({
  meta: {
    id: 'duplicate-key',
    severity: 'error',
    description: 'A mapping repeats a key; kubectl rejects the document.',
    category: 'input',
    messages: {},
  },
});
