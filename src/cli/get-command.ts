import * as fs from 'node:fs';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { collectFiles } from '../load/files';
import { lintSources } from '../lint';
import { parseSourceFile } from '../parse/parse-file';
import { formatHelp, numOf, parseArgs, str, strs, UsageError, type FlagSpecs } from './args';
import type { CliIO } from './io';
import { simulateModel } from '../sim/simulate';
import { ClusterConfigError, clusterObjects, clusterOverridesFromObject, resolveClusterConfig } from '../sim/cluster-config';
import type { ClusterConfig, ClusterState, SimCluster } from '../sim/types';
import { endpointSliceObject, endpointsObject, nodeObject, plain, podObject, serviceObject, type KubeObject } from '../sim/objects';
import { endpointSliceRow, endpointsRow, HEADERS, nodeRow, podRow, renderTable, serviceRow } from '../sim/printers';
import { didYouMean } from '../util/did-you-mean';

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

type Resource = keyof typeof HEADERS;

const ALIASES: Record<string, Resource> = {
  pods: 'pods', pod: 'pods', po: 'pods',
  services: 'services', service: 'services', svc: 'services',
  endpoints: 'endpoints', ep: 'endpoints',
  endpointslices: 'endpointslices', endpointslice: 'endpointslices', 'endpointslices.discovery.k8s.io': 'endpointslices',
  nodes: 'nodes', node: 'nodes', no: 'nodes',
};

const KIND_NAMES: Record<Resource, string> = { pods: 'pods', services: 'services', endpoints: 'endpoints', endpointslices: 'endpointslices.discovery.k8s.io', nodes: 'nodes' };

export function resolveResource(word: string): Resource {
  const r = ALIASES[word.toLowerCase()];
  if (r) return r;
  const guess = didYouMean(word, Object.keys(ALIASES));
  throw new UsageError(`the server doesn't have a resource type "${word}"${guess ? ` (did you mean ${guess}?)` : ''}; svclab get knows pods, services, endpoints, endpointslices and nodes`);
}

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
  const m = parsed.manifests.find((x) => x.kind === 'Cluster');
  if (!m) throw new UsageError(`--cluster ${file}: no \`kind: Cluster\` object (apiVersion: svclab.io/v1alpha1) in the file`);
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

interface Listed {
  namespace: string;
  name: string;
  row: string[];
  object: () => KubeObject;
}

function listResource(cluster: ClusterState, resource: Resource, wide: boolean): Listed[] {
  switch (resource) {
    case 'pods':
      return cluster.pods.map((p) => ({ namespace: p.namespace, name: p.name, row: podRow(p, wide), object: () => podObject(p, cluster.seed) }));
    case 'services':
      return cluster.services.map((s) => ({ namespace: s.namespace, name: s.name, row: serviceRow(s, wide), object: () => serviceObject(s, cluster.seed) }));
    case 'endpoints':
      return cluster.endpoints.map((e) => ({ namespace: e.namespace, name: e.name, row: endpointsRow(e), object: () => endpointsObject(e, cluster) }));
    case 'endpointslices':
      return cluster.endpointSlices.map((s) => ({ namespace: s.namespace, name: s.name, row: endpointSliceRow(s), object: () => endpointSliceObject(s, cluster) }));
    case 'nodes':
      return cluster.nodes.map((n) => ({ namespace: '', name: n.name, row: nodeRow(n, cluster, wide), object: () => nodeObject(n, cluster) }));
  }
}

/** `kubectl get a,b` prefixes names with the resource, as `service/kubernetes`. */
const PREFIX: Record<Resource, string> = { pods: 'pod/', services: 'service/', endpoints: 'endpoints/', endpointslices: 'endpointslice.discovery.k8s.io/', nodes: 'node/' };

export interface GetOptions {
  namespace: string;
  allNamespaces: boolean;
  output?: string;
  names?: string[];
}

/** The text `kubectl get` prints for these arguments (stdout) and its notices (stderr). */
export function renderGet(cluster: ClusterState, resources: Resource | Resource[], options: GetOptions): { stdout: string; stderr: string; notFound: boolean } {
  const list = Array.isArray(resources) ? resources : [resources];
  const wide = options.output === 'wide';
  const names = options.names ?? [];
  let stderr = '';
  const sections = list.map((resource) => {
    const clusterScoped = resource === 'nodes';
    let items = listResource(cluster, resource, wide);
    if (!clusterScoped && !options.allNamespaces) items = items.filter((i) => i.namespace === options.namespace);
    if (names.length) {
      items = items.filter((i) => names.includes(i.name));
      const found = new Set(items.map((i) => i.name));
      for (const n of names) if (!found.has(n)) stderr += `Error from server (NotFound): ${KIND_NAMES[resource]} "${n}" not found\n`;
    }
    // The API server lists in key order: namespace, then name.
    items.sort((a, b) => (a.namespace === b.namespace ? cmp(a.name, b.name) : cmp(a.namespace, b.namespace)));
    return { resource, items, withNamespace: options.allNamespaces && !clusterScoped };
  });
  const notFound = stderr !== '';

  if (options.output === 'json' || options.output === 'yaml') {
    const items = sections.flatMap((x) => x.items.map((i) => plain(i.object())));
    const doc = { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
    return { stdout: options.output === 'json' ? `${JSON.stringify(doc, null, 4)}\n` : stringify(doc, { indentSeq: false }), stderr, notFound };
  }
  const tables = sections.filter((x) => x.items.length).map((x) => table(x.items, x.resource, wide, x.withNamespace, list.length > 1 ? PREFIX[x.resource] : ''));
  if (tables.length === 0 && !notFound) {
    const where = list.every((r) => r === 'nodes') || options.allNamespaces ? '' : ` in ${options.namespace} namespace`;
    stderr += `No resources found${where}.\n`;
  }
  return { stdout: tables.join('\n'), stderr, notFound };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function table(items: Listed[], resource: Resource, wide: boolean, withNamespace: boolean, prefix: string): string {
  const h = HEADERS[resource];
  const headers: string[] = [...h.normal, ...(wide ? h.wide : [])];
  const rows = items.map((i) => (prefix ? [prefix + i.row[0], ...i.row.slice(1)] : i.row));
  return renderTable(withNamespace ? { headers: ['NAMESPACE', ...headers], rows: rows.map((r, k) => [items[k].namespace, ...r]) } : { headers, rows });
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
  const output = str(flags.output);
  if (output !== undefined && !['wide', 'json', 'yaml'].includes(output)) throw new UsageError(`unknown output format "${output}"; choose wide, json or yaml`);
  const seed = numOf(flags.seed);
  if (seed !== undefined && (!Number.isInteger(seed) || seed < 0)) throw new UsageError('--seed needs a whole number of 0 or more');
  const namespace = str(flags.namespace) ?? 'default';
  const { cluster } = await loadCluster(io, strs(flags.filename), { namespace, seed, clusterFile: str(flags.cluster) });
  const out = renderGet(cluster, resources, { namespace, allNamespaces: flags['all-namespaces'] === true, output, names: operands.slice(1) });
  io.stdout.write(out.stdout);
  io.stderr.write(out.stderr);
  return out.notFound ? 1 : 0;
}

