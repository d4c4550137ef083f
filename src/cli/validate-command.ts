import type { CliIO } from './io';

// Placeholder until the `svclab validate` command lands (see the issues).
export function validateCommand(_argv: string[], io: CliIO): number {
  io.stderr.write('svclab validate: not available yet\n');
  return 2;
}
