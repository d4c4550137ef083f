import { defineRule } from './rule';

/** Reported by the schema stage (src/schema/); this module documents it and holds its message. */
export default defineRule({
  meta: {
    id: 'unknown-kind',
    severity: 'info',
    description: 'An apiVersion and kind that svclab has no schema for; the object is not checked against a schema.',
    category: 'input',
    messages: {
      noSchema: { message: 'no schema for {{kind}} in {{apiVersion}}, so this object was not checked against one', hint: '{{fix}}' },
    },
  },
});
