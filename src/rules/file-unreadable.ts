import { defineRule } from './rule';

/** Reported by the load stage; this module documents it. */
export default defineRule({
  meta: {
    id: 'file-unreadable',
    severity: 'error',
    description: 'An input file cannot be read: permissions, binary content, not UTF-8, or too large.',
    category: 'input',
    messages: {},
  },
});
