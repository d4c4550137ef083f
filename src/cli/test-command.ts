import type { CliIO } from './io';

// Placeholder until the `svclab test` command lands (see the issues).
export function testCommand(_argv: string[], io: CliIO): number {
  io.stderr.write('svclab test: not available yet\n');
  return 2;
}
