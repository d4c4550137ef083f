import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatHelp, numOf, parseArgs, UsageError, type FlagSpecs } from './args';
import type { CliIO } from './io';

export const SERVE_FLAGS: FlagSpecs = {
  port: { type: 'number', description: 'port on 127.0.0.1 (default: a free one)', valueName: 'N' },
  seed: { type: 'number', description: "seed for every random choice (default 1; a scenario's own seed wins)", valueName: 'N' },
  debug: { type: 'boolean', description: 'print stack traces of internal errors' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

export const SERVE_USAGE = `Usage: svclab serve [DIR] [--port N]

A local web page on a folder of manifests or a scenario (default: the current folder): the live
picture of the simulated cluster (re-drawn when a file changes), the lint findings beside it, a
request bar (pick a source, type a target, see the hops drawn and the answers tallied) and a
DNS bar. For a scenario or exercise: its task, the hint ladder and the checks, turning green as
you edit. Listens on 127.0.0.1 only and answers only requests for that address or localhost;
needs no network. It writes a file only when you press Save. Ctrl-C stops it.

Options:
${formatHelp(SERVE_FLAGS)}

Examples:
  svclab serve examples/seed-000
  svclab serve exercises/01-selector-typo --port 8080
`;

export async function serveCommand(argv: string[], io: CliIO, until?: Promise<void>): Promise<number> {
  const { flags, operands } = parseArgs(argv, SERVE_FLAGS);
  if (flags.help) {
    io.stdout.write(SERVE_USAGE);
    return 0;
  }
  if (operands.length > 1) throw new UsageError(`one folder expected, got ${operands.length}: ${operands.join(' ')}`);
  const dir = path.resolve(io.cwd, operands[0] ?? '.');
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`${operands[0] ?? '.'} is not a folder`);
  const port = numOf(flags.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new UsageError(`--port must be a whole number from 0 to 65535, got ${port}`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startPlayground } = require('../serve/server') as typeof import('../serve/server');
  let server;
  try {
    server = await startPlayground({ dir, port, seed: numOf(flags.seed) });
  } catch (err) {
    const code = err && typeof err === 'object' && 'code' in err ? String((err as { code: unknown }).code) : '';
    if (code === 'EADDRINUSE') throw new UsageError(`port ${port} is in use; choose another with --port, or leave it out for a free one`);
    throw err;
  }
  io.stdout.write(`svclab playground for ${path.relative(io.cwd, dir) || '.'} at ${server.url} (Ctrl-C to stop)\n`);
  await (until ?? new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  }));
  await server.close();
  return 0;
}
