import type { CliIO } from './io';

// Placeholder until the `svclab get` command lands (see the issues).
export function getCommand(_argv: string[], io: CliIO): number {
  io.stderr.write('svclab get: not available yet\n');
  return 2;
}
