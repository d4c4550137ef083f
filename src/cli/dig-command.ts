import { formatHelp, maxPodsFlag, parseArgs, str, strs, UsageError, type FlagSpecs } from './args';
import type { CliIO } from './io';
import { loadCluster, scenarioFlags } from './cluster-input';
import { TargetError } from '../sim/proxy/request';
import { DNS_TYPES, reverseLookupName } from '../dns/resolver';
import { DIG_FORMATTERS } from '../report/dig';
import { formatterFor } from '../report/formatter';
import type { DnsResult, DnsType } from '../sim/types';

export const DIG_FLAGS: FlagSpecs = {
  filename: { type: 'string', short: 'f', multiple: true, description: 'manifests: file, directory, glob or - for stdin', valueName: 'PATH' },
  from: { type: 'string', description: 'who asks: pod/NAME, pod/NS/NAME, pod (a debug pod, default), node/NAME, external', valueName: 'SOURCE' },
  namespace: { type: 'string', short: 'n', description: 'namespace of the source pod and of objects without one (default: default)', valueName: 'NS' },
  reverse: { type: 'string', short: 'x', description: 'reverse lookup of an IP address (PTR)', valueName: 'IP' },
  format: { type: 'string', short: 'o', description: 'text (default, like dig) or json', valueName: 'FORMAT' },
  seed: { type: 'number', description: 'seed for every random choice (default 1)', valueName: 'N' },
  scenario: { type: 'string', description: 'use a scenario folder\'s manifests, cluster, seed and namespace (instead of -f)', valueName: 'DIR' },
  step: { type: 'string', description: 'with --scenario: the state after this step (its name or number, from 1)', valueName: 'NAME|N' },
  cluster: { type: 'string', description: 'YAML file with a Cluster object (svclab.io/v1alpha1) overriding the default cluster', valueName: 'FILE' },
  'max-pods': { type: 'number', description: 'pods the simulated cluster holds in all (default 50000; the Cluster object\'s spec.maxPods)', valueName: 'N' },
  debug: { type: 'boolean', description: 'print stack traces of internal errors' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

export const DIG_USAGE = `Usage: svclab dig NAME [${DNS_TYPES.join('|')}] [--from SOURCE] -f PATH [options]
       svclab dig -x IP [--from SOURCE] -f PATH [options]

Resolves a name as the source's resolver would: a pod with dnsPolicy ClusterFirst asks CoreDNS
through its resolv.conf search list (ndots:5); nodes, external clients and Default-policy
pods ask a resolver outside the cluster, which knows no cluster names. Unlike plain dig, the
search list is applied (like \`dig +search\` or getaddrinfo); a trailing dot makes a name absolute.

Options:
${formatHelp(DIG_FLAGS)}

Exit codes: 0 an answer was found, 1 no answer (NXDOMAIN, NODATA or SERVFAIL), 2 usage error.
`;

export async function digCommand(argv: string[], io: CliIO): Promise<number> {
  const { flags, operands } = parseArgs(argv, DIG_FLAGS);
  if (flags.help) {
    io.stdout.write(DIG_USAGE);
    return 0;
  }
  const formatter = formatterFor(DIG_FORMATTERS, str(flags.format) ?? 'text');
  let name: string;
  let type: DnsType;
  const reverse = str(flags.reverse);
  if (reverse !== undefined) {
    if (operands.length) throw new UsageError(`-x takes the address; unexpected ${operands.join(' ')}`);
    const rev = reverseLookupName(reverse);
    if (!rev) throw new UsageError(`-x needs an IP address, got "${reverse}"`);
    name = rev;
    type = 'PTR';
  } else {
    if (operands.length < 1 || operands.length > 2) throw new UsageError(operands.length ? `expected NAME [TYPE], got ${operands.join(' ')}` : 'which name? e.g. `svclab dig my-service -f k8s/`');
    name = operands[0];
    const t = (operands[1] ?? 'A').toUpperCase();
    if (!(DNS_TYPES as readonly string[]).includes(t)) throw new UsageError(`unknown record type "${operands[1]}"; use one of ${DNS_TYPES.join(', ')}`);
    type = t as DnsType;
  }
  const { cluster, namespace } = await loadCluster(io, strs(flags.filename), { namespace: str(flags.namespace), seed: flags.seed as number | undefined, clusterFile: str(flags.cluster), maxPods: maxPodsFlag(flags['max-pods']), ...scenarioFlags(flags) });
  let result: DnsResult;
  const from = str(flags.from) ?? 'pod';
  try {
    result = cluster.resolve({ name, type, from, namespace });
  } catch (err) {
    if (err instanceof TargetError) {
      io.stderr.write(`svclab dig: ${err.message}\n  hint: ${err.hint}\n`);
      return 2;
    }
    throw err;
  }
  io.stdout.write(formatter({ result, server: nameserverOf(result, cluster) }, {}));
  return result.rcode === 'NOERROR' && result.answers.length ? 0 : 1;
}

export function nameserverOf(result: DnsResult, cluster: { services: Array<{ name: string; namespace: string; clusterIP: string | null }> }): string | null {
  if (result.server === 'none') return null;
  if (result.server === 'cluster') return cluster.services.find((s) => s.name === 'kube-dns' && s.namespace === 'kube-system')?.clusterIP ?? null;
  return '192.168.49.1';
}
