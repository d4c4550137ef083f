import { defineRule } from './rule';

/** Reported by the schema stage (src/schema/); this module documents it and holds its message. */
export default defineRule({
  meta: {
    id: 'unknown-field',
    severity: 'error',
    description: 'A field that the kind does not have (often a typo such as `targetport` or `selecter`).',
    category: 'input',
    messages: {
      unknownField: { message: 'unknown field `{{field}}` in {{where}}{{suggestion}}', hint: '{{fix}}' },
    },
  },
});
