import * as fs from 'node:fs';
import * as path from 'node:path';
import { collectFiles } from '../load/files';
import { lintSources } from '../lint';
import { parseSourceFile } from '../parse/parse-file';
import { formatHelp, numOf, parseArgs, str, strs, UsageError, type FlagSpecs } from './args';
import type { CliIO } from './io';
import { simulateModel } from '../sim/simulate';
import { ClusterConfigError, clusterObjects, clusterOverridesFromObject, resolveClusterConfig } from '../sim/cluster-config';
import type { ClusterConfig, SimCluster } from '../sim/types';
import { getOutputFormat, renderGet, resolveResource as resolveSimResource, UnknownResourceError, type GetOptions, type Resource } from '../views/kubectl-get';

export const GET_FLAGS: FlagSpecs = {
  filename: { type: 'string', short: 'f', multiple: true, description: 'manifests: file, directory, glob or - for stdin', valueName: 'PATH' },
  namespace: { type: 'string', short: 'n', description: 'namespace to list, and the one objects without a namespace land in (default: default)', valueName: 'NS' },
  'all-namespaces': { type: 'boolean', short: 'A', description: 'list every namespace (adds a NAMESPACE column)' },
  output: { type: 'string', short: 'o', description: 'wide | json | yaml (default: a table)', valueName: 'FORMAT' },
  cluster: { type: 'string', description: 'YAML file with a Cluster object (svclab.io/v1alpha1) overriding the default cluster', valueName: 'FILE' },
  seed: { type: 'number', description: 'seed for every random choice: names, ClusterIPs, node ports (default 1)', valueName: 'N' },
  debug: { type: 'boolean', description: 'print stack traces of internal errors' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

export const GET_USAGE = `Usage: svclab get RESOURCE[,RESOURCE...] [NAME...] -f PATH [options]

Shows the cluster Kubernetes would run from the manifests, as \`kubectl get\` prints it.
RESOURCE is one of: pods (po), services (svc), endpoints (ep), endpointslices, nodes (no).
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

/** Reads `--cluster FILE`: the first Cluster object in it. */
function readClusterFile(io: CliIO, file: string): Partial<ClusterConfig> {
  const abs = path.resolve(io.cwd, file);
  let text: string;
  try {
    text = fs.readFileSync(abs, 'utf8');
  } catch {
    throw new UsageError(`--cluster ${file}: cannot read the file`);
  }
  const parsed = parseSourceFile({ path: file, absPath: abs, text });
  const broken = parsed.findings.find((f) => f.ruleId === 'yaml-syntax');
  if (broken) throw new UsageError(`--cluster ${file}:${broken.range.line}:${broken.range.column}: ${broken.message}`);
  const m = parsed.manifests.find((x) => x.kind === 'Cluster' && x.apiVersion.startsWith('svclab.io/'));
  if (!m) throw new UsageError(`--cluster ${file}: no \`kind: Cluster\` object (apiVersion: svclab.io/v1alpha1) in the file`);
  // Checked against schemas/cluster-svclab-v1alpha1.json like any manifest: a misspelt field would otherwise be ignored.
  const errors = lintSources([{ path: file, absPath: abs, text }]).findings.filter((f) => f.severity === 'error' && f.object?.kind === 'Cluster');
  if (errors.length) throw new UsageError(errors.map((f) => `--cluster ${f.file}:${f.line}:${f.column}: ${f.message}`).join('\n'));
  try {
    return clusterOverridesFromObject(m.value);
  } catch (err) {
    if (err instanceof ClusterConfigError) throw new UsageError(`--cluster ${file}: ${err.message}`);
    throw err;
  }
}

export interface LoadedCluster {
  cluster: SimCluster;
  lintErrors: number;
}

/**
 * Loads, lints and simulates: shared by the commands that show the simulated cluster. Writes
 * notices (missing files, lint errors, refused objects) to stderr; throws UsageError for input
 * that cannot be simulated.
 */
export async function loadCluster(io: CliIO, files: string[], options: { namespace?: string; seed?: number; clusterFile?: string }): Promise<LoadedCluster> {
  if (files.length === 0) throw new UsageError('which manifests? give them with -f PATH (a file, directory, glob or - for stdin)');
  const collected = await collectFiles(files, { cwd: io.cwd, readStdin: io.readStdin });
  if (collected.missing.length) throw new UsageError(`no such file, directory or glob match: ${collected.missing.join(', ')}`);
  if (collected.unreadable.length) throw new UsageError(`${collected.unreadable[0].path}: ${collected.unreadable[0].reason}`);
  const namespace = options.namespace ?? 'default';
  const override = options.clusterFile ? readClusterFile(io, options.clusterFile) : {};
  let run = lintSources(collected.files, { namespace });
  const fatal = run.findings.filter((f) => f.ruleId === 'yaml-syntax');
  if (fatal.length) {
    for (const f of fatal) io.stderr.write(`${f.file}:${f.line}:${f.column}: ${f.message}\n`);
    throw new UsageError(`the input cannot be parsed (${fatal.length} YAML error${fatal.length === 1 ? '' : 's'}); nothing to simulate`);
  }
  let config: ClusterConfig;
  try {
    config = resolveClusterConfig(run.model, override);
  } catch (err) {
    if (err instanceof ClusterConfigError) throw new UsageError(`Cluster object: ${err.message}`);
    throw err;
  }
  // A custom cluster changes what the linter checks against (node port range, service CIDR, domain).
  if (clusterObjects(run.model).length || Object.keys(override).length) {
    run = lintSources(collected.files, { namespace, nodePortRange: config.nodePortRange, serviceCIDRs: [config.serviceCIDR], clusterDomain: config.clusterDomain });
  }
  const lintErrors = run.summary.errors;
  if (lintErrors) io.stderr.write(`svclab: ${lintErrors} lint error${lintErrors === 1 ? '' : 's'} in the input; run \`svclab lint\` to see ${lintErrors === 1 ? 'it' : 'them'}\n`);
  const cluster = simulateModel(run.model, { namespace, seed: options.seed, cluster: override });
  for (const r of cluster.rejected) {
    io.stderr.write(`Warning: the API server would refuse ${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name}: ${r.reason}\n`);
  }
  return { cluster, lintErrors };
}

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
  const namespace = str(flags.namespace) ?? 'default';
  const names = operands.slice(1);
  // kubectl refuses NAMEs with --all-namespaces (names are only unique within a namespace).
  if (names.length && flags['all-namespaces'] === true) throw new UsageError('a resource cannot be retrieved by name across all namespaces');
  const { cluster } = await loadCluster(io, strs(flags.filename), { namespace, seed, clusterFile: str(flags.cluster) });
  const out = renderGet(cluster, resources, { namespace, allNamespaces: flags['all-namespaces'] === true, output, names });
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
