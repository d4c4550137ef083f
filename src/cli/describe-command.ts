import { formatHelp, maxPodsFlag, numOf, parseArgs, str, strs, UsageError, type FlagSpecs } from './args';
import type { CliIO } from './io';
import { loadCluster, scenarioFlags } from './cluster-input';
import { renderDescribe, type DescribeResource } from '../views/describe';

export const DESCRIBE_FLAGS: FlagSpecs = {
  filename: { type: 'string', short: 'f', multiple: true, description: 'manifests: file, directory, glob or - for stdin', valueName: 'PATH' },
  namespace: { type: 'string', short: 'n', description: 'namespace of the objects (default: default)', valueName: 'NS' },
  scenario: { type: 'string', description: 'use a scenario folder\'s manifests, cluster, seed and namespace (instead of -f)', valueName: 'DIR' },
  step: { type: 'string', description: 'with --scenario: the state after this step (its name or number, from 1)', valueName: 'NAME|N' },
  cluster: { type: 'string', description: 'YAML file with a Cluster object (svclab.io/v1alpha1) overriding the default cluster', valueName: 'FILE' },
  'max-pods': { type: 'number', description: 'pods the simulated cluster holds in all (default 50000)', valueName: 'N' },
  seed: { type: 'number', description: 'seed for every random choice: names, ClusterIPs, node ports (default 1)', valueName: 'N' },
  debug: { type: 'boolean', description: 'print stack traces of internal errors' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

export const DESCRIBE_USAGE = `Usage: svclab describe svc|pod|endpoints [NAME...] -f PATH [options]

Shows objects of the simulated cluster as \`kubectl describe\` prints them: for a Service, its
selector, ClusterIP, ports and the Endpoints line (the pod addresses traffic goes to).

Options:
${formatHelp(DESCRIBE_FLAGS)}

Exit codes: 0 ok, 1 a NAME was not found, 2 usage error or unparseable input.
`;

const WORDS: Record<string, DescribeResource> = { svc: 'services', service: 'services', services: 'services', po: 'pods', pod: 'pods', pods: 'pods', ep: 'endpoints', endpoints: 'endpoints' };

export async function describeCommand(argv: string[], io: CliIO): Promise<number> {
  const { flags, operands } = parseArgs(argv, DESCRIBE_FLAGS);
  if (flags.help) {
    io.stdout.write(DESCRIBE_USAGE);
    return 0;
  }
  if (operands.length === 0) throw new UsageError('what to describe? e.g. `svclab describe svc my-service -f k8s/` (svc, pod, endpoints)');
  // kubectl also takes `svc/NAME`.
  const [word, inlineName] = operands[0].split('/', 2);
  const resource = Object.prototype.hasOwnProperty.call(WORDS, word.toLowerCase()) ? WORDS[word.toLowerCase()] : undefined;
  if (!resource) throw new UsageError(`svclab describe shows svc, pod or endpoints, not "${word}"`);
  const names = [...(inlineName ? [inlineName] : []), ...operands.slice(1)];
  const seed = numOf(flags.seed);
  const { cluster, namespace } = await loadCluster(io, strs(flags.filename), { namespace: str(flags.namespace), seed, clusterFile: str(flags.cluster), maxPods: maxPodsFlag(flags['max-pods']), ...scenarioFlags(flags) });
  const out = renderDescribe(cluster, resource, namespace, names);
  io.stdout.write(out.stdout);
  for (const line of out.notFound) io.stderr.write(`${line}\n`);
  if (!out.stdout && !out.notFound.length) io.stderr.write(`No resources found in ${namespace} namespace.\n`);
  return out.notFound.length ? 1 : 0;
}
