import { defineRule } from './rule';

const HINT = 'A manifest document must be a mapping with apiVersion, kind and metadata; put list items under `kind: List` and `items:`.';

/** Reported by the parse stage (src/parse/parse-file.ts) for a document or List item that is not a mapping. */
export default defineRule({
  meta: {
    id: 'not-an-object',
    severity: 'error',
    description: 'A document (or List item) is a list or a scalar, not a Kubernetes object.',
    category: 'input',
    messages: {
      documentList: { message: 'this document is a list, not a Kubernetes object', hint: HINT },
      documentScalar: { message: 'this document is a {{type}} ({{value}}), not a Kubernetes object', hint: HINT },
      itemList: { message: 'item {{path}} is a list, not a Kubernetes object', hint: HINT },
      itemScalar: { message: 'item {{path}} is a {{type}} ({{value}}), not a Kubernetes object', hint: HINT },
      itemNull: { message: 'item {{path}} is empty (null), not a Kubernetes object', hint: HINT },
    },
  },
});
