import { defineRule } from './rule';

/**
 * Reported by the parse stage (src/parse/duplicate-key.ts) from the `yaml` parser's
 * DUPLICATE_KEY error, on the repeated key of the object that holds it. kubectl does not
 * reject a repeated key: sigs.k8s.io/yaml `YAMLToJSON` (go-yaml's non-strict Unmarshal) keeps
 * the last value, so the earlier one is dropped without a word. kustomize (kyaml, go-yaml v3:
 * `mapping key "x" already defined`) and strict decoders (the API server's strict field
 * validation, yaml.v2 `UnmarshalStrict`: `key "x" already set in map`) reject the document.
 */
export default defineRule({
  meta: {
    id: 'duplicate-key',
    severity: 'error',
    description: 'A mapping repeats a key: kubectl silently keeps the last value, kustomize and strict decoding reject the document.',
    category: 'input',
    messages: {
      duplicate: {
        message: 'the key `{{key}}` appears again in this mapping (first at line {{first}}); kubectl keeps only the last value{{kept}} and silently drops the earlier one, while kustomize and the API server\'s strict decoding reject the document ("mapping key already defined")',
        hint: 'Keep one `{{key}}`: delete the entry you do not mean, or merge both into one (their values are not combined).',
      },
      duplicateUnreadable: {
        message: 'this mapping key appears more than once; kubectl keeps only the last value and silently drops the earlier one, while kustomize and the API server\'s strict decoding reject the document ("mapping key already defined")',
        hint: 'Keep one of the repeated keys: delete the entry you do not mean, or merge both into one (their values are not combined).',
      },
    },
  },
});
