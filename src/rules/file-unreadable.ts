import { defineRule } from './rule';

/** Reported by the load stage (src/load/files.ts) for a file or folder it cannot turn into text. */
export default defineRule({
  meta: {
    id: 'file-unreadable',
    severity: 'error',
    description: 'An input file cannot be read: permissions, binary content, not UTF-8, or too large.',
    category: 'input',
    messages: {
      directory: { message: 'cannot read directory: {{code}}', hint: 'Check the directory permissions, or skip it with --ignore-pattern.' },
      file: { message: 'cannot read file: {{code}}', hint: 'Check that the file exists and is readable.' },
      tooLarge: {
        message: 'file is {{size}} MB, larger than the {{limit}} MB limit',
        hint: 'Split the manifests into smaller files, or raise the limit with --max-file-size.',
      },
      binary: {
        message: 'file is binary (it contains NUL bytes, the first at line {{line}}, column {{column}}), not YAML or JSON',
        hint: 'Remove it from the paths, or skip it with --ignore-pattern. A UTF-16 file must be converted to UTF-8.',
      },
      notUtf8: {
        message: 'file is not valid UTF-8 (byte 0x{{byte}} at line {{line}}, column {{column}})',
        hint: 'Kubernetes manifests must be UTF-8: convert the file, e.g. `iconv -f latin1 -t utf-8`.',
      },
    },
  },
});
