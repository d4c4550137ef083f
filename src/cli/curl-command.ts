import type { CliIO } from './io';

// Placeholder until the `svclab curl` command lands (see the issues).
export function curlCommand(_argv: string[], io: CliIO): number {
  io.stderr.write('svclab curl: not available yet\n');
  return 2;
}
