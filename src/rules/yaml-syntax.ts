import { defineRule } from './rule';

/** Reported by the parse stage; this module documents it. */
export default defineRule({
  meta: {
    id: 'yaml-syntax',
    severity: 'error',
    description: 'A file or document is not valid YAML (or JSON) and cannot be read.',
    category: 'input',
    messages: {},
  },
});
