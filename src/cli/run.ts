import { UsageError } from './args';
import type { CliIO } from './io';
import { didYouMean } from '../util/did-you-mean';
import { own } from '../model/guards';
import { UnknownFormatError } from '../report/formatter';
import { OutputError } from './std-output';

type Command = (argv: string[], io: CliIO) => number | Promise<number>;

/*
 * Command table; each module owns its flags and help. Modules are required when their command
 * runs, not before: loading the simulator and the scenario harness for `svclab lint` would cost
 * startup time (a one-file lint must finish in a quarter of a second).
 */
/* eslint-disable @typescript-eslint/no-require-imports */
export const COMMANDS: Record<string, { load: () => Command; summary: string }> = {
  lint: { load: () => (require('./lint-command') as typeof import('./lint-command')).lintCommand, summary: 'lint manifests (schema + cross-object Service checks)' },
  rules: { load: () => (require('./rules-command') as typeof import('./rules-command')).rulesCommand, summary: 'list the lint rules' },
  explain: { load: () => (require('./rules-command') as typeof import('./rules-command')).explainCommand, summary: 'show the documentation of a rule' },
  get: { load: () => (require('./get-command') as typeof import('./get-command')).getCommand, summary: 'show the simulated cluster like kubectl get (pods, svc, endpoints, endpointslices, nodes)' },
  describe: { load: () => (require('./describe-command') as typeof import('./describe-command')).describeCommand, summary: 'show a Service, pod or Endpoints like kubectl describe (the Endpoints line)' },
  curl: { load: () => (require('./curl-command') as typeof import('./curl-command')).curlCommand, summary: 'route requests through the simulated kube-proxy' },
  dig: { load: () => (require('./dig-command') as typeof import('./dig-command')).digCommand, summary: 'resolve names through the simulated cluster DNS (CoreDNS)' },
  graph: { load: () => (require('./graph-command') as typeof import('./graph-command')).graphCommand, summary: 'draw the simulated cluster (svg, html, mermaid, dot), with the hops of a request' },
  serve: { load: () => (require('./serve-command') as typeof import('./serve-command')).serveCommand, summary: 'a local playground page: the live picture, lint findings and a request bar' },
  test: { load: () => (require('./test-command') as typeof import('./test-command')).testCommand, summary: 'run scenario folders and check their expectations' },
  tour: { load: () => (require('./tour-command') as typeof import('./tour-command')).tourCommand, summary: 'read a scenario as a page: each expectation with the output it checks' },
  validate: { load: () => (require('./validate-command') as typeof import('./validate-command')).validateCommand, summary: 'check scenario files and manifests without running them' },
};
/* eslint-enable @typescript-eslint/no-require-imports */

export const VERSION = '0.1.0';

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  return `svclab ${VERSION}: Kubernetes Service networking, checked without a cluster

Usage: svclab <command> [options]

Commands:
${Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`).join('\n')}

Run \`svclab <command> --help\` for a command's options.
`;
}

/** The whole CLI as a function: argv in, exit code out (0 ok, 1 failed checks, 2 usage or internal error). */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const debug = argv.includes('--debug');
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = own(COMMANDS, name);
  if (!command) {
    const guess = didYouMean(name, Object.keys(COMMANDS));
    io.stderr.write(`svclab: unknown command "${name}"${guess ? ` (did you mean \`svclab ${guess}\`?)` : ''}\n\n${usage()}`);
    return 2;
  }
  // A lint decides by the size of its input (src/cli/lint-command.ts); the simulator's commands
  // and `svclab test` run long enough on any input.
  if (name !== 'lint') io.longRun?.();
  try {
    return await command.load()(rest, io);
  } catch (err) {
    if (err instanceof UsageError || err instanceof UnknownFormatError || err instanceof OutputError) {
      io.stderr.write(`svclab ${name}: ${err.message}\n`);
      return 2;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.stderr.write(`svclab ${name}: internal error: ${message}\n`);
    if (debug && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`);
    else io.stderr.write('Run again with --debug for the stack trace, and please report it.\n');
    return 2;
  }
}
