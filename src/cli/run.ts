import { UsageError } from './args';
import type { CliIO } from './io';
import { lintCommand } from './lint-command';
import { explainCommand, rulesCommand } from './rules-command';
import { getCommand } from './get-command';
import { curlCommand } from './curl-command';
import { digCommand } from './dig-command';
import { testCommand } from './test-command';
import { validateCommand } from './validate-command';
import { didYouMean } from '../util/did-you-mean';

type Command = (argv: string[], io: CliIO) => number | Promise<number>;

/** Command table; each module owns its flags and help. */
export const COMMANDS: Record<string, { run: Command; summary: string }> = {
  lint: { run: lintCommand, summary: 'lint manifests (schema + cross-object Service checks)' },
  rules: { run: rulesCommand, summary: 'list the lint rules' },
  explain: { run: explainCommand, summary: 'show the documentation of a rule' },
  get: { run: getCommand, summary: 'show the simulated cluster like kubectl get (pods, svc, endpoints, endpointslices, nodes)' },
  curl: { run: curlCommand, summary: 'route requests through the simulated kube-proxy' },
  dig: { run: digCommand, summary: 'resolve names through the simulated cluster DNS (CoreDNS)' },
  test: { run: testCommand, summary: 'run scenario folders and check their expectations' },
  validate: { run: validateCommand, summary: 'check scenario files and manifests without running them' },
};

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
  const command = COMMANDS[name];
  if (!command) {
    const guess = didYouMean(name, Object.keys(COMMANDS));
    io.stderr.write(`svclab: unknown command "${name}"${guess ? ` (did you mean \`svclab ${guess}\`?)` : ''}\n\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
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
