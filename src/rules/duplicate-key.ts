import { defineRule } from './rule';

const HINT = 'Remove or merge the repeated key; only one value can win.';

/** Reported by the parse stage (src/parse/parse-file.ts) from the `yaml` parser's DUPLICATE_KEY error. */
export default defineRule({
  meta: {
    id: 'duplicate-key',
    severity: 'error',
    description: 'A mapping repeats a key; kubectl rejects the document.',
    category: 'input',
    messages: {
      duplicate: { message: 'the key `{{key}}` appears more than once in this mapping; kubectl rejects the document ("mapping key already defined")', hint: HINT },
      duplicateUnreadable: { message: 'this mapping key appears more than once; kubectl rejects the document ("mapping key already defined")', hint: HINT },
    },
  },
});
