import { defineRule } from './rule';

/** Reported by the load stage (src/load/files.ts) for a file or folder it cannot turn into text. */
export default defineRule({
  meta: {
    id: 'file-unreadable',
    severity: 'error',
    description: 'An input file cannot be read: permissions, not a regular file, binary content, not UTF-8, or too large.',
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
      wideEncoding: {
        message: 'file is {{encoding}} text, not UTF-8',
        hint: 'Kubernetes manifests must be UTF-8: convert the file, e.g. `iconv -f utf-16 -t utf-8` (editors offer "Save with encoding: UTF-8").',
      },
      loneSurrogate: {
        message: 'text holds half of a UTF-16 surrogate pair (U+{{code}}) at line {{line}}, column {{column}}, which no UTF-8 file can hold',
        hint: 'Pass text that is valid Unicode: a string cut in the middle of an emoji or another character outside the Basic Multilingual Plane loses half of it.',
      },
      notRegular: {
        message: 'not a regular file but {{type}}: svclab reads only files',
        hint: 'Name the manifest files themselves; to check what a command prints, pipe it in: `command | svclab lint -`.',
      },
      stdinTooLarge: {
        message: 'standard input holds more than the {{limit}} MB limit',
        hint: 'Split the input, or raise the limit with --max-file-size.',
      },
    },
  },
});
