import { formatHelp, maxPodsFlag, numOf, parseArgs, str, strs, UsageError, type FlagSpecs } from './args';
import type { CliIO } from './io';
import { loadCluster } from './cluster-input';
import { writeReport } from './output';
import { TargetError } from '../sim/proxy/request';
import type { RouteResult, SimCluster } from '../sim/types';
import { GRAPH_FORMATS, picture, renderPicture, type GraphFormat } from '../views/graph/index';
import { UnknownFormatError } from '../report/formatter';

export const GRAPH_FLAGS: FlagSpecs = {
  filename: { type: 'string', short: 'f', multiple: true, description: 'manifests: file, directory, glob or - for stdin', valueName: 'PATH' },
  namespace: { type: 'string', short: 'n', description: 'draw this namespace (default: default), and the namespace of objects without one', valueName: 'NS' },
  'all-namespaces': { type: 'boolean', short: 'A', description: 'draw every namespace' },
  format: { type: 'string', short: 'o', description: `${GRAPH_FORMATS.join('|')} (default svg)`, valueName: 'FORMAT' },
  output: { type: 'string', description: 'write the picture to FILE (default: standard output)', valueName: 'FILE' },
  route: { type: 'string', description: "draw the hops of a request: 'TARGET --from SOURCE' (as svclab curl takes them)", valueName: 'REQUEST' },
  'built-ins': { type: 'boolean', description: 'also draw the built-in Services (default/kubernetes, kube-system/kube-dns)' },
  seed: { type: 'number', description: 'seed for every random choice: names, IPs, load balancing (default 1)', valueName: 'N' },
  cluster: { type: 'string', description: 'YAML file with a Cluster object (svclab.io/v1alpha1) overriding the default cluster', valueName: 'FILE' },
  'max-pods': { type: 'number', description: "pods the simulated cluster holds in all (default 50000; the Cluster object's spec.maxPods)", valueName: 'N' },
  debug: { type: 'boolean', description: 'print stack traces of internal errors' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

export const GRAPH_USAGE = `Usage: svclab graph -f PATHS [-n NS|-A] [--format svg|html|mermaid|dot] [--output FILE] [--route 'TARGET --from SOURCE']

Draws the simulated cluster: nodes as lanes holding their pods (name, IP, state), Services
(type, ClusterIP, ports port→targetPort, node port, load balancer address) linked to the pods
their EndpointSlices hold, per port (not-ready endpoints and unresolved named ports drawn
apart), ExternalName targets, the external client, and lint errors marked on their objects.
With --route, the hops of that request are drawn on it, numbered. Above 200 pods the pods of
each workload are drawn as one stack with a count.

Formats: svg (self-contained, default), html (the SVG in a page, labels on hover), mermaid
(for README files and pull requests), dot (Graphviz).

Options:
${formatHelp(GRAPH_FLAGS)}

Examples:
  svclab graph -f examples/seed-000/ --output seed-000.svg
  svclab graph -f examples/seed-002/ --route 'counter-np:3000 --from pod/counter' --format html --output route.html
  svclab graph -f k8s/ -A --format mermaid

Exit codes: 0 drawn, 2 usage error or input that cannot be simulated.
`;

/** Splits `--route 'TARGET --from SOURCE [--count N] [-n NS]'` into a request. */
export function parseRouteFlag(text: string): { to: string; from: string; count: number; namespace?: string } {
  const words = text.trim().split(/\s+/).filter(Boolean);
  let to: string | undefined;
  let from = 'pod';
  let count = 1;
  let namespace: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const value = (name: string) => {
      const v = w.includes('=') ? w.slice(w.indexOf('=') + 1) : words[++i];
      if (v === undefined) throw new UsageError(`--route: ${name} needs a value`);
      return v;
    };
    if (w === '--from' || w.startsWith('--from=')) from = value('--from');
    else if (w === '--count' || w.startsWith('--count=')) count = Number(value('--count'));
    else if (w === '-n' || w === '--namespace' || w.startsWith('--namespace=')) namespace = value('--namespace');
    else if (w.startsWith('-')) throw new UsageError(`--route: unknown option ${w} (it takes TARGET --from SOURCE [--count N] [-n NS])`);
    else if (to === undefined) to = w;
    else throw new UsageError(`--route: one TARGET expected, got ${to} and ${w}`);
  }
  if (to === undefined) throw new UsageError("--route needs a target: --route 'my-service:80 --from pod'");
  if (!Number.isInteger(count) || count < 1 || count > 10000) throw new UsageError(`--route: --count must be a whole number from 1 to 10000, got ${count}`);
  return { to, from, count, namespace };
}

/** Routes a request for a picture; a target that cannot be parsed is a usage error. */
export function routeFor(cluster: SimCluster, request: { to: string; from: string; count: number; namespace?: string }, namespace: string, seed: number | undefined): RouteResult {
  try {
    return cluster.route({ from: request.from, to: request.to, namespace: request.namespace ?? namespace, count: request.count, seed });
  } catch (err) {
    if (err instanceof TargetError) throw new UsageError(`${err.message} (${err.hint})`);
    throw err;
  }
}

export async function graphCommand(argv: string[], io: CliIO): Promise<number> {
  const { flags, operands } = parseArgs(argv, GRAPH_FLAGS);
  if (flags.help) {
    io.stdout.write(GRAPH_USAGE);
    return 0;
  }
  if (operands.length) throw new UsageError(`unexpected operand ${operands[0]}: give the manifests with -f PATH`);
  const format = str(flags.format) ?? 'svg';
  if (!(GRAPH_FORMATS as readonly string[]).includes(format)) throw new UnknownFormatError(format, GRAPH_FORMATS);
  const all = flags['all-namespaces'] === true;
  const namespace = str(flags.namespace);
  if (all && namespace !== undefined) throw new UsageError('give -n NS or -A, not both');
  const seed = numOf(flags.seed);
  const request = str(flags.route) !== undefined ? parseRouteFlag(str(flags.route) ?? '') : undefined;
  const { cluster, findings, inputs } = await loadCluster(io, strs(flags.filename), { namespace, seed, clusterFile: str(flags.cluster), maxPods: maxPodsFlag(flags['max-pods']) });
  const route = request ? routeFor(cluster, request, namespace ?? 'default', seed) : undefined;
  const p = picture(cluster, { namespace: all ? undefined : (namespace ?? 'default'), findings, route, builtIns: flags['built-ins'] === true });
  writeReport(io, renderPicture(format as GraphFormat, p), str(flags.output), inputs);
  return 0;
}
