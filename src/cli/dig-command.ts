import type { CliIO } from './io';

// Placeholder until the `svclab dig` command lands (see the issues).
export function digCommand(_argv: string[], io: CliIO): number {
  io.stderr.write('svclab dig: not available yet\n');
  return 2;
}
