import { defineRule } from './rule';

/** Reported by the schema stage (src/schema/); this module documents it and holds its messages. */
export default defineRule({
  meta: {
    id: 'schema',
    severity: 'error',
    description: 'A field has the wrong type, a value outside its allowed set or range, or a required field is missing.',
    category: 'input',
    messages: {
      type: { message: '{{where}} must be {{expected}}, but it is {{actual}}', hint: '{{fix}}' },
      required: { message: '{{where}} is missing the required field `{{field}}`', hint: '{{fix}}' },
      enum: { message: '{{where}} must be one of {{allowed}}, but it is {{actual}}', hint: '{{fix}}' },
      range: { message: '{{where}} must be {{bound}}, but it is {{actual}}', hint: '{{fix}}' },
      pattern: { message: '{{where}} does not have the expected form (it must match `{{pattern}}`), but it is {{actual}}', hint: '{{fix}}' },
      other: { message: '{{where}} does not match its schema: {{problem}}', hint: '{{fix}}' },
      tooMany: {
        message: '{{count}} more schema problems in this {{kind}} are not shown',
        hint: 'Fix the problems reported above and lint again to see the rest.',
      },
      schemaUnusable: {
        message: 'the schema {{file}} for {{apiVersion}} {{kind}} cannot be used: {{problem}}; this object was not checked',
        hint: 'Fix or remove {{file}}: a --schema-dir file must be a JSON Schema (draft-07) named the way kubeconform names them, e.g. certificate-cert-manager-v1.json.',
      },
    },
  },
});
