import { formatHelp, maxPodsFlag, numOf, parseArgs, str, strs, UsageError, type FlagSpecs } from './args';
import type { CliIO } from './io';
import { loadCluster, scenarioFlags } from './cluster-input';
import { parseSelector } from '../model/selectors';
import { getOutputFormat, renderGet, resolveResource as resolveSimResource, UnknownResourceError, type GetOptions, type Resource } from '../views/kubectl-get';

export const GET_FLAGS: FlagSpecs = {
  filename: { type: 'string', short: 'f', multiple: true, description: 'manifests: file, directory, glob or - for stdin', valueName: 'PATH' },
  namespace: { type: 'string', short: 'n', description: 'namespace to list, and the one objects without a namespace land in (default: default)', valueName: 'NS' },
  'all-namespaces': { type: 'boolean', short: 'A', description: 'list every namespace (adds a NAMESPACE column)' },
  selector: { type: 'string', short: 'l', description: 'only objects whose labels match, as kubectl -l (app=web, tier!=db, env in (a,b))', valueName: 'SELECTOR' },
  scenario: { type: 'string', description: 'use a scenario folder\'s manifests, cluster, seed and namespace (instead of -f)', valueName: 'DIR' },
  step: { type: 'string', description: 'with --scenario: the state after this step (its name or number, from 1)', valueName: 'NAME|N' },
  output: { type: 'string', short: 'o', description: 'wide | json | yaml (default: a table)', valueName: 'FORMAT' },
  'show-labels': { type: 'boolean', description: 'tables: add a LABELS column (namespaces carry kubernetes.io/metadata.name)' },
  cluster: { type: 'string', description: 'YAML file with a Cluster object (svclab.io/v1alpha1) overriding the default cluster', valueName: 'FILE' },
  'max-pods': { type: 'number', description: 'pods the simulated cluster holds in all (default 50000; the Cluster object\'s spec.maxPods)', valueName: 'N' },
  seed: { type: 'number', description: 'seed for every random choice: names, ClusterIPs, node ports (default 1)', valueName: 'N' },
  debug: { type: 'boolean', description: 'print stack traces of internal errors' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

export const GET_USAGE = `Usage: svclab get RESOURCE[,RESOURCE...] [NAME...] -f PATH [options]

Shows the cluster Kubernetes would run from the manifests, as \`kubectl get\` prints it.
RESOURCE is one of: pods (po), services (svc), endpoints (ep), endpointslices, nodes (no),
networkpolicies (netpol), namespaces (ns),
ingresses (ing), ingressclasses, gatewayclasses (gc), gateways (gtw), httproutes, grpcroutes.
The simulated cluster is the embedded default (see README) unless a Cluster object or
--cluster says otherwise.

Options:
${formatHelp(GET_FLAGS)}

Exit codes: 0 ok, 2 usage error or unparseable input. Lint errors are noted on stderr only.
`;

/**
 * kubectl's resource words to the resources svclab shows; an unknown word is a usage error.
 * (The rendering lives in views/kubectl-get, shared with the scenario harness; these re-exports
 * keep older imports working.)
 */
export function resolveResource(word: string): Resource {
  try {
    return resolveSimResource(word);
  } catch (err) {
    if (err instanceof UnknownResourceError) throw new UsageError(err.message);
    throw err;
  }
}
export { renderGet };
export type { GetOptions, Resource };

export async function getCommand(argv: string[], io: CliIO): Promise<number> {
  const { flags, operands } = parseArgs(argv, GET_FLAGS);
  if (flags.help) {
    io.stdout.write(GET_USAGE);
    return 0;
  }
  if (operands.length === 0) throw new UsageError('which resource? e.g. `svclab get svc -f k8s/` (pods, services, endpoints, endpointslices, nodes)');
  const resources = [...new Set(operands[0].split(',').filter((w) => w !== '').map(resolveResource))];
  if (resources.length === 0) throw new UsageError('which resource? e.g. `svclab get svc -f k8s/`');
  const output = getOutputFormat(str(flags.output));
  const seed = numOf(flags.seed);
  if (seed !== undefined && (!Number.isInteger(seed) || seed < 0)) throw new UsageError('--seed needs a whole number of 0 or more');
  const names = operands.slice(1);
  const selectorText = str(flags.selector);
  const selector = selectorText === undefined ? undefined : parseSelector(selectorText);
  if (selector === null) throw new UsageError(`-l "${selectorText}" is not a label selector; write key=value, key!=value, key in (a,b), key or !key, joined by commas`);
  // kubectl refuses NAMEs with --all-namespaces (names are only unique within a namespace).
  if (names.length && flags['all-namespaces'] === true) throw new UsageError('a resource cannot be retrieved by name across all namespaces');
  const { cluster, namespace } = await loadCluster(io, strs(flags.filename), { namespace: str(flags.namespace), seed, clusterFile: str(flags.cluster), maxPods: maxPodsFlag(flags['max-pods']), ...scenarioFlags(flags) });
  const out = renderGet(cluster, resources, { namespace, allNamespaces: flags['all-namespaces'] === true, output, names, showLabels: flags['show-labels'] === true, ...(selector ? { selector } : {}) });
  if (resources.includes('endpoints') && endpointsDeprecated(cluster.config.kubernetesVersion)) {
    // The API server's warning header for v1 Endpoints since 1.33 (KEP-4974), which kubectl prints first.
    io.stderr.write('Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n');
  }
  io.stdout.write(out.stdout);
  io.stderr.write(out.stderr);
  return out.notFound ? 1 : 0;
}

/** Whether the simulated cluster's version (`v1.33.1`) is one that deprecates v1 Endpoints. */
function endpointsDeprecated(version: string): boolean {
  const m = /^v?(\d+)\.(\d+)/.exec(version);
  return m !== null && (Number(m[1]) > 1 || Number(m[2]) >= 33);
}
